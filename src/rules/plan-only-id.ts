import { planRowsOf } from '../model/model.js';
import { changesOf, isOnBoard } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'plan-only-id',
  description: 'An ID was newly added to a plan table and is on neither board.',
  defaultSeverity: 'warning',
  kind: 'change',
  options: noOptions,
  check(context) {
    const findings = [];
    for (const id of context.tasks) {
      const added = changesOf(context, id, 'plan').find((change) => change.kind === 'added');
      if (!added || planRowsOf(context.base, id).length > 0 || isOnBoard(context.head, id)) continue;
      findings.push({
        taskId: id,
        file: added.file,
        line: added.line,
        message: `${id} was added to ${added.file} but is on neither board; add it to the Markdown board and the CSV`,
      });
    }
    return findings;
  },
});
