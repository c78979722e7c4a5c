import { Composer, CST, Lexer, Parser, type Document } from 'yaml';

/** A file's YAML frontmatter: the `---` block that opens it, as the `yaml` library delimits it. */
export type Frontmatter =
  | { kind: 'none' }
  /**
   * Opened by `---` on line 1 but never closed, so the whole file reads as YAML; the
   * document's errors say where that went wrong (often an unclosed quote that swallowed the
   * closing `---`).
   */
  | { kind: 'unclosed'; document?: Document.Parsed }
  | {
      kind: 'closed';
      /** The frontmatter as one parsed YAML document (its errors included), offsets into the whole file. */
      document: Document.Parsed;
      /** Offset where the Markdown body starts (after the closing `---` line). */
      bodyOffset: number;
    };

/** The lexer's zero-width markers: they stand for no character of the text. */
const LEXER_MARKERS = new Set<string>([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * How much of the text the frontmatter's parse needs: up to the end of the line of the second
 * document marker (`---` or `...`), as the `yaml` lexer finds it, or all of it. The parser would
 * otherwise read the whole Markdown body as a second YAML document before it can say where the
 * first one ends, which is most of the cost of a task file; the first document, its errors and
 * where the body starts come out the same from this prefix.
 */
function frontmatterEnd(text: string): number {
  let offset = 0;
  let markers = 0;
  let closed = false;
  for (const token of new Lexer().lex(text)) {
    if (LEXER_MARKERS.has(token)) continue;
    offset += token.length;
    const type = CST.tokenType(token);
    if (closed && type === 'newline') return offset;
    if (type === 'doc-start' || type === 'doc-end') closed = ++markers === 2;
  }
  return text.length;
}

/**
 * Finds and parses the frontmatter of a Markdown file. The `yaml` parser's own document
 * markers delimit it (a `---` document start at offset 0, ended by the next `---` or `...`),
 * so no line scanning of ours decides where YAML ends; parsing stops after that document,
 * before the Markdown body is read as YAML.
 */
export function readFrontmatter(text: string): Frontmatter {
  const tokens = new Parser().parse(text.slice(0, frontmatterEnd(text)));
  let first = tokens.next();
  const start = !first.done && first.value.type === 'byte-order-mark' ? first.value.source.length : 0;
  if (start > 0) first = tokens.next();
  if (first.done || first.value.type !== 'document' || first.value.offset !== start) return { kind: 'none' };
  const opening = first.value.start[0];
  if (opening?.type !== 'doc-start') return { kind: 'none' };

  const next = tokens.next();
  if (next.done) {
    const [whole] = [...new Composer().compose([first.value], true, text.length)];
    return whole ? { kind: 'unclosed', document: whole } : { kind: 'unclosed' };
  }
  let bodyOffset: number;
  if (next.value.type === 'document') {
    // The body starts after the closing marker's line; the marker token is `---` plus its line break.
    const marker = next.value.start.find((token) => token.type === 'doc-start');
    const newline = next.value.start.find((token) => token.type === 'newline');
    bodyOffset = newline ? newline.offset + newline.source.length : next.value.offset + (marker?.source.length ?? 3);
  } else if (next.value.type === 'doc-end') {
    const end = next.value.end?.find((token) => token.type === 'newline');
    bodyOffset = end ? end.offset + end.source.length : next.value.offset + next.value.source.length;
  } else {
    return { kind: 'unclosed' };
  }

  const [document] = [...new Composer().compose([first.value], true, next.value.offset)];
  if (!document) return { kind: 'unclosed' };
  return { kind: 'closed', document, bodyOffset };
}

/**
 * The text with the frontmatter's characters turned into spaces (line breaks kept), so a
 * Markdown parser sees only the body while every offset and line stays the file's own.
 */
export function blankFrontmatter(text: string, frontmatter: Frontmatter): string {
  if (frontmatter.kind !== 'closed') return text;
  return text.slice(0, frontmatter.bodyOffset).replace(/[^\n]/g, ' ') + text.slice(frontmatter.bodyOffset);
}
