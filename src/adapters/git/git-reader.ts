import { spawn } from 'node:child_process';
import { RevisionError, SourceError } from '../../errors.js';
import type { RepoReader } from '../../core/ports.js';
import { CatFile } from './cat-file.js';
import { commitTree, GITLINK_MODE, parseTree, TREE_MODE, type TreeEntry } from './tree-object.js';

interface GitResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git without a shell; never throws for a non-zero exit (callers decide what it means). */
export function git(cwd: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new SourceError(`cannot run git (${error.message}); install git and make sure it is on PATH`)),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
    if (child.stdin) {
      // git may exit before reading all input (e.g. on a bad object); its exit code says why.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** The top directory of the work tree containing `cwd`. */
export async function findRepositoryRoot(cwd: string): Promise<string> {
  const result = await git(cwd, ['rev-parse', '--show-toplevel']);
  if (result.code !== 0) {
    throw new RevisionError(`${cwd} is not inside a git repository; run doc-sync from a clone of the repository to check`);
  }
  return result.stdout.toString('utf8').trim();
}

/**
 * The remote's default branch (origin/HEAD, else origin/main or origin/master) as a ref, or
 * null. With a reader, whether a candidate exists is asked of its git process.
 */
export async function remoteDefaultBranch(root: string, reader?: GitReader): Promise<string | null> {
  const candidates: string[] = [];
  const symbolic = await git(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (symbolic.code === 0) candidates.push(symbolic.stdout.toString('utf8').trim());
  candidates.push('refs/remotes/origin/main', 'refs/remotes/origin/master');
  for (const candidate of candidates) {
    const exists = reader ? (await reader.commitOf(candidate)) !== null : (await git(root, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])).code === 0;
    if (exists) return candidate;
  }
  return null;
}

/**
 * The merge base of `head` with the remote's default branch (origin/HEAD, else
 * origin/main or origin/master), which is what a pull request is compared with. The
 * reader answers the merge base, as it does for the core: one home for "what to compare".
 */
export async function defaultBase(root: string, head: string, reader: RepoReader = new GitReader(root)): Promise<string> {
  const candidate = await remoteDefaultBranch(root, reader instanceof GitReader ? reader : undefined);
  if (candidate) {
    const branch = candidate.replace('refs/remotes/', '');
    const headSha = await reader.resolveRevision(head);
    let sha: string;
    try {
      sha = await reader.mergeBase(candidate, headSha);
    } catch (error) {
      if (error instanceof RevisionError) throw new RevisionError(`${head} shares no history with ${branch}; pass --base explicitly`);
      throw error;
    }
    // On the default branch itself the merge base is head: an empty change would always pass.
    if (sha === headSha) {
      throw new RevisionError(`${head} is on ${branch} itself, so there is no change to check; pass --base (for example --base HEAD~1) or use --all`);
    }
    return sha;
  }
  // Without the remote itself, "set-head" cannot help: name the base instead.
  if ((await git(root, ['remote', 'get-url', 'origin'])).code !== 0) {
    throw new RevisionError('there is no remote "origin" to find the default branch of; pass --base (for example --base HEAD~1) or use --all');
  }
  throw new RevisionError(
    'cannot find the default branch of the remote "origin" to compare with; pass --base (for example --base origin/main) or run "git remote set-head origin --auto"',
  );
}

/** A file in a tree: its blob and its mode (`100644`, `100755`, `120000` for a symlink). */
export interface FileEntry {
  oid: string;
  mode: string;
}

/** A listing that reads more tree entries than this from git goes to one `git ls-tree -r` instead, as do later ones. */
export const TREE_WALK_MAX_ENTRIES = 20_000;
/** Tree entries kept in a reader's cache before it is emptied (a long replay must not grow without bound). */
const TREE_CACHE_MAX_ENTRIES = 200_000;

const FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Reads revisions, trees and blobs from a local clone. Objects come from one long-lived
 * `git cat-file --batch` process (see CatFile), trees are walked through it, and what a
 * full object id names is cached (objects never change), so a check costs one git
 * process rather than one per question. `close()` stops the process at once; otherwise
 * it exits by itself when idle and never keeps node running.
 */
export class GitReader implements RepoReader {
  private readonly objects: CatFile;
  /** Tree id → its entries. */
  private readonly trees = new Map<string, TreeEntry[]>();
  private treeEntries = 0;
  /** Full commit id → its root tree id. */
  private readonly rootTrees = new Map<string, string>();
  /** Full commit ids known to exist. */
  private readonly commits = new Set<string>();
  private readonly mergeBases = new Map<string, Promise<string>>();
  /** Set once a listing found the repository too large to walk tree by tree. */
  private largeRepository = false;

  private readonly treeWalkMaxEntries: number;
  private readonly treeCacheMaxEntries: number;

  constructor(
    private readonly root: string,
    limits: {
      /** Past this many tree entries read from git in one listing, listings use `git ls-tree -r`. */
      treeWalkMaxEntries?: number;
      /** Tree entries kept in the cache before it is emptied. */
      treeCacheMaxEntries?: number;
    } = {},
  ) {
    this.objects = new CatFile(root);
    this.treeWalkMaxEntries = limits.treeWalkMaxEntries ?? TREE_WALK_MAX_ENTRIES;
    this.treeCacheMaxEntries = limits.treeCacheMaxEntries ?? TREE_CACHE_MAX_ENTRIES;
  }

  /** Stops the reader's git process now; the reader stays usable (a later read starts another). */
  close(): void {
    this.objects.close();
  }

  /** How many `cat-file` processes this reader started (benchmarks count git processes). */
  get processesStarted(): number {
    return this.objects.spawned;
  }

  /** The full id of the commit `revision` names, or null when there is none. */
  async commitOf(revision: string): Promise<string | null> {
    if (revision.startsWith('-')) return null;
    if (this.commits.has(revision)) return revision;
    const commit = await this.objects.read(`${revision}^{commit}`);
    if (!commit || commit.type !== 'commit') return null;
    this.commits.add(commit.oid);
    const tree = commitTree(commit.content);
    if (tree) this.rootTrees.set(commit.oid, tree);
    return commit.oid;
  }

  async resolveRevision(revision: string): Promise<string> {
    if (revision.startsWith('-')) throw new RevisionError(`"${revision}" is not a revision`);
    const commit = await this.commitOf(revision);
    if (commit === null) {
      const shallow = (await git(this.root, ['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim() === 'true';
      throw new RevisionError(
        `unknown revision "${revision}"${shallow ? ' (this clone is shallow: fetch more history, e.g. actions/checkout with fetch-depth: 0)' : '; check the name, or fetch it first'}`,
      );
    }
    return commit;
  }

  /**
   * Makes sure the clone has these revisions and, when `needHistory`, the history
   * between them (a shallow clone, actions/checkout's default, is deepened). Revisions
   * must be validated before they get here; `--end-of-options` keeps them refspecs.
   */
  async completeHistory(revisions: readonly string[], needHistory: boolean, log: (line: string) => void): Promise<void> {
    const text = (buffer: Buffer) => buffer.toString('utf8').trim();
    const missing = [];
    for (const revision of new Set(revisions)) {
      if (revision.startsWith('-')) throw new RevisionError(`"${revision}" is not a revision`);
      if ((await this.objects.read(`${revision}^{commit}`))?.type !== 'commit') missing.push(revision);
    }
    const shallow = text((await git(this.root, ['rev-parse', '--is-shallow-repository'])).stdout) === 'true';
    if (missing.length === 0 && !(needHistory && shallow)) return;
    const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...(shallow ? ['--unshallow'] : []), '--end-of-options', 'origin', ...new Set(revisions)];
    log(`The checkout ${shallow ? 'is shallow' : 'lacks some commits'}; running git ${args.join(' ')}`);
    const fetched = await git(this.root, args);
    // The next read starts a process that sees the fetched packs.
    this.objects.close();
    this.mergeBases.clear();
    if (fetched.code !== 0) {
      throw new SourceError(
        `the checkout lacks ${missing.length > 0 ? missing.map((sha) => sha.slice(0, 7)).join(' and ') : 'the history between base and head'} and "git fetch" failed (${fetched.stderr.split('\n')[0]}); check out with actions/checkout and "fetch-depth: 0"`,
      );
    }
  }

  mergeBase(base: string, head: string): Promise<string> {
    const key = `${base} ${head}`;
    const cacheable = FULL_ID.test(base) && FULL_ID.test(head);
    const known = cacheable ? this.mergeBases.get(key) : undefined;
    if (known) return known;
    const found = (async () => {
      const result = await git(this.root, ['merge-base', '--end-of-options', base, head]);
      if (result.code !== 0) {
        throw new RevisionError(`${base.slice(0, 7)} and ${head.slice(0, 7)} share no history in this clone; fetch the full history (actions/checkout with "fetch-depth: 0")`);
      }
      return result.stdout.toString('utf8').trim();
    })();
    if (cacheable) {
      this.mergeBases.set(key, found);
      found.catch(() => this.mergeBases.delete(key));
    }
    return found;
  }

  async listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>> {
    return new Map([...(await this.listEntries(commit, accept))].map(([path, entry]) => [path, entry.oid]));
  }

  /** Files at a commit with their modes (the bot keeps a file's mode when it commits an edit). */
  async listEntries(commit: string, accept: (path: string) => boolean): Promise<Map<string, FileEntry>> {
    if (this.largeRepository) return this.listWithLsTree(commit, accept);
    const root = await this.rootTree(commit);
    // Every tree not yet cached, a level at a time: one level's requests go to git together.
    let level = [root];
    let readFromGit = 0;
    // This listing's own trees: the cache may be emptied while it walks.
    const walked = new Map<string, TreeEntry[]>();
    while (level.length > 0) {
      const next: string[] = [];
      const read = await Promise.all(level.map((oid) => this.treeAt(oid)));
      for (const [index, { entries, fresh }] of read.entries()) {
        walked.set(level[index]!, entries);
        if (fresh) readFromGit += entries.length;
        for (const entry of entries) if (entry.mode === TREE_MODE) next.push(entry.oid);
      }
      if (readFromGit > this.treeWalkMaxEntries) {
        this.largeRepository = true;
        return this.listWithLsTree(commit, accept);
      }
      level = [...new Set(next)];
    }
    // In git's order (depth first, entries as the trees sort them), as `ls-tree -r` lists them.
    const files = new Map<string, FileEntry>();
    const visit = (oid: string, prefix: string) => {
      for (const { mode, name, oid: id } of walked.get(oid)!) {
        const path = prefix + name;
        if (mode === TREE_MODE) visit(id, `${path}/`);
        else if (mode !== GITLINK_MODE && accept(path)) files.set(path, { oid: id, mode });
      }
    };
    visit(root, '');
    return files;
  }

  async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const blobs = new Map<string, Uint8Array>();
    // All requests at once: the cat-file process answers them in order.
    const read = await Promise.all(oids.map((oid) => this.objects.read(oid)));
    oids.forEach((oid, index) => {
      const object = read[index];
      if (!object) throw new SourceError(`blob ${oid} is missing from the repository; fetch the full history`);
      blobs.set(oid, object.content);
    });
    return blobs;
  }

  /** The root tree of a commit (or of any tree-ish), its entries cached. */
  private async rootTree(commit: string): Promise<string> {
    const known = this.rootTrees.get(commit);
    if (known) return known;
    const tree = commit.includes('\n') || commit.startsWith('-') ? null : await this.objects.read(`${commit}^{tree}`);
    if (!tree || tree.type !== 'tree') throw new SourceError(`cannot list the files at ${commit}: it is not a commit in this clone`);
    this.remember(tree.oid, tree.content);
    if (FULL_ID.test(commit)) this.rootTrees.set(commit, tree.oid);
    return tree.oid;
  }

  private async treeAt(oid: string): Promise<{ entries: TreeEntry[]; fresh: boolean }> {
    const known = this.trees.get(oid);
    if (known) return { entries: known, fresh: false };
    const tree = await this.objects.read(oid);
    if (!tree || tree.type !== 'tree') throw new SourceError(`tree ${oid} is missing from the repository; fetch the full history`);
    return { entries: this.remember(oid, tree.content), fresh: true };
  }

  private remember(oid: string, content: Buffer): TreeEntry[] {
    const known = this.trees.get(oid);
    if (known) return known;
    const entries = parseTree(content, oid.length / 2);
    if (this.treeEntries + entries.length > this.treeCacheMaxEntries) {
      this.trees.clear();
      this.treeEntries = 0;
    }
    this.trees.set(oid, entries);
    this.treeEntries += entries.length;
    return entries;
  }

  /** One `git ls-tree -r` for a repository too large to walk tree by tree. */
  private async listWithLsTree(commit: string, accept: (path: string) => boolean): Promise<Map<string, FileEntry>> {
    const result = await git(this.root, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit]);
    if (result.code !== 0) throw new SourceError(`git ls-tree ${commit} failed: ${result.stderr}`);
    const files = new Map<string, FileEntry>();
    for (const entry of result.stdout.toString('utf8').split('\0')) {
      // "<mode> <type> <oid>\t<path>"
      const tab = entry.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, oid] = entry.slice(0, tab).split(' ');
      const path = entry.slice(tab + 1);
      if (type === 'blob' && oid && mode && accept(path)) files.set(path, { oid, mode });
    }
    return files;
  }
}
