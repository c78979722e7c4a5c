import { apiFailure, httpStatus, type GitHubClient } from './client.js';
import type { RepoCoordinates } from './api-reader.js';

/** Permission levels that may change the repository (and so skip its gate or run the bot). */
const WRITERS = new Set(['admin', 'maintain', 'write']);

/**
 * Does `login` have write, maintain or admin permission? Asked of the API: a comment's
 * author_association does not say (an org member may have read access only).
 */
export async function canWrite(github: GitHubClient, where: RepoCoordinates, login: string): Promise<boolean> {
  try {
    const { data } = await github.rest.repos.getCollaboratorPermissionLevel({ ...where, username: login });
    return WRITERS.has(data.permission) || WRITERS.has(data.role_name ?? '');
  } catch (error) {
    // Not a collaborator at all.
    if (httpStatus(error) === 404) return false;
    throw apiFailure(`checking the permission of @${login}`, error);
  }
}

/** Who last added `label` to the issue or pull request, from its timeline events. */
export async function labelAddedBy(github: GitHubClient, where: RepoCoordinates, issueNumber: number, label: string): Promise<string | null> {
  try {
    const events = await github.paginate(github.rest.issues.listEvents, { ...where, issue_number: issueNumber, per_page: 100 });
    let by: string | null = null;
    for (const event of events) {
      if (event.event === 'labeled' && 'label' in event && event.label?.name === label) by = event.actor?.login ?? null;
    }
    return by;
  } catch (error) {
    throw apiFailure(`reading who added the "${label}" label`, error);
  }
}
