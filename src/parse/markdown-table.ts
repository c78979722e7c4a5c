import type { Nodes, PhrasingContent, Table, TableCell } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { splitLines } from './text.js';

/** One table cell: its plain text (Markdown removed, `<br>` as a space) and the link targets in it. */
export interface MarkdownCell {
  text: string;
  /** The cell's source between its pipes, trimmed. */
  raw: string;
  links: string[];
  /** Where `raw` sits in the row's `source`: [start, end) offsets. */
  start: number;
  end: number;
}

export interface MarkdownRow {
  /** 1-based line in the original file. */
  line: number;
  /** The row's line as written, without its line ending. */
  source: string;
  /** Offset in `source` where the row starts (after indentation or a blockquote marker). */
  start: number;
  cells: MarkdownCell[];
}

export interface MarkdownHeading {
  depth: number;
  text: string;
  line: number;
}

export interface MarkdownTable {
  line: number;
  endLine: number;
  /** The delimiter row (`|---|---|`) under the header. */
  delimiter: { line: number; source: string };
  /** The closest heading above the table, if any. */
  heading: MarkdownHeading | null;
  header: MarkdownRow;
  rows: MarkdownRow[];
}

export interface MarkdownDocument {
  tables: MarkdownTable[];
  headings: MarkdownHeading[];
}

function tablesOnly(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(tablesOnly);

const PIPE_ROW = /^ {0,3}\|/;
const DELIMITER_ROW = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BR_TAG = /^<br\s*\/?>$/i;

type LineKind = 'pipe' | 'blank' | 'comment' | 'other';

/**
 * Real boards put HTML comment lines (and stray blank lines) between rows. By the GFM
 * spec they end the table, which would orphan every row below them. We drop such lines
 * before parsing and keep a line map, so remark still does all the table syntax and
 * every row keeps its original line number.
 */
function bridgeTableInterruptions(source: string): { text: string; lineMap: number[] } {
  const lines = source.split('\n').map((line) => line.replace(/\r+$/, '').replace(/\r/g, ' '));
  const kinds: LineKind[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (const line of lines) {
    if (fence !== null) {
      kinds.push('other');
      if (line.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    if (inComment) {
      kinds.push('comment');
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1]!.slice(0, 3);
      kinds.push('other');
    } else if (line.trim() === '') kinds.push('blank');
    else if (/^\s*<!--/.test(line)) {
      const closed = /-->\s*$/.test(line);
      // A line that opens a comment and has text after its close is content, not an interruption.
      if (!closed && line.includes('-->')) kinds.push('other');
      else {
        kinds.push('comment');
        inComment = !closed;
      }
    } else if (PIPE_ROW.test(line)) kinds.push('pipe');
    else kinds.push('other');
  }

  const drop = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] !== 'pipe') continue;
    let j = i + 1;
    let blanks = 0;
    while (j < lines.length && (kinds[j] === 'comment' || kinds[j] === 'blank')) {
      if (kinds[j] === 'blank') blanks++;
      j++;
    }
    const gap = j - i - 1;
    if (gap === 0 || j >= lines.length || kinds[j] !== 'pipe') continue;
    // A pipe row followed by a delimiter row starts a new table: keep the gap between them.
    const startsNewTable = j + 1 < lines.length && DELIMITER_ROW.test(lines[j + 1]!);
    if (startsNewTable || blanks > 1) continue;
    for (let k = i + 1; k < j; k++) drop.add(k);
    i = j - 1;
  }

  const kept: string[] = [];
  const lineMap: number[] = [];
  lines.forEach((line, index) => {
    if (drop.has(index)) return;
    kept.push(line);
    lineMap.push(index + 1);
  });
  return { text: kept.join('\n'), lineMap };
}

function phrasingText(nodes: readonly PhrasingContent[], links: string[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        out += node.value;
        break;
      case 'html':
        if (BR_TAG.test(node.value.trim())) out += ' ';
        break;
      case 'break':
        out += ' ';
        break;
      case 'image':
        out += node.alt ?? '';
        break;
      case 'link':
        links.push(node.url);
        out += phrasingText(node.children, links);
        break;
      default:
        if ('children' in node) out += phrasingText(node.children as PhrasingContent[], links);
    }
  }
  return out;
}

function headingText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

/** The trimmed cell source inside a cell's node span, which includes its opening (and a closing) pipe. */
function cellSpan(line: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  if (line[start] === '|') start++;
  if (end > start && line[end - 1] === '|' && line[end - 2] !== '\\') end--;
  while (start < end && /\s/.test(line[start]!)) start++;
  while (end > start && /\s/.test(line[end - 1]!)) end--;
  return { start, end };
}

