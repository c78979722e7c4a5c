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
      // A range row (ST-Q-001-002) is judged by its members: only those on neither board are reported.
      const members = context.settings.membersOf(id);
      const missing = members.filter((member) => !isOnBoard(context.head, member));
      if (missing.length === 0) continue;
      const isRange = members.length > 1;
      findings.push({
        taskId: id,
        file: added.file,
        line: added.line,
        message: isRange
          ? `${id} was added to ${added.file}, but ${missing.length === members.length ? 'none of its members is on either board' : `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} on neither board`}; add ${missing.length === 1 ? 'it' : 'them'} to the Markdown board and the CSV`
          : `${id} was added to ${added.file} but is on neither board; add it to the Markdown board and the CSV`,
      });
    }
    return findings;
  },
});
