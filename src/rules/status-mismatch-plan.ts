import { boardStatus, categoriesDiffer, changesOf, describeStatus, movedBoardSide, planStatus } from './support/helpers.js';
import { rowsOf } from '../model/model.js';
import { defineRule, noOptions } from '../core/rule.js';
import type { RuleContext } from '../core/rule.js';

/**
 * The change moved the plan's status and touched neither board: board-not-updated
 * reports that cause at the same line, so this rule does not report it twice.
 */
function reportedByBoardNotUpdated(context: RuleContext<unknown>, id: string): boolean {
  const planMoved = changesOf(context, id, 'plan').some((change) => change.kind === 'modified' && change.statusChanged);
  return planMoved && changesOf(context, id, 'board').length === 0 && changesOf(context, id, 'csv').length === 0;
}

export default defineRule({
  id: 'status-mismatch-plan',
  description: "A plan's status for a task differs from the board's.",
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const findings = [];
    for (const id of context.tasks) {
      if (context.mode === 'change' && reportedByBoardNotUpdated(context, id)) continue;
      // Compared with the board side the change moved, else the CSV, then the Markdown board.
      const board = boardStatus(context.head, id, movedBoardSide(context, id));
      const plan = planStatus(context.head, id);
      if (!board || !plan || !categoriesDiffer(board.status, plan.status)) continue;
      // Cite the Markdown row when it says the same: which side was compared changes when a fix mirrors the move, the citation should not.
      const cited = rowsOf(context.head.board, id).find((row) => row.status?.category === board.status.category) ?? board.row;
      findings.push({
        taskId: id,
        file: plan.row.file,
        line: plan.row.line,
        key: `${id}:${board.status.category}/${plan.status.category}`,
        message: `${id} is ${describeStatus(plan.status)} in ${plan.row.file} but ${describeStatus(cited.status ?? board.status)} on the board (${cited.file}:${cited.line}); update whichever is stale`,
      });
    }
    return findings;
  },
});
