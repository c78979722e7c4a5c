import type { CsvDocument } from '../parse/csv.js';
import type { MarkdownDocument, MarkdownHeading, MarkdownRow, MarkdownTable } from '../parse/markdown-table.js';
import { DocumentTooComplexError } from '../parse/limits.js';
import { isDelimiterRow, rowCellSpans, simpleCellText } from '../parse/row-syntax.js';

/**
 * The partial route for very large boards and CSVs in change mode (the backlog is always read whole): the
 * document is parsed (by the ordinary parsers) with the rows the change cannot be about
 * left out, and every line number is mapped back to the file's. A row may only be left
 * out when it is certainly a row of a task not judged: its ID cell is exactly an ID
 * outside `keep`, and the line names none of `keep`. Anything unsure returns null and
 * the caller parses the whole document.
 */

/** Documents smaller than this are always parsed whole (the largest real board seen is 220 KB). */
export const PARTIAL_MIN_BYTES = 256 * 1024;

/** A line ending in `\r` (CRLF) is judged without it; the line is kept as written. */
const withoutCr = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** Strings are compared this many characters at a time before the first (or last) difference is looked for by character. */
const COMPARE_CHUNK = 4096;

/** How many leading characters two strings share, compared a chunk at a time. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at + COMPARE_CHUNK <= max && a.startsWith(b.slice(at, at + COMPARE_CHUNK), at)) at += COMPARE_CHUNK;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** How many trailing characters (at most `max`) two strings share, compared a chunk at a time. */
function commonSuffix(a: string, b: string, max: number): number {
  let at = 0;
  while (at + COMPARE_CHUNK <= max && a.endsWith(b.slice(b.length - at - COMPARE_CHUNK, b.length - at), a.length - at)) at += COMPARE_CHUNK;
  while (at < max && a.charCodeAt(a.length - 1 - at) === b.charCodeAt(b.length - 1 - at)) at++;
  return at;
}

/**
 * The lines between two texts' common first and last lines (one window, which covers a
 * one-row change exactly and a scattered change by excess). The texts are compared by
 * characters first, so only the window around the difference is split into lines: the
 * lines before the line the first difference is on are the same in both, and so are the
 * whole lines in the common end after the first line of what remains (the line-by-line
 * match from the end never reaches the lines matched from the start).
 */
export function changedLines(before: string, after: string): [string[], string[]] {
  const prefix = commonPrefix(before, after);
  const start = prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1;
  let restA = before.slice(start);
  let restB = after.slice(start);
  const firstA = restA.indexOf('\n');
  const firstB = restB.indexOf('\n');
  if (firstA !== -1 && firstB !== -1) {
    const suffix = commonSuffix(restA, restB, Math.min(restA.length - firstA - 1, restB.length - firstB - 1));
    const cut = suffix === 0 ? -1 : restA.indexOf('\n', restA.length - suffix);
    if (cut !== -1) {
      restB = restB.slice(0, cut + restB.length - restA.length + 1);
      restA = restA.slice(0, cut + 1);
    }
  }
  const a = restA.split('\n');
  const b = restB.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  let lastA = a.length - 1;
  let lastB = b.length - 1;
  while (lastA >= first && lastB >= first && a[lastA] === b[lastB]) {
    lastA--;
    lastB--;
  }
  return [a.slice(first, lastA + 1), b.slice(first, lastB + 1)];
}

/** The task IDs named on the lines that differ between two texts (the window `changedLines` gives). */
export function idsOnChangedLines(before: string, after: string, idScanner: RegExp): Set<string> {
  const ids = new Set<string>();
  for (const lines of changedLines(before, after)) {
    for (const line of lines) for (const id of line.match(idScanner) ?? []) ids.add(id);
  }
  return ids;
}

/** What a caller needs to know about IDs: its pattern (settings.exactId) and the IDs to keep. */
export interface PartialIds {
  /** The ID a cell holds when it is exactly one task ID (a range does not count). */
  exactId(cell: string): string | null;
  idScanner: RegExp;
  keep: ReadonlySet<string>;
}

/**
 * The line names one of the kept IDs. A change names few IDs, so a substring test per ID
 * beats running the ID pattern over every line; it may keep a row that only contains a
 * kept ID inside a longer one, which costs a row and is never wrong.
 */
const namesKept = (line: string, ids: PartialIds): boolean => {
  if (ids.keep.size > 64) return (line.match(ids.idScanner) ?? []).some((id) => ids.keep.has(id));
  for (const id of ids.keep) if (line.includes(id)) return true;
  return false;
};

/** Lines shaped like a delimiter row or a setext underline: they decide structure, so they stay and so do their neighbours. */
const decidesStructure = (line: string): boolean => /^[|:\-= \t\r]+$/.test(line) && /[-=]/.test(line);
const PIPE_AT_START = 0x7c;

