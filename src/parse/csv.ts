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

/**
 * Parses CSV bytes with csv-parse, tolerating what real boards contain: a BOM, CRLF, LF
 * and lone-CR line endings mixed in one file, runs of blank lines. A record that cannot
 * be read (a stray or unclosed quote) becomes a problem with its line; the other records
 * are still returned. Never throws for bad input.
 */
export function parseCsv(bytes: Uint8Array): CsvDocument {
  const lines = new LineIndex(bytes);
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const bomLength = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let previousEnd = bomLength;
  /** After a skipped record csv-parse resumes at the next line break past the error. */
  let resumeAfterLine = false;

  const describe = (code: string | undefined): string => {
    switch (code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return 'a quoted field is never closed, so the rest of the file cannot be read; add the missing `"`';
      case 'CSV_INVALID_CLOSING_QUOTE':
        return 'a quote inside a quoted field is not doubled; write `""` for a literal quote';
      default:
        return 'the record cannot be read as CSV';
    }
  };

  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_records_with_error: true,
      on_skip: (error) => {
        const start = skipLineBreaks(bytes, previousEnd);
        const errorEnd = (error as { bytes?: number } | undefined)?.bytes;
        const line = lines.lineAt(start);
        // csv-parse can report one broken record more than once; one problem per record.
        if (problems.at(-1)?.line !== line) problems.push({ line, message: describe(error?.code) });
        if (typeof errorEnd === 'number' && errorEnd > previousEnd) previousEnd = errorEnd;
        resumeAfterLine = true;
      },
      // With `info: true` csv-parse hands over { record, info }, which its types do not model.
      on_record: (value: unknown) => {
        const { record, info } = value as RecordWithInfo;
        let from = previousEnd;
        if (resumeAfterLine) {
          while (from < bytes.length && bytes[from] !== LF && bytes[from] !== CR) from++;
          resumeAfterLine = false;
        }
        const start = skipLineBreaks(bytes, from);
        const end = trimLineBreaks(bytes, start, info.bytes);
        previousEnd = info.bytes;
        records.push({ line: lines.lineAt(start), fields: record, start, end });
        return null;
      },
    });
  } catch (error) {
    // csv-parse reports some problems by throwing; keep what was read and say where it stopped.
    const start = skipLineBreaks(bytes, previousEnd);
    problems.push({ line: lines.lineAt(start), message: describe((error as { code?: string }).code) });
  }
  return { records, problems };
}
