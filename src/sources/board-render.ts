import type { TaskCard } from './task-card.js';

/** One task as the board exporter sees it: the task file's ID, title, status and parent, with its card fields. */
export interface BoardTask extends TaskCard {
  id: string;
  title: string;
  status: string;
  parent?: string;
}

/**
 * A date as Backlog.md's exporter compares it (`new Date(...)` over its normalised
 * `created_date`/`updated_date`): `YYYY-MM-DD`, `YYYY-MM-DD HH:mm` (also with `T`), the legacy
 * `DD-MM-YY`, `DD/MM/YY` and `DD.MM.YY`. Times are taken as UTC, where Backlog.md takes the
 * machine's zone (the same order on a UTC runner). NaN when unreadable, as there.
 */
export function boardDate(written: string | undefined): number {
  const text = (written ?? '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(text);
  if (iso) {
    const [, year, month, day, hours, minutes] = iso;
    return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours ?? 0), Number(minutes ?? 0));
  }
  const legacy = /^(\d{2})[-/.](\d{2})[-/.](\d{2})$/.exec(text);
  if (legacy) {
    const [, day, month, year] = legacy;
    return Date.UTC(2000 + Number(year), Number(month) - 1, Number(day));
  }
  return text === '' ? Number.NaN : Date.parse(text);
}

/** The number Backlog.md's exporter reads from an ID to order tasks (`task-12` → 12; other prefixes give NaN, which orders nothing). */
const exporterNumber = (id: string): number => Number.parseInt(id.replace('task-', ''), 10);

/** A comparison as `Array.prototype.sort` takes it, NaN read as "equal" (as the sort itself reads it). */
const settled = (difference: number): number => (Number.isNaN(difference) ? 0 : difference);

/** An ID's numbers as Backlog.md orders IDs (`back-24.02` → [24, 2]; else its trailing number; else [0]). */
function idNumbers(id: string): number[] {
  const numeric = id.replace(/^[a-zA-Z]+-/, '');
  const parts = numeric.split('.').map((part) => Number.parseInt(part, 10));
  if (parts.every((part) => !Number.isNaN(part))) return parts;
  const trailing = /(\d+)$/.exec(numeric);
  return [trailing ? Number.parseInt(trailing[1]!, 10) : 0];
}

/** Backlog.md's ID order (`task-2` < `task-2.1` < `task-10`), the order it loads tasks in. */
export function compareTaskIds(a: string, b: string): number {
  const left = idNumbers(a);
  const right = idNumbers(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

/** Newest first by `updated_date` (else `created_date`), then the higher task number first: the exporter's column order. */
function newestFirst(a: BoardTask, b: BoardTask): number {
  const dateA = boardDate(a.updatedDate ?? a.createdDate);
  const dateB = boardDate(b.updatedDate ?? b.createdDate);
  if (dateB !== dateA) return settled(dateB - dateA);
  return settled(exporterNumber(b.id) - exporterNumber(a.id));
}

/**
 * The columns of the board: the configured statuses in order (trimmed, once each), then any
 * other status a task has, in the order tasks have it; a task's status joins the configured
 * one it matches ignoring case. Tasks without a status are not on the board.
 */
function columnsOf(tasks: readonly BoardTask[], statuses: readonly string[]): { names: string[]; tasks: Map<string, BoardTask[]> } {
  const canonical = new Map<string, string>();
  const grouped = new Map<string, BoardTask[]>();
  for (const status of statuses) {
    const name = status.trim();
    if (name === '') continue;
    if (!canonical.has(name.toLowerCase())) canonical.set(name.toLowerCase(), name);
    if (!grouped.has(name)) grouped.set(name, []);
  }
  for (const task of tasks) {
    const raw = task.status.trim();
    if (raw === '') continue;
    const name = canonical.get(raw.toLowerCase()) ?? raw;
    grouped.set(name, [...(grouped.get(name) ?? []), task]);
  }
  return { names: [...grouped.keys()], tasks: grouped };
}

/**
 * One column top-down: newest first; a sub-task whose parent is in the same status goes right
 * under its parent (by the exporter's number, `5.1` and `5.2` both 5, so ties stay newest first), the others stand on their own. A sub-task whose parent
 * is itself placed under another task is left out, as the exporter leaves it out.
 */
function columnOrder(column: readonly BoardTask[], byId: ReadonlyMap<string, BoardTask>): BoardTask[] {
  // Ties keep the order tasks were loaded in: by ID.
  const sorted = [...column].sort((a, b) => compareTaskIds(a.id, b.id)).sort(newestFirst);
  const top: BoardTask[] = [];
  const children = new Map<BoardTask, BoardTask[]>();
  for (const task of sorted) {
    const parent = task.parent ? byId.get(task.parent.toLowerCase()) : undefined;
    if (parent && parent.status === task.status) children.set(parent, [...(children.get(parent) ?? []), task]);
    else top.push(task);
  }
  return top.flatMap((task) => [task, ...(children.get(task) ?? []).sort((a, b) => settled(exporterNumber(a.id) - exporterNumber(b.id)))]);
}

/** A card: `**TASK-7** - Title [@ada, @bo]<br>*#cli #ux*`, `└─ ` before a sub-task; empty without an ID or title. */
function cardText(task: BoardTask | undefined): string {
  if (!task || task.id === '' || task.title === '') return '';
  const assignees = task.assignees.length > 0 ? ` [${task.assignees.map((name) => (name.startsWith('@') ? name : `@${name}`)).join(', ')}]` : '';
  const labels = task.labels.length > 0 ? `<br>*${task.labels.map((label) => `#${label}`).join(' ')}*` : '';
  return `${task.parent ? '└─ ' : ''}**${task.id.toUpperCase()}** - ${task.title}${assignees}${labels}`;
}

/**
 * The board table `backlog board export --readme` writes between the README markers, line by
 * line: a header of the statuses, `---` under each, then the columns filled top-down. Modelled on
 * Backlog.md's exporter (`src/board.ts`), our own code; null when there is no status to make a
 * column of (the exporter then writes "No tasks found." and no table).
 */
export function renderBoardTable(tasks: readonly BoardTask[], statuses: readonly string[]): string[] | null {
  const { names, tasks: grouped } = columnsOf(tasks, statuses);
  if (names.length === 0) return null;
  const byId = new Map(tasks.map((task) => [task.id.toLowerCase(), task]));
  const columns = names.map((name) => columnOrder(grouped.get(name) ?? [], byId));
  const depth = Math.max(0, ...columns.map((column) => column.length));
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    row(names.map((name) => name || 'No Status')),
    row(names.map(() => '---')),
    ...Array.from({ length: depth }, (_, index) => row(columns.map((column) => cardText(column[index])))),
  ];
}
