import { TokenMissingError, type GitHubClient } from '../adapters/github/client.js';
import { commitEdit, type CommitOutcome, type ReadFiles } from '../adapters/github/commit-edits.js';
import { canWrite } from '../adapters/github/permissions.js';
import { defaultBranch, getPull, reactToComment, upsertPull } from '../adapters/github/pulls.js';
import { StickyComment, resolveIdentity } from '../adapters/github/sticky-comment.js';
import { readRuleDocs } from '../adapters/rule-docs.js';
import { loadModelAt } from '../core/check.js';
import type { Fix } from '../core/finding.js';
import type { RepoReader } from '../core/ports.js';
import { applyFixes, type FixRefusal } from '../fix/apply.js';
import { backlogRowFixes } from '../rules/support/backlog-fix.js';
import { OPENED_RECORD, planBacklogRows, type BacklogDetail } from '../fix/backlog-rows.js';
import { renderFixDiff } from '../fix/diff.js';
import type { DocModel } from '../model/model.js';
import {
  BACKLOG_USAGE_SECTION,
  FORK_NOTE,
  backlogCommitSection,
  backlogSuggestionSection,
  explainSection,
  fixCommitSection,
  fixNotPossibleSection,
  helpSection,
  recheckSection,
  writersOnlySection,
} from '../report/bot-sections.js';
import type { Report } from '../report/report.js';
import { findRule } from '../rules/index.js';
import { CHANGING_COMMANDS, COMMAND_HELP } from './commands.js';
import { planPullCheck, type CheckPlan, type PullInfo, type RunPlan } from './event.js';
import { checkPlan, finish, type Checked, type Session } from './pipeline.js';

export { OPENED_RECORD };
/** The one branch (and pull request) the `pull-request` mode keeps up to date. */
export const BACKLOG_BRANCH = 'doc-sync/backlog-rows';
const RULE = 'backlog-entry-missing';
/**
 * Someone without write access gets one command per pull request in this window
 * (from the sticky comment's last update to their comment): each command runs a whole
 * check, and a stream of `/doc-sync recheck` must not keep the runners busy.
 */
export const COMMAND_COOLDOWN_MS = 10 * 60 * 1000;

const TOKEN_NOTE =
  'Commits pushed with the default GITHUB_TOKEN do not start new workflow runs, so the checks of the new commit will not run by themselves; pass a GitHub App installation token or a fine-grained personal access token as "token" (README: "Tokens") to have them run.';

function requireGitHub(session: Session): GitHubClient {
  if (!session.github) throw new TokenMissingError('the bot (auto-open-backlog and /doc-sync commands) needs a token; set the "token" input (it defaults to ${{ github.token }})');
  return session.github;
}

/**
 * The documents at `head`: the check's own when it is the commit checked and was read whole
 * (a large board read in part holds only the judged tasks' rows, and a command may name any
 * task), else read once through the check's store.
 */
async function modelAt(checked: Checked, reader: RepoReader, head: string): Promise<DocModel> {
  if (head === checked.report.head && !checked.readInPart) return checked.head;
  return (await loadModelAt(reader, checked.config, head, checked.store)).model;
}

/**
 * Commits backlog rows onto a branch; fast-forward only, re-planned if the branch
 * moves. The rows come from `board` when given (the pushed default branch), else from
 * the branch's own board.
 */
async function commitBacklogRows(
  session: Session,
  checked: Checked,
  branch: string,
  ids: readonly string[],
  notes: string,
  stamp: string,
  options: { createFrom?: string; board?: DocModel } = {},
): Promise<CommitOutcome<BacklogDetail>> {
  const github = requireGitHub(session);
  const message = `Open backlog rows for ${ids.join(', ')}\n\nOpened by doc-sync (${stamp}).`;
  const backlogPath = checked.config.paths.backlog;
  return commitEdit<BacklogDetail>(
    github,
    session.where,
    branch,
    message,
    async (read: ReadFiles, head, reader) => {
      const files = await read([backlogPath, OPENED_RECORD]);
      const atHead = await modelAt(checked, reader, head);
      const model = options.board ? { ...options.board, backlog: atHead.backlog } : atHead;
      return planBacklogRows({ model, settings: checked.settings, backlog: files.get(backlogPath) ?? null, record: files.get(OPENED_RECORD) ?? null, ids, notes, stamp });
    },
    { createFrom: options.createFrom, known: { head: checked.report.head, reader: checked.source.reader } },
  );
}

