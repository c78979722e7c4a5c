import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../src/action/main.js';
import { createGitHubClient } from '../../src/adapters/github/client.js';
import { commitEdit } from '../../src/adapters/github/commit-edits.js';
import { StickyComment } from '../../src/adapters/github/sticky-comment.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { GitHubScenario, RecordingRuntime } from '../support/action-harness.js';
import { BACKLOG, BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { pullPayload } from '../support/events.js';

/** Issue 9: a pull request cannot weaken its own gate, and the bot never touches what it did not write. */

const CONFIG = '.github/doc-sync.yml';
const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
/** The board says Done; the CSV and the plan still say In Progress: status-mismatch errors. */
const drifted = { [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
const lenient = 'rules:\n  status-mismatch-md-csv: off\n  status-mismatch-plan: off\n  csv-not-updated: off\n  md-not-updated: off\n';
const withNewTask = () => {
  const all = [...tasks, { id: 'ST-B-003', status: 'Ready', deliverable: 'docs/guide.md' }];
  return { [BOARD]: board(all), [CSV]: csv(all), [planPath('B')]: plan('B', all), [sessionPath(1)]: sessionLog(['ST-B-003']) };
};

async function run(scenario: GitHubScenario, env: Record<string, string>, inputs: Record<string, string> = {}) {
  const runtime = new RecordingRuntime({ token: 'test-token', ...inputs });
  const report = await runAction(runtime, { ...env, RUNNER_TEMP: scenario.emptyWorkspace() }, { throttle: false });
  return { ...runtime.result(), report, runtime };
}

const rulesOf = (report: { findings: { rule: string }[] } | null) => [...new Set(report?.findings.map((finding) => finding.rule))].sort();

describe('9.1 the config comes from the tip of the target branch, the diff from the merge base', () => {
  let scenario: GitHubScenario;
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  test.each(['pull_request', 'pull_request_target'])('%s: a branch cut when the rules were off is judged by the config main has now', async (event) => {
    scenario = await GitHubScenario.start({ ...consistentTree(tasks), [CONFIG]: lenient });
    const oldMain = scenario.repo.resolveCommit('main')!;
    scenario.repo.commitFiles('main', { [CONFIG]: 'rules: {}\n' }, { message: 'turn the rules back on' });
    scenario.repo.commitFiles('feature', drifted, { from: oldMain });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const payload = pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha });
    const workspace = event === 'pull_request' ? scenario.workspace(pull.head.sha) : scenario.emptyWorkspace();
    const result = await run(scenario, scenario.eventEnv(event, payload, workspace));
    expect(result.log).toContain(`Config: ${CONFIG} at ${pull.base.sha.slice(0, 7)}`);
    // Still the three-dot diff: the change is compared with where the branch left main.
    expect(result.report?.base).toBe(oldMain);
    expect(rulesOf(result.report)).toContain('status-mismatch-md-csv');
    // The report says which config judged it: the target branch's, with no rule off.
    expect(result.report?.config).toEqual({ source: `${CONFIG} at ${pull.base.sha.slice(0, 7)}`, rulesOff: [] });
    expect(result.exitCode).toBe(1);
  });

  test('merge_group: the queued change cannot bring its own lenient config', async () => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
    const base = scenario.repo.resolveCommit('main')!;
    const head = scenario.repo.commitFiles('gh-readonly-queue/main/pr-7', { ...drifted, [CONFIG]: lenient }, { from: base });
    const payload = { action: 'checks_requested', merge_group: { head_sha: head, head_ref: 'refs/heads/gh-readonly-queue/main/pr-7', base_sha: base, base_ref: 'refs/heads/main' } };
    const result = await run(scenario, scenario.eventEnv('merge_group', payload, scenario.workspace(head)));
    expect(result.log).toContain('Config: none found, using the defaults');
    expect(result.log).toContain(`The change adds ${CONFIG}; it applies once the change is merged`);
    expect(result.exitCode).toBe(1);
  });

  test('a pull request that adds a config to a repository with planning documents: the config applies once merged', async () => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
    scenario.repo.commitFiles('feature', { ...drifted, [CONFIG]: lenient }, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const result = await run(scenario, scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }), scenario.workspace(pull.head.sha)));
    expect(result.log).toContain('it applies once the change is merged');
    expect(result.exitCode).toBe(1);
  });

  test('a pull request that breaks the config fails now, not once the broken config is the base', async () => {
    scenario = await GitHubScenario.start({ ...consistentTree(tasks), [CONFIG]: 'rules: {}\n' });
    scenario.repo.commitFiles('feature', { [CONFIG]: 'pathz:\n  board: x.md\n' }, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const result = await run(scenario, scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }), scenario.workspace(pull.head.sha)));
    expect(result.log).toMatch(/unknown key "pathz"/);
    expect(result.log).toContain('fix it first');
    expect(result.exitCode).not.toBe(0);
  });

  test('the first pull request (no config, no planning documents at the base) is judged by the config it adds', async () => {
    scenario = await GitHubScenario.start({ 'README.md': '# A new project\n' });
    // Custom paths: with the defaults nothing would be found at either end.
    const config = 'paths:\n  board: planning/Board.md\n  boardCsv: planning/Board.csv\n  backlog: planning/Backlog.md\n  plans: ["planning/plans/Plan*.md"]\n';
    const moved = Object.fromEntries(Object.entries(consistentTree(tasks)).map(([path, text]) => [path.replace(/^docs\/StateTrace_TaskBoard\.md$/, 'planning/Board.md').replace(/^docs\/taskboard\/TaskBoard\.csv$/, 'planning/Board.csv').replace(/^docs\/CODEX_BACKLOG\.md$/, 'planning/Backlog.md').replace(/^docs\/plans\//, 'planning/plans/'), text]));
    scenario.repo.commitFiles('feature', { ...moved, [CONFIG]: config }, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const result = await run(scenario, scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }), scenario.workspace(pull.head.sha)));
    expect(result.log).toContain('has no config and no planning documents, so there is no gate yet to loosen');
    expect(result.log).toContain(`Config: ${CONFIG} at ${pull.head.sha.slice(0, 7)}`);
    expect(result.report?.summary.filesParsed).toBeGreaterThan(0);
  });
});

