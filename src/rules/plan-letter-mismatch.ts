import { posix } from 'node:path';
import { rowsOf } from '../model/model.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'plan-letter-mismatch',
  description: "A task's plan link or backlog Plan column names another plan than its ID's letters.",
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check({ head, tasks, settings }) {
    const findings = [];
    for (const id of tasks) {
      const letter = settings.planOfId(id);
      if (!letter) continue;
      for (const row of [...rowsOf(head.csv, id), ...rowsOf(head.board, id), ...rowsOf(head.backlog, id)]) {
        const named = row.planLinks.map((link) => settings.planOfFile(link)).filter((plan) => plan !== null);
        if (row.source === 'backlog' && row.fields.plan) {
          // Case-sensitive: "Plan B" names a plan, "Plan to be decided" does not.
          const fromColumn = /\bPlan\s+([A-Z]{1,2})\b/.exec(row.fields.plan)?.[1];
          if (fromColumn) named.push(fromColumn);
        }
        if (named.length === 0 || named.includes(letter)) continue;
        findings.push({
          taskId: id,
          file: row.file,
          line: row.line,
          message: `${id} belongs to plan ${letter} by its ID but its ${row.source === 'backlog' ? 'backlog row' : 'row'} names plan ${[...new Set(named)].join(', ')}${
            row.planLinks.length > 0 ? ` (${row.planLinks.map((link) => posix.basename(link)).join(', ')})` : ''
          }; fix the link or the ID`,
          key: `${row.source}:${id}`,
        });
      }
    }
    return findings;
  },
});
