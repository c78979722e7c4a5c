import type { ColumnName } from '../../config/schema.js';
import type { Fix } from '../../core/finding.js';
import { rowsOf, type DocModel, type LineRef, type TableLayout, type TaskRow } from '../../model/model.js';
import { csvQuoting, renderCsvRecord } from '../../parse/csv.js';
import { fromMarkdownCell, renderMarkdownRow, replaceMarkdownCells, toMarkdownCell } from '../../parse/markdown-table.js';
import { splitLines } from '../../parse/text.js';

const LABEL: Record<'board' | 'csv', string> = { board: 'Markdown row', csv: 'CSV record' };

/** Rendered text as a fix holds it: line contents joined by `\n`; a line break inside a value (a CSV field's CRLF) ends a line there. */
function fixText(text: string): string {
  return splitLines(text)
    .map((line) => line.text)
    .join('\n');
}

/** A row's last line, as an insert after the row anchors on it. */
export function lastLineOf(row: TaskRow): LineRef | null {
  const { text, endLine } = row.written;
  return text === null ? null : { line: endLine, text: text.slice(text.lastIndexOf('\n') + 1) };
}

/** Inserts `text` after the anchor line. Null when the text holds a U+FFFD (it would spread mojibake). */
export function insertAfter(file: string, anchor: LineRef, text: string, description: string): Fix | null {
  if (text.includes('\uFFFD')) return null;
  return { file, kind: 'insert', line: anchor.line, expected: anchor.text, text: fixText(text), description };
}

function replaceRow(row: TaskRow, text: string, description: string): Fix | null {
  if (row.written.text === null || text.includes('\uFFFD')) return null;
  return { file: row.file, kind: 'replace', line: row.line, expected: row.written.text, text: fixText(text), description };
}

const syntaxOf = (layout: TableLayout) => layout.style.syntax;

/** A cell of `row` by column name, written for a table of `syntax`. */
function cellFor(row: TaskRow, column: ColumnName, syntax: 'markdown' | 'csv'): string | undefined {
  const index = row.written.table.columns[column];
  if (index === undefined) return undefined;
  const value = row.written.cells[index] ?? '';
  const from = syntaxOf(row.written.table);
  if (from === syntax) return value;
  if (syntax === 'markdown') return toMarkdownCell(value);
  // A CSV PlanLink holds a plan path, not the Markdown link around it.
  if (column === 'planLink' && row.planLinks.length === 1) return row.planLinks[0]!;
  return fromMarkdownCell(value).trim();
}

/** A new row for `layout`, its cells filled by column name (unknown columns stay empty). */
export function renderRow(layout: TableLayout, values: Partial<Record<ColumnName, string>>): string {
  const names = new Map(Object.entries(layout.columns).map(([name, index]) => [index, name as ColumnName]));
  const cells = layout.header.map((_, index) => {
    const name = names.get(index);
    return name ? (values[name] ?? '') : '';
  });
  return layout.style.syntax === 'csv' ? renderCsvRecord(cells, layout.style.quoted) : renderMarkdownRow(cells, layout.style.markdown);
}

/** The cells of `row` by column name, written for a table of `syntax`. */
export function valuesFor(row: TaskRow, syntax: 'markdown' | 'csv'): Partial<Record<ColumnName, string>> {
  const values: Partial<Record<ColumnName, string>> = {};
  for (const column of Object.keys(row.written.table.columns) as ColumnName[]) values[column] = cellFor(row, column, syntax);
  values.id = row.id;
  return values;
}

/** `row` with some cells replaced by column name, everything else as written. */
function rewriteRow(row: TaskRow, values: Partial<Record<ColumnName, string>>): string | null {
  const { text, cells, cellSpans, table } = row.written;
  if (text === null) return null;
  const replacements = new Map<number, string>();
  for (const [column, value] of Object.entries(values) as [ColumnName, string][]) {
    const index = table.columns[column];
    if (index === undefined || index >= cells.length) return null;
    replacements.set(index, value);
  }
  if (table.style.syntax === 'markdown') return replaceMarkdownCells(text, cellSpans ?? [], replacements);
  const fields = cells.map((cell, index) => replacements.get(index) ?? cell);
  // Keep how this record quotes each field; a record the check cannot reproduce takes the file's style.
  return renderCsvRecord(fields, csvQuoting(text, cells) ?? table.style.quoted);
}

/**
 * Copies cells of a task from its only row on one board (`from`) into its only row on
 * the other, rewriting nothing else of that row. Null when the task has several rows on
 * either side, or a column is missing on one.
 */
