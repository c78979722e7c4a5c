import { statusRowsOf } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'unknown-status',
  description: 'A board or plan status is not in the status vocabulary, so its consistency cannot be judged.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check({ head, tasks }) {
    const findings = [];
    for (const id of tasks) {
      // A plan's unknown word hides board-not-updated and status-mismatch-plan, as a board's hides status-mismatch-md-csv.
      for (const row of statusRowsOf(head, id)) {
        // A damaged row's status may be another column's text: md-malformed-row or csv-malformed-row is the cause.
        if (row.status?.category !== 'unknown' || row.damage !== null) continue;
        const where = row.source === 'plan' ? ` in ${row.file}` : '';
        findings.push({
          taskId: id,
          file: row.file,
          line: row.line,
          message: `the status "${row.status.text.slice(0, 60)}" of ${id}${where} is not a known status word; use one of the configured words or add it under statuses in the config`,
          key: `${row.source}:${row.file}:${id}:${row.status.text}`,
        });
      }
    }
    return findings;
  },
});
