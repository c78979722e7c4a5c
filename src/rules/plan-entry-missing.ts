import { isOnBoard } from './support/helpers.js';
import { lookUpPlan } from './support/plan-resolution.js';
import { rowsOf } from '../model/model.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'plan-entry-missing',
  description: 'A task on the board does not occur in its plan file.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { head } = context;
    const findings = [];
    for (const id of context.tasks) {
      if (!isOnBoard(head, id)) continue;
      const lookup = lookUpPlan(context, head, id);
      const single = context.settings.firstId(id);
      if (lookup.plans.some((plan) => plan.mentions.has(id) || plan.mentions.has(single))) continue;
      // At the Markdown row when there is one: a fix that adds the missing CSV record then leaves the finding where it was.
      const row = rowsOf(head.board, id)[0] ?? rowsOf(head.csv, id)[0]!;
      const letter = context.settings.planOfId(id);
      const where =
        lookup.plans.length > 0
          ? lookup.plans.map((plan) => plan.file).join(' or ')
          : `any plan file (none found for plan ${letter ?? '?'}${lookup.paths.length > 0 ? `; the linked ${lookup.paths.join(', ')} does not exist` : ''})`;
      findings.push({
        taskId: id,
        file: row.file,
        line: row.line,
        message: `${id} is on the board but does not occur in ${where}; add it to the plan's Active work table`,
      });
    }
    return findings;
  },
});