/** The rows a maintainer can paste, from the checked head. */
function suggestBacklogRows(checked: Checked, model: DocModel, ids: readonly string[], notes: string, why: string | null): string {
  return backlogSuggestionSection(backlogRowFixes(model, checked.settings, ids, notes), why);
}

const notesFor = (checked: Checked, pull: PullInfo | null) => (pull ? `${checked.config.backlog.notes} from ${pull.url}` : checked.config.backlog.notes);

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
  const notes = notesFor(checked, plan.pull);
  const head = checked.report.head;
  const stamp = plan.pull ? `#${plan.pull.number}` : `${plan.event} ${head.slice(0, 7)}`;

  if (mode === 'suggest' || (mode === 'commit' && (!plan.pull || plan.pull.fork)) || (mode === 'pull-request' && plan.pull)) {
    const why =
      mode === 'commit' && plan.pull?.fork
        ? `${FORK_NOTE}, so here are the rows instead.`
        : mode !== 'suggest'
          ? `auto-open-backlog is "${mode}", which ${mode === 'commit' ? 'commits onto pull requests' : 'opens a pull request after a push to the default branch'}; here are the rows.`
          : null;
    // The IDs are the check's own findings, so its model holds their rows.
    return [suggestBacklogRows(checked, checked.head, ids, notes, why)];
  }

  const github = requireGitHub(session);
  if (mode === 'commit' && plan.pull) {
    const outcome = await commitBacklogRows(session, checked, plan.pull.headRef, ids, notes, stamp);
    if (outcome.committed) session.runtime.info(TOKEN_NOTE);
    return [backlogCommitSection(outcome, plan.pull.headRef)];
  }

  // pull-request: only after a push to the default branch.
  const branch = await defaultBranch(github, session.where);
  if (plan.targetRef !== `refs/heads/${branch}`) {
    session.runtime.info(`auto-open-backlog "pull-request" acts on pushes to ${branch} only; nothing to do for ${plan.targetRef}.`);
    return [];
  }
  // The rows come from the pushed board; they go into the backlog of the bot's branch.
  const outcome = await commitBacklogRows(session, checked, BACKLOG_BRANCH, ids, notes, stamp, { createFrom: head, board: checked.head });
  if (outcome.committed) {
    const line = `Opened backlog rows for ${outcome.detail.opened.join(', ')} (doc-sync, auto-open-backlog: pull-request).`;
    const url = await upsertPull(github, session.where, {
      head: BACKLOG_BRANCH,
      base: branch,
      title: 'doc-sync: open missing backlog rows',
      body: `Tasks added to the board in a column that backlog.require names need a backlog row.\n\n${line}\n\ndoc-sync records every row it opens in \`${OPENED_RECORD}\` and never opens one twice.`,
      line,
    });
    session.runtime.info(`Backlog rows are in ${url}. ${TOKEN_NOTE}`);
  } else {
    session.runtime.info(backlogCommitSection(outcome, BACKLOG_BRANCH));
  }
  return [];
}

/** What a command did: the comment section, and whether it moved the branch. */
interface CommandOutcome {
  section: string;
  committed: boolean;
}

/** Commits the check's fixes onto the pull request's branch; stale ones refuse themselves. */
async function commitFixes(session: Session, checked: Checked, pull: PullInfo, fixes: readonly Fix[]): Promise<CommandOutcome> {
  const github = requireGitHub(session);
  const message = `Apply doc-sync fixes\n\n${[...new Set(fixes.map((fix) => `- ${fix.description}`))].join('\n')}`;
  const outcome = await commitEdit<{ rows: number; refused: FixRefusal[]; diff: string }>(
    github,
    session.where,
    pull.headRef,
    message,
    async (read) => {
      const current = await read([...new Set(fixes.map((fix) => fix.file))]);
      const files = new Map([...current].filter((entry): entry is [string, Uint8Array] => entry[1] !== null));
      const applied = applyFixes(files, fixes);
      return { files: applied.files, detail: { rows: applied.edits.length, refused: applied.refused, diff: renderFixDiff(applied.edits) } };
    },
    { known: { head: checked.report.head, reader: checked.source.reader } },
  );
  if (outcome.committed) session.runtime.info(TOKEN_NOTE);
  return { section: fixCommitSection(outcome, pull.headRef), committed: outcome.committed };
}

type CommandPlan = Extract<RunPlan, { kind: 'command' }>;

/**
 * Writers may run any command at any time. Anyone else gets one command per pull
 * request per COMMAND_COOLDOWN_MS, counted on GitHub's clock from the sticky comment's
 * last update to their comment; past that, the command is acknowledged with 😕 and
 * nothing runs. Returns whether the commenter may write.
 */
