import type { ParsedBlobs } from '../model/build.js';
import { parseCsv, type CsvDocument } from '../parse/csv.js';
import { parseMarkdownTables, type MarkdownDocument } from '../parse/markdown-table.js';
import { decodeDocument, type DecodedDocument } from '../parse/text.js';
import type { RepoReader } from './ports.js';

/**
 * Blob bytes and their parses, keyed by blob id: a file that is the same at base and
 * head (or across the commits of a replay) is read and parsed once.
 */
export class BlobStore implements ParsedBlobs {
  private readonly bytes = new Map<string, Uint8Array>();
  private readonly decodedCache = new Map<string, DecodedDocument>();
  private readonly markdownCache = new Map<string, MarkdownDocument | null>();
  private readonly csvCache = new Map<string, CsvDocument | null>();
  constructor(private readonly maxBytes: number) {}

  /** Reads the blobs not yet in the store, in one batch. */
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
      this.markdownCache.set(oid, decoded.kind === 'text' ? parseMarkdownTables(decoded.text) : null);
    }
    return this.markdownCache.get(oid)!;
  }

  csv(oid: string): CsvDocument | null {
    if (!this.csvCache.has(oid)) {
      const decoded = this.decoded(oid);
      this.csvCache.set(oid, decoded.kind === 'text' ? parseCsv(this.bytes.get(oid)!) : null);
    }
    return this.csvCache.get(oid)!;
  }
}
