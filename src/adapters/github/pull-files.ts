import { apiFailure, type GitHubClient } from './client.js';
import { PULL_FILES_CAP, type PullFile, type RepoCoordinates } from './api-reader.js';

export type PullFilesResult = { complete: true; files: PullFile[] } | { complete: false; reason: string };

/**
 * Every changed file of a pull request, with rename status. GitHub stops listing at
 * 3,000 files; a list that reached the cap is reported incomplete, never used as is.
 */
export async function listPullFiles(
  github: GitHubClient,
  where: RepoCoordinates,
  pullNumber: number,
  changedFiles: number | null,
): Promise<PullFilesResult> {
  if (changedFiles !== null && changedFiles >= PULL_FILES_CAP) {
    return { complete: false, reason: `the pull request changes ${changedFiles} files and GitHub lists at most ${PULL_FILES_CAP}` };
  }
  let listed;
  try {
    listed = await github.paginate(github.rest.pulls.listFiles, { ...where, pull_number: pullNumber, per_page: 100 });
  } catch (error) {
    throw apiFailure(`listing the files of pull request #${pullNumber}`, error);
  }
  if (listed.length >= PULL_FILES_CAP) {
    return { complete: false, reason: `GitHub listed ${listed.length} files, its cap, so the list may be cut short` };
  }
  return {
    complete: true,
    files: listed.map((file) => ({ filename: file.filename, status: file.status, sha: file.sha ?? null, previous_filename: file.previous_filename })),
  };
}
