import type { Rule } from '../core/rule.js';
import type { SarifRuleMeta } from '../report/sarif.js';
import { readRuleDocs } from './rule-docs.js';

/** SARIF's rule metadata: each rule's id, description, default severity and docs page. */
export async function loadSarifRules(rules: readonly Pick<Rule, 'id' | 'description' | 'defaultSeverity'>[], docsBaseUrl?: string): Promise<SarifRuleMeta[]> {
  return Promise.all(
    rules.map(async (rule) => ({
      id: rule.id,
      description: rule.description,
      defaultSeverity: rule.defaultSeverity,
      help: await readRuleDocs(rule),
      ...(docsBaseUrl ? { helpUri: `${docsBaseUrl}${rule.id}.md` } : {}),
    })),
  );
}
