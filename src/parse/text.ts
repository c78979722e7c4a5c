/** Byte-level facts about a document before any syntax is parsed. */
export type DecodedDocument =
  | { kind: 'text'; text: string; hasBom: boolean }
  | { kind: 'binary' }
  | { kind: 'too-large'; size: number };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 (invalid sequences become U+FFFD, as GitHub shows them), stripping a BOM. */
export function decodeDocument(bytes: Uint8Array, maxBytes: number): DecodedDocument {
  if (bytes.length > maxBytes) return { kind: 'too-large', size: bytes.length };
  // git's own heuristic: a NUL byte in the first 8000 bytes means binary.
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { kind: 'binary' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { kind: 'text', text: decoder.decode(hasBom ? bytes.subarray(3) : bytes), hasBom };
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

}
