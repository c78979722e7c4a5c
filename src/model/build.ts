import type { ColumnName } from '../config/schema.js';
import type { Settings, Status } from '../config/settings.js';
import { csvQuoting, type CsvDocument, type CsvProblem, type CsvRecord } from '../parse/csv.js';
import { markdownRowStyle, type MarkdownDocument, type MarkdownRow, type MarkdownTable } from '../parse/markdown-table.js';
import { joinLines, splitLines, type DecodedDocument, type SourceLine } from '../parse/text.js';
import { planLinksIn } from './links.js';
import { PARTIAL_MIN_BYTES, partialCsv, partialMarkdown, type PartialIds } from './partial.js';
import {
  emptyModel,
  indexById,
  INDEX_PROGRESS,
  type DocModel,
  type DocProblem,
  type PlanDoc,
  type PlanIndexDoc,
  type PlanSection,
  type SourceKind,
  type TableLayout,
  type TaskRow,
  type TaskTable,
} from './model.js';

/** Parsed views of blobs, each computed once per blob id (base and head share most files). */
export interface ParsedBlobs {
  decoded(oid: string): DecodedDocument;
  markdown(oid: string): MarkdownDocument | null;
  csv(oid: string): CsvDocument | null;
  /** Parses a text derived from a blob (the partial route's reduced document) under the same limits and budget. */
  parseDerived?<T>(oid: string, read: (parsers: DerivedParsers) => T): T;
}

/** The parsers a derived text goes through: the same as a whole blob's. */
export interface DerivedParsers {
  markdown(text: string): MarkdownDocument;
  csv(bytes: Uint8Array): CsvDocument;
}

const COLUMNS: readonly ColumnName[] = [
  'id',
  'title',
  'status',
  'owner',
  'deliverable',
  'planLink',
  'notes',
  'plan',
  'preconditions',
  'definitionOfDone',
];

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim();

function columnMap(settings: Settings, header: readonly string[]): Partial<Record<ColumnName, number>> {
  const map: Partial<Record<ColumnName, number>> = {};
  for (const column of COLUMNS) {
    const index = settings.columnIndex(header, column);
    if (index !== -1) map[column] = index;
  }
  return map;
}

interface RowInput {
  source: SourceKind;
  line: number;
  endLine: number;
  text: string | null;
  cells: { text: string; links: string[] }[];
  /** Cells as written (Markdown sources, CSV values) and, for Markdown, where they sit in `text`. */
  rawCells: string[];
  cellSpans: [number, number][] | null;
  layout: TableLayout;
  content: string;
  section: PlanSection | null;
  /** Status to use when the row has no status cell (rows of a delivered table). */
  impliedStatus: Status | null;
  damage?: TaskRow['damage'];
  /** The ID read from an ID cell that holds more than the ID (`OPS-8 (p1)`). */
  idInCell?: string;
}

function toTaskRow(settings: Settings, input: RowInput): TaskRow | null {
  const { columns, file } = input.layout;
  const idIndex = columns.id;
  if (idIndex === undefined) return null;
  const parsedId = settings.exactId(input.idInCell ?? input.cells[idIndex]?.text ?? '');
  if (!parsedId) return null;
  const fields: Partial<Record<ColumnName, string>> = {};
  for (const [column, index] of Object.entries(columns) as [ColumnName, number][]) {
    fields[column] = input.cells[index]?.text ?? '';
  }
  const statusText = fields.status?.trim() ?? '';
  const status = statusText !== '' ? settings.parseStatus(statusText) : input.impliedStatus;
  const linkCells =
    columns.planLink !== undefined
      ? [input.cells[columns.planLink]]
      : columns.plan !== undefined
        ? [input.cells[columns.plan]]
        : input.cells;
  const planLinks: string[] = [];
  for (const cell of linkCells) {
    if (!cell) continue;
    for (const plan of planLinksIn(file, cell.text, cell.links, settings.isPlan)) {
      if (!planLinks.includes(plan)) planLinks.push(plan);
    }
  }
  return {
    source: input.source,
    file: file,
    line: input.line,
    id: parsedId.id,
    range: parsedId.range,
    fields,
    status,
    planLinks,
    content: input.content,
    section: input.section,
    damage: input.damage ?? null,
    written: { endLine: input.endLine, text: input.text, cells: input.rawCells, cellSpans: input.cellSpans, table: input.layout },
  };
}

