import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RepoCoordinates } from '../adapters/github/api-reader.js';
import type { GitHubClient } from '../adapters/github/client.js';
import { StickyComment, resolveIdentity, type StickyOutcome } from '../adapters/github/sticky-comment.js';
import type { Finding } from '../core/finding.js';
import { loadSarifRules } from '../adapters/sarif-rules.js';
import { renderMarkdown, renderSummary, type LinkTarget } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { RULES } from '../rules/index.js';
import type { Report } from '../report/report.js';
import { verdictLine } from '../report/text.js';
import type { PullInfo } from './event.js';
import type { ActionInputs } from './inputs.js';
import { setOutputs } from './outputs.js';
import type { ActionRuntime } from './runtime.js';

/** GitHub shows at most this many annotations of each level per step. */
export const ANNOTATIONS_PER_LEVEL = 10;
/** Outputs share a 1 MB budget per job; a bigger report goes by file only. */
export const REPORT_OUTPUT_LIMIT = 512 * 1024;

type Level = 'error' | 'warning' | 'notice';

/** Pre-existing findings fail nothing by default, so they are shown as notices. */
const levelOf = (finding: Finding): Level => (finding.introduced ? finding.severity : 'notice');

/** The most important findings per level, within GitHub's per-step limits. */
export function selectAnnotations(findings: readonly Finding[]): { shown: { level: Level; finding: Finding }[]; left: number } {
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const shown = [];
  for (const finding of findings) {
    const level = levelOf(finding);
    if (used[level] >= ANNOTATIONS_PER_LEVEL) continue;
    used[level] += 1;
    shown.push({ level, finding });
  }
  return { shown, left: findings.length - shown.length };
}

/** What identifies a result, leaving out the run time: equal fingerprints need no new comment. */
export function fingerprint(report: Report, sections: readonly string[] = []): string {
  const stable = JSON.stringify({ ...report, durationMs: 0, sections });
  return createHash('sha256').update(stable).digest('hex').slice(0, 16);
}

export interface PublishRequest {
  runtime: ActionRuntime;
  report: Report;
  inputs: Pick<ActionInputs, 'comment'> & Partial<Pick<ActionInputs, 'sarif-path'>>;
  reportPath: string;
  github: GitHubClient | null;
  where: RepoCoordinates;
  pull: PullInfo | null;
  docsBaseUrl?: string;
  /** The runner's GITHUB_SERVER_URL, for links to the lines (GitHub Enterprise Server has its own); defaults to the environment's. */
  serverUrl?: string;
  sections?: readonly string[];
  /** Create the comment even when the mode would not (a slash command's answer). */
  forceComment?: boolean;
}

/** Links to the lines at the report's head, on the server the runner names. */
function linkTarget(request: PublishRequest): LinkTarget {
  const serverUrl = request.serverUrl ?? process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  return { serverUrl, owner: request.where.owner, repo: request.where.repo };
}

export interface PublishResult {
  comment: StickyOutcome | null;
}

/** Annotations, job summary, report file, sticky comment and outputs; the exit status is the caller's. */
export async function publish(request: PublishRequest): Promise<PublishResult> {
  const { runtime, report } = request;
  const sections = request.sections ?? [];

  const { shown, left } = selectAnnotations(report.findings);
  for (const { level, finding } of shown) {
    const origin = finding.introduced ? '' : ' (pre-existing; fails nothing)';
    runtime.annotate(level, `${finding.message}${origin}`, { title: `doc-sync ${finding.rule}`, file: finding.file, startLine: finding.line });
  }
  if (left > 0) {
    runtime.annotate('notice', `${left} more finding${left === 1 ? ' is' : 's are'} not annotated (GitHub shows ${ANNOTATIONS_PER_LEVEL} per level per step); the job summary lists every one.`, {
      title: 'doc-sync',
    });
  }

  const json = JSON.stringify(report, null, 2);
  await mkdir(dirname(request.reportPath), { recursive: true });
  await writeFile(request.reportPath, `${json}\n`);
  runtime.info(`Wrote the JSON report to ${request.reportPath}`);
  const sarifPath = request.inputs['sarif-path'];
  if (sarifPath) {
    await mkdir(dirname(sarifPath), { recursive: true });
    await writeFile(sarifPath, `${JSON.stringify(renderSarif(report, await loadSarifRules(RULES, request.docsBaseUrl)), null, 2)}\n`);
    runtime.info(`Wrote the SARIF log to ${sarifPath}`);
  }

  const summary = renderSummary(report, { docsBaseUrl: request.docsBaseUrl, sections, links: linkTarget(request) });
  if (!(await runtime.writeSummary(summary))) runtime.info('No job summary file (GITHUB_STEP_SUMMARY) on this runner; skipped the summary.');

  let comment: StickyOutcome | null = null;
  if (request.pull && request.github && (request.inputs.comment !== 'never' || request.forceComment)) {
    comment = await postComment(request, request.pull, request.github, sections);
  }

  runtime.info(verdictLine(report));
  const compact = JSON.stringify(report);
  if (compact.length > REPORT_OUTPUT_LIMIT) runtime.info(`The JSON report is ${compact.length} characters, too big for an output; read it from the report-path file.`);
  setOutputs(runtime, {
    result: report.result,
    errors: String(report.summary.errors),
    warnings: String(report.summary.warnings),
    report: compact.length <= REPORT_OUTPUT_LIMIT ? compact : '',
    'report-path': request.reportPath,
    'comment-id': comment?.id ? String(comment.id) : '',
    'comment-url': comment?.url ?? '',
  });
  return { comment };
}

async function postComment(request: PublishRequest, pull: PullInfo, github: GitHubClient, sections: readonly string[]): Promise<StickyOutcome> {
  const { report, runtime } = request;
  const body = renderMarkdown(report, { docsBaseUrl: request.docsBaseUrl, fingerprint: fingerprint(report, sections), sections, links: linkTarget(request) });
  const worthSaying =
    request.forceComment || (request.inputs.comment === 'always' ? report.findings.length > 0 || sections.length > 0 : report.result === 'fail');
  const sticky = new StickyComment(github, request.where, pull.number, await resolveIdentity(github));
  const outcome = await sticky.upsert(body, { create: worthSaying });
  if (outcome.action === 'forbidden') {
    runtime.annotate(
      'warning',
      `Could not write the pull request comment: the token is read-only${pull.fork ? ' (this pull request comes from a fork)' : ''}. The check result stands. To comment on fork pull requests, post from a workflow_run job or use pull_request_target (see the README, "Pull requests from forks").`,
      { title: 'doc-sync comment' },
    );
  } else {
    const said: Record<StickyOutcome['action'], string> = {
      created: 'Posted the doc-sync comment',
      updated: 'Updated the doc-sync comment',
      unchanged: 'The doc-sync comment already shows this result; left it as is',
      'not-needed': 'Nothing to comment on',
      forbidden: '',
    };
    runtime.info(`${said[outcome.action]}${outcome.url ? `: ${outcome.url}` : ''}${outcome.removedDuplicates > 0 ? ` (removed ${outcome.removedDuplicates} duplicate${outcome.removedDuplicates === 1 ? '' : 's'} from a concurrent run)` : ''}.`);
  }
  return outcome;
}
