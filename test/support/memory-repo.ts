import { createHash } from 'node:crypto';
import { RevisionError } from '../../src/errors.js';
import type { RepoReader } from '../../src/core/ports.js';

/** File contents of one revision: path → text (or bytes, for BOM/CRLF/binary cases). */
export type Tree = Record<string, string | Uint8Array>;

const toBytes = (content: string | Uint8Array): Uint8Array => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

/** An in-memory repository for tests: named revisions, each a whole tree. */
export class MemoryRepo implements RepoReader {
  private readonly revisions = new Map<string, Map<string, string>>();
  private readonly blobs = new Map<string, Uint8Array>();
  /** Blob ids read, in order: lets tests prove a blob is read once. */
  readonly blobReads: string[] = [];

  constructor(trees: Record<string, Tree>) {
    for (const [name, tree] of Object.entries(trees)) {
      const files = new Map<string, string>();
      for (const [path, content] of Object.entries(tree)) {
        const bytes = toBytes(content);
        const oid = createHash('sha1').update(bytes).digest('hex');
        this.blobs.set(oid, bytes);
        files.set(path, oid);
      }
      this.revisions.set(name, files);
    }
  }

  async resolveRevision(revision: string): Promise<string> {
    if (!this.revisions.has(revision)) throw new RevisionError(`unknown revision "${revision}"`);
    return revision;
  }

  /** Named trees have no history: a change is compared with its base as given. */
  async mergeBase(base: string): Promise<string> {
    return base;
  }

  async listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>> {
    const files = this.revisions.get(commit)!;
    return new Map([...files].filter(([path]) => accept(path)));
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    this.blobReads.push(...oids);
    return new Map(oids.map((oid) => [oid, this.blobs.get(oid)!]));
  }
}
