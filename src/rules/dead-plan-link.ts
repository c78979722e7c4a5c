import { rowsOf } from '../model/model.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'dead-plan-link',
  description: "A board row links to a plan file that does not exist.",
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check({ head, tasks }) {
    const findings = [];
    for (const id of tasks) {
      for (const row of [...rowsOf(head.csv, id), ...rowsOf(head.board, id)]) {
        for (const link of row.planLinks) {
          if (head.files.has(link)) continue;
          findings.push({
            taskId: id,
            file: row.file,
            line: row.line,
            message: `${id} links to ${link}, which does not exist; fix the path or restore the plan`,
            key: `${row.source}:${id}:${link}`,
          });
        }
      }
    }
    return findings;
  },
});
