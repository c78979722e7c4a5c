import { z } from 'zod';
import type { ColumnName } from '../../config/schema.js';
import type { Fix, RuleFinding } from '../../core/finding.js';
import { copyCellsFix } from './row-fixes.js';
import { rowsOf, type TaskRow } from '../../model/model.js';
import { categoriesDiffer, changesOf, comparable, withFix } from './helpers.js';
import type { RuleContext } from '../../core/rule.js';

/** Columns the Markdown board and the CSV mirror. */
const MIRRORED = ['title', 'status', 'owner', 'deliverable'] as const satisfies readonly ColumnName[];

export const mirrorOptions = z.strictObject({
  fields: z.array(z.enum(MIRRORED)).default([...MIRRORED]).describe('Columns the Markdown board and the CSV must mirror.'),
});
export type MirrorOptions = z.infer<typeof mirrorOptions>;

const LABEL: Record<'board' | 'csv', string> = { board: 'Markdown row', csv: 'CSV record' };

/** Whether a mirrored column disagrees: statuses by category, text ignoring markup and case. */
function disagrees(a: TaskRow, b: TaskRow, column: ColumnName): boolean {
  if (column === 'status') return categoriesDiffer(a.status, b.status);
  return comparable(a.fields[column]) !== comparable(b.fields[column]);
}

/**
 * The repair when the change edited one side of the mirror and left the other alone:
 * copy every mirrored cell the change edited that now disagrees, from the edited side to
 * the other. Null when that is not mechanical (a row added rather than edited, several
 * rows, both sides edited). csv-not-updated, md-not-updated and status-mismatch-md-csv
 * share it, so two findings about one row carry the same edit.
 */
export function mirrorRepair(context: RuleContext<unknown>, id: string, edited: 'board' | 'csv'): Fix | null {
  const other = edited === 'board' ? 'csv' : 'board';
  const editedChanges = changesOf(context, id, edited);
  const change = editedChanges[0];
  if (editedChanges.length !== 1 || change?.kind !== 'modified' || changesOf(context, id, other).length > 0) return null;
  const from = rowsOf(context.head[edited], id)[0];
  const to = rowsOf(context.head[other], id)[0];
  if (!from || !to) return null;
  const columns = MIRRORED.filter((column) => change.changedFields.includes(column) && disagrees(from, to, column));
  return copyCellsFix(context.head, id, edited, columns);
}

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
    const disagreeing = context.options.fields.filter((field) => changed.has(field) && disagrees(editedRow, otherRow, field));
    if (disagreeing.length === 0 && !secondRecordAdded) continue;
    const change = editedChanges[0]!;
    const fix = secondRecordAdded ? null : mirrorRepair(context, id, edited);
    findings.push({
      taskId: id,
      file: otherRow.file,
      line: otherRow.line,
      message: secondRecordAdded
        ? `a second ${LABEL[edited]} was added for ${id} (line ${change.line}) but its ${LABEL[other]} was not updated`
        : `the ${LABEL[edited]} of ${id} changed (${disagreeing.join(', ')}) but its ${LABEL[other]} did not; copy the change across`,
      ...withFix(fix),
    });
  }
  return findings;
}
