import { createHash } from 'node:crypto';
import { lstat, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { SourceError } from '../../errors.js';
import type { RepoReader } from '../../core/ports.js';
import { git, GitReader, remoteDefaultBranch } from './git-reader.js';

/** The pseudo-revision of the files as they are on disk (tracked, plus untracked ones git does not ignore). */
export const WORKING_TREE = 'working-tree';
/** The pseudo-revision of the index: what `git commit` would record. */
export const INDEX = 'index';

/** The id git gives a blob with these bytes, so an unchanged file keeps the id it has in the commits. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * What uncommitted work is compared with by default: the merge base of HEAD with the
 * remote's default branch (what its pull request will be compared with); HEAD itself on
 * that branch, or when there is no remote; null before the first commit. `why` says which,
 * for the note on stderr.
 */
export async function localBase(root: string): Promise<{ commit: string | null; why: string }> {
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  // Before the first commit there is nothing to compare with: every task is new.
  if (head.code !== 0) return { commit: null, why: 'no commit yet' };
  const headSha = head.stdout.toString('utf8').trim();
  const branch = await remoteDefaultBranch(root);
  if (!branch) return { commit: headSha, why: 'HEAD (no remote default branch)' };
  const name = branch.replace('refs/remotes/', '');
  const mergeBase = await git(root, ['merge-base', '--end-of-options', branch, headSha]);
  if (mergeBase.code !== 0) return { commit: headSha, why: `HEAD (no history shared with ${name})` };
  const commit = mergeBase.stdout.toString('utf8').trim();
  return commit === headSha ? { commit, why: `HEAD (on ${name})` } : { commit, why: `the merge base with ${name}` };
}

/** NUL-separated fields of a `-z` git output. */
function fields(output: Buffer): string[] {
  return output.toString('utf8').split('\0').filter((field) => field !== '');
}

/** Stage-0 entries of the index: path → blob id; unmerged paths are listed apart. */
async function readIndex(root: string): Promise<{ entries: Map<string, string>; unmerged: Set<string> }> {
  const result = await git(root, ['ls-files', '--stage', '-z', '--full-name']);
  if (result.code !== 0) throw new SourceError(`git ls-files failed: ${result.stderr}`);
  const entries = new Map<string, string>();
  const unmerged = new Set<string>();
  for (const entry of fields(result.stdout)) {
    // "<mode> <oid> <stage>\t<path>"; gitlinks (mode 160000) are submodules, not files.
    const tab = entry.indexOf('\t');
    const [mode, oid, stage] = entry.slice(0, tab).split(' ');
    const path = entry.slice(tab + 1);
    if (mode === '160000' || !oid) continue;
    if (stage === '0') entries.set(path, oid);
    else unmerged.add(path);
  }
  for (const path of unmerged) entries.delete(path);
  return { entries, unmerged };
}

/**
 * A git reader that also knows one uncommitted state by a pseudo-revision name. Every
 * other revision, the merge base and the blobs of real objects go to the git reader.
 */
abstract class LocalStateReader implements RepoReader {
  protected readonly git: GitReader;
  /** Bytes read from disk, by the blob id git would give them. */
  protected readonly diskBlobs = new Map<string, Uint8Array>();

  constructor(
    protected readonly root: string,
    /** The pseudo-revision this reader adds. */
    readonly revision: string,
  ) {
    this.git = new GitReader(root);
  }

  /** The state's files that `accept` keeps: path → blob id. */
  protected abstract listState(accept: (path: string) => boolean): Promise<Map<string, string>>;

  async resolveRevision(revision: string): Promise<string> {
    return revision === this.revision ? revision : this.git.resolveRevision(revision);
  }

  async mergeBase(base: string, head: string): Promise<string> {
    // Uncommitted work sits on HEAD: its history is HEAD's.
    const commit = async (revision: string) => (revision === this.revision ? this.git.resolveRevision('HEAD') : revision);
    return this.git.mergeBase(await commit(base), await commit(head));
  }

  async listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>> {
    if (commit !== this.revision) return this.git.listFiles(commit, accept);
    return this.listState(accept);
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const blobs = await this.git.readBlobs(oids.filter((oid) => !this.diskBlobs.has(oid)));
    for (const oid of oids) {
      const bytes = this.diskBlobs.get(oid);
      if (bytes) blobs.set(oid, bytes);
    }
    return blobs;
  }
}

/** The index (`--staged`): exactly the blobs `git commit` would record. */
export class IndexReader extends LocalStateReader {
  constructor(root: string) {
    super(root, INDEX);
  }

  protected async listState(accept: (path: string) => boolean): Promise<Map<string, string>> {
    const { entries, unmerged } = await readIndex(this.root);
    const conflicts = [...unmerged].filter(accept).sort();
    if (conflicts.length > 0) {
      throw new SourceError(`${conflicts.join(', ')} ${conflicts.length === 1 ? 'has' : 'have'} unresolved merge conflicts in the index; resolve them and "git add" the result first`);
    }
    return new Map([...entries].filter(([path]) => accept(path)));
  }
}

/**
 * The working tree (the default): tracked files as they are on disk, untracked files git
 * does not ignore, deleted files gone. Files git sees as unmodified keep their index blob
 * (so an unchanged file is read and parsed once, as at the commits); the others are read
 * from disk as git would store them (a symlink is its target path).
 */
export class WorkingTreeReader extends LocalStateReader {
  constructor(root: string) {
    super(root, WORKING_TREE);
  }

  /** One snapshot per reader: git's view of which files differ from the index. */
  private state?: Promise<{ entries: Map<string, string>; fromDisk: Set<string> }>;
  /** Blob id of each file read from disk (null: not a file). */
  private readonly diskIds = new Map<string, string | null>();

  protected async listState(accept: (path: string) => boolean): Promise<Map<string, string>> {
    this.state ??= this.readState();
    const { entries, fromDisk } = await this.state;
    const files = new Map([...entries].filter(([path]) => accept(path) && !fromDisk.has(path)));
    for (const path of [...fromDisk].filter(accept)) {
      if (!this.diskIds.has(path)) {
        const bytes = await this.readDisk(path);
        const oid = bytes ? gitBlobId(bytes) : null;
        if (bytes && oid) this.diskBlobs.set(oid, bytes);
        this.diskIds.set(path, oid);
      }
      const oid = this.diskIds.get(path);
      if (oid) files.set(path, oid);
    }
    return files;
  }

  private async readState(): Promise<{ entries: Map<string, string>; fromDisk: Set<string> }> {
    const { entries } = await readIndex(this.root);
    // `git status` decides what is modified with its stat cache and clean filters, as `git diff` does;
    // --no-optional-locks: never write the index (a pre-commit hook runs while git holds its lock).
    const status = await git(this.root, ['--no-optional-locks', 'status', '--porcelain=v2', '-z', '--untracked-files=all', '--ignore-submodules=all']);
    if (status.code !== 0) throw new SourceError(`git status failed: ${status.stderr}`);
    const fromDisk = new Set<string>();
    const records = fields(status.stdout);
    for (let at = 0; at < records.length; at++) {
      const record = records[at]!;
      const kind = record[0];
      if (kind === '?') {
        fromDisk.add(record.slice(2));
        continue;
      }
      if (kind !== '1' && kind !== '2' && kind !== 'u') continue;
      // "1 XY sub mH mI mW hH hI path", "2 … Xscore path\0origPath", "u XY sub m1 m2 m3 mW h1 h2 h3 path"
      const parts = record.split(' ');
      const path = parts.slice(kind === '1' ? 8 : kind === '2' ? 9 : 10).join(' ');
      if (kind === '2') at++; // the rename's original path follows; the index no longer has it
      const worktree = parts[1]![1];
      if (kind === 'u' || worktree === 'M' || worktree === 'T') fromDisk.add(path);
      else if (worktree === 'D') entries.delete(path);
    }
    return { entries, fromDisk };
  }

  /** A file's bytes as git would store them; null when it is not a file (gone, a directory). */
  private async readDisk(path: string): Promise<Uint8Array | null> {
    const full = join(this.root, path);
    try {
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) return new TextEncoder().encode(await readlink(full));
      if (!stats.isFile()) return null;
      return new Uint8Array(await readFile(full));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new SourceError(`cannot read ${path} in the working tree: ${(error as Error).message}`);
    }
  }
}
