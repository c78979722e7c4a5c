import type { Nodes, Paragraph, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The checkbox markers real planning files use: GFM's `[ ]`, `[x]`, `[X]`, and Kiro's `[-]`
 * (in progress). Other bracketed letters (`[P]`, `[US1]`) are tags, never boxes.
 */
export const CHECKBOX_MARKERS = [' ', 'x', 'X', '-'] as const;
export type CheckboxMarker = (typeof CHECKBOX_MARKERS)[number];

/** One list item that opens with a checkbox. */
export interface CheckboxItem {
  /** The box as written, brackets included: `[ ]`, `[x]`, `[X]`, `[-]`. */
  box: `[${CheckboxMarker}]`;
  /** GFM's reading: ticked when the box holds `x` or `X`. */
  checked: boolean;
  /** Kiro's `[ ]*`: a `*` right after the box marks the task optional. */
  optional: boolean;
  /** The item's first paragraph after the box, Markdown removed and whitespace collapsed. */
  text: string;
  /** 1-based line of the list item. */
  line: number;
  /** Index (in the returned list) of the checkbox item this one is nested under. */
  parentIndex?: number;
  /** Text of the closest heading above the item. */
  section?: string;
}

const processor = unified().use(remarkParse);

/** `[x]`, `[ ]*` ... at the start of an item's first paragraph, then whitespace or the end. */
const BOX = /^\[([ xX-])\](\*?)(?=\s|$)/;

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface OutlineHeading {
  depth: number;
  text: string;
  line: number;
}

/** A block of text at the top level of the document (not in a list, quote or table). */
export interface OutlineBlock {
  /** Plain text; a paragraph keeps its line breaks. */
  text: string;
  line: number;
}

/** What the task-source readers need from a Markdown file, each with its 1-based line. */
export interface MarkdownOutline {
  checkboxes: CheckboxItem[];
  headings: OutlineHeading[];
  /** Top-level paragraphs, plain text. */
  paragraphs: OutlineBlock[];
  /** HTML comments standing as their own block, such as `<!-- AC:BEGIN -->`, trimmed. */
  comments: OutlineBlock[];
}

/**
 * Outlines a Markdown document in document order: its checkbox items (with nesting and the
 * heading each sits under), headings, top-level paragraphs and comment blocks. remark does
 * the block structure (lists, nesting, code fences, HTML); the only syntax decided here is
 * the box at the start of an item, because Kiro's `[-]` and `[ ]*` are not GFM task items.
 */
export function readMarkdownOutline(text: string): MarkdownOutline {
  // micromark ends a line at a lone CR; git does not. Same length, so offsets stay.
  const source = text.replace(/\r(?!\n)/g, ' ');
  const tree = processor.parse(source) as Root;
  const items: CheckboxItem[] = [];
  const headings: OutlineHeading[] = [];
  const paragraphs: OutlineBlock[] = [];
  const comments: OutlineBlock[] = [];
  let section: string | undefined;

  for (const node of tree.children) {
    const line = node.position?.start.line ?? 1;
    // Lines stay lines: `Status: done` and `Branch: x` written one under the other are one paragraph.
    if (node.type === 'paragraph') paragraphs.push({ text: plainText(node).split('\n').map(collapse).join('\n'), line });
    else if (node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim())) comments.push({ text: node.value.trim(), line });
  }

  const visit = (node: Nodes, parentIndex: number | undefined): void => {
    if (node.type === 'heading') {
      section = collapse(plainText(node));
      headings.push({ depth: node.depth, text: section, line: node.position?.start.line ?? 1 });
      return;
    }
    let childParent = parentIndex;
    if (node.type === 'listItem') {
      const first = node.children[0];
      const start = first?.position?.start.offset;
      const end = first?.position?.end.offset;
      if (first?.type === 'paragraph' && start !== undefined && end !== undefined) {
        const match = BOX.exec(source.slice(start, end));
        if (match) {
          const marker = match[1] as CheckboxMarker;
          const item: CheckboxItem = {
            box: `[${marker}]`,
            checked: marker === 'x' || marker === 'X',
            optional: match[2] === '*',
            text: textAfterBox(first, source.slice(start + match[0].length, end)),
            line: node.position?.start.line ?? first.position?.start.line ?? 1,
          };
          if (parentIndex !== undefined) item.parentIndex = parentIndex;
          if (section !== undefined) item.section = section;
          items.push(item);
          childParent = items.length - 1;
        }
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, childParent);
  };
  visit(tree, undefined);
  return { checkboxes: items, headings, paragraphs, comments };
}

/**
 * The paragraph's plain text without its leading box. The box is literal text to remark, so
 * the plain text starts with it; when it does not (an escaped or referenced bracket), the raw
 * source after the box is used as it stands.
 */
function textAfterBox(paragraph: Paragraph, rawAfterBox: string): string {
  const plain = plainText(paragraph);
  const match = BOX.exec(plain);
  return collapse(match ? plain.slice(match[0].length) : rawAfterBox);
}

/** Ticked and total checkboxes of one part of a file. */
export interface CheckCount {
  checked: number;
  total: number;
}

/** The lines strictly between `from` and `to` that a section spans. */
export interface LineSpan {
  from: number;
  to: number;
}

/** The section under the first heading matching `title`, down to the next heading of the same or a higher level. */
export function sectionUnder(outline: MarkdownOutline, title: RegExp): LineSpan | undefined {
  const heading = outline.headings.find((candidate) => title.test(candidate.text));
  if (!heading) return undefined;
  const next = outline.headings.find((candidate) => candidate.line > heading.line && candidate.depth <= heading.depth);
  return { from: heading.line, to: next?.line ?? Number.POSITIVE_INFINITY };
}

/** Counts the checkboxes inside a span (none without one). */
export function countCheckboxes(outline: MarkdownOutline, span: LineSpan | undefined): CheckCount {
  if (!span) return { checked: 0, total: 0 };
  const inside = outline.checkboxes.filter((box) => box.line > span.from && box.line < span.to);
  return { checked: inside.filter((box) => box.checked).length, total: inside.length };
}
