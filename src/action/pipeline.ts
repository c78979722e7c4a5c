import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RepoCoordinates } from '../adapters/github/api-reader.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { canWrite, labelAddedBy } from '../adapters/github/permissions.js';
import type { Config } from '../config/schema.js';
import { runCheck, type CheckResult, type GatePolicy } from '../core/check.js';
import { gatePolicy } from '../core/gate.js';
import { enabledRules, rulesOff } from '../rules/index.js';
import type { Report } from '../report/report.js';
import { verdictLine } from '../report/text.js';
import { loadGateConfig, validateProposedConfig } from '../core/config-at.js';
import type { CheckPlan, PullInfo } from './event.js';
import { isStrictBranch, type ActionInputs } from './inputs.js';
import { publish } from './publish.js';
import type { ActionRuntime } from './runtime.js';
import { openSource, type OpenedSource } from './source.js';

/** Rule docs of the running action version, when the runner says which it is. */
export function docsBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const repository = env.GITHUB_ACTION_REPOSITORY;
  if (!repository) return undefined;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return `${server}/${repository}/blob/${env.GITHUB_ACTION_REF || 'main'}/docs/rules/`;
}

/** Release branches: warnings fail too, and pre-existing drift in touched tasks counts. */
export function gateFor(inputs: Pick<ActionInputs, 'fail-on' | 'strict-branches'>, targetRef: string | null): GatePolicy {
  return gatePolicy(inputs['fail-on'], isStrictBranch(targetRef, inputs['strict-branches']));
}

/** What one run of the action works with. */
export interface Session {
  runtime: ActionRuntime;
  env: NodeJS.ProcessEnv;
  inputs: ActionInputs;
  github: GitHubClient | null;
  where: RepoCoordinates;
  eventName: string;
}

/**
 * A check of one pull request or push, ready to publish, with what the core built
 * (models, settings, blob store) so the bot never reads or parses a revision again.
 */
export interface Checked extends CheckResult {
  source: OpenedSource;
  config: Config;
}

export type { CheckPlan };

/**
 * Reads both ends, applies the gate (strict branches, skip label), runs the core.
 * `reuse` is an earlier check of the same pull request (before the bot committed): its
 * reader and blob store, so only what the commit changed is read again.
 */
export async function checkPlan(session: Session, plan: CheckPlan, reuse?: Pick<Checked, 'source' | 'store'>): Promise<Checked> {
  const { runtime, inputs, github, where } = session;
  const source =
    reuse?.source ??
    (await openSource(plan, {
      workspace: session.env.GITHUB_WORKSPACE ?? null,
      preference: inputs.source,
      github,
      where,
      log: (line) => runtime.info(line),
    }));
  // A change is judged by the config of the branch it targets (core/config-at.ts says when not).
  const revisions = { trusted: plan.configRevision, proposed: plan.head };
  // A config the change breaks fails now, not once it has become the base's and stops every check.
  await validateProposedConfig(source.reader, revisions, inputs.config);
  const gateConfig = await loadGateConfig(source.reader, revisions, inputs.config);
  const { config, source: configSource } = gateConfig;
  runtime.info(configSource ? `Config: ${configSource}` : 'Config: none found, using the defaults');
  for (const note of gateConfig.notes) runtime.info(note);

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
  const rules = enabledRules(config, configSource ?? undefined);
  const result = await runCheck({
    reader: source.reader,
    config,
    rules,
    configSource: configSource ?? 'the defaults: no config file',
    rulesOff: rulesOff(rules, config),
    base: plan.base,
    head: plan.head,
    useMergeBase: plan.useMergeBase,
    mode: 'change',
    gate,
    store: reuse?.store,
  });
  const { report } = result;
  runtime.info(`Checked ${report.base?.slice(0, 7)}..${report.head.slice(0, 7)} (${plan.event}), reading files through ${source.kind === 'git' ? 'the git checkout' : 'the GitHub API'}.`);
  return { ...result, report: skipped ? { ...report, skipped } : report, source, config };
}

/**
 * Publishes a result; a failing gate fails the step. A slash command's run is no
 * gate (`gate: false`): it fails only when the command could not be done.
 */
export async function finish(
  session: Session,
  pull: PullInfo | null,
  report: Report,
  sections: readonly string[] = [],
  options: { gate: boolean; create?: boolean } = { gate: true },
): Promise<void> {
  const { runtime, env, inputs } = session;
  const reportPath = inputs['summary-path'] ?? join(env.RUNNER_TEMP ?? tmpdir(), 'doc-sync-report.json');
  await publish({ runtime, report, inputs, reportPath, github: session.github, where: session.where, pull, docsBaseUrl: docsBaseUrl(env), serverUrl: env.GITHUB_SERVER_URL, sections, forceComment: options.create ?? false });
  if (options.gate && report.result === 'fail') runtime.setFailed(verdictLine(report));
}

