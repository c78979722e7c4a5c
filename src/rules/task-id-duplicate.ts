import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { judged, nameOf, placeOf } from './graph/relations.js';

export default defineRule({
  id: 'task-id-duplicate',
  description: 'A task source states one task ID more than once (in one checklist file, across task folders, or twice in a ledger).',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { base, head } = context;
    const findings: RuleFinding[] = [];
    for (const source of head.graph.sources.values()) {
      for (const [key, statements] of source.byKey) {
        if (statements.length < 2 || !judged(context, key)) continue;
        const [first, second] = statements as [(typeof statements)[0], (typeof statements)[0]];
        const before = base.graph.sources.get(source.name)?.byKey.get(key)?.length ?? 0;
        const titles = new Set(statements.map((task) => task.title.trim().toLowerCase()));
        findings.push({
          taskId: key,
          file: second.file,
          line: second.line,
          message: `${nameOf(source, first)} is stated ${statements.length} times in source "${source.name}" (${statements.map(placeOf).join(', ')})${
            titles.size > 1 ? ' with different titles: the ID may have been reused for another task' : ''
          }; the first one (${placeOf(first)}) gives the status, so delete the copies or give the other tasks new IDs`,
          key: `${source.name}:${key}`,
          // Judged on counts, as duplicate-id: introduced only when the change added a statement.
          introduced: statements.length > before,
        });
      }
    }
    return findings;
  },
});
