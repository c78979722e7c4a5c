import { missingRowRepair } from './support/row-fixes.js';
import { hasTaskTable, rowsOf } from '../model/model.js';
import { withRepair } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'md-row-missing',
  description: 'A task has a CSV record but no Markdown board row.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check({ head, tasks }) {
    // A board with no task table is table-unmapped's one finding.
    if (!hasTaskTable(head.board)) return [];
    const findings = [];
    for (const id of tasks) {
      const csv = rowsOf(head.csv, id)[0];
      if (!csv || rowsOf(head.board, id).length > 0) continue;
      findings.push({
        taskId: id,
        file: csv.file,
        line: csv.line,
        ...withRepair(`${id} has a CSV record but no row on the Markdown board ${head.board.file}; add the row`, missingRowRepair(head, id, 'board')),
      });
    }
    return findings;
  },
});