describe('9.4 and 9.11: the bot commits by compare-and-swap and keeps file modes', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
  });
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  function openPull(files: Record<string, string>, options: { modes?: Record<string, '100644' | '100755' | '120000'> } = {}) {
    scenario.repo.commitFiles('feature', files, { from: 'main', ...options });
    const pull = scenario.repo.addPull({ head: 'feature' });
    return { pull, payload: pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }) };
  }

  test('a force-push that rewinds the branch while the bot writes is not undone', async () => {
    const kept = scenario.repo.commitFiles('feature', withNewTask(), { from: 'main' });
    scenario.repo.commitFiles('feature', { 'notes/mistake.md': 'the author removes this commit\n' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const payload = pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha });
    // The author force-pushes back to the first commit after the bot read the branch.
    scenario.repo.beforeOperation('git/create-commit', (_request, repo) => void repo.setBranch('feature', kept), { times: 1 });
    await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { 'auto-open-backlog': 'commit' });
    const head = scenario.repo.resolveCommit('feature')!;
    expect(scenario.repo.git('rev-parse', `${head}^`)).toBe(kept);
    expect(scenario.repo.git('ls-tree', '-r', '--name-only', head)).not.toContain('notes/mistake.md');
    expect(scenario.repo.git('show', `${head}:${BACKLOG}`)).toContain('| ST-B-003 |');
  });

  test('commit retries exhausted: a branch that moves on every attempt gets no commit, and the comment says so', async () => {
    const { pull, payload } = openPull(withNewTask());
    let pushes = 0;
    scenario.repo.beforeOperation('git/update-ref', (_request, repo) => void repo.commitFiles('feature', { [`notes/push-${(pushes += 1)}.md`]: 'busy\n' }));
    const result = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { 'auto-open-backlog': 'commit' });
    expect(scenario.github.count('git/update-ref')).toBe(3);
    expect(scenario.repo.git('show', `feature:${BACKLOG}`)).not.toContain('| ST-B-003 |');
    expect(scenario.repo.commentsOn(pull.number)[0]!.body).toContain('feature kept moving while doc-sync tried to commit (3 attempts)');
    expect(result.runtime.failed).toBeNull();
  });

  test('an executable backlog stays executable after the bot edits it', async () => {
    const { pull, payload } = openPull({ ...withNewTask(), [BACKLOG]: consistentTree(tasks)[BACKLOG]! }, { modes: { [BACKLOG]: '100755' } });
    const checked = pull.head.sha;
    await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(checked)), { 'auto-open-backlog': 'commit' });
    const head = scenario.repo.resolveCommit('feature')!;
    expect(scenario.repo.git('rev-parse', `${head}^`)).toBe(checked);
    expect(scenario.repo.git('ls-tree', head, BACKLOG).split(/\s/)[0]).toBe('100755');
  });

  test('a symbolic link is never written through: the edit is refused with the reason', async () => {
    scenario.repo.commitFiles('feature', { 'docs/link.md': 'CODEX_BACKLOG.md' }, { from: 'main', modes: { 'docs/link.md': '120000' } });
    const github = createGitHubClient('test-token', { baseUrl: scenario.github.url, log: () => undefined, throttle: false });
    const outcome = await commitEdit(github, { owner: 'acme', repo: 'plans' }, 'feature', 'edit', async () => ({ files: new Map([['docs/link.md', new TextEncoder().encode('new text\n')]]), detail: null }));
    expect(outcome).toMatchObject({ committed: false, reason: expect.stringContaining('docs/link.md is a symbolic link') });
    expect(scenario.github.count('git/create-commit')).toBe(0);
  });
});

