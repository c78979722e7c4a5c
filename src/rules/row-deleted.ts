import { hasTaskTable, rowsOf } from '../model/model.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'row-deleted',
  description: 'Every row of a task disappeared from the Markdown board or the CSV.',
  defaultSeverity: 'error',
  kind: 'change',
  options: noOptions,
  check({ base, head, tasks }) {
    const findings = [];
    for (const id of tasks) {
      for (const [label, before, after] of [
        ['Markdown board', base.board, head.board],
        ['CSV', base.csv, head.csv],
      ] as const) {
        // A deleted file is reported once by doc-missing, a board with no task table once by table-unmapped, not once per row.
        if (!hasTaskTable(after)) continue;
        const was = rowsOf(before, id)[0];
        if (!was || rowsOf(after, id).length > 0) continue;
        findings.push({
          taskId: id,
          file: after.file,
          line: was.line,
          message: `the change removed every row of ${id} from the ${label} (it was at line ${was.line}); tasks move between columns, they are not deleted`,
          key: `${label}:${id}`,
        });
      }
    }
    return findings;
  },
});
