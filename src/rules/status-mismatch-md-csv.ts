import { rowsOf } from '../model/model.js';
import { categoriesDiffer, changesOf, describeStatus, withFix } from './support/helpers.js';
import { mirrorRepair } from './support/mirror.js';
import { defineRule, noOptions } from '../core/rule.js';

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
      const boardChanges = changesOf(context, id, 'board');
      const csvChanges = changesOf(context, id, 'csv');
      const edited = boardChanges.length > 0 && csvChanges.length === 0 ? 'board' : csvChanges.length > 0 && boardChanges.length === 0 ? 'csv' : null;
      const target = edited === 'board' ? csv : md;
      // Mechanical only when the change edited the status on one side: that side is the news.
      const statusEdited = edited !== null && (edited === 'board' ? boardChanges : csvChanges).some((change) => change.changedFields.includes('status'));
      const fix = statusEdited ? mirrorRepair(context, id, edited) : null;
      findings.push({
        taskId: id,
        file: target.file,
        line: target.line,
        // Same task, same disagreement: only then is it the drift that was already there.
        key: `${id}:${md.status!.category}/${csv.status!.category}`,
        message: `${id} is ${describeStatus(md.status!)} on the Markdown board (line ${md.line}) but ${describeStatus(csv.status!)} in the CSV (line ${csv.line}); make them agree`,
        ...withFix(fix),
      });
    }
    return findings;
  },
});
