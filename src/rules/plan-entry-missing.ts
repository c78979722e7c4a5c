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
      const linkedMissing = lookup.paths.length > 0 ? `; the linked ${lookup.paths.join(', ')} does not exist` : '';
      const none = letter ? `none found for plan ${letter}${linkedMissing}` : lookup.paths.length > 0 ? `the linked ${lookup.paths.join(', ')} does not exist` : 'its board rows link to no plan file, and ids.pattern has no plan group to find one by its ID';
      const where = lookup.plans.length > 0 ? lookup.plans.map((plan) => plan.file).join(' or ') : `any plan file (${none})`;
      // The plan's own active heading (In flight), else the first configured one.
      const heading = lookup.plans.length === 1 ? lookup.plans[0]!.activeHeading : null;
      const advice = heading ? `add it to the plan's ${heading} table` : `add it to a task table under an active heading such as "${context.settings.config.sections.active[0]}" in its plan`;
      findings.push({
        taskId: id,
        file: row.file,
        line: row.line,
        message: `${id} is on the board but does not occur in ${where}; ${advice}`,
      });
    }
    return findings;
  },
});