async function admitCommand(session: Session, plan: CommandPlan): Promise<{ writer: boolean; admitted: boolean }> {
  const github = requireGitHub(session);
  if (await canWrite(github, session.where, plan.commenter)) return { writer: true, admitted: true };
  const last = await new StickyComment(github, session.where, plan.issueNumber, await resolveIdentity(github)).lastWritten();
  const since = last && plan.commentCreatedAt ? Date.parse(plan.commentCreatedAt) - Date.parse(last) : Infinity;
  if (since >= COMMAND_COOLDOWN_MS) return { writer: false, admitted: true };
  const wait = Math.ceil((COMMAND_COOLDOWN_MS - Math.max(since, 0)) / 60_000);
  session.runtime.info(
    `@${plan.commenter} has no write access and doc-sync answered on #${plan.issueNumber} ${Math.max(0, Math.floor(since / 60_000))} min ago; commands from readers run at most once per ${COMMAND_COOLDOWN_MS / 60_000} min per pull request, so this one is skipped (try again in ${wait} min).`,
  );
  await reactToComment(github, session.where, plan.commentId, 'confused');
  return { writer: false, admitted: false };
}

/**
 * A `/doc-sync …` comment on a pull request: admit it (writers always, others rate
 * limited), acknowledge it, check the pull request (through the API: an issue_comment
 * run must not run the pull request's code) with the same validated plan as a
 * pull_request event, do the command if the commenter may, and say the outcome in the
 * sticky comment.
 */
export async function runCommand(session: Session, plan: CommandPlan): Promise<Report | null> {
  const github = requireGitHub(session);
  const { writer, admitted } = await admitCommand(session, plan);
  if (!admitted) return null;
  await reactToComment(github, session.where, plan.commentId, 'eyes');
  const check = planPullCheck('issue_comment', await getPull(github, session.where, plan.issueNumber), { base: null, head: null }, { apiOnly: true });
  const pull = check.pull!;
  const { command } = plan;
  session.runtime.info(`@${plan.commenter} asked for /doc-sync ${command.name} on #${pull.number}.`);

  let checked = await checkPlan(session, check);
  if (CHANGING_COMMANDS.has(command.name) && !writer) {
    await finish(session, pull, checked.report, [writersOnlySection(command.name, plan.commenter)], { gate: false, create: true });
    return checked.report;
  }

  const said = (section: string): CommandOutcome => ({ section, committed: false });
  let outcome: CommandOutcome;
  switch (command.name) {
    case 'recheck':
      outcome = said(recheckSection(checked.report.head, plan.commenter));
      break;
    case 'explain': {
      const rule = command.rule ? findRule(command.rule) : undefined;
      outcome = said(explainSection(rule ? { id: rule.id, description: rule.description, docs: await readRuleDocs(rule) } : null, command.rule, COMMAND_HELP));
      break;
    }
    case 'help':
      outcome = said(helpSection(command.unknown, COMMAND_HELP));
      break;
    case 'fix': {
      const fixes = checked.report.findings.filter((finding) => finding.fix && (command.rules.length === 0 || command.rules.includes(finding.rule))).map((finding) => finding.fix!);
      if (pull.fork) outcome = said(fixNotPossibleSection('fork', command.rules));
      else if (fixes.length === 0) outcome = said(fixNotPossibleSection('nothing', command.rules));
      else outcome = await commitFixes(session, checked, pull, fixes);
      break;
    }
    case 'backlog': {
      const notes = notesFor(checked, pull);
      if (command.ids.length === 0) outcome = said(BACKLOG_USAGE_SECTION);
      else if (pull.fork) outcome = said(suggestBacklogRows(checked, await modelAt(checked, checked.source.reader, checked.report.head), command.ids, notes, `${FORK_NOTE}, so here are the rows instead.`));
      else {
        const committed = await commitBacklogRows(session, checked, pull.headRef, command.ids, notes, `#${pull.number} /doc-sync backlog by @${plan.commenter}`);
        if (committed.committed) session.runtime.info(TOKEN_NOTE);
        outcome = { section: backlogCommitSection(committed, pull.headRef), committed: committed.committed };
      }
      break;
    }
  }
  // After a commit, show the state of the new head (a new revision: read once more).
  if (outcome.committed) {
    const moved = planPullCheck('issue_comment', await getPull(github, session.where, pull.number), { base: null, head: null }, { apiOnly: true });
    checked = await checkPlan(session, moved, checked);
  }
  await finish(session, pull, checked.report, [outcome.section], { gate: false, create: true });
  return checked.report;
}
