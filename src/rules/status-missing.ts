import { rowsOf, type TaskRow } from '../model/model.js';
import { defineRule, noOptions } from '../core/rule.js';

/** Where a row is, as a message says it. */
function placeOf(row: TaskRow): string {
  if (row.source === 'board') return 'on the Markdown board';
  if (row.source === 'csv') return 'in the CSV';
  return `in ${row.file}`;
}

export default defineRule({
  id: 'status-missing',
  description: 'A board or plan row has a status column but its status cell is empty, so its consistency cannot be judged.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check({ head, tasks }) {
    const findings = [];
    for (const id of tasks) {
      // The first row of each document gives its status, as for unknown-status.
      const plans = [...head.plans.values()].map((plan) => rowsOf(plan, id)[0]).filter((row) => row !== undefined);
      for (const row of [...rowsOf(head.board, id).slice(0, 1), ...rowsOf(head.csv, id).slice(0, 1), ...plans]) {
        const statusColumn = row.layout.columns.status;
        // A damaged row's missing cell is md-malformed-row's or csv-malformed-row's finding.
        if (row.status !== null || statusColumn === undefined || row.damage !== null) continue;
        const header = row.layout.header[statusColumn] ?? 'status';
        const cell = row.source === 'csv' ? 'field' : 'cell';
        findings.push({
          taskId: id,
          file: row.file,
          line: row.line,
          message: `${id} has no status ${placeOf(row)}: its "${header}" ${cell} is empty; write the task's status (one of the words under statuses in the config)`,
          key: `${row.source}:${row.file}:${id}`,
        });
      }
    }
    return findings;
  },
});
