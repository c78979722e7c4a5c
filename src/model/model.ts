import type { ColumnName } from '../config/schema.js';
import type { Settings, Status } from '../config/settings.js';
import type { MarkdownRowStyle } from '../parse/markdown-table.js';
import { emptyTaskGraph, type TaskGraph } from './tasks.js';

/** Which kind of document a task row comes from. */
export type SourceKind = 'board' | 'csv' | 'backlog' | 'plan';

/** Section of a plan file a row sits in. */
export type PlanSection = 'active' | 'delivered' | 'other';

/** One line as a fix quotes it: its 1-based number and its text without the line ending. */
export interface LineRef {
  line: number;
  text: string;
}

/** How rows are written in a table, so a fix writes new ones the same way. */
export type RowStyle =
  | { syntax: 'markdown'; markdown: MarkdownRowStyle }
  /** Per column: the file writes this field in quotes. */
  | { syntax: 'csv'; quoted: boolean[] };

/** Where a table is and how it is laid out: what a fix needs to add or rewrite its rows. */
export interface TableLayout {
  file: string;
  /** Header cell texts. */
  header: string[];
  /** Column index by canonical name. */
  columns: Partial<Record<ColumnName, number>>;
  /** The line a row placed first goes after: the delimiter row, or the CSV header record's last line. */
  headerEnd: LineRef;
  /** The table's last line: its last row, else `headerEnd`. */
  end: LineRef;
  style: RowStyle;
}

/**
 * How a row is written: what a fix needs to rewrite it or to write a row like it. Rules
 * judge a row by its meaning ({@link TaskRow}); only fixes read this.
 */
export interface RowLayout {
  /** 1-based line where the row ends (a CSV record with a line break in a quoted field spans several). */
  endLine: number;
  /**
   * The row's lines as written, joined by `\n` without line endings (the form a fix
   * expects); null when the row shares a line with another record.
   */
  text: string | null;
  /** Cells as written: Markdown cell sources or CSV field values, in header order (as many as the row has). */
  cells: string[];
  /** Markdown rows: [start, end) of each cell's source in `text`. */
  cellSpans: [number, number][] | null;
  /** The table the row belongs to (its header, column map and row style). */
  table: TableLayout;
}

/** One row that names a task ID, from any planning document: what it means, and (`written`) how it is written. */
export interface TaskRow {
  source: SourceKind;
  file: string;
  /** 1-based line where the row starts. */
  line: number;
  id: string;
  /** True when the ID cell holds a range such as `ST-Z-001-006`. */
  range: boolean;
  /** Plain-text cell values by canonical column name (a key for every column the table maps). */
  fields: Partial<Record<ColumnName, string>>;
  status: Status | null;
  /** Plan files the row links to (repository-relative). */
  planLinks: string[];
  /** Normalised row content: two rows with equal `content` are the same row. */
  content: string;
  section: PlanSection | null;
  /**
   * The row's syntax is broken, so rules still see its task but no fix copies from it:
   * `unparsed`, a CSV record csv-parse rejected, read leniently (its edits cannot be
   * trusted, so the diff does not read them); `malformed`, a record or row with the wrong
   * number of fields or cells.
   */
  damage: 'unparsed' | 'malformed' | null;
  /** The layout a fix rewrites. */
  written: RowLayout;
}

/** A table-shaped document (board, CSV, backlog, plan): its task rows by ID. */
export interface TaskTable {
  file: string;
  rows: TaskRow[];
  byId: Map<string, TaskRow[]>;
  /** The tables holding task rows (with an ID column), in document order, rows or not. */
  layouts: TableLayout[];
}

export interface PlanDoc extends TaskTable {
  /** Plan letters named by the file name. */
  plan: string | null;
  /** The text of the plan's first top-level heading (`Plan B – Performance`). */
  title: string | null;
  /** Every ID that occurs anywhere in the plan's text. */
  mentions: Set<string>;
  /** The heading of the plan's first active task table as the plan writes it (`In flight`), for advice. */
  activeHeading: string | null;
  /** `(done, total)` over the Active-work table, if the plan has one. */
  activeProgress: { done: number; total: number } | null;
}

/** A plan index line's progress note: `(2/5 Done)`. */
export const INDEX_PROGRESS = /\((\d+)\s*\/\s*(\d+)\s+done\)/i;

export interface PlanIndexEntry {
  line: number;
  text: string;
  /** Set when the line is a table row: its cells, to write a new row like it. */
  row: { cells: { raw: string; start: number; end: number }[]; style: MarkdownRowStyle } | null;
  /** Plan files the line links to or names. */
  targets: string[];
  progress: { done: number; total: number } | null;
}

export interface PlanIndexDoc {
  file: string;
  text: string;
  entries: PlanIndexEntry[];
}

export interface SessionLogDoc {
  file: string;
  mentions: Set<string>;
}

/** What every problem with a document says: where, which task (if one), and its identity. */
interface ProblemPlace {
  file: string;
  line: number;
  taskId: string | null;
  /** A problem tied to no single task (`taskId` null) that leaves these tasks unread: it is judged whenever one of them is. */
  unreadTasks?: string[];
  /** Stable identity across revisions (no line numbers). */
  key: string;
  /** A problem of a blinding kind that is pre-existing when the base had it too, as a missing document is. */
  failsOnlyWhenNew?: boolean;
}

/**
 * What was found, as data: the kind (which rule reports it) and the facts its sentence
 * needs. The sentence is the reporting rule's (rules/<id>.ts), so the model writes no prose.
 */
