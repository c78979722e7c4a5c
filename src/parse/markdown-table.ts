import type { Nodes, PhrasingContent, Root, Table, TableCell } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { DocumentTooComplexError, MARKDOWN_LIMITS } from './limits.js';
import { markdownLines, type MarkdownLine } from './lines.js';
import { containerPrefix, countInlineTriggers, isBreakLike, isDelimiterRow, neutralizeInline, rowCellSpans, simpleCellText } from './row-syntax.js';

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

/**
 * Trees of the texts micromark read last, least recently used first. On the fast path a
 * table's rows after its first are left out of that text, so the base and the head of a
 * board whose rows changed, and most revisions of it in a history, hand micromark the same
 * text. A tree is a pure function of its text and is only read, never changed, so one tree
 * serves them all. Bounded by characters of text (a tree of prose and placeholder rows took about
 * 8 bytes of heap per character, measured on a corpus plan).
 */
const recentTrees = new Map<string, Root>();
const RECENT_TREE_CHARS = 1 << 20;
let recentTreeChars = 0;

function rememberedTree(text: string): Root {
  const known = recentTrees.get(text);
  if (known) {
    recentTrees.delete(text);
    recentTrees.set(text, known);
    return known;
  }
  const tree = processor.parse(text);
  if (text.length > RECENT_TREE_CHARS / 8) return tree;
  recentTrees.set(text, tree);
  recentTreeChars += text.length;
  for (const oldest of recentTrees.keys()) {
    if (recentTreeChars <= RECENT_TREE_CHARS) break;
    recentTrees.delete(oldest);
    recentTreeChars -= oldest.length;
  }
  return tree;
}

