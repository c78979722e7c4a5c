/**
 * The one port the core reads the repository through. Local git and the GitHub API
 * each implement it; tests use an in-memory one.
 */
export interface RepoReader {
  /** The full commit SHA of a revision; throws RevisionError when it does not exist. */
  resolveRevision(revision: string): Promise<string>;
  /** Files at a commit that `accept` keeps: path → blob id. */
  listFiles(commit: string, accept: (path: string) => boolean): Promise<Map<string, string>>;
  /**
   * The commit a change is compared against: the best common ancestor of `base` and
   * `head` (both full SHAs), as a pull request's diff takes it.
   */
  mergeBase(base: string, head: string): Promise<string>;
  /** Contents of blobs by id. */
  readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>>;
}
