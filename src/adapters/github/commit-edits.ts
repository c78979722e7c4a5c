import { ApiReader, type RepoCoordinates } from './api-reader.js';
import { apiFailure, httpStatus, type GitHubClient } from './client.js';

/** Reads files at the commit the edit is computed on; null for a file that does not exist. */
export type ReadFiles = (paths: readonly string[]) => Promise<Map<string, Uint8Array | null>>;

/** What an edit wants committed: changed files (path → new bytes), and its own account of itself. */
export interface PlannedEdit<Detail> {
  files: Map<string, Uint8Array>;
  detail: Detail;
}

export type CommitOutcome<Detail> =
  | { committed: true; sha: string; parent: string; detail: Detail; attempts: number }
  | { committed: false; reason: string; detail: Detail | null; attempts: number };

const MAX_ATTEMPTS = 3;

/**
 * Commits an edit onto a branch through the Git Data API without ever losing a push:
 * the edit is computed on the commit the branch points at, the new commit has that
 * commit as its parent, and the ref moves only as a fast-forward. When someone
 * pushes in between, GitHub refuses the update; the branch is re-read, the edit
 * computed again on the new commit (where stale fixes refuse themselves), and tried
 * again, a few times at most.
 */
export async function commitEdit<Detail>(
  github: GitHubClient,
  where: RepoCoordinates,
  branch: string,
  message: string,
  plan: (read: ReadFiles, head: string, reader: ApiReader) => Promise<PlannedEdit<Detail>>,
  /** Create the branch at this commit when it does not exist (the bot's own branch). */
  createFrom?: string,
): Promise<CommitOutcome<Detail>> {
  const ref = `heads/${branch}`;
  let detail: Detail | null = null;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    let head: string;
    let creating = false;
    try {
      head = (await github.rest.git.getRef({ ...where, ref })).data.object.sha;
    } catch (error) {
      if (httpStatus(error) !== 404) throw apiFailure(`reading the branch ${branch}`, error);
      if (!createFrom) return { committed: false, reason: `the branch ${branch} does not exist (any more)`, detail, attempts: attempt };
      head = createFrom;
      creating = true;
    }
    const reader = new ApiReader(github, where);
    const read: ReadFiles = async (paths) => {
      const listed = await reader.listFiles(head, (path) => paths.includes(path));
      const blobs = await reader.readBlobs([...listed.values()]);
      return new Map(paths.map((path) => [path, listed.has(path) ? blobs.get(listed.get(path)!)! : null]));
    };
    const edit = await plan(read, head, reader);
    detail = edit.detail;
    if (edit.files.size === 0) return { committed: false, reason: 'nothing to change', detail, attempts: attempt };

    let sha: string;
    try {
      const tree = (await github.rest.git.getCommit({ ...where, commit_sha: head })).data.tree.sha;
      const entries = [];
      for (const [path, bytes] of edit.files) {
        const blob = await github.rest.git.createBlob({ ...where, content: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
        entries.push({ path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha });
      }
      const newTree = await github.rest.git.createTree({ ...where, base_tree: tree, tree: entries });
      sha = (await github.rest.git.createCommit({ ...where, message, tree: newTree.data.sha, parents: [head] })).data.sha;
    } catch (error) {
      throw apiFailure(`writing a commit onto ${branch}`, error);
    }
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
    reason: `${branch} kept moving while doc-sync tried to commit (${MAX_ATTEMPTS} attempts); nothing was written, so no push was lost. Run the command again`,
    detail,
    attempts: MAX_ATTEMPTS,
  };
}
