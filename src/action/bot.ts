import { apiFailure, httpStatus, type GitHubClient } from '../adapters/github/client.js';
import { commitEdit, type CommitOutcome, type ReadFiles } from '../adapters/github/commit-edits.js';
import { canWrite } from '../adapters/github/permissions.js';
import { readRuleDocs } from '../adapters/rule-docs.js';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import { loadModelAt } from '../core/check.js';
import type { RepoReader } from '../core/ports.js';
import type { Fix } from '../core/finding.js';
import type { DocModel } from '../model/model.js';
import { applyFixes, type FixRefusal } from '../fix/apply.js';
import { backlogRowFixes } from '../fix/backlog.js';
import { renderFixDiff } from '../fix/diff.js';
import type { Report } from '../report/report.js';
import { findRule } from '../rules/index.js';
import { CHANGING_COMMANDS, COMMAND_HELP } from './commands.js';
import { pullInfo, type PullInfo, type PullPayload, type RunPlan } from './event.js';
import { checkPlan, finish, type Checked, type CheckPlan, type Session } from './pipeline.js';

/** Where doc-sync records the backlog rows it opened, so it never opens one twice. */
export const OPENED_RECORD = '.github/doc-sync/backlog-opened.json';
/** The one branch (and pull request) the `pull-request` mode keeps up to date. */
export const BACKLOG_BRANCH = 'doc-sync/backlog-rows';
const RULE = 'backlog-entry-missing';

const TOKEN_NOTE =
  'Commits pushed with the default GITHUB_TOKEN do not start new workflow runs, so the checks of the new commit will not run by themselves; pass a GitHub App installation token or a fine-grained personal access token as "token" (README: "Tokens") to have them run.';

