import { readFile } from 'node:fs/promises';
import type { RepoCoordinates } from '../adapters/github/api-reader.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { ConfigError, describeError } from '../errors.js';
import type { Report } from '../report/report.js';
import { planRun, type RunContext } from './event.js';
import { readInputs } from './inputs.js';
import { PASS_OUTPUTS, setOutputs } from './outputs.js';
import type { Session } from './pipeline.js';
import type { ActionRuntime } from './runtime.js';

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

/**
 * The action: event → base/head and a reader → the same core as the CLI → comment,
 * annotations, summary, outputs, exit status. Every failure ends as one sentence in
 * setFailed, never a stack trace.
 */
export async function runAction(runtime: ActionRuntime, env: NodeJS.ProcessEnv, options: ActionOptions = {}): Promise<Report | null> {
  let requests = 0;
  let github: GitHubClient | null = null;
  try {
    const inputs = readInputs((name) => runtime.getInput(name));
    const context = await readRunContext(env);
    const plan = await planRun(context, inputs);
    if (plan.kind === 'not-applicable') {
      runtime.annotate('notice', `Not applicable: ${plan.reason}. The check passes.`, { title: 'doc-sync' });
      setOutputs(runtime, PASS_OUTPUTS);
      return null;
    }
    const where = coordinates(context.repository);
    // Loaded only once the run applies: most runs of a bot workflow end above, and these
    // (Octokit, the engine, the renderers) are most of what starting the action would cost.
    // One after another: Jest's ESM loader fails on concurrent imports sharing modules.
    const { createGitHubClient } = await import('../adapters/github/client.js');
    const { autoOpenBacklog, runCommand } = await import('./bot.js');
    const { checkPlan, finish } = await import('./pipeline.js');
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
    const session: Session = { runtime, env, inputs, github, where, eventName: context.eventName };
    if (plan.kind === 'command') return await runCommand(session, plan);

    const checked = await checkPlan(session, plan);
    const sections = await autoOpenBacklog(session, plan, checked);
    await finish(session, plan.pull, checked.report, sections);
    return checked.report;
  } catch (error) {
    runtime.setFailed(`doc-sync could not check: ${describeError(error)}`);
    return null;
  } finally {
    if (github) runtime.info(`GitHub API requests made: ${requests}.`);
  }
}
