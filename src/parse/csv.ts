import { parse } from 'csv-parse/sync';
import { LineIndex, startsWithBom, UTF8_BOM } from './text.js';

export interface CsvRecord {
  /** 1-based line where the record starts (lines end at `\n`, as git counts them). */
  line: number;
  /** 1-based line where it ends (later than `line` when a quoted field holds a line break). */
  endLine: number;
  fields: string[];
  /** Byte range of the record in the file, delimiter excluded. */
  start: number;
  end: number;
  /**
   * The record is exactly its lines: it starts a line and ends at a line break (or the
   * end of the file). False when a lone CR puts two records on one line.
   */
  ownsLines: boolean;
}

export interface CsvProblem {
  line: number;
  message: string;
  /** The text of the line the broken record starts on (identifies it across revisions). */
  text: string;
  /**
   * The broken line re-read with csv-parse's `relax_quotes` (a stray quote kept as text,
   * the quotes around a field that has one removed): what the record most likely says,
   * so its task is not lost. Empty when even that cannot read it (an unclosed quote).
   */
  recovered: string[][];
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

/** A field that had a stray quote keeps its surrounding quotes under `relax_quotes`; they are syntax, not text. */
const unwrapQuotes = (field: string): string => (field.length >= 2 && field.startsWith('"') && field.endsWith('"') ? field.slice(1, -1) : field);

/** One broken line read leniently (see `CsvProblem.recovered`); never throws. */
function readRelaxed(text: string): string[][] {
  try {
    const records = parse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
    return records.map((record) => record.map(unwrapQuotes));
  } catch {
    return [];
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
  const bom = startsWithBom(bytes) ? UTF8_BOM.length : 0;
  let offset = bom;

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
          const line = lines.lineAt(start);
          const startsLine = start === lines.startOf(line) || (line === 1 && start === bom);
          const endsLine = end === bytes.length || bytes[end] === LF || (bytes[end] === CR && bytes[end + 1] === LF);
          records.push({ line, endLine: lines.lineAt(Math.max(start, end - 1)), fields: record, start, end, ownsLines: startsLine && endsLine });
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
      problems.push({ line: lines.lineAt(brokenStart), message: describe(failure), text, recovered: readRelaxed(text) });
    }
  }
  return { records, problems };
}

/** A field needs quotes when it holds the delimiter, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;

function quoteField(field: string): string {
  return `"${field.replace(/"/g, '""')}"`;
}

/**
 * One CSV record as text. Field `i` is quoted when `quoted[i]` says so (the file's
 * style) or when its value needs it; quotes inside are doubled.
 */
export function renderCsvRecord(fields: readonly string[], quoted: readonly boolean[]): string {
  return fields.map((field, index) => (quoted[index] || NEEDS_QUOTES.test(field) ? quoteField(field) : field)).join(',');
}

/**
 * Which fields of a record were written in quotes, found by writing csv-parse's values
 * back both ways and keeping the one that reproduces `source` exactly. Null when no
 * choice reproduces it (spaces around a quoted field, a line break inside a field).
 */
export function csvQuoting(source: string, fields: readonly string[]): boolean[] | null {
  const quoted: boolean[] = [];
  let at = 0;
  for (const [index, field] of fields.entries()) {
    if (index > 0) {
      if (source[at] !== ',') return null;
      at++;
    }
    const asQuoted = quoteField(field);
    if (source.startsWith(asQuoted, at)) {
      quoted.push(true);
      at += asQuoted.length;
    } else if (!NEEDS_QUOTES.test(field) && source.startsWith(field, at)) {
      quoted.push(false);
      at += field.length;
    } else return null;
  }
  return at === source.length ? quoted : null;
}