const PIPE_ROW = /^ {0,3}\|/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COMMENT_START = /^\s*<!--/;
const BR_TAG = /^<br\s*\/?>$/i;
/** HTML blocks that end at a marker inside a line (`</pre>`, `?>`, `]]>`...), not at a blank line. */
const HTML_WITH_END_MARKER = /^(?:<(?:pre|script|style|textarea)(?:\s|>|$)|<\?|<![A-Za-z]|<!\[CDATA\[)/i;

/** How much work `parseMarkdownTables` may do (see {@link MARKDOWN_LIMITS}). */
export type MarkdownLimits = { -readonly [K in keyof typeof MARKDOWN_LIMITS]: number };

export interface ParseMarkdownOptions {
  /**
   * Take plain table rows and prose on the fast path (the default). `false` hands every
   * line to micromark as written: the reference the fast path is tested against.
   */
  fastPath?: boolean;
  limits?: Partial<MarkdownLimits>;
  /** Told how the document was read: on the fast path, or whole by micromark (asked for, or after a fast-path miss). */
  onPath?: (path: 'fast' | 'reference' | 'fallback') => void;
}

type LineKind = 'pipe' | 'blank' | 'comment' | 'other';

/**
 * Real boards put HTML comment lines (and stray blank lines) between rows. By the GFM
 * spec they end the table, which would orphan every row below them. We drop such lines
 * before parsing, so micromark still does all the table syntax and every row keeps its
 * original line (each kept line carries its git line).
 */
function bridgeTableInterruptions(lines: readonly MarkdownLine[]): MarkdownLine[] {
  const kinds: LineKind[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (const { text } of lines) {
    if (fence !== null) {
      kinds.push('other');
      if (text.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    if (inComment) {
      kinds.push('comment');
      if (text.includes('-->')) inComment = false;
      continue;
    }
    const fenceMatch = FENCE.exec(text);
    if (fenceMatch) {
      fence = fenceMatch[1]!.slice(0, 3);
      kinds.push('other');
    } else if (text.trim() === '') kinds.push('blank');
    else if (COMMENT_START.test(text)) {
      const closed = text.trimEnd().endsWith('-->');
      // A line that opens a comment and has text after its close is content, not an interruption.
      if (!closed && text.includes('-->')) kinds.push('other');
      else {
        kinds.push('comment');
        inComment = !closed;
      }
    } else if (PIPE_ROW.test(text)) kinds.push('pipe');
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
    const startsNewTable = j + 1 < lines.length && isDelimiterRow(lines[j + 1]!.text);
    if (startsNewTable || blanks > 1) continue;
    for (let k = i + 1; k < j; k++) drop.add(k);
    i = j - 1;
  }
  return drop.size === 0 ? [...lines] : lines.filter((_, index) => !drop.has(index));
}

/** A line handed to micromark, the line it stands for, and the table rows it stands for on the fast path. */
interface RemarkLine {
  text: string;
  origin: MarkdownLine;
  /**
   * Table rows read on the fast path, this line's own origin first (micromark sees a
   * one-cell placeholder row instead). Valid only if micromark reads the placeholder as
   * a body row at column 0 of a top-level table: then every `|` line after it is a row too.
   */
  collapsed: MarkdownLine[];
}

/** What micromark reads in place of a run of fast-path rows: their content decides nothing about the structure. */
const PLACEHOLDER_ROW = '|a|';

const isTopLevelPipeRow = (text: string): boolean => text.charCodeAt(0) === 0x7c;
const hasSetextOrDelimiterShape = (text: string): boolean => {
  const { content } = containerPrefix(text);
  const rest = text.slice(content).trim();
  return rest !== '' && /^[|:\-= \t]+$/.test(rest) && /[-=]/.test(rest);
};

const isBlank = (text: string): boolean => text.trim() === '';

/**
 * Whether a shortened prose line between blank lines repeats the last non-blank line
 * micromark reads, itself shortened and after a blank line (the items of a loose list,
 * `- a` blank `- a` blank...). Neither is then a paragraph's lazy continuation, so each
 * sits where its own prefix puts it, and the second leaves the same open containers as
 * the first: dropping it changes nothing after it. micromark spends far more on such
 * lists than on their length (a board's 600 of them took longer than all its rows).
 */
function repeatsAcrossBlanks(out: readonly RemarkLine[], shortened: string): boolean {
  let at = out.length - 1;
  if (at < 0 || !isBlank(out[at]!.text)) return false;
  while (at >= 0 && isBlank(out[at]!.text)) at--;
  const previous = out[at];
  if (!previous || previous.text !== shortened || previous.text === previous.origin.text) return false;
  return at === 0 || isBlank(out[at - 1]!.text);
}

/**
 * The text micromark reads. With the fast path, rows of a top-level table after its
 * first row are left out (micromark spends about a millisecond on each row, and a row
 * at column 0 that starts with `|` after a table row can only be another row), and
 * prose lines lose their inline triggers. Lines that decide structure or text doc-sync
 * reads (anything with a pipe or `#`, setext headings, fences, HTML, definitions, line
 * starts) stay as written.
 */
function remarkLines(lines: readonly MarkdownLine[], fastPath: boolean, maxNesting: number): RemarkLine[] {
  for (const line of lines) {
    const { depth } = containerPrefix(line.text);
    if (depth > maxNesting && !isBreakLike(line.text)) {
      throw new DocumentTooComplexError(`line ${line.gitLine} opens ${depth} nested block quotes or list items (the limit is ${maxNesting})`, line.gitLine);
    }
  }
  const verbatim = (origin: MarkdownLine): RemarkLine => ({ text: origin.text, origin, collapsed: [] });
  if (!fastPath) return lines.map(verbatim);

  const starts = lines.map((line) => containerPrefix(line.text).content);
  const contentOf = (index: number) => lines[index]!.text.slice(starts[index]);
  // Reference definitions change how cells elsewhere read ([x] becomes a link): such documents go to micromark whole.
  const hasDefinitions = lines.some((_, index) => contentOf(index).startsWith('[') && contentOf(index).includes(']:'));
  if (hasDefinitions) return lines.map(verbatim);
  const mayNeutralize = !lines.some((_, index) => HTML_WITH_END_MARKER.test(contentOf(index)));

  // Lines that must keep their inline text: a setext heading's paragraph, and lines in or right after a table.
  const keep = new Array<boolean>(lines.length).fill(false);
  for (let index = lines.length - 1, protect = false; index >= 0; index--) {
    const text = lines[index]!.text;
    if (text.trim() === '') protect = false;
    else if (protect) keep[index] = true;
    if (hasSetextOrDelimiterShape(text)) protect = true;
  }
  for (let index = 0, afterPipe = false; index < lines.length; index++) {
    const text = lines[index]!.text;
    if (text.trim() === '') afterPipe = false;
    else if (afterPipe) keep[index] = true;
    if (text.includes('|')) afterPipe = true;
  }

  const out: RemarkLine[] = [];
  let state: 'none' | 'after-delimiter' | 'in-rows' = 'none';
  let anchor: RemarkLine | null = null;
  lines.forEach((line, index) => {
    const { text } = line;
    if (isTopLevelPipeRow(text)) {
      if (isDelimiterRow(text)) {
        state = 'after-delimiter';
        anchor = null;
        out.push(verbatim(line));
      } else if (state === 'in-rows' && anchor) {
        anchor.collapsed.push(line);
      } else if (state === 'after-delimiter') {
        // The first body row: micromark sees a placeholder, the row itself is read on the fast path.
        state = 'in-rows';
        anchor = { text: PLACEHOLDER_ROW, origin: line, collapsed: [line] };
        out.push(anchor);
      } else {
        state = 'none';
        out.push(verbatim(line));
      }
      return;
    }
    state = 'none';
    anchor = null;
    // Past two, blank lines decide nothing more (a list, an HTML block or a table ends at the first).
    if (text.trim() === '' && out.length >= 2 && out[out.length - 1]!.text.trim() === '' && out[out.length - 2]!.text.trim() === '') return;
    const content = starts[index]!;
    const first = text.charAt(content);
    // A thematic break or setext underline is made of one character repeated.
    let repeated = '-*_=+'.includes(first);
    for (let at = content; repeated && at < text.length; at++) repeated = text[at] === first || text[at] === ' ' || text[at] === '\t';
    // Only three backticks or tildes open a fence: a line starting with inline code is prose.
    const fence = (first === '`' || first === '~') && text.startsWith(first.repeat(3), content);
    const structural = first === '' || fence || '<[#|'.includes(first) || repeated || text.includes('|') || text.includes('#');
    if (!mayNeutralize || keep[index] || structural) {
      out.push(verbatim(line));
      return;
    }
    // A prose line's block structure is decided by its start; the rest is inline text doc-sync never reads.
    // `-->` may end an HTML comment (other HTML blocks with end markers send the document whole), so such lines keep their length.
    const shortened = text.includes('-->') ? neutralizeInline(text, content) : `${text.slice(0, content)}a`;
    // The same shortened prose line again (`- a` for every item of a long list) changes nothing for the lines after it.
    const previous = out[out.length - 1];
    if (previous && previous.text === shortened && previous.text !== previous.origin.text) return;
    const nextIsBlank = index + 1 >= lines.length || isBlank(lines[index + 1]!.text);
    if (nextIsBlank && repeatsAcrossBlanks(out, shortened)) return;
    out.push({ text: shortened, origin: line, collapsed: [] });
  });
  return out;
}

/** Phrasing content as doc-sync reads a cell: text, `<br>` and breaks as spaces, image alts; link targets collected. */
function phrasingText(nodes: readonly PhrasingContent[], links: string[]): string {
  let out = '';
  // An explicit stack: inline nesting is bounded only by the line length.
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
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
      default:
        if (node.type === 'link') links.push(node.url);
        if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
    }
  }
  return out;
}

/** Every literal value under a node, in order. */
function headingText(root: Nodes): string {
  let out = '';
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string') out += node.value;
    else if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as Nodes);
  }
  return out;
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

const rawOf = (text: string, from: number, to: number): string => text.slice(from, to).replace(/^\|/, '').replace(/\|$/, '').trim();
const squashed = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Counts characters and inline triggers handed to micromark, and cells built, against the document's limits. */
class WorkBudget {
  private remarkChars = 0;
  private triggers = 0;
  constructor(readonly limits: MarkdownLimits) {}

  /** Charges one piece of micromark input (a line, a cell) that stands for `line`. */
  spendRemark(text: string, line: number): void {
    this.remarkChars += text.length + 1;
    if (this.remarkChars > this.limits.maxRemarkChars) {
      throw new DocumentTooComplexError(
        `from line ${line} on it needs more than ${this.limits.maxRemarkChars} characters of full Markdown parsing (table rows with plain cells need none)`,
        line,
      );
    }
    const triggers = countInlineTriggers(text);
    this.triggers += triggers;
    if (triggers > this.limits.maxInlineTriggersPerLine) {
      throw new DocumentTooComplexError(`line ${line} has ${triggers} characters that start inline Markdown (*, _, [, ], \`, <, ...; the limit is ${this.limits.maxInlineTriggersPerLine})`, line);
    }
    if (this.triggers > this.limits.maxInlineTriggers) {
      throw new DocumentTooComplexError(`from line ${line} on it has more than ${this.limits.maxInlineTriggers} characters that start inline Markdown`, line);
    }
  }

  checkRow(cells: number, tableCells: number, line: number): void {
    if (cells > this.limits.maxCellsPerRow) {
      throw new DocumentTooComplexError(`the table row at line ${line} has ${cells} cells (the limit is ${this.limits.maxCellsPerRow})`, line);
    }
    if (tableCells > this.limits.maxCellsPerTable) {
      throw new DocumentTooComplexError(`the table reaching line ${line} has more than ${this.limits.maxCellsPerTable} cells`, line);
    }
  }
}

/** A cell of a fast-path row whose inline syntax micromark must still read. */
interface PendingCell {
  inner: string;
  cell: MarkdownCell;
  line: number;
}

/**
 * Reads cells with inline syntax through micromark, many at once: each becomes the only
 * cell of a row of a small one-column table, where it parses exactly as in its own row
 * (inline parsing of a cell depends only on its text once a document has no reference
 * definitions). Returns false if micromark did not give one cell per row back.
 */
function readPendingCells(pending: readonly PendingCell[], budget: WorkBudget): boolean {
  const chunk = 200;
  const parts: string[] = [];
  for (let index = 0; index < pending.length; index += chunk) {
    // A space before the closing pipe: a last cell may end in `\`, which must not escape it.
    const rows = pending.slice(index, index + chunk).map(({ inner }) => `|${inner} |`);
    parts.push(`|a|\n|-|\n${rows.join('\n')}`);
  }
  for (const { inner, line } of pending) budget.spendRemark(inner, line);
  const text = parts.join('\n\n');
  const tree = processor.parse(text);
  let next = 0;
  for (const table of tree.children) {
    if (table.type !== 'table') return false;
    for (const row of table.children.slice(1)) {
      const target = pending[next++];
      if (!target || row.children.length !== 1) return false;
      target.cell.text = squashed(phrasingText(row.children[0]!.children, target.cell.links));
    }
  }
  return next === pending.length;
}

function fastRow(origin: MarkdownLine, budget: WorkBudget, tableCells: number, pending: PendingCell[]): MarkdownRow {
  const { text } = origin;
  const spans = rowCellSpans(text);
  budget.checkRow(spans.length, tableCells + spans.length, origin.gitLine);
  const cells = spans.map(([from, to]): MarkdownCell => {
    const span = cellSpan(text, from, to);
    const cell: MarkdownCell = { text: '', raw: rawOf(text, from, to), links: [], ...span };
    // The cell's content ends at the closing pipe of the row, if this cell has it.
    let innerEnd = to;
    while (innerEnd > from + 1 && (text.charCodeAt(innerEnd - 1) === 0x20 || text.charCodeAt(innerEnd - 1) === 0x09)) innerEnd--;
    if (!(innerEnd > from + 1 && text.charCodeAt(innerEnd - 1) === 0x7c && text.charCodeAt(innerEnd - 2) !== 0x5c)) innerEnd = to;
    else innerEnd--;
    const simple = simpleCellText(text, from + 1, innerEnd, cell.links);
    if (simple !== null) cell.text = squashed(simple);
    else pending.push({ inner: text.slice(from + 1, innerEnd), cell, line: origin.gitLine });
    return cell;
  });
  return { line: origin.gitLine, source: origin.source, start: 0, cells };
}

/** Thrown inside a parse when a fast-path assumption did not hold; the document is read again without shortcuts. */
class FastPathMiss extends Error {}

function parseLines(lines: readonly MarkdownLine[], fastPath: boolean, limits: MarkdownLimits): MarkdownDocument {
  const budget = new WorkBudget(limits);
  const planned = remarkLines(lines, fastPath, limits.maxNesting);
  if (planned.length > limits.maxRemarkLines) {
    const line = planned[limits.maxRemarkLines]!.origin.gitLine;
    throw new DocumentTooComplexError(`from line ${line} on it has more than ${limits.maxRemarkLines} lines of prose, lists or HTML to parse`, line);
  }
  for (const line of planned) budget.spendRemark(line.text, line.origin.gitLine);
  const text = planned.map((line) => line.text).join('\n');
  // The reference path always reads afresh: it is the oracle the fast path is tested against.
  const tree = fastPath ? rememberedTree(text) : processor.parse(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  // Every planned line keeps its length, so an offset within it is an offset within its origin.
  const columnOf = (offset: number, parsedLine: number): number => offset - lineStarts[parsedLine - 1]!;
  const plannedAt = (parsedLine: number): RemarkLine => planned[parsedLine - 1]!;

  const headings: MarkdownHeading[] = [];
  // Where each heading starts in the text micromark read: git lines cannot order a heading and a
  // table that share one git line (a file with lone-CR line endings is one git line).
  const headingStarts: number[] = [];
  const tableNodes: { node: Table; topLevel: boolean }[] = [];
  // An explicit stack: block quotes and lists nest as deep as the input says.
  const stack: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type === 'heading') {
      headings.push({ depth: node.depth, text: headingText(node).trim(), line: plannedAt(node.position!.start.line).origin.gitLine });
      headingStarts.push(node.position!.start.line);
    } else if (node.type === 'table') {
      tableNodes.push({ node, topLevel: depth === 1 });
    } else if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index] as Nodes, depth: depth + 1 });
    }
  }

  const pending: PendingCell[] = [];
  let anchorsSeen = 0;
  const tables = tableNodes.map(({ node, topLevel }): MarkdownTable => {
    let tableCells = 0;
    const rows: MarkdownRow[] = [];
    node.children.forEach((row, rowIndex) => {
      const parsedLine = row.position!.start.line;
      const planned = plannedAt(parsedLine);
      const { origin } = planned;
      const start = columnOf(row.position!.start.offset!, parsedLine);
      if (planned.collapsed.length > 0) {
        // The rows micromark never saw are rows of this table only if it read their placeholder as a body row at column 0 of a top-level table.
        if (!topLevel || rowIndex === 0 || start !== 0) throw new FastPathMiss();
        anchorsSeen++;
        for (const collapsed of planned.collapsed) {
          const fast = fastRow(collapsed, budget, tableCells, pending);
          tableCells += fast.cells.length;
          rows.push(fast);
        }
        return;
      }
      tableCells += row.children.length;
      budget.checkRow(row.children.length, tableCells, origin.gitLine);
      rows.push({
        line: origin.gitLine,
        source: origin.source,
        start,
        cells: row.children.map((cell: TableCell) => {
          const links: string[] = [];
          const from = columnOf(cell.position!.start.offset!, parsedLine);
          const to = columnOf(cell.position!.end.offset!, parsedLine);
          const span = cellSpan(origin.text, from, to);
          return { text: squashed(phrasingText(cell.children, links)), raw: rawOf(origin.text, from, to), links, ...span };
        }),
      });
    });
    const [header, ...body] = rows;
    const line = header!.line;
    const delimiter = plannedAt(node.position!.start.line + 1).origin;
    return {
      line,
      endLine: rows[rows.length - 1]!.line,
      delimiter: { line: delimiter.gitLine, source: delimiter.source },
      heading: null,
      header: header!,
      rows: body,
    };
  });
  if (anchorsSeen !== planned.filter((line) => line.collapsed.length > 0).length) throw new FastPathMiss();
  if (pending.length > 0 && !readPendingCells(pending, budget)) throw new FastPathMiss();

  let headingIndex = -1;
  tables.forEach((table, index) => {
    const tableStart = tableNodes[index]!.node.position!.start.line;
    while (headingIndex + 1 < headings.length && headingStarts[headingIndex + 1]! < tableStart) headingIndex++;
    table.heading = headingIndex >= 0 ? headings[headingIndex]! : null;
  });
  return { tables, headings };
}

/**
 * Parses a Markdown document and returns every GFM table with 1-based source lines.
 * Tables inside fenced code are not tables; rows separated by comment lines stay one table.
 * Work is bounded: past {@link MARKDOWN_LIMITS} it throws {@link DocumentTooComplexError}
 * with the line, never runs for minutes or out of memory.
 */
export function parseMarkdownTables(source: string, options: ParseMarkdownOptions = {}): MarkdownDocument {
  const limits: MarkdownLimits = { ...MARKDOWN_LIMITS, ...options.limits };
  const lines = bridgeTableInterruptions(markdownLines(source, limits.maxLineChars));
  if (options.fastPath === false) {
    options.onPath?.('reference');
    return parseLines(lines, false, limits);
  }
  try {
    const doc = parseLines(lines, true, limits);
    options.onPath?.('fast');
    return doc;
  } catch (error) {
    if (!(error instanceof FastPathMiss)) throw error;
    options.onPath?.('fallback');
    return parseLines(lines, false, limits);
  }
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
