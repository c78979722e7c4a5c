import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiReader, type RepoCoordinates } from '../adapters/github/api-reader.js';
import { TokenMissingError, type GitHubClient } from '../adapters/github/client.js';
import { listPullFiles } from '../adapters/github/pull-files.js';
import { findRepositoryRoot, GitReader } from '../adapters/git/git-reader.js';
import { SourceError } from '../errors.js';
import type { CheckPlan } from './event.js';

/** Where the files come from. The revisions stay as the plan has them: runCheck resolves them, once. */
export interface OpenedSource {
  /** Both readers also list file modes, which the bot's commits keep. */
  reader: GitReader | ApiReader;
  kind: 'git' | 'api';
}

async function gitRoot(workspace: string | null): Promise<string | null> {
  if (!workspace || !existsSync(join(workspace, '.git'))) return null;
  return findRepositoryRoot(workspace).catch(() => null);
}

/**
 * Picks where file contents come from: the workspace's git checkout when there is one
 * (fast, complete), else the REST API. pull_request_target always reads through the
 * API: its workspace must never hold or run the pull request's code.
 */
export async function openSource(
  plan: CheckPlan,
  options: { workspace: string | null; preference: 'auto' | 'git' | 'api'; github: GitHubClient | null; where: RepoCoordinates; log: (line: string) => void },
): Promise<OpenedSource> {
  const root = plan.apiOnly || options.preference === 'api' ? null : await gitRoot(options.workspace);
  if (root) {
    const reader = new GitReader(root);
    await reader.completeHistory([plan.base, plan.head, plan.configRevision], plan.useMergeBase, options.log);
    return { reader, kind: 'git' };
  }
  if (options.preference === 'git' && !plan.apiOnly) {
    throw new SourceError(`the "source: git" input needs a git checkout in ${options.workspace ?? 'GITHUB_WORKSPACE'}; add an actions/checkout step with "fetch-depth: 0"`);
  }
  if (!options.github) throw new TokenMissingError('reading files through the API needs a token; set the "token" input (it defaults to ${{ github.token }})');
  const reader = new ApiReader(options.github, options.where);
  if (plan.pull) {
    // The head listing is the merge base's tree plus the pull request's files; the
    // reader remembers the merge base, so runCheck asks GitHub for it only once.
    const [base, head] = [await reader.resolveRevision(plan.base), await reader.resolveRevision(plan.head)];
    const compared = plan.useMergeBase ? await reader.mergeBase(base, head) : base;
    const listed = await listPullFiles(options.github, options.where, plan.pull.number, plan.pull.changedFiles);
    if (listed.complete) reader.overlay(head, compared, listed.files);
    else options.log(`Not using the pull request's file list: ${listed.reason}. Reading the head tree instead, which is complete.`);
  }
  return { reader, kind: 'api' };
}
