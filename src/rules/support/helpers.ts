import type { Status } from '../../config/settings.js';
import type { Fix } from '../../core/finding.js';
import type { Repair } from './row-fixes.js';
import type { RowChange } from '../../diff/changes.js';
import { boardRowsOf, planRowsOf, rowsOf, type BoardSide, type DocModel, type SourceKind, type TaskRow } from '../../model/model.js';
import type { RuleContext } from '../../core/rule.js';

/**
 * The status a board gives a task: the first row with a status in `boardRowsOf`'s
 * precedence (the side `first` names, else the CSV, then the Markdown board).
 */
export function boardStatus(model: DocModel, id: string, first?: BoardSide): { status: Status; row: TaskRow } | null {
  for (const row of boardRowsOf(model, id, first)) {
    if (row.status) return { status: row.status, row };
  }
  return null;
}

/** The status the plans give a task: a delivered row means done, else the first row with a status. */
export function planStatus(model: DocModel, id: string): { status: Status; row: TaskRow } | null {
  const rows = planRowsOf(model, id).filter((row) => row.status !== null);
  const delivered = rows.find((row) => row.section === 'delivered' || row.status?.category === 'done');
  const row = delivered ?? rows[0];
  return row ? { status: row.status!, row } : null;
}

/**
 * The rows that give a task's status in each document: its first Markdown board row, its
 * first CSV record and its first row in each plan (unknown-status and status-missing).
 */
export function statusRowsOf(model: DocModel, id: string): TaskRow[] {
  const plans = [...model.plans.values()].map((plan) => rowsOf(plan, id)[0]).filter((row) => row !== undefined);
  return [...rowsOf(model.board, id).slice(0, 1), ...rowsOf(model.csv, id).slice(0, 1), ...plans];
}

/** Two statuses disagree only when both are understood and their categories differ. */
export function categoriesDiffer(a: Status | null | undefined, b: Status | null | undefined): boolean {
  return !!a && !!b && a.category !== 'unknown' && b.category !== 'unknown' && a.category !== b.category;
}

export function describeStatus(status: Status): string {
  return `"${status.text.length > 40 ? `${status.text.slice(0, 40)}…` : status.text}" (${status.category})`;
}

export function isOnBoard(model: DocModel, id: string): boolean {
  return rowsOf(model.board, id).length > 0 || rowsOf(model.csv, id).length > 0;
}

export function changesOf(context: RuleContext<unknown>, id: string, source?: SourceKind): RowChange[] {
  const all = context.changes.tasks.get(id) ?? [];
  return source ? all.filter((change) => change.source === source) : all;
}

/** A board status change: a changed status cell or a new row, in the Markdown board or the CSV. */
export function boardStatusChanges(context: RuleContext<unknown>, id: string): RowChange[] {
  return changesOf(context, id).filter(
    (change) => (change.source === 'board' || change.source === 'csv') && change.statusChanged,
  );
}

/**
 * The board side this change moved a task's status on, when it moved only one: the plan
 * is compared with that side (the newer word), so a board-only change shows every stale
 * document in one round instead of first the CSV, then the plan.
 */
export function movedBoardSide(context: RuleContext<unknown>, id: string): BoardSide | undefined {
  const sides = new Set(boardStatusChanges(context, id).map((change) => change.source as BoardSide));
  return sides.size === 1 ? [...sides][0] : undefined;
}

/** Text of a cell for comparing the Markdown board with the CSV: no Markdown, no `<br>`, no spacing. */
export function comparable(text: string | undefined): string {
  return (text ?? '')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

// The rules' toolbox hands on the one plural.
export { plural } from '../../core/words.js';

/** Lists up to `max` items and says how many more there are. */
export function listSome(items: readonly string[], max = 5): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Spread into a finding: its message, and its fix or (appended to the message) why doc-sync fix cannot write one. */
export function withRepair(message: string, repair: Repair | null): { message: string; fix?: Fix } {
  if (repair?.fix) return { message, fix: repair.fix };
  return { message: repair?.reason ? `${message} (doc-sync fix cannot: ${repair.reason})` : message };
}

/** Spread into a finding: its fix, when there is one. */
export function withFix(fix: Fix | null): { fix?: Fix } {
  return fix ? { fix } : {};
}
