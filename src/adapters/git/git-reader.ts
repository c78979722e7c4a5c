import { spawn } from 'node:child_process';
import { RevisionError, SourceError } from '../../errors.js';
import type { RepoReader } from '../../core/ports.js';

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

/** The remote's default branch (origin/HEAD, else origin/main or origin/master) as a ref, or null. */
export async function remoteDefaultBranch(root: string): Promise<string | null> {
  const candidates: string[] = [];
  const symbolic = await git(root, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD']);
  if (symbolic.code === 0) candidates.push(symbolic.stdout.toString('utf8').trim());
  candidates.push('refs/remotes/origin/main', 'refs/remotes/origin/master');
  for (const candidate of candidates) {
    const exists = await git(root, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
    if (exists.code === 0) return candidate;
  }
  return null;
}

/**
 * The merge base of `head` with the remote's default branch (origin/HEAD, else
 * origin/main or origin/master), which is what a pull request is compared with. The
 * reader answers the merge base, as it does for the core: one home for "what to compare".
 */
export async function defaultBase(root: string, head: string, reader: RepoReader = new GitReader(root)): Promise<string> {
  const candidate = await remoteDefaultBranch(root);
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

/** Reads revisions, trees and blobs from a local clone with plain git commands. */
export class GitReader implements RepoReader {
  constructor(private readonly root: string) {}

  async resolveRevision(revision: string): Promise<string> {
    if (revision.startsWith('-')) throw new RevisionError(`"${revision}" is not a revision`);
    const result = await git(this.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    if (result.code !== 0) {
      const shallow = (await git(this.root, ['rev-parse', '--is-shallow-repository'])).stdout.toString('utf8').trim() === 'true';
      throw new RevisionError(
        `unknown revision "${revision}"${shallow ? ' (this clone is shallow: fetch more history, e.g. actions/checkout with fetch-depth: 0)' : '; check the name, or fetch it first'}`,
      );
    }
    return result.stdout.toString('utf8').trim();
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
      if ((await git(this.root, ['cat-file', '-e', '--end-of-options', `${revision}^{commit}`])).code !== 0) missing.push(revision);
    }
    const shallow = text((await git(this.root, ['rev-parse', '--is-shallow-repository'])).stdout) === 'true';
    if (missing.length === 0 && !(needHistory && shallow)) return;
    const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...(shallow ? ['--unshallow'] : []), '--end-of-options', 'origin', ...new Set(revisions)];
    log(`The checkout ${shallow ? 'is shallow' : 'lacks some commits'}; running git ${args.join(' ')}`);
    const fetched = await git(this.root, args);
    if (fetched.code !== 0) {
      throw new SourceError(
        `the checkout lacks ${missing.length > 0 ? missing.map((sha) => sha.slice(0, 7)).join(' and ') : 'the history between base and head'} and "git fetch" failed (${fetched.stderr.split('\n')[0]}); check out with actions/checkout and "fetch-depth: 0"`,
      );
    }
  }

  async mergeBase(base: string, head: string): Promise<string> {
    const result = await git(this.root, ['merge-base', '--end-of-options', base, head]);
    if (result.code !== 0) {
      throw new RevisionError(`${base.slice(0, 7)} and ${head.slice(0, 7)} share no history in this clone; fetch the full history (actions/checkout with "fetch-depth: 0")`);
    }
    return result.stdout.toString('utf8').trim();
  }

  async listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>> {
    return new Map([...(await this.listEntries(commit, accept))].map(([path, entry]) => [path, entry.oid]));
  }

  /** Files at a commit with their modes (the bot keeps a file's mode when it commits an edit). */
  async listEntries(commit: string, accept: (path: string) => boolean): Promise<Map<string, FileEntry>> {
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

  async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const blobs = new Map<string, Uint8Array>();
    if (oids.length === 0) return blobs;
    // One `cat-file --batch` process for all blobs: "<oid> <type> <size>\n<bytes>\n" each.
    const result = await git(this.root, ['cat-file', '--batch'], `${oids.join('\n')}\n`);
    if (result.code !== 0) throw new SourceError(`git cat-file failed: ${result.stderr}`);
    const out = result.stdout;
    let at = 0;
    for (const oid of oids) {
      const newline = out.indexOf(0x0a, at);
      const header = out.subarray(at, newline).toString('utf8');
      const [, type, size] = header.split(' ');
      if (type === 'missing' || size === undefined) throw new SourceError(`blob ${oid} is missing from the repository; fetch the full history`);
      const start = newline + 1;
      const end = start + Number(size);
      blobs.set(oid, out.subarray(start, end));
      at = end + 1;
    }
    return blobs;
  }
}
