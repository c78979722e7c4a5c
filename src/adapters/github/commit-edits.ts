import type { RepoReader } from '../../core/ports.js';
import type { FileEntry } from '../git/git-reader.js';
import { ApiReader, type RepoCoordinates } from './api-reader.js';
import { apiFailure, httpStatus, type GitHubClient } from './client.js';

/** Reads files at the commit the edit is computed on; null for a file that does not exist. */
export type ReadFiles = (paths: readonly string[]) => Promise<Map<string, Uint8Array | null>>;

/** A reader that also knows file modes, so an edit keeps a file's mode. */
export type EntryReader = RepoReader & { listEntries(commit: string, accept: (path: string) => boolean): Promise<Map<string, FileEntry>> };

/** What an edit wants committed: changed files (path → new bytes), and its own account of itself. */
export interface PlannedEdit<Detail> {
  files: Map<string, Uint8Array>;
  detail: Detail;
}

export type CommitOutcome<Detail> =
  | { committed: true; sha: string; parent: string; detail: Detail; attempts: number }
  | { committed: false; reason: string; detail: Detail | null; attempts: number };

export interface CommitOptions {
  /** Create the branch at this commit when it does not exist (the bot's own branch). */
  createFrom?: string;
  /**
   * A reader that already holds this commit (the check's git checkout): used when the
   * branch still points there, which saves the tree and blob requests.
   */
  known?: { head: string; reader: EntryReader };
}

export const MAX_COMMIT_ATTEMPTS = 3;
const REGULAR_FILE = '100644';
/** Modes doc-sync can write bytes to: regular and executable files. */
const WRITABLE_MODES = new Set(['100644', '100755']);

/**
 * Commits an edit onto a branch through the Git Data API without ever losing a push
 * or undoing a force-push: the edit is computed on the commit the branch points at,
 * the new commit has that commit as its parent, and the ref moves only when it still
 * points there. The ref is read again right before the update (compare and swap:
 * a rewind to an ancestor is a fast-forward GitHub would accept), and the update
 * itself refuses non-fast-forwards. When the branch moved, the edit is computed again
 * on the new commit (where stale fixes refuse themselves), a few times at most.
 * Edited files keep their mode; a symlink or submodule is never written through.
 */
export async function commitEdit<Detail>(
  github: GitHubClient,
  where: RepoCoordinates,
  branch: string,
  message: string,
  plan: (read: ReadFiles, head: string, reader: RepoReader) => Promise<PlannedEdit<Detail>>,
  options: CommitOptions = {},
): Promise<CommitOutcome<Detail>> {
  const ref = `heads/${branch}`;
  const api = new ApiReader(github, where);
  const readRef = async (): Promise<string | null> => {
    try {
      return (await github.rest.git.getRef({ ...where, ref })).data.object.sha;
    } catch (error) {
      if (httpStatus(error) !== 404) throw apiFailure(`reading the branch ${branch}`, error);
      return null;
    }
  };
  let detail: Detail | null = null;
  for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt += 1) {
    const current = await readRef();
    if (current === null && !options.createFrom) return { committed: false, reason: `the branch ${branch} does not exist (any more)`, detail, attempts: attempt };
    const creating = current === null;
    const head = current ?? options.createFrom!;
    const reader: EntryReader = options.known?.head === head ? options.known.reader : api;
    const read: ReadFiles = async (paths) => {
      const listed = await reader.listFiles(head, (path) => paths.includes(path));
      const blobs = await reader.readBlobs([...listed.values()]);
      return new Map(paths.map((path) => [path, listed.has(path) ? blobs.get(listed.get(path)!)! : null]));
    };
    const edit = await plan(read, head, reader);
    detail = edit.detail;
    if (edit.files.size === 0) return { committed: false, reason: 'nothing to change', detail, attempts: attempt };
    const existing = await reader.listEntries(head, (path) => edit.files.has(path));
    const unwritable = [...existing].find(([, entry]) => !WRITABLE_MODES.has(entry.mode));
    if (unwritable) {
      const [path, entry] = unwritable;
      return { committed: false, reason: `${path} is ${entry.mode === '120000' ? 'a symbolic link' : `not a regular file (mode ${entry.mode})`} at ${head.slice(0, 7)}; doc-sync edits files only, so edit its target by hand`, detail, attempts: attempt };
    }

    let sha: string;
    try {
      const tree = (await github.rest.git.getCommit({ ...where, commit_sha: head })).data.tree.sha;
      const entries = [];
      for (const [path, bytes] of edit.files) {
        const blob = await github.rest.git.createBlob({ ...where, content: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
        const mode = (existing.get(path)?.mode ?? REGULAR_FILE) as '100644' | '100755';
        entries.push({ path, mode, type: 'blob' as const, sha: blob.data.sha });
      }
      const newTree = await github.rest.git.createTree({ ...where, base_tree: tree, tree: entries });
      sha = (await github.rest.git.createCommit({ ...where, message, tree: newTree.data.sha, parents: [head] })).data.sha;
    } catch (error) {
      throw apiFailure(`writing a commit onto ${branch}`, error);
    }
    // Compare and swap: the branch must still point where the edit was computed.
    if (!creating && (await readRef()) !== head) continue;
    try {
      if (creating) await github.rest.git.createRef({ ...where, ref: `refs/${ref}`, sha });
      else await github.rest.git.updateRef({ ...where, ref, sha, force: false });
      return { committed: true, sha, parent: head, detail, attempts: attempt };
    } catch (error) {
      // 422: "Update is not a fast forward" (someone pushed since we read the branch),
      // or "Reference already exists" (another run created it first).
      if (httpStatus(error) !== 422) throw apiFailure(`moving ${branch} to the new commit`, error);
    }
  }
  return {
    committed: false,
    reason: `${branch} kept moving while doc-sync tried to commit (${MAX_COMMIT_ATTEMPTS} attempts); nothing was written, so no push was lost. Run the command again`,
    detail,
    attempts: MAX_COMMIT_ATTEMPTS,
  };
}
