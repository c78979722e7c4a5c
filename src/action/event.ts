import * as z from '../config/zod-mini.js';
import { ConfigError } from '../errors.js';
import { parseSlashCommand, type SlashCommand } from './commands.js';
import type { ActionInputs } from './inputs.js';

/** What the runner tells the action about the run (from GITHUB_* variables and the event file). */
export interface RunContext {
  eventName: string;
  payload: unknown;
  /** GITHUB_REF: the branch a push, merge group or dispatch ran on. */
  ref: string | null;
  /** GITHUB_SHA. */
  sha: string | null;
  /** owner/repo from GITHUB_REPOSITORY. */
  repository: string;
}

export interface PullInfo {
  number: number;
  url: string;
  baseRef: string;
  headRef: string;
  headRepo: string | null;
  baseRepo: string;
  /** The head branch lives in another repository: the token is read-only there. */
  fork: boolean;
  labels: string[];
  changedFiles: number | null;
  author: string | null;
}

export type CheckPlan = Extract<RunPlan, { kind: 'check' }>;

export type RunPlan =
  | { kind: 'not-applicable'; reason: string }
  | {
      kind: 'command';
      command: SlashCommand;
      issueNumber: number;
      commentId: number;
      commenter: string;
      /** When the command was written (GitHub's clock), for the readers' rate limit. */
      commentCreatedAt: string | null;
    }
  | {
      kind: 'check';
      event: string;
      /** The revision to compare with; for pull requests the merge base of this and head is used. */
      base: string;
      head: string;
      /** Pull requests compare with the merge base (three dots), pushes with `before`. */
      useMergeBase: boolean;
      /**
       * The commit whose config judges the change: the tip of the target branch for pull
       * requests (`pull_request.base.sha`) and merge groups (`merge_group.base_sha`), so a
       * change cannot loosen its own gate; the pushed commit for pushes and dispatches.
       */
      configRevision: string;
      /** The branch whose strictness applies (a pull request's base, else the pushed ref). */
      targetRef: string | null;
      pull: PullInfo | null;
      /** pull_request_target runs with a write token next to untrusted code: read through the API only. */
      apiOnly: boolean;
    };

const PULL_ACTIONS = ['opened', 'synchronize', 'reopened', 'edited', 'labeled', 'unlabeled', 'ready_for_review'];

const repoSchema = z.nullable(z.object({ full_name: z.string() }));
const pullSchema = z.object({
  number: z.number(),
  html_url: z.string(),
  changed_files: z.optional(z.number()),
  user: z.optional(z.nullable(z.object({ login: z.string() }))),
  labels: z._default(z.array(z.object({ name: z.string() })), []),
  base: z.object({ ref: z.string(), sha: z.string(), repo: z.object({ full_name: z.string() }) }),
  head: z.object({ ref: z.string(), sha: z.string(), repo: repoSchema }),
});
const pullEventSchema = z.object({ action: z.string(), pull_request: z.unknown() });
const pushEventSchema = z.object({ before: z.string(), after: z.string(), ref: z.string(), deleted: z.optional(z.boolean()) });
const mergeGroupEventSchema = z.object({ merge_group: z.object({ base_sha: z.string(), head_sha: z.string(), base_ref: z.string() }) });
const dispatchEventSchema = z.object({ inputs: z.optional(z.nullable(z.record(z.string(), z.unknown()))) });

const issueCommentEventSchema = z.object({
  action: z.string(),
  issue: z.object({ number: z.number(), pull_request: z.optional(z.nullable(z.object({ url: z.optional(z.nullable(z.string())) }))) }),
  comment: z.object({
    id: z.number(),
    body: z._default(z.nullable(z.string()), ''),
    created_at: z.optional(z.string()),
    user: z.nullable(z.object({ login: z.string(), type: z.string() })),
  }),
});

const ZERO_SHA = /^0+$/;

export type PullPayload = z.infer<typeof pullSchema>;

export function pullInfo(pull: PullPayload): PullInfo {
  const headRepo = pull.head.repo?.full_name ?? null;
  return {
    number: pull.number,
    url: pull.html_url,
    baseRef: pull.base.ref,
    headRef: pull.head.ref,
    headRepo,
    baseRepo: pull.base.repo.full_name,
    // A deleted fork has no head repo: treat it as a fork (no writes there).
    fork: headRepo !== pull.base.repo.full_name,
    labels: pull.labels.map((label) => label.name),
    changedFiles: pull.changed_files ?? null,
    author: pull.user?.login ?? null,
  };
}

const FULL_SHA = /^[0-9a-f]{40}$/i;
/**
 * What a revision given by a person may look like before it reaches git: a ref name or
 * revision expression (`origin/main`, `HEAD~1`, `v1.2^{commit}`), never an option
 * (`--upload-pack=…`), whitespace, control characters or `..` ranges.
 */
const SAFE_REVISION = /^(?!-)(?!.*\.\.)[\p{L}\p{N}._/~^@{}+-]{1,250}$/u;

/** A SHA from the event payload: GitHub always sends full ones. */
function eventRevision(value: string, field: string): string {
  if (!FULL_SHA.test(value)) throw new ConfigError(`the event's ${field} is "${value.slice(0, 60)}", not a commit SHA; is GITHUB_EVENT_PATH the runner's event file?`);
  return value.toLowerCase();
}

/** A revision from an input, checked before any git command sees it; null when not given. */
function inputRevision(value: string | null, name: string, kind = 'input'): string | null {
  if (value === null) return null;
  if (!SAFE_REVISION.test(value)) {
    throw new ConfigError(`${kind} "${name}" is "${value.slice(0, 60)}", which is not a revision; give a commit SHA or a branch name such as origin/main (no leading "-", spaces or "..")`);
  }
  return value;
}

