import { boardStatus, categoriesDiffer, describeStatus, planStatus } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'status-mismatch-plan',
  description: "A plan's status for a task differs from the board's.",
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check({ head, tasks }) {
    const findings = [];
    for (const id of tasks) {
      const board = boardStatus(head, id);
      const plan = planStatus(head, id);
      if (!board || !plan || !categoriesDiffer(board.status, plan.status)) continue;
      findings.push({
        taskId: id,
        file: plan.row.file,
        line: plan.row.line,
        key: `${id}:${board.status.category}/${plan.status.category}`,
        message: `${id} is ${describeStatus(plan.status)} in ${plan.row.file} but ${describeStatus(board.status)} on the board (${board.row.file}:${board.row.line}); update whichever is stale`,
      });
    }
    return findings;
  },
});
