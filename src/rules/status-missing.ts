import type { TaskRow } from '../model/model.js';
import { statusRowsOf } from './support/helpers.js';
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
      for (const row of statusRowsOf(head, id)) {
        // No `status` field: the table has no status column. A damaged row's missing cell is md-malformed-row's or csv-malformed-row's finding.
        if (row.status !== null || row.fields.status === undefined || row.damage !== null) continue;
        // The message names the column by the header the table writes.
        const { header: headers, columns } = row.written.table;
        const header = headers[columns.status!] ?? 'status';
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
