import { rowsOf } from '../model/model.js';
import { changesOf, isOnBoard } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'backlog-only-id',
  description: 'A task touched in the backlog is on neither board.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const findings = [];
    for (const id of context.tasks) {
      const row = rowsOf(context.head.backlog, id)[0];
      if (!row || isOnBoard(context.head, id)) continue;
      if (context.mode === 'change' && changesOf(context, id, 'backlog').length === 0) continue;
      findings.push({
        taskId: id,
        file: row.file,
        line: row.line,
        message: `${id} is in the backlog but on neither board; every backlog row needs a Markdown board row and a CSV record`,
      });
    }
    return findings;
  },
});
