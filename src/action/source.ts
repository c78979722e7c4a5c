import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ApiReader, type RepoCoordinates } from '../adapters/github/api-reader.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { listPullFiles, mergeBaseViaApi } from '../adapters/github/pull-files.js';
import { findRepositoryRoot, git, GitReader } from '../adapters/git/git-reader.js';
import { SourceError } from '../errors.js';
import type { RepoReader } from '../core/ports.js';
import type { RunPlan } from './event.js';

export interface OpenedSource {
  reader: RepoReader;
  kind: 'git' | 'api';
  base: string;
  head: string;
}

type CheckPlan = Extract<RunPlan, { kind: 'check' }>;

const text = (buffer: Buffer) => buffer.toString('utf8').trim();

async function hasCommit(root: string, sha: string): Promise<boolean> {
  return (await git(root, ['cat-file', '-e', '--end-of-options', `${sha}^{commit}`])).code === 0;
}

/**
 * Makes sure the checkout has both commits and the history between them; a shallow
 * clone (actions/checkout's default) is deepened. Returns what was fetched, for the log.
 */
async function completeHistory(root: string, shas: string[], needHistory: boolean, log: (line: string) => void): Promise<void> {
  const missing = [];
  for (const sha of shas) if (!(await hasCommit(root, sha))) missing.push(sha);
  const shallow = text((await git(root, ['rev-parse', '--is-shallow-repository'])).stdout) === 'true';
  if (missing.length === 0 && !(needHistory && shallow)) return;
  const args = ['fetch', '--no-tags', '--no-recurse-submodules', '--quiet', ...(shallow ? ['--unshallow'] : []), 'origin', ...shas];
  log(`The checkout ${shallow ? 'is shallow' : 'lacks some commits'}; running git ${args.join(' ')}`);
  const fetched = await git(root, args);
  if (fetched.code !== 0) {
    throw new SourceError(
      `the checkout lacks ${missing.length > 0 ? missing.map((sha) => sha.slice(0, 7)).join(' and ') : 'the history between base and head'} and "git fetch" failed (${fetched.stderr.split('\n')[0]}); check out with actions/checkout and "fetch-depth: 0"`,
    );
  }
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
    await completeHistory(root, [plan.base, plan.head], plan.useMergeBase, options.log);
    const reader = new GitReader(root);
    let base = await reader.resolveRevision(plan.base);
    const head = await reader.resolveRevision(plan.head);
    if (plan.useMergeBase) {
      const merged = await git(root, ['merge-base', '--end-of-options', base, head]);
      if (merged.code !== 0) throw new SourceError(`${base.slice(0, 7)} and ${head.slice(0, 7)} share no history in the checkout; use actions/checkout with "fetch-depth: 0"`);
      base = text(merged.stdout);
    }
    return { reader, kind: 'git', base, head };
  }
  if (options.preference === 'git' && !plan.apiOnly) {
    throw new SourceError(`the "source: git" input needs a git checkout in ${options.workspace ?? 'GITHUB_WORKSPACE'}; add an actions/checkout step with "fetch-depth: 0"`);
  }
  if (!options.github) throw new SourceError('reading files through the API needs a token; set the "token" input');
  const reader = new ApiReader(options.github, options.where);
  const base = plan.useMergeBase ? await mergeBaseViaApi(options.github, options.where, plan.base, plan.head) : plan.base;
  if (plan.pull) {
    const listed = await listPullFiles(options.github, options.where, plan.pull.number, plan.pull.changedFiles);
    if (listed.complete) reader.overlay(plan.head, base, listed.files);
    else options.log(`Not using the pull request's file list: ${listed.reason}. Reading the head tree instead, which is complete.`);
  }
  return { reader, kind: 'api', base, head: plan.head };
}
