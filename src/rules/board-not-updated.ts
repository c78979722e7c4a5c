import { boardStatus, categoriesDiffer, changesOf, describeStatus, isOnBoard } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'board-not-updated',
  description: "A plan row's status changed but neither board row was edited to match.",
  defaultSeverity: 'error',
  kind: 'change',
  options: noOptions,
  check(context) {
    const findings = [];
    for (const id of context.tasks) {
      const planChange = changesOf(context, id, 'plan').find((change) => change.kind === 'modified' && change.statusChanged);
      if (!planChange || changesOf(context, id, 'board').length > 0 || changesOf(context, id, 'csv').length > 0) continue;
      const planStatus = planChange.after!.status;
      const board = boardStatus(context.head, id);
      if (isOnBoard(context.head, id) && !(board && categoriesDiffer(board.status, planStatus))) continue;
      findings.push({
        taskId: id,
        file: planChange.file,
        line: planChange.line,
        message: board
          ? `the plan now says ${id} is ${describeStatus(planStatus!)} but the board still says ${describeStatus(board.status)}; update the Markdown board and the CSV in the same change`
          : `the plan changed the status of ${id} but ${id} is on neither board; add it to the Markdown board and the CSV`,
      });
    }
    return findings;
  },
});
