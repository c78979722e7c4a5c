import { createHash } from 'node:crypto';
import type { RepoReader } from '../core/ports.js';

/**
 * A revision that is another one with some files replaced: what a commit of the fixed
 * files on top of `base` would hold. It lets the check judge the fixes before anything
 * is committed. Other revisions pass through to the wrapped reader.
 */
export class OverlayReader implements RepoReader {
  /** The name `resolveRevision` and `listFiles` know the overlaid revision by. */
  static readonly REVISION = 'doc-sync:fixed';
  private readonly oids = new Map<string, string>();
  private readonly blobs = new Map<string, Uint8Array>();

  /** `files`: path → new bytes, laid over commit `base` (a full SHA). */
  constructor(
    private readonly inner: RepoReader,
    private readonly base: string,
    files: ReadonlyMap<string, Uint8Array>,
  ) {
    for (const [path, bytes] of files) {
      // Not a git object id, so it can never collide with a blob the inner reader knows.
      const oid = `fixed:${createHash('sha1').update(bytes).digest('hex')}`;
      this.oids.set(path, oid);
      this.blobs.set(oid, bytes);
    }
  }

  async resolveRevision(revision: string): Promise<string> {
    return revision === OverlayReader.REVISION ? revision : this.inner.resolveRevision(revision);
  }

  async mergeBase(base: string, head: string): Promise<string> {
    const map = (revision: string) => (revision === OverlayReader.REVISION ? this.base : revision);
    return this.inner.mergeBase(map(base), map(head));
  }

  async listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>> {
    if (commit !== OverlayReader.REVISION) return this.inner.listFiles(commit, accept);
    const files = await this.inner.listFiles(this.base, accept);
    for (const [path, oid] of this.oids) if (accept(path)) files.set(path, oid);
    return files;
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const ours = oids.filter((oid) => this.blobs.has(oid));
    const read = await this.inner.readBlobs(oids.filter((oid) => !this.blobs.has(oid)));
    for (const oid of ours) read.set(oid, this.blobs.get(oid)!);
    return read;
  }
}