/** Where a cell's content ends: before the row's closing pipe when the cell has it (as the fast path reads it). */
function contentEnd(line: string, from: number, to: number): number {
  let end = to;
  while (end > from + 1 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end > from + 1 && line.charCodeAt(end - 1) === PIPE_AT_START && line.charCodeAt(end - 2) !== 0x5c ? end - 1 : to;
}

/** A cell's plain text as the fast path reads it, or null for a cell it leaves to micromark. */
const plainCell = (line: string, [from, to]: [number, number]): string | null => simpleCellText(line, from + 1, contentEnd(line, from, to), [])?.trim() ?? null;

/**
 * The span of a row's first cell, as rowCellSpans gives it, without scanning the whole
 * row: from the opening pipe to the next one when no backslash comes between them and a
 * third pipe follows (so the first cell is not also the last, whose span differs).
 */
function firstCellSpan(line: string): [number, number] | undefined {
  const second = line.indexOf('|', 1);
  if (second === -1 || line.indexOf('|', second + 1) === -1 || line.lastIndexOf('\\', second) !== -1) return rowCellSpans(line)[0];
  return [0, second];
}

/** The plain text of a row's cells, or null when one needs micromark. */
function plainCells(line: string): string[] | null {
  const cells: string[] = [];
  for (const span of rowCellSpans(line)) {
    const text = plainCell(line, span);
    if (text === null) return null;
    cells.push(text);
  }
  return cells;
}

/**
 * A Markdown document parsed without the rows no judged task needs. A run of rows may
 * be left out only between two lines that start with `|` at column 0; after parsing,
 * the line before the run must be a row (or the delimiter) of a top-level table and the
 * line after it a row of the same table, with the header the scan assumed: then, as
 * GFM reads a table, the left-out lines were rows of it too. Null when unsure.
 */
export function partialMarkdown(
  text: string,
  ids: PartialIds,
  idColumnOf: (header: readonly string[]) => number | undefined,
  parse: (text: string) => MarkdownDocument,
): MarkdownDocument | null {
  const lines = text.split('\n');
  const drop = new Array<boolean>(lines.length).fill(false);
  const headerAt = new Map<number, string[]>();
  let header: string[] | null = null;
  let idColumn: number | undefined;
  const isPipe = (index: number) => index >= 0 && index < lines.length && lines[index]!.charCodeAt(0) === PIPE_AT_START;
  for (let index = 0; index < lines.length; index++) {
    const line = withoutCr(lines[index]!);
    if (index + 1 < lines.length && decidesStructure(lines[index + 1]!) && isDelimiterRow(withoutCr(lines[index + 1]!))) {
      header = isPipe(index) ? plainCells(line) : null;
      idColumn = header ? idColumnOf(header) : undefined;
      continue;
    }
    if (header === null || idColumn === undefined || !isPipe(index - 1) || !isPipe(index) || !isPipe(index + 1)) continue;
    if (decidesStructure(line) || decidesStructure(lines[index + 1]!) || namesKept(line, ids)) continue;
    const span = idColumn === 0 ? firstCellSpan(line) : rowCellSpans(line)[idColumn];
    const cell = span ? plainCell(line, span) : null;
    if (cell === null || ids.exactId(cell) !== cell) continue;
    drop[index] = true;
    headerAt.set(index, header);
  }
  if (!drop.includes(true)) return null;

  const kept: number[] = [];
  for (let index = 0; index < lines.length; index++) if (!drop[index]) kept.push(index);
  let doc: MarkdownDocument;
  try {
    doc = parse(kept.map((index) => lines[index]!).join('\n'));
  } catch (error) {
    // A limit is judged on the whole document: the full parse says it, with the right line.
    if (error instanceof DocumentTooComplexError) return null;
    throw error;
  }
  const gitLine = (line: number) => kept[line - 1]! + 1;
  const remapped = remapLines(doc, gitLine);

  // Which table each kept line belongs to, and as what.
  const rowTable = new Map<number, MarkdownTable>();
  const delimiterTable = new Map<number, MarkdownTable>();
  for (const table of remapped.tables) {
    if (table.header.start !== 0) continue;
    delimiterTable.set(table.delimiter.line, table);
    for (const row of table.rows) if (row.start === 0) rowTable.set(row.line, table);
  }
  for (let index = 0; index < lines.length; index++) {
    if (!drop[index] || drop[index - 1]) continue;
    let last = index;
    while (drop[last + 1]) last++;
    const table = rowTable.get(index) ?? delimiterTable.get(index);
    if (!table || rowTable.get(last + 2) !== table) return null;
    const scanned = headerAt.get(index)!;
    const read = table.header.cells.map((cell) => cell.text.trim());
    if (read.length !== scanned.length || read.some((cell, at) => cell !== scanned[at])) return null;
  }
  return remapped;
}

/** The same document with each 1-based line of the parsed text replaced by the file's. */
function remapLines(doc: MarkdownDocument, gitLine: (line: number) => number): MarkdownDocument {
  const headings = new Map<MarkdownHeading, MarkdownHeading>(doc.headings.map((heading) => [heading, { ...heading, line: gitLine(heading.line) }]));
  const headingOf = (heading: MarkdownHeading | null) => (heading === null ? null : (headings.get(heading) ?? { ...heading, line: gitLine(heading.line) }));
  const row = (value: MarkdownRow): MarkdownRow => ({ ...value, line: gitLine(value.line) });
  return {
    headings: [...headings.values()],
    tables: doc.tables.map((table) => ({
      ...table,
      line: gitLine(table.line),
      endLine: gitLine(table.endLine),
      delimiter: { ...table.delimiter, line: gitLine(table.delimiter.line) },
      heading: headingOf(table.heading),
      header: row(table.header),
      rows: table.rows.map(row),
    })),
  };
}

/**
 * A CSV record that is certainly one whole line: fields unquoted without quotes, or
 * quoted with doubled inner quotes, and no line break inside. A file where every line has
 * this shape holds one record per line, so leaving a line out changes no other record.
 */
const ONE_LINE_RECORD = /^(?:"[^"\r\n]*(?:""[^"\r\n]*)*"|[^",\r\n]*)(?:,(?:"[^"\r\n]*(?:""[^"\r\n]*)*"|[^",\r\n]*))*$/;
/** The first field of such a record, when it holds no quote. */
const FIRST_FIELD = /^(?:"([^",]*)"|([^",]*))(?:,|$)/;
const BOM = '\uFEFF';