/**
 * Parses a Markdown document and returns every GFM table with 1-based source lines.
 * Tables inside fenced code are not tables; rows separated by comment lines stay one table.
 */
export function parseMarkdownTables(source: string): MarkdownDocument {
  const { text, lineMap } = bridgeTableInterruptions(source);
  const tree = processor.parse(text);
  const originalLine = (line: number): number => lineMap[line - 1] ?? line;
  const sourceLines = splitLines(source);
  const sourceOf = (line: number): string => sourceLines[line - 1]?.text ?? '';
  // Bridging keeps every kept line's length (it only drops trailing `\r`), so an offset
  // within a parsed line is the same offset within the original line.
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const columnOf = (offset: number, parsedLine: number): number => offset - lineStarts[parsedLine - 1]!;

  const headings: MarkdownHeading[] = [];
  const tableNodes: Table[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') {
      headings.push({ depth: node.depth, text: headingText(node).trim(), line: originalLine(node.position!.start.line) });
      return;
    }
    if (node.type === 'table') {
      tableNodes.push(node);
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);

  const toRow = (row: Table['children'][number]): MarkdownRow => {
    const parsedLine = row.position!.start.line;
    const line = originalLine(parsedLine);
    const rowSource = sourceOf(line);
    return {
      line,
      source: rowSource,
      start: columnOf(row.position!.start.offset!, parsedLine),
      cells: row.children.map((cell: TableCell) => {
        const links: string[] = [];
        const start = cell.position!.start.offset!;
        const end = cell.position!.end.offset!;
        const raw = text.slice(start, end).replace(/^\|/, '').replace(/\|$/, '').trim();
        const span = cellSpan(rowSource, columnOf(start, parsedLine), columnOf(end, parsedLine));
        return { text: phrasingText(cell.children, links).replace(/\s+/g, ' ').trim(), raw, links, ...span };
      }),
    };
  };

  const tables = tableNodes.map((node): MarkdownTable => {
    const line = originalLine(node.position!.start.line);
    let heading: MarkdownHeading | null = null;
    for (const candidate of headings) {
      if (candidate.line < line) heading = candidate;
      else break;
    }
    const [header, ...rows] = node.children.map(toRow);
    const delimiterLine = originalLine(node.position!.start.line + 1);
    return {
      line,
      endLine: originalLine(node.position!.end.line),
      delimiter: { line: delimiterLine, source: sourceOf(delimiterLine) },
      heading,
      header: header!,
      rows,
    };
  });
  return { tables, headings };
}

/** How a table writes its rows, read from one of them, so a new row looks like its neighbours. */
export interface MarkdownRowStyle {
  /** Text in front of the row (indentation, a blockquote marker). */
  indent: string;
  /** The row opens and closes with a pipe. */
  outerPipes: boolean;
  /** Space between a pipe and a cell's text (`| a |` versus `|a|`). */
  padding: string;
}

/** The style of an existing row. */
export function markdownRowStyle(row: MarkdownRow): MarkdownRowStyle {
  const filled = row.cells.find((cell) => cell.end > cell.start);
  return {
    indent: row.source.slice(0, row.start),
    outerPipes: row.source[row.start] === '|',
    padding: filled && filled.start > 0 && row.source[filled.start - 1] === ' ' ? ' ' : '',
  };
}

/** A table row from cell sources, written in `style`. */
export function renderMarkdownRow(cells: readonly string[], style: MarkdownRowStyle): string {
  const pad = style.padding;
  const body = cells.map((cell) => (cell === '' ? pad : `${pad}${cell}${pad}`)).join('|');
  return style.outerPipes ? `${style.indent}|${body}|` : `${style.indent}${body.trim()}`;
}

/** A row's source with some cells (by index) replaced; everything else stays as written. */
export function replaceMarkdownCells(source: string, spans: readonly (readonly [number, number])[], replacements: ReadonlyMap<number, string>): string {
  let out = '';
  let at = 0;
  spans.forEach(([start, end], index) => {
    const replacement = replacements.get(index);
    if (replacement === undefined) return;
    out += source.slice(at, start) + replacement;
    at = end;
  });
  return out + source.slice(at);
}

/** Plain text (a CSV field) as a cell source: pipes escaped, line breaks as `<br>`. */
export function toMarkdownCell(text: string): string {
  return text
    .trim()
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/(?<!\\)\|/g, '\\|');
}

/** A cell source as a CSV field: escaped pipes unescaped; Markdown and `<br>` kept, as the boards mirror them. */
export function fromMarkdownCell(raw: string): string {
  return raw.replace(/\\\|/g, '|');
}
