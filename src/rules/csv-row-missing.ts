import { missingRowRepair } from './support/row-fixes.js';
import { rowsOf } from '../model/model.js';
import { withRepair } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'csv-row-missing',
  description: 'A task has a Markdown board row but no CSV record.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check({ head, tasks }) {
    if (!head.csv) return [];
    const findings = [];
    for (const id of tasks) {
      const md = rowsOf(head.board, id)[0];
      if (!md || rowsOf(head.csv, id).length > 0) continue;
      findings.push({
        taskId: id,
        file: md.file,
        line: md.line,
        ...withRepair(`${id} is on the Markdown board but has no record in ${head.csv.file}; add the mirroring CSV record`, missingRowRepair(head, id, 'csv')),
      });
    }
    return findings;
  },
});