export type ProblemFacts =
  /** The file is not a readable document. */
  | { kind: 'unreadable'; cause: 'lfs-pointer' | 'binary' }
  | { kind: 'unreadable'; cause: 'symlink'; target: string }
  | { kind: 'unreadable'; cause: 'too-large'; size: number; limit: number }
  /** csv-parse rejected a record; `taskIds` are the tasks recovered from it (the first is `taskId`). */
  | { kind: 'csv-syntax'; parserMessage: string; taskIds: string[] }
  | { kind: 'csv-field-count'; cause: 'field-count'; label: string; fields: number; headerFields: number }
  /** A record whose ID field is not a task ID. */
  | { kind: 'csv-field-count'; cause: 'not-an-id'; idText: string }
  | { kind: 'csv-plan-link'; planLinkText: string }
  | { kind: 'csv-header'; cause: 'empty' | 'no-id-column' }
  /** A Markdown row with fewer cells than its header, or more where a code span was cut in two. */
  | { kind: 'md-row'; cause: 'cell-count'; cells: number; headerCells: number }
  /** An ID cell holding the ID and more (`OPS-8 (p1)`). */
  | { kind: 'md-row'; cause: 'id-and-more'; cell: string; column: string }
  /** An ID cell holding a mistyped ID (`OPS14`); `suggestion` is its upper-case form when that is an ID. */
  | { kind: 'md-row'; cause: 'not-an-id'; cell: string; suggestion: string | null }
  /** A task table lacks a column the rules need (status, title); `likely` is the header each missing one most likely is. */
  | { kind: 'unmapped-table'; header: string[]; missing: { column: ColumnName; likely: string | null }[] }
  /** A task table sits under a plan heading that is neither active nor delivered. */
  | { kind: 'plan-section'; heading: string }
  /** A document has tables but none with an ID column (the first three headers, and how many tables). */
  | { kind: 'no-task-table'; cause: 'no-id-column'; headers: { line: number; cells: string[] }[]; tables: number }
  /** A board with no Markdown table at all. */
  | { kind: 'no-task-table'; cause: 'no-table' }
  /** A document with no table whose list items name tasks (`unreadTasks`). */
  | { kind: 'no-task-table'; cause: 'list-items'; unreadTasks: string[] };

/** A problem with a document's bytes or syntax, found while building the model. */
export type DocProblem = ProblemPlace & ProblemFacts;

/** The problems of one kind (each rule's sentence function takes these). */
export type ProblemOf<K extends DocProblem['kind']> = Extract<DocProblem, { kind: K }>;

/** Everything doc-sync knows about the planning documents at one revision. */
export interface DocModel {
  /** Tracked files at this revision: path → blob id. */
  files: Map<string, string>;
  /** Decoded text of every readable tracked file. */
  texts: Map<string, string>;
  board: TaskTable | null;
  csv: TaskTable | null;
  backlog: TaskTable | null;
  plans: Map<string, PlanDoc>;
  planIndex: PlanIndexDoc | null;
  sessionLogs: Map<string, SessionLogDoc>;
  problems: DocProblem[];
  /** The generalised model: the preset's task sources and relations at this revision (empty for the table layout until it is expressed in them). */
  graph: TaskGraph;
}

export function emptyModel(): DocModel {
  return {
    files: new Map(),
    texts: new Map(),
    board: null,
    csv: null,
    backlog: null,
    plans: new Map(),
    planIndex: null,
    sessionLogs: new Map(),
    problems: [],
    graph: emptyTaskGraph(),
  };
}

/** Every table that holds task rows: board, CSV, backlog, then the plans. */
export function taskTables(model: DocModel): TaskTable[] {
  return [model.board, model.csv, model.backlog, ...model.plans.values()].filter((table): table is TaskTable => table !== null);
}

/**
 * Whether a table's rows were read: false when the document has no task table (an
 * emptied board), whose problem is one finding, so rules do not also report each of its
 * tasks as deleted or missing.
 */
export function hasTaskTable(table: TaskTable | null): table is TaskTable {
  return table !== null && table.layouts.length > 0;
}

/** Rows of a task on the boards and in the plans, at one revision. */
export function rowsOf(table: TaskTable | null, id: string): TaskRow[] {
  return table?.byId.get(id) ?? [];
}

/** The two boards: the Markdown board and its CSV mirror. */
export type BoardSide = 'board' | 'csv';

/**
 * A task's rows on the boards, in the one precedence every rule and fix uses:
 * the side `first` names comes first (the side a change moved, so a plan is compared
 * with the newer word; or the Markdown board when a caller wants Markdown cells);
 * without it the CSV (the machine-readable mirror) comes before the Markdown board.
 */
export function boardRowsOf(model: DocModel, id: string, first: BoardSide = 'csv'): TaskRow[] {
  const second: BoardSide = first === 'csv' ? 'board' : 'csv';
  return [...rowsOf(model[first], id), ...rowsOf(model[second], id)];
}

/** The plan letters of a board task: from its plan links (CSV first), else from its ID. */
export function planLetterOf(model: DocModel, settings: Settings, id: string): string | null {
  for (const link of boardRowsOf(model, id).flatMap((row) => row.planLinks)) {
    const letter = settings.planOfFile(link);
    if (letter) return letter;
  }
  return settings.planOfId(id);
}

/** All plan rows for an ID, across plan files. */
export function planRowsOf(model: DocModel, id: string): TaskRow[] {
  const rows: TaskRow[] = [];
  for (const plan of model.plans.values()) rows.push(...rowsOf(plan, id));
  return rows;
}

export function indexById(rows: TaskRow[]): Map<string, TaskRow[]> {
  const byId = new Map<string, TaskRow[]>();
  for (const row of rows) {
    const list = byId.get(row.id);
    if (list) list.push(row);
    else byId.set(row.id, [row]);
  }
  return byId;
}