export function copyCellsFix(model: DocModel, id: string, from: 'board' | 'csv', columns: readonly ColumnName[]): Fix | null {
  const to = from === 'board' ? 'csv' : 'board';
  const sources = rowsOf(model[from], id);
  const targets = rowsOf(model[to], id);
  if (columns.length === 0 || sources.length !== 1 || targets.length !== 1) return null;
  const [source, target] = [sources[0]!, targets[0]!];
  // Never spread what the check reports as corrupt: a broken source is fixed by hand first.
  if (source.damage !== null) return null;
  const values: Partial<Record<ColumnName, string>> = {};
  for (const column of columns) {
    const value = cellFor(source, column, syntaxOf(target.written.table));
    if (value === undefined) return null;
    values[column] = value;
  }
  const text = rewriteRow(target, values);
  if (text === null) return null;
  const names = columns.length > 1 ? `${columns.slice(0, -1).join(', ')} and ${columns.at(-1)}` : columns[0];
  return replaceRow(target, text, `copy the ${names} of ${id} from its ${LABEL[from]} to its ${LABEL[to]}`);
}

/**
 * Where a row missing from one board goes: after the row, on that board, of the nearest
 * task above it on the other board; first in the table when there is none.
 */
function mirrorAnchor(model: DocModel, row: TaskRow, into: 'board' | 'csv'): { anchor: LineRef; layout: TableLayout } | null {
  const from = into === 'board' ? model.csv : model.board;
  const table = model[into];
  if (!from || !table) return null;
  const index = from.rows.indexOf(row);
  for (let i = index - 1; i >= 0; i--) {
    const neighbour = rowsOf(table, from.rows[i]!.id).at(-1);
    if (!neighbour) continue;
    const anchor = lastLineOf(neighbour);
    return anchor ? { anchor, layout: neighbour.written.table } : null;
  }
  const layout = table.layouts[0];
  return layout ? { anchor: layout.headerEnd, layout } : null;
}

/** Columns a mirrored row must fill from its source; the rest (notes…) may start empty. */
const MIRRORED_CONTENT: readonly ColumnName[] = ['id', 'title', 'status', 'owner', 'deliverable', 'planLink'];

/** A fix, or why there is none (said in the finding, so nobody waits for a fix that will not come). */
export type Repair = { fix: Fix; reason?: undefined } | { fix?: undefined; reason: string };

/** Target columns a new row could only leave empty: unknown headers, or mirrored content the source does not have. */
function columnsWithoutSource(layout: TableLayout, values: Partial<Record<ColumnName, string>>): string[] {
  const names = new Map(Object.entries(layout.columns).map(([name, index]) => [index, name as ColumnName]));
  return layout.header.filter((_, index) => {
    const name = names.get(index);
    return name === undefined || (MIRRORED_CONTENT.includes(name) && values[name] === undefined);
  });
}

/**
 * The repair for a task on one board only: the mirroring row or record, in the other
 * board's style, every column filled from the source, or the reason it cannot be.
 */
export function missingRowRepair(model: DocModel, id: string, into: 'board' | 'csv'): Repair | null {
  const row = rowsOf(into === 'board' ? model.csv : model.board, id)[0];
  if (!row) return null;
  const sourceLabel = LABEL[into === 'board' ? 'csv' : 'board'];
  if (row.damage !== null) return { reason: `its ${sourceLabel} is malformed; repair it first, so the damage is not copied` };
  const place = mirrorAnchor(model, row, into);
  if (!place) return null;
  const syntax = syntaxOf(place.layout);
  const values = valuesFor(row, syntax);
  // A plan link found anywhere in the source row fills a PlanLink column the source does not have.
  if (values.planLink === undefined && row.planLinks.length === 1) values.planLink = row.planLinks[0]!;
  const unfilled = columnsWithoutSource(place.layout, values);
  if (unfilled.length > 0) {
    return { reason: `the ${sourceLabel} has nothing for its ${unfilled.map((name) => `"${name}"`).join(', ')} column${unfilled.length === 1 ? '' : 's'}, so the ${LABEL[into]} must be written by hand` };
  }
  const fix = insertAfter(place.layout.file, place.anchor, renderRow(place.layout, values), `add the ${LABEL[into]} of ${id}, mirroring its ${sourceLabel}`);
  return fix ? { fix } : { reason: `its ${sourceLabel} holds U+FFFD replacement characters; copy it by hand` };
}