function markdownRowInput(
  source: SourceKind,
  table: MarkdownTable,
  row: MarkdownRow,
  layout: TableLayout,
  section: PlanSection | null,
  impliedStatus: Status | null,
): RowInput {
  return {
    source,
    line: row.line,
    endLine: row.line,
    text: row.source,
    cells: row.cells,
    rawCells: row.cells.map((cell) => row.source.slice(cell.start, cell.end)),
    cellSpans: row.cells.map((cell) => [cell.start, cell.end]),
    layout,
    // Cell sources, so a re-padded table is not a change but any edit of a cell is.
    content: row.cells.map((cell) => squash(cell.raw)).join(' | '),
    section,
    impliedStatus,
  };
}

function tableOf(file: string, rows: TaskRow[], layouts: TableLayout[]): TaskTable {
  return { file, rows, byId: indexById(rows), layouts };
}

function markdownLayout(file: string, table: MarkdownTable, header: string[], columns: Partial<Record<ColumnName, number>>): TableLayout {
  const headerEnd = { line: table.delimiter.line, text: table.delimiter.source };
  const last = table.rows.at(-1);
  return {
    file,
    header,
    columns,
    headerEnd,
    end: last ? { line: last.line, text: last.source } : headerEnd,
    style: { syntax: 'markdown', markdown: markdownRowStyle(last ?? table.header) },
  };
}

/**
 * Columns a task table must map, besides the ID, for the rules to judge its rows: the
 * boards mirror title and status; a plan's status drives every plan rule, except in a
 * delivered table, whose heading is the status.
 */
function requiredColumns(source: SourceKind, section: PlanSection | null): ColumnName[] {
  if (source === 'board' || source === 'csv') return ['title', 'status'];
  if (source === 'plan' && section !== 'delivered') return ['status'];
  return [];
}

/**
 * The header cell a missing column most likely is, to name in the advice: for the
 * status, the unmapped column whose cells read as statuses most often; otherwise the
 * unmapped column with the longest text (titles are the wordiest cells).
 */
function likelyColumn(settings: Settings, header: readonly string[], columns: Partial<Record<ColumnName, number>>, values: readonly (readonly string[])[], missing: ColumnName): string | null {
  const mapped = new Set(Object.values(columns));
  const candidates = header.map((_, index) => index).filter((index) => !mapped.has(index) && header[index]!.trim() !== '');
  if (candidates.length === 0) return null;
  const score = (index: number) =>
    missing === 'status'
      ? values.filter((row) => settings.parseStatus(row[index] ?? '').category !== 'unknown').length
      : values.reduce((sum, row) => sum + (row[index]?.length ?? 0), 0);
  const best = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
  return header[best]!;
}

/** The problem for a task table that lacks columns the rules need: the header it saw and, per missing column, the header it most likely is. */
function unmappedTableProblem(
  settings: Settings,
  file: string,
  line: number,
  header: readonly string[],
  columns: Partial<Record<ColumnName, number>>,
  values: readonly (readonly string[])[],
  missing: readonly ColumnName[],
): DocProblem {
  return {
    kind: 'unmapped-table',
    file,
    line,
    taskId: null,
    header: [...header],
    missing: missing.map((column) => ({ column, likely: likelyColumn(settings, header, columns, values, column) })),
    key: `unmapped-table:${missing.join(',')}:${header.join('|')}`,
  };
}

/** Which section of a plan a table's heading names. */
function planSection(settings: Settings, heading: string): PlanSection {
  if (settings.sectionMatches(heading, 'delivered')) return 'delivered';
  if (settings.sectionMatches(heading, 'active')) return 'active';
  return 'other';
}

