import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rule } from '../core/rule.js';

/** Rule docs ship beside the code: docs/rules/ next to dist/ (bundled) or two levels above src/adapters/. */
const HERE = dirname(fileURLToPath(import.meta.url));
const DOCS_DIRS = [join(HERE, '..', 'docs', 'rules'), join(HERE, '..', '..', 'docs', 'rules')];

/** A rule's docs page (Markdown); its description when the page is not shipped. */
export async function readRuleDocs(rule: Pick<Rule, 'id' | 'description'>): Promise<string> {
  for (const dir of DOCS_DIRS) {
    try {
      return await readFile(join(dir, `${rule.id}.md`), 'utf8');
    } catch {
      // Not in this layout; try the next.
    }
  }
  return `# ${rule.id}\n\n${rule.description}\n`;
}
