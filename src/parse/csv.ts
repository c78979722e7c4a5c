import { parse } from 'csv-parse/sync';
import { LineIndex } from './text.js';

export interface CsvRecord {
  /** 1-based line where the record starts (lines end at `\n`, as git counts them). */
  line: number;
  fields: string[];
  /** Byte range of the record in the file, delimiter excluded. */
  start: number;
  end: number;
}

export interface CsvProblem {
  line: number;
  message: string;
  /** The text of the line the broken record starts on (identifies it across revisions). */
  text: string;
}

export interface CsvDocument {
  records: CsvRecord[];
  problems: CsvProblem[];
}

interface RecordWithInfo {
  record: string[];
  info: { bytes: number };
}

const CR = 0x0d;
const LF = 0x0a;

function skipLineBreaks(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length && (bytes[at] === CR || bytes[at] === LF)) at++;
  return at;
}

function trimLineBreaks(bytes: Uint8Array, start: number, end: number): number {
  let at = end;
  while (at > start && (bytes[at - 1] === CR || bytes[at - 1] === LF)) at--;
  return at;
}

/** Offset of the start of the line after the one containing `offset`. */
function nextLineStart(bytes: Uint8Array, offset: number): number {
  let at = offset;
  while (at < bytes.length && bytes[at] !== LF && bytes[at] !== CR) at++;
  return skipLineBreaks(bytes, at);
}

function describe(code: string | undefined): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed; add the missing `"`';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a quoted field is not doubled; write `""` for a literal quote';
    default:
      return 'the record cannot be read as CSV';
  }
}

/**
 * Parses CSV bytes with csv-parse, tolerating what real boards contain: a BOM, CRLF, LF
 * and lone-CR line endings mixed in one file, runs of blank lines. A record that cannot
 * be read (a stray or unclosed quote) becomes a problem with its line, and parsing starts
 * again on the next line, so one broken record never hides the ones after it. Never
 * throws for bad input.
 */
export function parseCsv(bytes: Uint8Array): CsvDocument {
  const lines = new LineIndex(bytes);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;

  while (offset < bytes.length) {
    const chunkStart = offset;
    let previousEnd = chunkStart;
    let failure: string | undefined;
    try {
      parse(Buffer.from(bytes.buffer, bytes.byteOffset + chunkStart, bytes.byteLength - chunkStart), {
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        record_delimiter: ['\r\n', '\n', '\r'],
        // With `info: true` csv-parse hands over { record, info }, which its types do not model.
        on_record: (value: unknown) => {
          const { record, info } = value as RecordWithInfo;
          const start = skipLineBreaks(bytes, previousEnd);
          const end = trimLineBreaks(bytes, start, chunkStart + info.bytes);
          previousEnd = chunkStart + info.bytes;
          records.push({ line: lines.lineAt(start), fields: record, start, end });
          return null;
        },
      });
      offset = bytes.length;
    } catch (error) {
      failure = (error as { code?: string }).code;
      // The broken record starts after the last good one; resume on the line after its start.
      const brokenStart = skipLineBreaks(bytes, previousEnd);
      offset = nextLineStart(bytes, brokenStart);
      const text = new TextDecoder().decode(bytes.subarray(brokenStart, trimLineBreaks(bytes, brokenStart, offset))).trim();
      problems.push({ line: lines.lineAt(brokenStart), message: describe(failure), text });
    }
  }
  return { records, problems };
}
