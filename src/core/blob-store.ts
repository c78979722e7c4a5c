import { getHeapStatistics } from 'node:v8';
import type { DerivedParsers, ParsedBlobs } from '../model/build.js';
import { parseCsv, type CsvDocument } from '../parse/csv.js';
import { CHECK_LIMITS, DocumentTooComplexError } from '../parse/limits.js';
import { parseMarkdownTables, type MarkdownDocument, type ParseMarkdownOptions } from '../parse/markdown-table.js';
import { decodeDocument, type DecodedDocument } from '../parse/text.js';
import type { RepoReader } from './ports.js';

/** A document could not be read within the limits; `oid` names the blob, so the core can name the file. */
export class BlobTooComplexError extends DocumentTooComplexError {
  constructor(
    readonly oid: string,
    reason: string,
    line: number,
  ) {
    super(reason, line);
  }

  /** The same limit, told about the file the blob is at and where that is (`at 1a2b3c4`, `in the working tree`). */
  at(file: string, place: string): DocumentTooComplexError {
    return new DocumentTooComplexError(this.reason, this.line, `${file} ${place}`);
  }
}

/** What the whole check may spend on parsing, across documents. */
export interface ParseBudget {
  /** CPU time parsing may take, in ms (`clock` measures it). */
  maxParseMs: number;
  /** Share of V8's heap limit in use after which no further document is parsed. */
  maxHeapShare: number;
  clock: () => number;
  heapUsed: () => number;
  heapLimit: number;
}

/** CPU time of this process in ms: the budget is about work done, not about how busy the machine is. */
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const defaultBudget = (): ParseBudget => ({
  ...CHECK_LIMITS,
  clock: cpuMs,
  heapUsed: () => process.memoryUsage().heapUsed,
  heapLimit: getHeapStatistics().heap_size_limit,
});

/**
 * Blob bytes and their parses, keyed by blob id: a file that is the same at base and
 * head (or across the commits of a replay) is read and parsed once. Parsing is bounded:
 * each document by the parser's limits, all of them together by a time and heap budget;
 * past either, a {@link BlobTooComplexError} names the blob.
 */
export class BlobStore implements ParsedBlobs {
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly decodedCache = new Map<string, DecodedDocument>();
  private readonly markdownCache = new Map<string, MarkdownDocument | null>();
  private readonly csvCache = new Map<string, CsvDocument | null>();
  private readonly memos = new Map<string, unknown>();
  private readonly budget: ParseBudget;
  private parseMs = 0;
  constructor(
    private readonly maxBytes: number,
    budget: Partial<ParseBudget> = {},
    private readonly markdownOptions: ParseMarkdownOptions = {},
  ) {
    this.budget = { ...defaultBudget(), ...budget };
  }

  /** Reads the blobs not yet in the store, in one batch. */
  /**
   * A value derived from blobs, computed once per key (a task-source reader's result for one
   * file at one blob id). The key must name everything the value depends on.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  async load(reader: RepoReader, oids: Iterable<string>): Promise<void> {
    const missing = [...new Set(oids)].filter((oid) => !this.bytes.has(oid));
    if (missing.length === 0) return;
    const read = await reader.readBlobs(missing);
    for (const [oid, data] of read) this.bytes.set(oid, data);
  }

  decoded(oid: string): DecodedDocument {
    let decoded = this.decodedCache.get(oid);
    if (!decoded) {
      const data = this.bytes.get(oid);
      if (!data) throw new Error(`blob ${oid} was not loaded`);
      decoded = decodeDocument(data, this.maxBytes);
      this.decodedCache.set(oid, decoded);
    }
    return decoded;
  }

  markdown(oid: string): MarkdownDocument | null {
    if (!this.markdownCache.has(oid)) {
      const decoded = this.decoded(oid);
      this.markdownCache.set(oid, decoded.kind === 'text' ? this.bounded(oid, () => parseMarkdownTables(decoded.text, this.markdownOptions)) : null);
    }
    return this.markdownCache.get(oid)!;
  }

  csv(oid: string): CsvDocument | null {
    if (!this.csvCache.has(oid)) {
      const decoded = this.decoded(oid);
      this.csvCache.set(oid, decoded.kind === 'text' ? this.bounded(oid, () => parseCsv(this.bytes.get(oid)!)) : null);
    }
    return this.csvCache.get(oid)!;
  }

  /** Parses texts derived from a blob (not cached: they depend on the change) inside the check's budget and limits. */
  parseDerived<T>(oid: string, read: (parsers: DerivedParsers) => T): T {
    return this.bounded(oid, () =>
      read({
        markdown: (text) => parseMarkdownTables(text, this.markdownOptions),
        csv: (bytes) => parseCsv(bytes),
      }),
    );
  }

  /** Runs one parse inside the check's budget; a document over its own limits is named by its blob. */
  private bounded<T>(oid: string, parse: () => T): T {
    const { maxParseMs, maxHeapShare, clock, heapUsed, heapLimit } = this.budget;
    if (this.parseMs > maxParseMs) {
      throw new BlobTooComplexError(oid, `parsing the documents before it took ${Math.round(this.parseMs)} ms, over the check's budget of ${maxParseMs} ms`, 1);
    }
    if (heapUsed() > maxHeapShare * heapLimit) {
      throw new BlobTooComplexError(oid, `the documents before it filled ${Math.round((100 * heapUsed()) / heapLimit)}% of the memory the check may use`, 1);
    }
    const started = clock();
    try {
      return parse();
    } catch (error) {
      if (error instanceof DocumentTooComplexError && !(error instanceof BlobTooComplexError)) throw new BlobTooComplexError(oid, error.reason, error.line);
      throw error;
    } finally {
      this.parseMs += clock() - started;
    }
  }
}
