import { z } from 'zod';
import type { ColumnName } from '../../config/schema.js';
import type { RuleFinding } from '../../core/finding.js';
import { rowsOf } from '../../model/model.js';
import { categoriesDiffer, changesOf, comparable } from './helpers.js';
import type { RuleContext } from '../rule.js';

export const mirrorOptions = z.strictObject({
  fields: z
    .array(z.enum(['title', 'status', 'owner', 'deliverable']))
    .default(['title', 'status', 'owner', 'deliverable'])
    .describe('Columns the Markdown board and the CSV must mirror.'),
});
export type MirrorOptions = z.infer<typeof mirrorOptions>;

const LABEL: Record<'board' | 'csv', string> = { board: 'Markdown row', csv: 'CSV record' };

/**
 * One side of the mirror changed and the other did not. Fires only when the edited
 * cells now disagree with the other side, so an edit that repairs drift is clean.
 */
export function checkMirror(context: RuleContext<MirrorOptions>, edited: 'board' | 'csv'): RuleFinding[] {
  const other = edited === 'board' ? 'csv' : 'board';
  const findings: RuleFinding[] = [];
  for (const id of context.tasks) {
    const editedChanges = changesOf(context, id, edited);
    if (editedChanges.length === 0 || changesOf(context, id, other).length > 0) continue;
    const editedRow = rowsOf(context.head[edited], id)[0];
    const otherRow = rowsOf(context.head[other], id)[0];
    if (!editedRow || !otherRow || rowsOf(context.base[other], id).length === 0) continue;
    const secondRecordAdded = editedChanges.some((change) => change.kind === 'added') && rowsOf(context.base[edited], id).length > 0;
    const changed = new Set<ColumnName>(editedChanges.flatMap((change) => change.changedFields));
    const disagreeing = context.options.fields.filter((field) => {
      if (!changed.has(field)) return false;
      if (field === 'status') return categoriesDiffer(editedRow.status, otherRow.status);
      return comparable(editedRow.fields[field]) !== comparable(otherRow.fields[field]);
    });
    if (disagreeing.length === 0 && !secondRecordAdded) continue;
    const change = editedChanges[0]!;
    findings.push({
      taskId: id,
      file: otherRow.file,
      line: otherRow.line,
      message: secondRecordAdded
        ? `a second ${LABEL[edited]} was added for ${id} (line ${change.line}) but its ${LABEL[other]} was not updated`
        : `the ${LABEL[edited]} of ${id} changed (${disagreeing.join(', ')}) but its ${LABEL[other]} did not; copy the change across`,
    });
  }
  return findings;
}