/**
 * A CSV document parsed without the records no judged task needs. Only a file whose
 * every line is one whole record (no quoted line break, no lone CR) takes this route,
 * and only when the ID is its first column; a record is left out when its ID field is
 * exactly an ID outside `keep` and the line names none of `keep`. The first and last
 * records stay (the header and the file's quoting style). Null when unsure.
 */
export function partialCsv(text: string, ids: PartialIds, idColumnOf: (header: readonly string[]) => number | undefined, parse: (bytes: Uint8Array) => CsvDocument): CsvDocument | null {
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    // A lone CR stays in the line (only CRLF's is cut off), and the shape does not allow it.
    const line = withoutCr(lines[index]!);
    if (!ONE_LINE_RECORD.test(index === 0 && line.startsWith(BOM) ? line.slice(1) : line)) return null;
  }
  const headerDoc = parse(new TextEncoder().encode(lines[0]!));
  const header = headerDoc.records[0]?.fields.map((field) => field.trim());
  if (!header || headerDoc.problems.length > 0 || idColumnOf(header) !== 0) return null;
  let last = lines.length - 1;
  while (last > 0 && withoutCr(lines[last]!).trim() === '') last--;
  const drop = lines.map((raw, index) => {
    if (index === 0 || index >= last) return false;
    const line = withoutCr(raw);
    const match = FIRST_FIELD.exec(line);
    const id = (match?.[1] ?? match?.[2])?.trim();
    return id !== undefined && ids.exactId(id) === id && !namesKept(line, ids);
  });
  if (!drop.includes(true)) return null;
  const kept: number[] = [];
  for (let index = 0; index < lines.length; index++) if (!drop[index]) kept.push(index);
  const doc = parse(new TextEncoder().encode(kept.map((index) => lines[index]!).join('\n')));
  const gitLine = (line: number) => kept[line - 1]! + 1;
  return {
    // Byte offsets are of the reduced text; nothing downstream of the model reads them.
    records: doc.records.map((record) => ({ ...record, line: gitLine(record.line), endLine: gitLine(record.endLine) })),
    problems: doc.problems.map((problem) => ({ ...problem, line: gitLine(problem.line) })),
  };
}

/**
 * The tasks of the rows right above the rows that name a kept ID: where a fix inserts a
 * missing mirror row depends on its neighbour (rules/support/row-fixes.ts), so the
 * neighbour's rows are kept too. Markdown rows are lines that start with `|`; CSV
 * records are lines (the partial CSV route takes only files of one record per line).
 */
export function neighbourIds(text: string, ids: PartialIds, syntax: 'markdown' | 'csv'): Set<string> {
  const lines = text.split('\n');
  const found = new Set<string>();
  for (let index = 1; index < lines.length; index++) {
    if (!namesKept(lines[index]!, ids)) continue;
    for (let above = index - 1; above >= 0; above--) {
      const line = lines[above]!;
      if (syntax === 'markdown' ? line.charCodeAt(0) !== PIPE_AT_START : withoutCr(line).trim() === '') continue;
      if (!decidesStructure(line)) for (const id of line.match(ids.idScanner) ?? []) found.add(id);
      break;
    }
  }
  return found;
}
