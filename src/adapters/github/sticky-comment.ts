import { COMMENT_MARKER } from '../../report/markdown.js';
import { apiFailure, httpStatus, type GitHubClient } from './client.js';
import type { RepoCoordinates } from './api-reader.js';

/** Who the token writes as. A PAT knows its login; an installation token (GITHUB_TOKEN, an App) cannot ask. */
export type Identity = { login: string } | { bot: true };

/** The account GITHUB_TOKEN writes as; an App's installation token writes as `<app-slug>[bot]`. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

export interface StickyOutcome {
  action: 'created' | 'updated' | 'unchanged' | 'not-needed' | 'forbidden';
  id: number | null;
  url: string | null;
  /** Duplicates (from a race of two runs) deleted on the way. */
  removedDuplicates: number;
}

interface IssueComment {
  id: number;
  html_url: string;
  body?: string;
  updated_at?: string;
  user: { login: string; type: string } | null;
}

/** Ours starts with the marker: a comment that quotes or pastes it further down is someone else's. */
export const startsWithMarker = (body: string | undefined): boolean => (body ?? '').startsWith(COMMENT_MARKER);

const FINGERPRINT = /<!-- doc-sync:fingerprint ([0-9a-f]+) -->/;

/** The content fingerprint a body carries (the run time is left out of it). */
export function fingerprintOf(body: string | undefined): string | null {
  return FINGERPRINT.exec(body ?? '')?.[1] ?? null;
}

/** Finds out who the token writes as: GET /user, which installation tokens may not call. */
export async function resolveIdentity(github: GitHubClient): Promise<Identity> {
  try {
    const { data } = await github.rest.users.getAuthenticated();
    return { login: data.login };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 401 || status === 404) return { bot: true };
    throw apiFailure('asking who the token belongs to (GET /user)', error);
  }
}

/**
 * One comment per pull request, found by its hidden marker and its author, across
 * every page of comments, and edited in place. A comment is a candidate only when its
 * body starts with the marker. With a PAT, ours are the candidates by its login. An
 * installation token cannot ask its login, so ours are the candidates by one bot
 * account: github-actions[bot] when it has one, else the author of the oldest (an
 * App's `<slug>[bot]`); once this run has written, the login it wrote as.
 */
export class StickyComment {
  /** The login this run's writes came back with. */
  private learnedLogin: string | null = null;

  constructor(
    private readonly github: GitHubClient,
    private readonly where: RepoCoordinates,
    private readonly issueNumber: number,
    private readonly identity: Identity,
  ) {}

  private ownLogin(candidates: readonly IssueComment[]): string | null {
    if ('login' in this.identity) return this.identity.login;
    if (this.learnedLogin) return this.learnedLogin;
    const bots = candidates.filter((comment) => comment.user?.type === 'Bot');
    if (bots.some((comment) => comment.user!.login === ACTIONS_BOT_LOGIN)) return ACTIONS_BOT_LOGIN;
    return bots[0]?.user?.login ?? null;
  }

  /** Ours, oldest first. */
  async find(): Promise<IssueComment[]> {
    let comments;
    try {
      comments = await this.github.paginate(this.github.rest.issues.listComments, { ...this.where, issue_number: this.issueNumber, per_page: 100 });
    } catch (error) {
      throw apiFailure(`listing the comments of #${this.issueNumber}`, error);
    }
    const candidates = comments.filter((comment) => startsWithMarker(comment.body) && comment.user).sort((a, b) => a.id - b.id);
    const login = this.ownLogin(candidates);
    return candidates.filter((comment) => comment.user!.login === login);
  }

  /** When our comment was last written (GitHub's clock), or null when there is none. */
  async lastWritten(): Promise<string | null> {
    const [oldest] = await this.find();
    return oldest?.updated_at ?? null;
  }

  /**
   * Creates or updates the comment. `create: false` only updates an existing one
   * (nothing to say on a clean first run). A 403 (a fork's read-only token) is an
   * outcome, not a failure: the check result stands without a comment.
   */
  async upsert(body: string, options: { create: boolean }): Promise<StickyOutcome> {
    try {
      return await this.upsertOrThrow(body, options);
    } catch (error) {
      if (httpStatus(error) === 403) {
        return { action: 'forbidden', id: null, url: null, removedDuplicates: 0 };
      }
      throw error;
    }
  }

  private async upsertOrThrow(body: string, options: { create: boolean }): Promise<StickyOutcome> {
    const ours = await this.find();
    if (ours.length === 0) {
      if (!options.create) return { action: 'not-needed', id: null, url: null, removedDuplicates: 0 };
      const created = await this.write('creating the comment', () =>
        this.github.rest.issues.createComment({ ...this.where, issue_number: this.issueNumber, body }),
      );
      if (created.user) this.learnedLogin = created.user.login;
      // Another run may have posted at the same moment: the oldest comment wins, and
      // only comments that appeared since this run looked (the race) are removed.
      const after = await this.find();
      const keep = after[0] ?? created;
      const removed = await this.removeDuplicates(after.slice(1));
      if (keep.id !== created.id && fingerprintOf(keep.body) !== fingerprintOf(body)) {
        const updated = await this.update(keep.id, body);
        return { action: 'updated', id: updated.id, url: updated.html_url, removedDuplicates: removed };
      }
      return { action: keep.id === created.id ? 'created' : 'unchanged', id: keep.id, url: keep.html_url, removedDuplicates: removed };
    }
    const [keep, ...duplicates] = ours as [IssueComment, ...IssueComment[]];
    // A bot account cannot paste by hand, so its extra copies are a past race; a
    // person's (PAT) extra copy may be a reply that pasted the report: left alone.
    const removed = 'login' in this.identity ? 0 : await this.removeDuplicates(duplicates);
    if (fingerprintOf(keep.body) !== null && fingerprintOf(keep.body) === fingerprintOf(body)) {
      return { action: 'unchanged', id: keep.id, url: keep.html_url, removedDuplicates: removed };
    }
    const updated = await this.update(keep.id, body);
    return { action: 'updated', id: updated.id, url: updated.html_url, removedDuplicates: removed };
  }

  private update(id: number, body: string): Promise<IssueComment> {
    return this.write('updating the comment', () => this.github.rest.issues.updateComment({ ...this.where, comment_id: id, body }));
  }

  private async removeDuplicates(duplicates: IssueComment[]): Promise<number> {
    let removed = 0;
    for (const duplicate of duplicates) {
      // find() keeps only these; said again here because deleting is the one step that cannot be undone.
      if (!startsWithMarker(duplicate.body)) continue;
      try {
        await this.github.rest.issues.deleteComment({ ...this.where, comment_id: duplicate.id });
        removed += 1;
      } catch (error) {
        // The other run deleted it first.
        if (httpStatus(error) !== 404) throw apiFailure('deleting a duplicate comment', error);
      }
    }
    return removed;
  }

  private async write(what: string, request: () => Promise<{ data: IssueComment }>): Promise<IssueComment> {
    try {
      return (await request()).data;
    } catch (error) {
      if (httpStatus(error) === 403) throw error;
      throw apiFailure(what, error);
    }
  }
}
