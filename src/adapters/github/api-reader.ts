import { RevisionError, SourceError } from '../../errors.js';
import type { RepoReader } from '../../core/ports.js';
import type { FileEntry } from '../git/git-reader.js';
import { apiFailure, httpStatus, type GitHubClient } from './client.js';

export interface RepoCoordinates {
  owner: string;
  repo: string;
}

/** One entry of `pulls.listFiles`, the fields the overlay needs. */
export interface PullFile {
  filename: string;
  status: string;
  sha: string | null;
  previous_filename?: string;
}

/** GitHub lists at most this many files of a pull request, however many pages are asked for. */
export const PULL_FILES_CAP = 3000;

const SHA = /^[0-9a-f]{40}$/i;

/**
 * Reads the repository through the REST API: trees for listings, blobs for contents.
 * When a pull request's file list is known, the head listing is the base tree with
 * those changes laid over it, which saves a tree request; a listing GitHub truncated
 * is never used (the caller falls back to the head tree).
 */
export class ApiReader implements RepoReader {
  private readonly trees = new Map<string, Promise<Map<string, string>>>();
  /** The real trees (with modes), one request per commit; `trees` may be overlays of them. */
  private readonly entryTrees = new Map<string, Promise<Map<string, FileEntry>>>();
  private readonly overlays = new Map<string, { base: string; files: readonly PullFile[] }>();
  /** Blobs are immutable: one request per blob, however many readers of it. */
  private readonly blobs = new Map<string, Promise<Uint8Array>>();
  private readonly mergeBases = new Map<string, Promise<string>>();

  constructor(
    private readonly github: GitHubClient,
    private readonly where: RepoCoordinates,
    private readonly concurrency = 8,
  ) {}

  /** The listing of `head` is `base` plus these changed files (a complete `pulls.listFiles`). */
  overlay(head: string, base: string, files: readonly PullFile[]): void {
    this.overlays.set(head, { base, files });
  }

  async resolveRevision(revision: string): Promise<string> {
    // Event payloads give full SHAs; the tree request verifies them.
    if (SHA.test(revision)) return revision.toLowerCase();
    try {
      const { data } = await this.github.rest.repos.getCommit({ ...this.where, ref: revision, per_page: 1 });
      return data.sha;
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404 || status === 422) throw new RevisionError(`unknown revision "${revision}" in ${this.where.owner}/${this.where.repo}`);
      throw apiFailure(`reading commit ${revision}`, error);
    }
  }

  /** The merge base as GitHub's compare API gives it (what a pull request's diff uses). */
  mergeBase(base: string, head: string): Promise<string> {
    // Asked when the pull request's file list is laid over it and again by runCheck: one request.
    const key = `${base}...${head}`;
    let pending = this.mergeBases.get(key);
    if (!pending) {
      pending = this.compare(base, head);
      this.mergeBases.set(key, pending);
    }
    return pending;
  }

  private async compare(base: string, head: string): Promise<string> {
    try {
      const { data } = await this.github.rest.repos.compareCommitsWithBasehead({ ...this.where, basehead: `${base}...${head}`, per_page: 1 });
      return data.merge_base_commit.sha;
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404) throw new RevisionError(`${base.slice(0, 7)} and ${head.slice(0, 7)} share no history in ${this.where.owner}/${this.where.repo} (or are not visible to this token)`);
      throw apiFailure(`comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`, error);
    }
  }

  async listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>> {
    const all = await this.allFiles(commit);
    return new Map([...all].filter(([path]) => accept(path)));
  }

  private allFiles(commit: string): Promise<Map<string, string>> {
    let listing = this.trees.get(commit);
    if (!listing) {
      const overlay = this.overlays.get(commit);
      listing = overlay ? this.overlaid(overlay.base, overlay.files) : this.tree(commit);
      this.trees.set(commit, listing);
    }
    return listing;
  }

  private async overlaid(base: string, changed: readonly PullFile[]): Promise<Map<string, string>> {
    const files = new Map(await this.allFiles(base));
    for (const file of changed) {
      if (file.previous_filename) files.delete(file.previous_filename);
      if (file.status === 'removed') files.delete(file.filename);
      else if (file.sha) files.set(file.filename, file.sha);
    }
    return files;
  }

  /** Files at a commit with their modes, always from the commit's own tree (an overlay has no modes). */
  async listEntries(commit: string, accept: (path: string) => boolean): Promise<Map<string, FileEntry>> {
    let entries = this.entryTrees.get(commit);
    if (!entries) {
      entries = this.treeEntries(commit);
      this.entryTrees.set(commit, entries);
    }
    return new Map([...(await entries)].filter(([path]) => accept(path)));
  }

  private async tree(commit: string): Promise<Map<string, string>> {
    return new Map([...(await this.listEntries(commit, () => true))].map(([path, entry]) => [path, entry.oid]));
  }

  private async treeEntries(commit: string): Promise<Map<string, FileEntry>> {
    let data;
    try {
      ({ data } = await this.github.rest.git.getTree({ ...this.where, tree_sha: commit, recursive: 'true' }));
    } catch (error) {
      const status = httpStatus(error);
      if (status === 404 || status === 422) {
        throw new RevisionError(`commit ${commit.slice(0, 7)} is not in ${this.where.owner}/${this.where.repo} (or not visible to this token)`);
      }
      throw apiFailure(`listing the files of ${commit.slice(0, 7)}`, error);
    }
    if (data.truncated) {
      throw new SourceError(
        `the repository tree at ${commit.slice(0, 7)} is too large for one API listing (GitHub truncated it); check out the repository with actions/checkout (fetch-depth: 0) so doc-sync reads it with git`,
      );
    }
    const files = new Map<string, FileEntry>();
    for (const entry of data.tree) {
      if (entry.type === 'blob' && entry.path && entry.sha) files.set(entry.path, { oid: entry.sha, mode: entry.mode ?? '100644' });
    }
    return files;
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const blobs = new Map<string, Uint8Array>();
    let next = 0;
    // A few requests in flight at once: fast, and gentle on the secondary rate limit.
    const worker = async () => {
      while (next < oids.length) {
        const oid = oids[next++]!;
        let pending = this.blobs.get(oid);
        if (!pending) {
          pending = this.blob(oid);
          this.blobs.set(oid, pending);
        }
        blobs.set(oid, await pending);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, oids.length) }, worker));
    return blobs;
  }

  private async blob(oid: string): Promise<Uint8Array> {
    try {
      const { data } = await this.github.rest.git.getBlob({ ...this.where, file_sha: oid });
      if (data.encoding !== 'base64' && data.encoding !== 'utf-8') throw new SourceError(`blob ${oid} came in an unknown encoding "${data.encoding}"`);
      return data.encoding === 'base64' ? Buffer.from(data.content, 'base64') : Buffer.from(data.content, 'utf8');
    } catch (error) {
      if (error instanceof SourceError) throw error;
      throw apiFailure(`reading blob ${oid.slice(0, 7)}`, error);
    }
  }
}
