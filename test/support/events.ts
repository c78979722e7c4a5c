import { createRequire } from 'node:module';

/** GitHub's own example webhook payloads (@octokit/webhooks-examples), so test events are real-shaped. */
interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleGroup[];

/** The example for this action; GitHub's examples lack a few actions, which take another's shape. */
function example(event: string, action?: string): Record<string, unknown> {
  const group = examples.find((candidate) => candidate.name === event);
  const found = group?.examples.find((payload) => action === undefined || payload.action === action) ?? group?.examples[0];
  if (!found) throw new Error(`no example ${event} payload`);
  return { ...structuredClone(found), ...(action ? { action } : {}) };
}

export interface PullOverrides {
  action?: string;
  owner?: string;
  repo?: string;
  number?: number;
  base?: string;
  head?: string;
  baseRef?: string;
  headRef?: string;
  /** The head lives in a fork (another owner's copy). */
  fork?: boolean;
  labels?: string[];
  changedFiles?: number;
}

/** A pull_request event as GitHub sends it: the real example payload with this repository's facts. */
export function pullPayload(overrides: PullOverrides = {}): Record<string, unknown> {
  const payload = example('pull_request', overrides.action ?? 'synchronize');
  const owner = overrides.owner ?? 'acme';
  const repo = overrides.repo ?? 'plans';
  const number = overrides.number ?? 7;
  const pull = payload.pull_request as Record<string, unknown> & { base: Record<string, unknown>; head: Record<string, unknown> };
  const repository = { ...(pull.base.repo as Record<string, unknown>), name: repo, full_name: `${owner}/${repo}` };
  const headRepository = overrides.fork ? { ...repository, full_name: `someone/${repo}`, fork: true } : repository;
  Object.assign(pull, {
    number,
    html_url: `https://github.example/${owner}/${repo}/pull/${number}`,
    changed_files: overrides.changedFiles ?? 3,
    labels: (overrides.labels ?? []).map((name, index) => ({ id: index + 1, node_id: `L${index}`, url: '', name, color: 'ededed', default: false, description: null })),
  });
  Object.assign(pull.base, { ref: overrides.baseRef ?? 'main', sha: overrides.base ?? 'a'.repeat(40), repo: repository });
  Object.assign(pull.head, { ref: overrides.headRef ?? 'feature', sha: overrides.head ?? 'b'.repeat(40), repo: headRepository });
  Object.assign(payload, { number, repository });
  return payload;
}

/** An issue_comment.created event as GitHub sends it, on a pull request unless `onIssue`. */
export function commentPayload(spec: { number: number; commentId: number; body: string; user?: { login: string; type: 'User' | 'Bot' }; onIssue?: boolean; owner?: string; repo?: string; createdAt?: string }): Record<string, unknown> {
  const payload = example('issue_comment', 'created');
  const owner = spec.owner ?? 'acme';
  const repo = spec.repo ?? 'plans';
  const issue = payload.issue as Record<string, unknown>;
  const comment = payload.comment as Record<string, unknown>;
  Object.assign(issue, { number: spec.number });
  if (spec.onIssue) delete issue.pull_request;
  else issue.pull_request = { url: `https://api.github.example/repos/${owner}/${repo}/pulls/${spec.number}`, html_url: `https://github.example/${owner}/${repo}/pull/${spec.number}`, diff_url: '', patch_url: '' };
  const user = spec.user ?? { login: 'maintainer', type: 'User' };
  Object.assign(comment, { id: spec.commentId, body: spec.body, ...(spec.createdAt ? { created_at: spec.createdAt, updated_at: spec.createdAt } : {}), user: { ...(comment.user as Record<string, unknown>), login: user.login, type: user.type } });
  Object.assign(payload, { repository: { ...(payload.repository as Record<string, unknown>), name: repo, full_name: `${owner}/${repo}` } });
  return payload;
}