interface OpenedRecord {
  opened: Record<string, string>;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function parseRecord(bytes: Uint8Array | null | undefined): OpenedRecord {
  if (!bytes) return { opened: {} };
  try {
    const parsed = JSON.parse(decoder.decode(bytes)) as Partial<OpenedRecord>;
    return { opened: typeof parsed.opened === 'object' && parsed.opened !== null ? parsed.opened : {} };
  } catch {
    // A hand-broken record must not make doc-sync reopen rows: treat it as unreadable.
    throw new ConfigError(`${OPENED_RECORD} is not valid JSON; fix it (it lists the backlog rows doc-sync opened, so it never opens one twice)`);
  }
}

const block = (language: string, text: string) => `\`\`\`${language}\n${text.replace(/\n$/, '')}\n\`\`\``;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const refusals = (refused: readonly { id?: string; reason: string }[]) => refused.map((item) => `- ${item.reason}`).join('\n');

export interface BacklogDetail {
  opened: string[];
  refused: { id: string; reason: string }[];
  diff: string;
}

/**
 * Plans backlog rows for `ids` at a commit: rows rendered from the board in the
 * backlog's own style, minus IDs already recorded as opened once (a row a person removed
 * stays removed), plus the record update. The board may come from another commit (the
 * default branch, when the rows go onto the bot's own branch).
 */
async function planBacklogRows(reader: RepoReader, read: ReadFiles, head: string, config: Config, ids: readonly string[], notes: string, stamp: string, board?: DocModel) {
  const backlogPath = config.paths.backlog;
  const files = await read([backlogPath, OPENED_RECORD]);
  const record = parseRecord(files.get(OPENED_RECORD));
  const atHead = await loadModelAt(reader, config, head);
  const settings = atHead.settings;
  const model: DocModel = board ? { ...board, backlog: atHead.model.backlog } : atHead.model;
  const fresh = ids.filter((id) => !record.opened[id]);
  const refused = ids
    .filter((id) => record.opened[id])
    .map((id) => ({ id, reason: `${id}: doc-sync opened its backlog row before (${record.opened[id]}, recorded in ${OPENED_RECORD}); someone removed it since, so doc-sync leaves it out` }));
  const planned = backlogRowFixes(model, settings, fresh, notes);
  refused.push(...planned.refused.map((item) => ({ id: item.id, reason: item.reason })));
  const current = files.get(backlogPath);
  const outcome = current ? applyFixes(new Map([[backlogPath, current]]), planned.fixes) : null;
  // planned.ids[i] is the task of planned.fixes[i].
  const opened = planned.fixes.flatMap((fix, index) => (outcome?.applied.includes(fix) ? [planned.ids[index]!] : []));
  for (const item of outcome?.refused ?? []) refused.push({ id: '', reason: item.reason });
  const changed = new Map(outcome?.files ?? []);
  if (opened.length > 0) {
    for (const id of opened) record.opened[id] = stamp;
    changed.set(OPENED_RECORD, encoder.encode(`${JSON.stringify(record, null, 2)}\n`));
  }
  return { files: changed, detail: { opened, refused, diff: outcome ? renderFixDiff(outcome.edits) : '' } satisfies BacklogDetail };
}

function requireGitHub(session: Session): GitHubClient {
  if (!session.github) throw new Error('the bot needs a token; set the "token" input');
  return session.github;
}

/** Commits backlog rows onto a branch; fast-forward only, re-planned if the branch moves. */
async function commitBacklogRows(
  session: Session,
  config: Config,
  branch: string,
  ids: readonly string[],
  notes: string,
  stamp: string,
  options: { createFrom?: string; board?: DocModel } = {},
) {
  const github = requireGitHub(session);
  const message = `Open backlog rows for ${ids.join(', ')}\n\nOpened by doc-sync (${stamp}).`;
  return commitEdit<BacklogDetail>(
    github,
    session.where,
    branch,
    message,
    (read, head, reader) => planBacklogRows(reader, read, head, config, ids, notes, stamp, options.board),
    options.createFrom,
  );
}

function describeBacklogCommit(outcome: CommitOutcome<BacklogDetail>, branch: string): string {
  const detail = outcome.detail;
  const lines = ['#### Backlog rows'];
  if (outcome.committed) lines.push(`doc-sync committed ${plural(outcome.detail.opened.length, 'backlog row')} (${outcome.detail.opened.join(', ')}) onto \`${branch}\` in ${outcome.sha.slice(0, 7)}.`, '', block('diff', outcome.detail.diff));
  else lines.push(`No backlog rows were committed: ${outcome.reason}.`);
  if (detail && detail.refused.length > 0) lines.push('', refusals(detail.refused));
  return lines.join('\n');
}

/** The rows a maintainer can paste, when doc-sync may not (or is not asked to) commit them. */
async function suggestBacklogRows(reader: RepoReader, head: string, config: Config, ids: readonly string[], notes: string, why: string | null): Promise<string> {
  const { model, settings } = await loadModelAt(reader, config, head);
  const planned = backlogRowFixes(model, settings, ids, notes);
  const lines = ['#### Backlog rows to add'];
  if (why) lines.push(why, '');
  if (planned.fixes.length > 0) {
    const anchor = planned.fixes[0]!;
    lines.push(`Add ${planned.fixes.length === 1 ? 'this row' : 'these rows'} to \`${anchor.file}\` after line ${anchor.line} (the table's last row):`, '', block('markdown', planned.fixes.map((fix) => fix.text ?? '').join('\n')));
  }
  if (planned.refused.length > 0) lines.push('', refusals(planned.refused));
  return lines.join('\n');
}

const notesFor = (config: Config, pull: PullInfo | null) => (pull ? `${config.backlog.notes} from ${pull.url}` : config.backlog.notes);

/**
 * The `auto-open-backlog` input after a check: `suggest` shows the rows, `commit` puts
 * them on the pull request's branch (same-repository pull requests; forks get
 * `suggest`), `pull-request` keeps one pull request with every missing row after a push
 * to the default branch. Returns the comment sections it has to say.
 */
export async function autoOpenBacklog(session: Session, plan: CheckPlan, checked: Checked): Promise<string[]> {
  const mode = session.inputs['auto-open-backlog'];
  const ids = [...new Set(checked.report.findings.filter((finding) => finding.rule === RULE && finding.taskId).map((finding) => finding.taskId!))];
  if (mode === 'off' || ids.length === 0) return [];
  const { config, source } = checked;
  const notes = notesFor(config, plan.pull);
  const stamp = plan.pull ? `#${plan.pull.number}` : `${plan.event} ${source.head.slice(0, 7)}`;

  if (mode === 'suggest' || (mode === 'commit' && (!plan.pull || plan.pull.fork)) || (mode === 'pull-request' && plan.pull)) {
    const why =
      mode === 'commit' && plan.pull?.fork
        ? 'This pull request comes from a fork, where doc-sync cannot push, so here are the rows instead.'
        : mode !== 'suggest'
          ? `auto-open-backlog is "${mode}", which ${mode === 'commit' ? 'commits onto pull requests' : 'opens a pull request after a push to the default branch'}; here are the rows.`
          : null;
    return [await suggestBacklogRows(source.reader, source.head, config, ids, notes, why)];
  }

  const github = requireGitHub(session);
  if (mode === 'commit' && plan.pull) {
    const outcome = await commitBacklogRows(session, config, plan.pull.headRef, ids, notes, stamp);
    if (outcome.committed) session.runtime.info(TOKEN_NOTE);
    return [describeBacklogCommit(outcome, plan.pull.headRef)];
  }

  // pull-request: only after a push to the default branch.
  const { data: repository } = await github.rest.repos.get({ ...session.where });
  if (plan.targetRef !== `refs/heads/${repository.default_branch}`) {
    session.runtime.info(`auto-open-backlog "pull-request" acts on pushes to ${repository.default_branch} only; nothing to do for ${plan.targetRef}.`);
    return [];
  }
  // The rows come from the pushed board; they go into the backlog of the bot's branch.
  const board = (await loadModelAt(source.reader, config, source.head)).model;
  const outcome = await commitBacklogRows(session, config, BACKLOG_BRANCH, ids, notes, stamp, { createFrom: source.head, board });
  const section = describeBacklogCommit(outcome, BACKLOG_BRANCH);
  if (outcome.committed) {
    const pull = await upsertBacklogPull(github, session, repository.default_branch, outcome.detail!.opened);
    session.runtime.info(`Backlog rows are in ${pull}. ${TOKEN_NOTE}`);
  } else {
    session.runtime.info(section);
  }
  return [];
}

/** One open pull request from the bot's branch: found by its head, created once, its body kept current. */
async function upsertBacklogPull(github: GitHubClient, session: Session, base: string, opened: string[]): Promise<string> {
  const { owner } = session.where;
  try {
    const open = await github.rest.pulls.list({ ...session.where, head: `${owner}:${BACKLOG_BRANCH}`, base, state: 'open', per_page: 1 });
    const line = `Opened backlog rows for ${opened.join(', ')} (doc-sync, auto-open-backlog: pull-request).`;
    if (open.data[0]) {
      const existing = open.data[0];
      await github.rest.pulls.update({ ...session.where, pull_number: existing.number, body: `${existing.body ?? ''}\n\n${line}`.trim() });
      return existing.html_url;
    }
    const created = await github.rest.pulls.create({
      ...session.where,
      head: BACKLOG_BRANCH,
      base,
      title: 'doc-sync: open missing backlog rows',
      body: `Tasks added to the board in a column that backlog.require names need a backlog row.\n\n${line}\n\ndoc-sync records every row it opens in \`${OPENED_RECORD}\` and never opens one twice.`,
    });
    return created.data.html_url;
  } catch (error) {
    throw apiFailure('opening the backlog pull request', error);
  }
}

async function react(session: Session, commentId: number): Promise<void> {
  try {
    await requireGitHub(session).rest.reactions.createForIssueComment({ ...session.where, comment_id: commentId, content: 'eyes' });
  } catch (error) {
    // An acknowledgement is a courtesy; a read-only token must not stop the command.
    if (httpStatus(error) !== 403) throw apiFailure('reacting to the command', error);
  }
}

async function explainSection(rule: string | null): Promise<string> {
  const found = rule ? findRule(rule) : undefined;
  if (!found) return `#### /doc-sync explain\n${rule ? `There is no rule \`${rule}\`.` : 'Name a rule: `/doc-sync explain <rule>`.'}\n\n${COMMAND_HELP}`;
  const docs = await readRuleDocs(found);
  return `#### /doc-sync explain ${found.id}\n<details open><summary>${found.description}</summary>\n\n${docs.trim()}\n\n</details>`;
}

