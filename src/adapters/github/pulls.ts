import type { RepoCoordinates } from './api-reader.js';
import { apiFailure, httpStatus, type GitHubClient } from './client.js';

/** A pull request as `pulls.get` answers it, unvalidated: the action validates it like an event payload. */
export async function getPull(github: GitHubClient, where: RepoCoordinates, pullNumber: number): Promise<unknown> {
  try {
    return (await github.rest.pulls.get({ ...where, pull_number: pullNumber })).data;
  } catch (error) {
    throw apiFailure(`reading pull request #${pullNumber}`, error);
  }
}

/** The repository's default branch name. */
export async function defaultBranch(github: GitHubClient, where: RepoCoordinates): Promise<string> {
  try {
    return (await github.rest.repos.get({ ...where })).data.default_branch;
  } catch (error) {
    throw apiFailure(`reading the repository ${where.owner}/${where.repo}`, error);
  }
}

/**
 * One open pull request from `head` into `base`: found by its head, created once,
 * later runs add `line` to its body. Returns its URL.
 */
export async function upsertPull(
  github: GitHubClient,
  where: RepoCoordinates,
  spec: { head: string; base: string; title: string; body: string; line: string },
): Promise<string> {
  try {
    const open = await github.rest.pulls.list({ ...where, head: `${where.owner}:${spec.head}`, base: spec.base, state: 'open', per_page: 1 });
    const existing = open.data[0];
    if (existing) {
      await github.rest.pulls.update({ ...where, pull_number: existing.number, body: `${existing.body ?? ''}\n\n${spec.line}`.trim() });
      return existing.html_url;
    }
    const created = await github.rest.pulls.create({ ...where, head: spec.head, base: spec.base, title: spec.title, body: spec.body });
    return created.data.html_url;
  } catch (error) {
    throw apiFailure(`opening the pull request from ${spec.head}`, error);
  }
}

/** Acknowledges a command; a read-only token (403) just goes without. */
export async function reactToComment(github: GitHubClient, where: RepoCoordinates, commentId: number, content: 'eyes' | 'confused'): Promise<void> {
  try {
    await github.rest.reactions.createForIssueComment({ ...where, comment_id: commentId, content });
  } catch (error) {
    if (httpStatus(error) !== 403) throw apiFailure('reacting to the command', error);
  }
}