describe('9.5 the sticky comment is only ever a comment doc-sync wrote', () => {
  let scenario: GitHubScenario;
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  async function start(identity: 'installation' | { login: string; type: 'User' }) {
    scenario = await GitHubScenario.start(consistentTree(tasks), { identity });
    scenario.repo.commitFiles('feature', drifted, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const github = createGitHubClient('test-token', { baseUrl: scenario.github.url, log: () => undefined, throttle: false });
    const sticky = new StickyComment(github, { owner: 'acme', repo: 'plans' }, pull.number, identity === 'installation' ? { bot: true } : { login: identity.login });
    return { pull, sticky };
  }
  const report = (text: string) => `${COMMENT_MARKER}\n### doc-sync: ${text}`;

  test('another bot quoting the marker, and codecov[bot] carrying it, are neither edited nor deleted', async () => {
    const { pull, sticky } = await start('installation');
    const quoting = scenario.repo.addComment({ issueNumber: pull.number, body: `> ${report('fail')}\n\nSee above.`, user: { login: 'helper-bot[bot]', type: 'Bot' } });
    const codecov = scenario.repo.addComment({ issueNumber: pull.number, body: `## Coverage\n${COMMENT_MARKER}\nno change`, user: { login: 'codecov[bot]', type: 'Bot' } });
    const outcome = await sticky.upsert(report('pass'), { create: true });
    expect(outcome.action).toBe('created');
    expect(outcome.removedDuplicates).toBe(0);
    const comments = scenario.repo.commentsOn(pull.number);
    expect(comments.map((comment) => comment.id)).toEqual([quoting.id, codecov.id, outcome.id]);
    expect(comments[0]!.body).toBe(quoting.body);
    expect(comments[1]!.body).toBe(codecov.body);
  });

  test('an App bot whose comment starts with the marker does not make github-actions[bot] delete or take it over', async () => {
    const { pull, sticky } = await start('installation');
    const other = scenario.repo.addComment({ issueNumber: pull.number, body: report('from another install'), user: { login: 'other-app[bot]', type: 'Bot' } });
    const ours = scenario.repo.addComment({ issueNumber: pull.number, body: report('fail'), user: { login: 'github-actions[bot]', type: 'Bot' } });
    const outcome = await sticky.upsert(report('pass'), { create: true });
    expect(outcome).toMatchObject({ action: 'updated', id: ours.id, removedDuplicates: 0 });
    expect(scenario.repo.commentsOn(pull.number).find((comment) => comment.id === other.id)!.body).toBe(other.body);
  });

  test('with a PAT, the owner pasting or quoting the report in a reply keeps the reply', async () => {
    const owner = { login: 'octocat', type: 'User' as const };
    const { pull, sticky } = await start(owner);
    const first = await sticky.upsert(report('fail'), { create: true });
    const quoted = scenario.repo.addComment({ issueNumber: pull.number, body: `> ${report('fail')}\n\nWhy does this fail?`, user: owner });
    const pasted = scenario.repo.addComment({ issueNumber: pull.number, body: `Pasting the report:\n${report('fail')}`, user: owner });
    const verbatim = scenario.repo.addComment({ issueNumber: pull.number, body: report('fail, pasted as is'), user: owner });
    const again = await sticky.upsert(report('pass'), { create: true });
    expect(again).toMatchObject({ action: 'updated', id: first.id, removedDuplicates: 0 });
    const bodies = new Map(scenario.repo.commentsOn(pull.number).map((comment) => [comment.id, comment.body]));
    expect(bodies.get(quoted.id)).toBe(quoted.body);
    expect(bodies.get(pasted.id)).toBe(pasted.body);
    expect(bodies.get(verbatim.id)).toBe(verbatim.body);
  });

  test('two runs racing to create: the newer copy by the same bot is removed', async () => {
    const { pull, sticky } = await start('installation');
    scenario.repo.beforeOperation('issues/create-comment', (_request, repo) => void repo.addComment({ issueNumber: pull.number, body: report('the other run'), user: { login: 'github-actions[bot]', type: 'Bot' } }), { times: 1 });
    const outcome = await sticky.upsert(report('pass'), { create: true });
    expect(outcome.removedDuplicates).toBe(1);
    expect(scenario.repo.commentsOn(pull.number)).toHaveLength(1);
  });
});

describe('9.9 revisions are validated before git sees them', () => {
  let scenario: GitHubScenario;
  afterEach(async () => {
    await scenario.close();
  });

  test.each(['--upload-pack=touch {marker}', '-c core.sshCommand=touch {marker}', 'main..feature', 'main feature'])('the base input %j is refused with one sentence; git never runs it', async (base) => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
    const marker = join(mkdtempSync(join(tmpdir(), 'doc-sync-marker-')), 'ran');
    const head = scenario.repo.commitFiles('main', drifted);
    const env = scenario.eventEnv('push', { before: scenario.repo.git('rev-parse', 'main^'), after: head, ref: 'refs/heads/main' }, scenario.workspace(head, { depth: 1 }));
    const result = await run(scenario, env, { base: base.replace('{marker}', marker) });
    expect(result.runtime.failed).toMatch(/^doc-sync could not check: input "base" is ".*", which is not a revision; give a commit SHA or a branch name/);
    expect(existsSync(marker)).toBe(false);
    expect(scenario.github.requests).toHaveLength(0);
  });
});