/** What a command did: the comment section, and whether it moved the branch. */
interface CommandOutcome {
  section: string;
  committed: boolean;
}

/** Commits the fixes of the check onto the pull request's branch; stale ones refuse themselves. */
async function commitFixes(session: Session, pull: PullInfo, fixes: readonly Fix[]): Promise<CommandOutcome> {
  const github = requireGitHub(session);
  const outcome = await commitEdit<{ rows: number; refused: FixRefusal[]; diff: string }>(github, session.where, pull.headRef, `Apply doc-sync fixes\n\n${[...new Set(fixes.map((fix) => `- ${fix.description}`))].join('\n')}`, async (read) => {
    const paths = [...new Set(fixes.map((fix) => fix.file))];
    const current = await read(paths);
    const files = new Map([...current].filter((entry): entry is [string, Uint8Array] => entry[1] !== null));
    const applied = applyFixes(files, fixes);
    return { files: applied.files, detail: { rows: applied.edits.length, refused: applied.refused, diff: renderFixDiff(applied.edits) } };
  });
  const lines = ['#### /doc-sync fix'];
  if (outcome.committed) {
    lines.push(`Committed the fixes (${plural(outcome.detail.rows, 'row')} changed) onto \`${pull.headRef}\` in ${outcome.sha.slice(0, 7)}.`, '', block('diff', outcome.detail.diff));
    session.runtime.info(TOKEN_NOTE);
  } else lines.push(`Nothing was committed: ${outcome.reason}.`);
  if (outcome.detail && outcome.detail.refused.length > 0) lines.push('', 'Refused (their target changed since the check):', refusals(outcome.detail.refused));
  return { section: lines.join('\n'), committed: outcome.committed };
}

