import { rowsOf } from '../model/model.js';
import { comparable } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'duplicate-id',
  description: 'The change leaves more rows with one ID on the Markdown board or in the CSV than before.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check({ base, head, tasks }) {
    const findings = [];
    for (const id of tasks) {
      for (const [label, before, after] of [
        ['Markdown board', base.board, head.board],
        ['CSV', base.csv, head.csv],
      ] as const) {
        const rows = rowsOf(after, id);
        if (rows.length < 2) continue;
        const baseCount = rowsOf(before, id).length;
        const titles = new Set(rows.map((row) => comparable(row.fields.title)));
        findings.push({
          taskId: id,
          file: rows[1]!.file,
          line: rows[1]!.line,
          message: `${id} has ${rows.length} rows in the ${label} (lines ${rows.map((row) => row.line).join(', ')})${
            titles.size > 1 ? ' with different titles: the ID may have been reused for another task' : ''
          }; the first one gives the status, remove or renumber the others`,
          key: `${label}:${id}`,
          // Judged on counts: introduced only when the change added a row with this ID.
          introduced: rows.length > baseCount,
        });
      }
    }
    return findings;
  },
});
