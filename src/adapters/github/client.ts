import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { SourceError } from '../../errors.js';

/** The REST client the action uses: Octokit with pagination, retries and rate-limit handling. */
export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  /** REST API root: GITHUB_API_URL on the runner (GitHub Enterprise Server has its own). */
  baseUrl: string;
  /** Log line sink for rate-limit waits. */
  log: (message: string) => void;
  /** Tests turn off the spacing between writes that GitHub asks integrations to keep. */
  throttle?: boolean;
  /** Retries of server errors and secondary limits (default 3). */
  retries?: number;
}

/** A GitHub API request failed; `status` is the HTTP status (null when no answer came). */
export class ApiError extends SourceError {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Something needs the GitHub API and no token was given. */
export class TokenMissingError extends SourceError {}

export function createGitHubClient(token: string, options: ClientOptions): GitHubClient {
  if (!token) throw new TokenMissingError('no token: set the "token" input (it defaults to ${{ github.token }})');
  return getOctokit(
    token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      log: { debug: () => undefined, info: () => undefined, warn: options.log, error: options.log },
      retry: { retries: options.retries ?? 3 },
      throttle: {
        enabled: options.throttle ?? true,
        // Primary limit: wait once when the reset is near, else fail with the message below.
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          options.log(`GitHub API rate limit hit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
          return retryCount < 1 && retryAfter <= 60;
        },
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
          options.log(`GitHub API secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
          return retryCount < 2;
        },
      },
    },
    retry,
    throttling,
  );
}

/** The HTTP status of an Octokit request error or an ApiError, else null. */
export function httpStatus(error: unknown): number | null {
  if (error instanceof ApiError) return error.status;
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') return error.status;
  return null;
}

/**
 * Turns an API failure into one sentence naming the request and what to do. The
 * token never appears: Octokit redacts it from request data and we print only
 * method, route and GitHub's own message.
 */
export function apiFailure(what: string, error: unknown): ApiError {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const advice =
    status === 401
      ? 'the token is invalid or expired; check the "token" input'
      : status === 403
        ? 'the token lacks a permission (the workflow needs "contents: read" and "pull-requests: write"), or the rate limit is exhausted'
        : status === 404
          ? 'the repository, pull request or commit is not visible to this token; for private repositories check the token\'s access'
          : status !== null && status >= 500
            ? 'GitHub had a server error; re-run the job'
            : 'check the GitHub status page and re-run the job';
  return new ApiError(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${message}; ${advice}`, status, { cause: error });
}
