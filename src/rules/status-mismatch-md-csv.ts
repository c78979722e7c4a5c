import { rowsOf } from '../model/model.js';
import { categoriesDiffer, changesOf, describeStatus } from './support/helpers.js';
import { defineRule, noOptions } from './rule.js';

export default defineRule({
  id: 'status-mismatch-md-csv',
  description: 'The Markdown board and the CSV give a task different status categories.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { head, tasks } = context;
    const findings = [];
    for (const id of tasks) {
      const md = rowsOf(head.board, id)[0];
      const csv = rowsOf(head.csv, id)[0];
      if (!md || !csv || !categoriesDiffer(md.status, csv.status)) continue;
      // Point at the side the change did not edit: that is the one to update.
      const editedMarkdownOnly = changesOf(context, id, 'board').length > 0 && changesOf(context, id, 'csv').length === 0;
      const target = editedMarkdownOnly ? csv : md;
      findings.push({
        taskId: id,
        file: target.file,
        line: target.line,
        // Same task, same disagreement: only then is it the drift that was already there.
        key: `${id}:${md.status!.category}/${csv.status!.category}`,
        message: `${id} is ${describeStatus(md.status!)} on the Markdown board (line ${md.line}) but ${describeStatus(csv.status!)} in the CSV (line ${csv.line}); make them agree`,
      });
    }
    return findings;
  },
});