/**
 * A `/doc-sync …` comment on a pull request: acknowledge it, check the pull request
 * (through the API: an issue_comment run must not run the pull request's code), do the
 * command if the commenter may, and say the outcome in the sticky comment.
 */
export async function runCommand(session: Session, plan: Extract<RunPlan, { kind: 'command' }>): Promise<Report | null> {
  const github = requireGitHub(session);
  await react(session, plan.commentId);
  let payload: PullPayload;
  try {
    payload = (await github.rest.pulls.get({ ...session.where, pull_number: plan.issueNumber })).data as PullPayload;
  } catch (error) {
    throw apiFailure(`reading pull request #${plan.issueNumber}`, error);
  }
  const pull = pullInfo(payload);
  const check: CheckPlan = { kind: 'check', event: 'issue_comment', base: payload.base.sha, head: payload.head.sha, useMergeBase: true, targetRef: pull.baseRef, pull, apiOnly: true };
  const { command } = plan;
  session.runtime.info(`@${plan.commenter} asked for /doc-sync ${command.name} on #${pull.number}.`);

  if (CHANGING_COMMANDS.has(command.name) && !(await canWrite(github, session.where, plan.commenter))) {
    const checked = await checkPlan(session, check);
    const refusal = `#### /doc-sync ${command.name}\n@${plan.commenter}, thanks, but \`/doc-sync ${command.name}\` changes the repository, so only people with write, maintain or admin permission may run it. A maintainer can run it for you.`;
    await finish(session, pull, checked.report, [refusal], { gate: false, create: true });
    return checked.report;
  }

  let checked = await checkPlan(session, check);
  const said = (section: string): CommandOutcome => ({ section, committed: false });
  let outcome: CommandOutcome;
  switch (command.name) {
    case 'recheck':
      outcome = said(`#### /doc-sync recheck\nChecked again at ${checked.source.head.slice(0, 7)} for @${plan.commenter}.`);
      break;
    case 'explain':
      outcome = said(await explainSection(command.rule));
      break;
    case 'help':
      outcome = said(`#### /doc-sync\n${command.unknown ? `There is no command \`${command.unknown}\`. ` : ''}The commands:\n\n${COMMAND_HELP}`);
      break;
    case 'fix': {
      const fixes = checked.report.findings.filter((finding) => finding.fix && (command.rules.length === 0 || command.rules.includes(finding.rule))).map((finding) => finding.fix!);
      if (pull.fork) outcome = said('#### /doc-sync fix\nThis pull request comes from a fork, where doc-sync cannot push. Run `doc-sync fix` locally and push the result.');
      else if (fixes.length === 0) outcome = said(`#### /doc-sync fix\nThere is nothing doc-sync can fix mechanically${command.rules.length > 0 ? ` for ${command.rules.join(', ')}` : ''}.`);
      else outcome = await commitFixes(session, pull, fixes);
      break;
    }
    case 'backlog': {
      const notes = notesFor(checked.config, pull);
      if (command.ids.length === 0) outcome = said('#### /doc-sync backlog\nName the tasks: `/doc-sync backlog ST-X-NNN …`.');
      else if (pull.fork) outcome = said(await suggestBacklogRows(checked.source.reader, checked.source.head, checked.config, command.ids, notes, 'This pull request comes from a fork, where doc-sync cannot push, so here are the rows instead.'));
      else {
        const committed = await commitBacklogRows(session, checked.config, pull.headRef, command.ids, notes, `#${pull.number} /doc-sync backlog by @${plan.commenter}`);
        if (committed.committed) session.runtime.info(TOKEN_NOTE);
        outcome = { section: describeBacklogCommit(committed, pull.headRef), committed: committed.committed };
      }
      break;
    }
  }
  // After a commit, show the state of the new head.
  if (outcome.committed) {
    const head = (await github.rest.pulls.get({ ...session.where, pull_number: pull.number })).data.head.sha;
    checked = await checkPlan(session, { ...check, head });
  }
  await finish(session, pull, checked.report, [outcome.section], { gate: false, create: true });
  return checked.report;
}