/**
 * The check of a pull request, from the event's pull_request object or from a
 * `pulls.get` answer (slash commands): validated by the same schema either way.
 */
export function planPullCheck(eventName: string, payload: unknown, inputs: Pick<ActionInputs, 'base' | 'head'>, options: { apiOnly?: boolean } = {}): CheckPlan {
  const pullRequest = parse(pullSchema, payload, eventName === 'issue_comment' ? 'pulls.get' : eventName);
  const pull = pullInfo(pullRequest);
  const configRevision = eventRevision(pullRequest.base.sha, 'pull_request.base.sha');
  return {
    kind: 'check',
    event: eventName,
    base: inputRevision(inputs.base, 'base') ?? configRevision,
    head: inputRevision(inputs.head, 'head') ?? eventRevision(pullRequest.head.sha, 'pull_request.head.sha'),
    useMergeBase: true,
    configRevision,
    targetRef: pull.baseRef,
    pull,
    apiOnly: options.apiOnly ?? eventName === 'pull_request_target',
  };
}

function parse<T>(schema: z.ZodMiniType<T>, payload: unknown, what: string): T {
  const result = z.safeParse(schema, payload);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const fromApi = what === 'pulls.get';
    throw new ConfigError(
      `the ${fromApi ? 'pull request GitHub answered (pulls.get)' : `${what} event payload`} is missing ${issue.path.join('.') || 'its fields'} (${issue.message}); ${fromApi ? 're-run the command' : "is GITHUB_EVENT_PATH the runner's event file?"}`,
    );
  }
  return result.data;
}

/**
 * Turns the run's event into what to compare. Pure: the runner's context in, a
 * plan out. Events that cannot carry a change are "not applicable", never a failure.
 */
export async function planRun(context: RunContext, inputs: Pick<ActionInputs, 'base' | 'head'>): Promise<RunPlan> {
  const { eventName } = context;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const event = parse(pullEventSchema, context.payload, eventName);
      if (!PULL_ACTIONS.includes(event.action)) {
        return { kind: 'not-applicable', reason: `pull request action "${event.action}" changes no documents` };
      }
      return planPullCheck(eventName, event.pull_request, inputs);
    }
    case 'merge_group': {
      const { merge_group: group } = parse(mergeGroupEventSchema, context.payload, eventName);
      const base = eventRevision(group.base_sha, 'merge_group.base_sha');
      return { kind: 'check', event: eventName, base, head: eventRevision(group.head_sha, 'merge_group.head_sha'), useMergeBase: false, configRevision: base, targetRef: group.base_ref, pull: null, apiOnly: false };
    }
    case 'push': {
      const push = parse(pushEventSchema, context.payload, eventName);
      if (push.deleted || ZERO_SHA.test(push.after)) return { kind: 'not-applicable', reason: `${push.ref} was deleted` };
      if (ZERO_SHA.test(push.before)) {
        return { kind: 'not-applicable', reason: `${push.ref} is a new branch, so the push has no "before" commit to compare with` };
      }
      const head = inputRevision(inputs.head, 'head') ?? eventRevision(push.after, 'after');
      return { kind: 'check', event: eventName, base: inputRevision(inputs.base, 'base') ?? eventRevision(push.before, 'before'), head, useMergeBase: false, configRevision: head, targetRef: push.ref, pull: null, apiOnly: false };
    }
    case 'workflow_dispatch': {
      const dispatch = parse(dispatchEventSchema, context.payload, eventName);
      const given = (name: string) => {
        const value = dispatch.inputs?.[name];
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
      };
      const base = inputRevision(inputs.base, 'base') ?? inputRevision(given('base'), 'base', 'workflow input');
      const head = inputRevision(inputs.head, 'head') ?? inputRevision(given('head'), 'head', 'workflow input') ?? (context.sha ? eventRevision(context.sha, 'GITHUB_SHA') : null);
      if (!base || !head) {
        throw new ConfigError('workflow_dispatch needs a base revision: declare a "base" workflow input (and optionally "head") or set the action\'s "base" input');
      }
      return { kind: 'check', event: eventName, base, head, useMergeBase: false, configRevision: head, targetRef: context.ref, pull: null, apiOnly: false };
    }
    case 'issue_comment': {
      const event = parse(issueCommentEventSchema, context.payload, eventName);
      if (event.action !== 'created') return { kind: 'not-applicable', reason: `comment action "${event.action}" carries no new command` };
      if (!event.issue.pull_request) return { kind: 'not-applicable', reason: `#${event.issue.number} is an issue, not a pull request` };
      // Bots (doc-sync itself included) never drive doc-sync: no loops, no impersonation.
      if (!event.comment.user || event.comment.user.type === 'Bot') return { kind: 'not-applicable', reason: 'the comment was written by a bot' };
      const command = await parseSlashCommand(event.comment.body ?? '');
      if (!command) return { kind: 'not-applicable', reason: 'the comment has no /doc-sync command' };
      return { kind: 'command', command, issueNumber: event.issue.number, commentId: event.comment.id, commenter: event.comment.user.login, commentCreatedAt: event.comment.created_at ?? null };
    }
    default:
      return {
        kind: 'not-applicable',
        reason: `doc-sync checks pull_request, pull_request_target, merge_group, push and workflow_dispatch events (and answers /doc-sync commands in issue_comment), not ${eventName}`,
      };
  }
}