/** Task rows of every table in a Markdown file that has an ID column; a table that lacks a column the rules need is a problem, not a skip. */
function markdownTaskRows(settings: Settings, source: SourceKind, file: string, doc: MarkdownDocument, text: string, problems: DocProblem[]): TaskTable {
  const rows: TaskRow[] = [];
  const layouts: TableLayout[] = [];
  for (const table of doc.tables) {
    const header = table.header.cells.map((cell) => cell.text);
    const columns = columnMap(settings, header);
    if (columns.id === undefined) continue;
    const layout = markdownLayout(file, table, header, columns);
    layouts.push(layout);
    let section: PlanSection | null = null;
    let impliedStatus: Status | null = null;
    if (source === 'plan') {
      const heading = table.heading?.text ?? '';
      section = planSection(settings, heading);
      if (section === 'delivered') impliedStatus = { text: heading, category: 'done', date: null };
      if (section === 'other') {
        problems.push({ kind: 'plan-section', file, line: table.line, taskId: null, heading, key: `plan-section:${heading}` });
      }
    }
    const missing = requiredColumns(source, section).filter((column) => columns[column] === undefined);
    if (missing.length > 0) {
      const values = table.rows.map((row) => row.cells.map((cell) => cell.text));
      problems.push(unmappedTableProblem(settings, file, table.line, header, columns, values, missing));
    }
    for (const row of table.rows) {
      const input = markdownRowInput(source, table, row, layout, section, impliedStatus);
      const idCell = input.cells[columns.id]?.text.trim() ?? '';
      const checkId = (source === 'board' || source === 'backlog') && idCell !== '' && !settings.exactId(idCell);
      const idProblem = checkId ? boardIdProblem(settings, file, row.line, header[columns.id] ?? 'ID', idCell, input.content) : null;
      if (idProblem) problems.push(idProblem);
      if (idProblem?.taskId) {
        // The row stays its task's row (no false deletion, no second row from a fix) but no fix copies from it.
        input.idInCell = idProblem.taskId;
        input.damage = 'malformed';
      }
      const taskRow = toTaskRow(settings, input);
      if (!taskRow) continue;
      // More cells than the header is only damage when a code span was cut in two (a cell with an odd number of
      // backticks): a `|` inside it split the cell and shifted the rest. A trailing extra cell is ignored, as GFM does.
      const [cellCount, headerCount] = [row.cells.length, header.length];
      const splitCodeSpan = cellCount > headerCount && taskRow.written.cells.some((cell) => (cell.match(/`/g)?.length ?? 0) % 2 === 1);
      if ((source === 'board' || source === 'backlog') && (cellCount < headerCount || splitCodeSpan)) {
        problems.push({ kind: 'md-row', cause: 'cell-count', file, line: row.line, taskId: taskRow.id, cells: cellCount, headerCells: headerCount, key: `md-row:${taskRow.content}` });
        taskRow.damage = 'malformed';
      }
      rows.push(taskRow);
    }
  }
  if (layouts.length === 0 && doc.tables.length > 0) {
    problems.push({
      kind: 'no-task-table',
      cause: 'no-id-column',
      file,
      line: doc.tables[0]!.line,
      taskId: null,
      headers: doc.tables.slice(0, 3).map((table) => ({ line: table.line, cells: table.header.cells.map((cell) => cell.text) })),
      tables: doc.tables.length,
      key: 'no-task-table',
    });
  }
  if (doc.tables.length === 0) {
    const problem = listedTasksProblem(settings, file, text) ?? (source === 'board' ? boardWithoutTableProblem(file) : null);
    if (problem) problems.push(problem);
  }
  return tableOf(file, rows, layouts);
}

/**
 * A board or backlog ID cell that is not exactly a task ID: with an ID and more
 * (`OPS-8 (p1)`), the row is that task's, reported; a single token with a digit
 * (`OPS14`, `ops-14`) is a mistyped ID, reported so the row is not silently ignored.
 * Other text (`see below`) is a note, not a task row.
 */
function boardIdProblem(settings: Settings, file: string, line: number, column: string, cell: string, content: string): DocProblem | null {
  const inner = settings.firstId(cell);
  if (inner !== cell && settings.exactId(inner)) {
    return { kind: 'md-row', cause: 'id-and-more', file, line, taskId: inner, cell, column, key: `md-id:${content}` };
  }
  if (/\s/.test(cell) || !/\d/.test(cell) || cell.length > 40) return null;
  const upper = cell.toUpperCase();
  return { kind: 'md-row', cause: 'not-an-id', file, line, taskId: null, cell, suggestion: settings.exactId(upper) ? upper : null, key: `md-id:${content}` };
}

/** The board has no table at all (emptied, or prose only): one problem, where each lost row would otherwise be its own finding. */
function boardWithoutTableProblem(file: string): DocProblem {
  return {
    kind: 'no-task-table',
    cause: 'no-table',
    file,
    line: 1,
    taskId: null,
    key: 'no-task-table:none',
    // A board that had no table at base either was never read: shown, failing only when the change removed the table.
    failsOnlyWhenNew: true,
  };
}

/** A list item (`- [ ] …`, `* …`, `1. …`) whose text names a task ID. */
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;

/**
 * A document with no table whose list items name tasks (a plan written as a checklist)
 * holds tasks doc-sync cannot read: a problem, tied to those tasks, not a silent pass.
 * Prose that mentions an ID is not a task list.
 */
function listedTasksProblem(settings: Settings, file: string, text: string): DocProblem | null {
  const ids: string[] = [];
  let firstLine = 0;
  splitLines(text).forEach((line, index) => {
    if (!LIST_ITEM.test(line.text)) return;
    const named = line.text.match(settings.idScanner) ?? [];
    if (named.length > 0 && firstLine === 0) firstLine = index + 1;
    for (const id of named) if (!ids.includes(id)) ids.push(id);
  });
  if (ids.length === 0) return null;
  return { kind: 'no-task-table', cause: 'list-items', file, line: firstLine, taskId: null, unreadTasks: ids, key: 'no-task-table:list' };
}

const recordText = (lines: readonly SourceLine[], record: CsvRecord): string | null =>
  record.ownsLines ? joinLines(lines, record.line, record.endLine) : null;

function quotingOf(lines: readonly SourceLine[], record: CsvRecord): boolean[] | null {
  const text = recordText(lines, record);
  return text === null ? null : csvQuoting(text, record.fields);
}

/** Which columns the file quotes: as its last record does, else all or none as its header does. */
function csvQuotingStyle(lines: readonly SourceLine[], header: CsvRecord, last: CsvRecord | undefined): boolean[] {
  const fromLast = last ? quotingOf(lines, last) : null;
  if (fromLast) return fromLast;
  const allQuoted = quotingOf(lines, header)?.every(Boolean) ?? false;
  return header.fields.map(() => allQuoted);
}

function csvLayout(file: string, lines: readonly SourceLine[], headerRecord: CsvRecord, records: readonly CsvRecord[], header: string[], columns: Partial<Record<ColumnName, number>>): TableLayout {
  const lineRef = (line: number) => ({ line, text: lines[line - 1]?.text ?? '' });
  const last = records.at(-1);
  return {
    file,
    header,
    columns,
    headerEnd: lineRef(headerRecord.endLine),
    end: lineRef((last ?? headerRecord).endLine),
    style: { syntax: 'csv', quoted: csvQuotingStyle(lines, headerRecord, last) },
  };
}

/**
 * A leniently read record that holds two glued together (`…,"n2"ST-Q-003,Ship it,…`: a
 * record started right after the previous one's closing quote) splits where a field is
 * a quoted value directly followed by a task ID.
 */
function splitGlued(settings: Settings, fields: readonly string[], headerLength: number): string[][] {
  if (fields.length <= headerLength) return [[...fields]];
  for (let index = 1; index < fields.length; index++) {
    const glued = /^"([^"]*)"(.+)$/.exec(fields[index]!);
    if (!glued || !settings.exactId(glued[2]!)) continue;
    return [[...fields.slice(0, index), glued[1]!], ...splitGlued(settings, [glued[2]!, ...fields.slice(index + 1)], headerLength)];
  }
  return [[...fields]];
}

/** A CSV record to turn into a row: a parsed one, or one recovered from a line csv-parse rejected. */
interface CsvEntry {
  line: number;
  endLine: number;
  fields: string[];
  text: string | null;
  unparsed: boolean;
}

/** Records recovered from a broken line, and the tasks they name (at least the ID at the start of the line). */
function recoverBroken(settings: Settings, problem: CsvProblem, headerLength: number, idIndex: number): { entries: CsvEntry[]; ids: string[] } {
  const entries = problem.recovered
    .flatMap((fields) => splitGlued(settings, fields, headerLength))
    .filter((fields) => settings.exactId(fields[idIndex] ?? '') !== null)
    .map((fields) => ({ line: problem.line, endLine: problem.line, fields, text: null, unparsed: true }));
  const ids = entries.map((entry) => settings.exactId(entry.fields[idIndex]!)!.id);
  if (ids.length === 0) {
    // Unreadable even leniently (an unclosed quote): the ID at the start of the line still names the task.
    const leading = settings.firstId(problem.text);
    if (leading !== problem.text && problem.text.replace(/^"/, '').startsWith(leading)) {
      ids.push(leading);
      const fields = Array.from({ length: headerLength }, (_, index) => (index === idIndex ? leading : ''));
      entries.push({ line: problem.line, endLine: problem.line, fields, text: null, unparsed: true });
    }
  }
  return { entries, ids };
}

/** The CSV's task rows; null when the file cannot serve as a board (no header, no ID column). */
function csvTable(settings: Settings, file: string, doc: CsvDocument, text: string, problems: DocProblem[]): TaskTable | null {
  // Keyed by the broken line's text, so a second broken record is new even when the first was old.
  const syntaxProblem = (problem: CsvProblem, ids: readonly string[]): DocProblem => ({
    kind: 'csv-syntax',
    file,
    line: problem.line,
    parserMessage: problem.message,
    taskIds: [...ids],
    taskId: ids[0] ?? null,
    key: `csv-syntax:${problem.text}`,
  });
  const [headerRecord, ...records] = doc.records;
  if (!headerRecord) {
    for (const problem of doc.problems) problems.push(syntaxProblem(problem, []));
    problems.push({ kind: 'csv-header', cause: 'empty', file, line: 1, taskId: null, key: 'csv-empty' });
    return null;
  }
  const header = headerRecord.fields.map((field) => field.trim());
  const columns = columnMap(settings, header);
  if (columns.id === undefined) {
    for (const problem of doc.problems) problems.push(syntaxProblem(problem, []));
    problems.push({ kind: 'csv-header', cause: 'no-id-column', file, line: headerRecord.line, taskId: null, key: 'csv-header' });
    return null;
  }
  const missing = requiredColumns('csv', null).filter((column) => columns[column] === undefined);
  if (missing.length > 0) {
    problems.push(unmappedTableProblem(settings, file, headerRecord.line, header, columns, records.map((record) => record.fields.map((field) => field.trim())), missing));
  }
  const lines = splitLines(text);
  const layout = csvLayout(file, lines, headerRecord, records, header, columns);
  const entries: CsvEntry[] = records.map((record) => ({ line: record.line, endLine: record.endLine, fields: record.fields, text: recordText(lines, record), unparsed: false }));
  for (const problem of doc.problems) {
    // The task of a record csv-parse rejects stays in the model (no false deletion, no duplicating fix), marked damaged.
    const recovered = recoverBroken(settings, problem, header.length, columns.id);
    problems.push(syntaxProblem(problem, recovered.ids));
    entries.push(...recovered.entries);
  }
  entries.sort((a, b) => a.line - b.line);
  const rows: TaskRow[] = [];
  for (const record of entries) {
    // A PlanLink field is one path as a whole, so a plan file name with spaces is still read.
    const cells = record.fields.map((field, index) => ({ text: field.trim(), links: index === columns.planLink && /\.md$/i.test(field.trim()) ? [field.trim()] : [] }));
    const content = JSON.stringify(record.fields.map(squash));
    const row = toTaskRow(settings, {
      source: 'csv',
      line: record.line,
      endLine: record.endLine,
      text: record.text,
      cells,
      rawCells: record.fields,
      cellSpans: null,
      layout,
      content,
      section: null,
      impliedStatus: null,
      damage: record.unparsed ? 'unparsed' : null,
    });
    const idText = cells[columns.id]?.text ?? '';
    if (record.unparsed) {
      // Its syntax problem is the finding; a count or a link read from a broken record says nothing more.
    } else if (record.fields.length !== header.length) {
      problems.push({
        kind: 'csv-field-count',
        cause: 'field-count',
        file,
        line: record.line,
        taskId: row?.id ?? null,
        label: row?.id ?? (idText || 'a record'),
        fields: record.fields.length,
        headerFields: header.length,
        key: `csv-field-count:${content}`,
      });
      if (row) row.damage = 'malformed';
    } else if (!row && idText !== '') {
      problems.push({ kind: 'csv-field-count', cause: 'not-an-id', file, line: record.line, taskId: null, idText, key: `csv-id:${content}` });
    } else if (row) {
      const planLinkIndex = columns.planLink;
      const planLinkText = planLinkIndex !== undefined ? (record.fields[planLinkIndex] ?? '').trim() : '';
      if (planLinkText !== '' && row.planLinks.length === 0) {
        problems.push({ kind: 'csv-plan-link', file, line: record.line, taskId: row.id, planLinkText, key: `csv-plan-link:${row.id}:${planLinkText}` });
      }
    }
    if (row) rows.push(row);
  }
  return tableOf(file, rows, [layout]);
}

/**
 * Plan files a progress line names only by letter (`- **Plan Q** - **In Progress (1/2 Done)**`,
 * the path given elsewhere in the index): the plans of that letter.
 */
function plansByLetter(settings: Settings, lineText: string, planFiles: readonly string[]): string[] {
  const letters = [...lineText.matchAll(/(?<![\p{L}\p{N}])Plan\s+([A-Z]{1,2})(?![\p{L}\p{N}])/gu)].map((match) => match[1]!);
  return planFiles.filter((path) => letters.includes(settings.planOfFile(path) ?? ''));
}

function planIndexDoc(settings: Settings, file: string, text: string, doc: MarkdownDocument, planFiles: readonly string[]): PlanIndexDoc {
  const tableRows = new Map(doc.tables.flatMap((table) => table.rows.map((row) => [row.line, row] as const)));
  const entries = splitLines(text).flatMap(({ text: lineText }, index) => {
    const links = [...lineText.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
    const progress = INDEX_PROGRESS.exec(lineText);
    let plans = planLinksIn(file, lineText, links, settings.isPlan);
    if (plans.length === 0 && progress) plans = plansByLetter(settings, lineText, planFiles);
    if (plans.length === 0) return [];
    const row = tableRows.get(index + 1);
    return [
      {
        line: index + 1,
        text: lineText,
        row: row
          ? { cells: row.cells.map((cell) => ({ raw: row.source.slice(cell.start, cell.end), start: cell.start, end: cell.end })), style: markdownRowStyle(row) }
          : null,
        targets: plans,
        progress: progress ? { done: Number(progress[1]), total: Number(progress[2]) } : null,
      },
    ];
  });
  return { file, text, entries };
}

function mentionsIn(settings: Settings, text: string): Set<string> {
  return new Set(text.match(settings.idScanner) ?? []);
}

/** A Git LFS pointer: the file's content lives outside git, so there is nothing to check here. */
const LFS_POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n/;
/**
 * What git stores for a symbolic link: the target path alone, with no line break. A real
 * board, CSV or plan always has more than one line.
 */
const LINK_TARGET = /^[^\s|,"#*[\]()]{1,1024}\.(md|csv|markdown|txt)$/i;

/** A document that is not the document: an LFS pointer or (by its content) a symbolic link. */
function standIn(file: string, text: string): DocProblem | null {
  if (LFS_POINTER.test(text)) return { kind: 'unreadable', cause: 'lfs-pointer', file, line: 1, taskId: null, key: 'lfs-pointer' };
  if (LINK_TARGET.test(text)) return { kind: 'unreadable', cause: 'symlink', file, line: 1, taskId: null, target: text, key: 'symlink' };
  return null;
}

function unreadable(file: string, decoded: DecodedDocument, maxBytes: number): DocProblem | null {
  if (decoded.kind === 'text') return standIn(file, decoded.text);
  if (decoded.kind === 'binary') return { kind: 'unreadable', cause: 'binary', file, line: 1, taskId: null, key: 'binary' };
  if (decoded.kind === 'too-large') return { kind: 'unreadable', cause: 'too-large', file, line: 1, taskId: null, size: decoded.size, limit: maxBytes, key: 'too-large' };
  return null;
}

/** A plan's model; its table problems go to `problems`. */
function planDoc(settings: Settings, file: string, markdown: MarkdownDocument, text: string, problems: DocProblem[]): PlanDoc {
  const table = markdownTaskRows(settings, 'plan', file, markdown, text, problems);
  const active = table.rows.filter((row) => row.section === 'active');
  return {
    ...table,
    plan: settings.planOfFile(file),
    title: markdown.headings.find((heading) => heading.depth === 1)?.text ?? null,
    mentions: mentionsIn(settings, text),
    activeHeading: markdown.tables.map((t) => t.heading?.text ?? '').find((heading) => heading !== '' && planSection(settings, heading) === 'active') ?? null,
    activeProgress:
      active.length > 0
        ? { done: active.filter((row) => row.status?.category === 'done').length, total: active.length }
        : null,
  };
}

/** Plans left unparsed by {@link buildModel}, with what {@link parsePlansMentioning} needs to parse them. */
const deferredPlans = new WeakMap<PlanDoc, { oid: string; text: string }>();

/**
 * A plan not parsed yet: its file, letter and mentions (a line scan) are known, it has
 * no rows until {@link parsePlansMentioning} parses it, and the few whole-plan facts
 * (title, active heading and progress) parse it on first use.
 */
function deferredPlan(settings: Settings, file: string, oid: string, text: string, blobs: ParsedBlobs): PlanDoc {
  let parsed: PlanDoc | null = null;
  const full = (): PlanDoc => (parsed ??= planDoc(settings, file, blobs.markdown(oid)!, text, []));
  const plan: PlanDoc = {
    file,
    rows: [],
    byId: new Map(),
    layouts: [],
    plan: settings.planOfFile(file),
    mentions: mentionsIn(settings, text),
    get title() {
      return full().title;
    },
    get activeHeading() {
      return full().activeHeading;
    },
    get activeProgress() {
      return full().activeProgress;
    },
  };
  deferredPlans.set(plan, { oid, text });
  return plan;
}

export interface BuildOptions {
  /**
   * Plans that may stay unparsed until a task they mention is judged (change mode: the
   * plan is the same blob at the other end, so it holds no change). Unset: parse every plan.
   */
  mayDefer?: (file: string, oid: string) => boolean;
  /**
   * The tasks the change may be about (IDs on its changed lines). Given, a board, CSV or
   * backlog over {@link PARTIAL_MIN_BYTES} is read as its header and the rows that may
   * concern them (model/partial.ts), or whole when that is unsure.
   */
  partialFor?: ReadonlySet<string>;
}

/**
 * The document a large task table is read from in change mode: without the rows of tasks
 * the change is not about, when that is certain; else (and for smaller files) the whole blob.
 */
function tableSource<T>(
  settings: Settings,
  source: SourceKind,
  oid: string,
  text: string,
  blobs: ParsedBlobs,
  keep: ReadonlySet<string> | undefined,
  reduce: (ids: PartialIds, idColumnOf: (header: readonly string[]) => number | undefined, parsers: DerivedParsers) => T | null,
  whole: () => T,
): T {
  if (!keep || !blobs.parseDerived || text.length < PARTIAL_MIN_BYTES) return whole();
  const ids: PartialIds = {
    keep,
    idScanner: settings.idScanner,
    exactId: (cell) => {
      const parsed = settings.exactId(cell);
      return parsed && !parsed.range ? parsed.id : null;
    },
  };
  // A table without the columns the rules need is reported with hints from all its rows: read whole.
  const idColumnOf = (header: readonly string[]) => {
    const columns = columnMap(settings, header);
    return requiredColumns(source, null).every((column) => columns[column] !== undefined) ? columns.id : undefined;
  };
  return blobs.parseDerived(oid, (parsers) => reduce(ids, idColumnOf, parsers)) ?? whole();
}

/** Builds the planning-doc model of one revision from its tracked files. */
export function buildModel(files: Map<string, string>, blobs: ParsedBlobs, settings: Settings, options: BuildOptions = {}): DocModel {
  const model: DocModel = { ...emptyModel(), files };
  const maxBytes = settings.config.limits.maxFileBytes;
  const paths = [...files.keys()].sort();
  for (const file of paths) {
    const oid = files.get(file)!;
    const decoded = blobs.decoded(oid);
    const problem = unreadable(file, decoded, maxBytes);
    if (problem) {
      model.problems.push(problem);
      continue;
    }
    if (decoded.kind !== 'text') continue;
    model.texts.set(file, decoded.text);

    const text = decoded.text;
    const markdownTable = (source: SourceKind) =>
      tableSource(settings, source, oid, text, blobs, options.partialFor, (ids, idColumnOf, parsers) => partialMarkdown(text, ids, idColumnOf, parsers.markdown), () => blobs.markdown(oid)!);
    if (settings.isCsv(file)) {
      const doc = tableSource(settings, 'csv', oid, text, blobs, options.partialFor, (ids, idColumnOf, parsers) => partialCsv(text, ids, idColumnOf, parsers.csv), () => blobs.csv(oid)!);
      model.csv = csvTable(settings, file, doc, text, model.problems);
    } else if (settings.isBoard(file)) {
      model.board = markdownTaskRows(settings, 'board', file, markdownTable('board'), text, model.problems);
    } else if (settings.isBacklog(file)) {
      // Always whole (see check.ts partialPlan): backlog rows are planned from every row's style.
      model.backlog = markdownTaskRows(settings, 'backlog', file, blobs.markdown(oid)!, text, model.problems);
    } else if (settings.isPlanIndex(file)) {
      model.planIndex = planIndexDoc(settings, file, decoded.text, blobs.markdown(oid)!, paths.filter(settings.isPlan));
    } else if (settings.isPlan(file)) {
      const deferred = options.mayDefer?.(file, oid) ?? false;
      model.plans.set(file, deferred ? deferredPlan(settings, file, oid, decoded.text, blobs) : planDoc(settings, file, blobs.markdown(oid)!, decoded.text, model.problems));
    } else if (settings.isSessionLog(file)) {
      model.sessionLogs.set(file, { file, mentions: mentionsIn(settings, decoded.text) });
    }
  }
  return model;
}

/**
 * Parses the deferred plans whose text names one of `ids` (the tasks the rules judge):
 * a plan that never writes an ID has no row of it, and a table problem tied to no task
 * in an unchanged plan is not reported in change mode, so the rules see what a full
 * parse gives them. The plans' problems join the model's.
 */
export function parsePlansMentioning(model: DocModel, ids: ReadonlySet<string>, blobs: ParsedBlobs, settings: Settings): void {
  if (ids.size === 0) return;
  for (const [file, plan] of model.plans) {
    const deferred = deferredPlans.get(plan);
    if (!deferred || ![...ids].some((id) => deferred.text.includes(id))) continue;
    model.plans.set(file, planDoc(settings, file, blobs.markdown(deferred.oid)!, deferred.text, model.problems));
  }
}
