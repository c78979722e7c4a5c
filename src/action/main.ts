import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepoCoordinates } from '../adapters/github/api-reader.js';
import { createGitHubClient, type GitHubClient } from '../adapters/github/client.js';
import { canWrite, labelAddedBy } from '../adapters/github/permissions.js';
import { runCheck, type GatePolicy } from '../core/check.js';
import { ConfigError, describeError } from '../core/errors.js';
import type { Report } from '../report/report.js';
import { verdictLine } from '../report/text.js';
import { loadConfigAt } from './config-at.js';
import { planRun, type RunContext } from './event.js';
import { isStrictBranch, readInputs, type ActionInputs } from './inputs.js';
import { publish } from './publish.js';
import type { ActionRuntime } from './runtime.js';
import { openSource } from './source.js';

export interface ActionOptions {
  /** Tests switch off GitHub's recommended spacing of writes. */
  throttle?: boolean;
}

async function readRunContext(env: NodeJS.ProcessEnv): Promise<RunContext> {
  const eventName = env.GITHUB_EVENT_NAME;
  const repository = env.GITHUB_REPOSITORY;
  if (!eventName || !repository) {
    throw new ConfigError('GITHUB_EVENT_NAME and GITHUB_REPOSITORY are not set: run doc-sync as a step of a GitHub Actions job (locally, use the CLI or "npm run local")');
  }
  let payload: unknown = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
    }
  }
  return { eventName, payload, repository, ref: env.GITHUB_REF ?? null, sha: env.GITHUB_SHA ?? null };
}

function coordinates(repository: string): RepoCoordinates {
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) throw new ConfigError(`GITHUB_REPOSITORY should be "owner/repo", not "${repository}"`);
  return { owner, repo };
}

/** Rule docs of the running action version, when the runner says which it is. */
function docsBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  if (!repository) return undefined;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return `${server}/${repository}/blob/${env.GITHUB_ACTION_REF || 'main'}/docs/rules/`;
}

/** Release branches: warnings fail too, and pre-existing drift in touched tasks counts. */
export function gateFor(inputs: Pick<ActionInputs, 'fail-on' | 'strict-branches'>, targetRef: string | null): GatePolicy {
  if (isStrictBranch(targetRef, inputs['strict-branches'])) {
    return { failOn: inputs['fail-on'] === 'never' ? 'never' : 'warning', strict: true };
  }
  return { failOn: inputs['fail-on'], strict: false };
}

/**
 * The action: event → base/head and a reader → the same core as the CLI → comment,
 * annotations, summary, outputs, exit status. Every failure ends as one sentence in
 * setFailed, never a stack trace.
 */
export async function runAction(runtime: ActionRuntime, env: NodeJS.ProcessEnv, options: ActionOptions = {}): Promise<Report | null> {
  let requests = 0;
  try {
    const inputs = readInputs((name) => runtime.getInput(name));
    const context = await readRunContext(env);
    const plan = planRun(context, inputs);
    if (plan.kind === 'not-applicable') {
      runtime.annotate('notice', `Not applicable: ${plan.reason}. The check passes.`, { title: 'doc-sync' });
      for (const [name, value] of Object.entries({ result: 'pass', errors: '0', warnings: '0', report: '', 'report-path': '', 'comment-id': '', 'comment-url': '' })) {
        runtime.setOutput(name, value);
      }
      return null;
    }
    const where = coordinates(context.repository);
    let github: GitHubClient | null = null;
    if (inputs.token) {
      github = createGitHubClient(inputs.token, {
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        log: (line) => runtime.info(line),
        throttle: options.throttle,
      });
      github.hook.before('request', () => {
        requests += 1;
      });
    }

    const source = await openSource(plan, {
      workspace: env.GITHUB_WORKSPACE ?? null,
      preference: inputs.source,
      github,
      where,
      log: (line) => runtime.info(line),
    });
    runtime.info(`Checking ${source.base.slice(0, 7)}..${source.head.slice(0, 7)} (${plan.event}), reading files through ${source.kind === 'git' ? 'the git checkout' : 'the GitHub API'}.`);
    // A pull request is judged by the config its base branch has.
    const configCommit = plan.pull ? source.base : source.head;
    const { config, source: configSource } = await loadConfigAt(source.reader, configCommit, inputs.config);
    runtime.info(configSource ? `Config: ${configSource}` : 'Config: none found, using the defaults');

    let gate = gateFor(inputs, plan.targetRef);
    if (gate.strict) runtime.info(`${plan.targetRef} is a strict branch: warnings and pre-existing drift in touched tasks fail too.`);
    let skipped: Report['skipped'];
    if (plan.pull && github && inputs['skip-label'] && plan.pull.labels.includes(inputs['skip-label'])) {
      const label = inputs['skip-label'];
      const by = await labelAddedBy(github, where, plan.pull.number, label);
      if (by && (await canWrite(github, where, by))) {
        skipped = { label, by };
        gate = { failOn: 'never', strict: false };
      } else {
        runtime.annotate('warning', `The "${label}" label is ignored: ${by ? `@${by}, who added it,` : 'whoever added it'} has no write access to the repository.`, { title: 'doc-sync' });
      }
    }

    const checked = await runCheck({ reader: source.reader, config, configSource: configSource ?? undefined, base: source.base, head: source.head, mode: 'change', gate });
    const report: Report = skipped ? { ...checked, skipped } : checked;
    const reportPath = inputs['summary-path'] ?? join(env.RUNNER_TEMP ?? tmpdir(), 'doc-sync-report.json');
    await publish({ runtime, report, inputs, reportPath, github, where, pull: plan.pull, docsBaseUrl: docsBaseUrl(env) });
    if (github) runtime.info(`GitHub API requests made: ${requests}.`);
    if (report.result === 'fail') runtime.setFailed(verdictLine(report));
    return report;
  } catch (error) {
    runtime.setFailed(`doc-sync could not check: ${describeError(error)}`);
    return null;
  }
}
