/** Byte-level facts about a document before any syntax is parsed. */
export type DecodedDocument =
  | { kind: 'text'; text: string; hasBom: boolean }
  | { kind: 'binary' }
  | { kind: 'too-large'; size: number };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The UTF-8 byte order mark, as bytes. */
export const UTF8_BOM: Uint8Array = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Do the bytes open with a UTF-8 byte order mark? The one place that decides it. */
export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/** Decodes UTF-8 (invalid sequences become U+FFFD, as GitHub shows them), stripping a BOM. */
export function decodeDocument(bytes: Uint8Array, maxBytes: number): DecodedDocument {
  if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
  // git calls a file binary when its first 8,000 bytes hold a NUL; a NUL further on must
  // not slip through either (it would reach the parsers as text), so look at every byte.
  if (bytes.includes(0)) return { kind: 'binary' };
  const hasBom = startsWithBom(bytes);
  return { kind: 'text', text: decoder.decode(hasBom ? bytes.subarray(UTF8_BOM.length) : bytes), hasBom };
}

/**
 * Maps offsets to 1-based line numbers. Lines end at `\n` only, as git and GitHub
 * count them, so a stray `\r` never shifts the numbering.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(source: string | Uint8Array) {
    if (typeof source === 'string') {
      for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
    } else {
      for (let i = source.indexOf(0x0a); i !== -1; i = source.indexOf(0x0a, i + 1)) this.starts.push(i + 1);
    }
  }

  /** 1-based line of a 0-based offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** 0-based offset where a 1-based line starts. */
  startOf(line: number): number {
    return this.starts[line - 1] ?? this.starts[this.starts.length - 1]!;
  }

}

/** A line ending as written; `''` for a last line with no line break. */
export type LineEnding = '' | '\n' | '\r\n';

/** One line of a document: its text (without its ending) and how it ends. */
export interface SourceLine {
  text: string;
  eol: LineEnding;
}

/**
 * Splits text into lines the way git counts them: a line ends at `\n`, and one `\r`
 * right before it belongs to the ending (CRLF). A lone `\r` elsewhere is text. A final
 * line break does not start another line. Fixes compare and write lines in this form.
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    const crlf = newline > start && text.charCodeAt(newline - 1) === 0x0d;
    lines.push({ text: text.slice(start, crlf ? newline - 1 : newline), eol: crlf ? '\r\n' : '\n' });
    start = newline + 1;
  }
  return lines;
}

/** The lines' texts, without their endings, as `splitLines` cuts them. */
export const lineTexts = (text: string): string[] => splitLines(text).map((line) => line.text);

/** The text of lines `first`..`last` (1-based, inclusive), joined by `\n`: how a fix quotes the lines it expects. */
export function joinLines(lines: readonly SourceLine[], first: number, last: number): string {
  return lines
    .slice(first - 1, last)
    .map((line) => line.text)
    .join('\n');
}
