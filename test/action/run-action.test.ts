import { runAction } from '../../src/action/main.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { reportSchema } from '../../src/report/report.js';
import { GitHubScenario, RecordingRuntime } from '../support/action-harness.js';
import { BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { pullPayload } from '../support/events.js';

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const base = consistentTree(tasks);
/** The board says Done; the CSV and the plan still say In Progress. */
const drifted = { [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
const synced = {
  ...drifted,
  [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
  [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
};

async function run(scenario: GitHubScenario, env: Record<string, string>, inputs: Record<string, string> = {}) {
  const runtime = new RecordingRuntime({ token: 'test-token', ...inputs });
  const report = await runAction(runtime, { ...env, RUNNER_TEMP: scenario.emptyWorkspace() }, { throttle: false });
  return { ...runtime.result(), report, runtime };
}

describe('the action against the fake GitHub (in process)', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await GitHubScenario.start(base);
  });
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  function openPull(files: Record<string, string>, overrides: Parameters<typeof pullPayload>[0] = {}) {
    scenario.repo.commitFiles('feature', files, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature', ...(overrides.labels ? { labels: overrides.labels } : {}) });
    return { pull, payload: pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha, ...overrides }) };
  }

  test('a drifting pull request fails, comments once, and a re-run with the same result edits nothing', async () => {
    const { pull, payload } = openPull(drifted);
    const env = scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha));
    const first = await run(scenario, env);
    expect(first.exitCode).toBe(1);
    expect(first.outputs.result).toBe('fail');
    expect(Number(first.outputs.errors)).toBeGreaterThan(0);
    expect(reportSchema.parse(JSON.parse(first.outputs.report!))).toEqual(first.report);
    expect(first.annotations.some((note) => note.level === 'error' && note.target?.file === 'docs/taskboard/TaskBoard.csv')).toBe(true);
    const comments = scenario.repo.commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain(COMMENT_MARKER);
    expect(comments[0]!.body).toContain('status-mismatch-md-csv');
    expect(first.outputs['comment-id']).toBe(String(comments[0]!.id));
    expect(first.summary).toContain('**Introduced by this change**');
    expect(first.summary).toContain('`status-mismatch-md-csv`');

    const again = await run(scenario, env);
    expect(again.exitCode).toBe(1);
    expect(scenario.github.count('issues/create-comment')).toBe(1);
    expect(scenario.github.count('issues/update-comment')).toBe(0);
    expect(again.log).toContain('already shows this result');
  });

  test('a fixed pull request edits the comment to a one-line pass verdict (history kept, no new comment)', async () => {
    const { pull, payload } = openPull(drifted);
    await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)));
    const fixedHead = scenario.repo.commitFiles('feature', synced);
    const fixed = await run(scenario, scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head: fixedHead }), scenario.workspace(fixedHead)));
    expect(fixed.exitCode).toBe(0);
    expect(scenario.github.count('issues/create-comment')).toBe(1);
    expect(scenario.github.count('issues/update-comment')).toBe(1);
    expect(scenario.repo.commentsOn(pull.number)[0]!.body).toContain('### ✅ doc-sync: pass. The planning docs changed consistently.');
  });

  test('a clean first run says nothing (comment: always creates only when there is something to say)', async () => {
    const { pull, payload } = openPull(synced);
    const clean = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)));
    expect(clean.exitCode).toBe(0);
    expect(clean.outputs.result).toBe('pass');
    expect(scenario.repo.commentsOn(pull.number)).toHaveLength(0);
    expect(clean.outputs['comment-id']).toBe('');
  });

  test('the skip label counts only when someone with write access added it', async () => {
    const { pull, payload } = openPull(drifted, { labels: ['doc-sync:skip'] });
    const env = scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha));
    scenario.repo.addLabelEvent({ issueNumber: pull.number, label: 'doc-sync:skip', actor: { login: 'drive-by', type: 'User' } });
    scenario.repo.permissions.set('drive-by', 'read');
    const ignored = await run(scenario, env);
    expect(ignored.exitCode).toBe(1);
    expect(ignored.annotations.some((note) => /label is ignored: @drive-by/.test(note.message))).toBe(true);

    scenario.repo.addLabelEvent({ issueNumber: pull.number, label: 'doc-sync:skip', actor: { login: 'lead', type: 'User' } });
    scenario.repo.permissions.set('lead', 'maintain');
    const skipped = await run(scenario, env);
    expect(skipped.exitCode).toBe(0);
    expect(skipped.report?.skipped).toEqual({ label: 'doc-sync:skip', by: 'lead' });
    expect(skipped.report?.findings.length).toBeGreaterThan(0);
    expect(scenario.repo.commentsOn(pull.number).at(-1)!.body).toContain('doc-sync: skipped. @lead added the "doc-sync:skip" label');
  });

  test('a fork pull request with a read-only token still checks, fails the check and explains the missing comment', async () => {
    const { pull, payload } = openPull(drifted, { fork: true });
    scenario.repo.readOnly = true;
    const fork = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)));
    expect(fork.exitCode).toBe(1);
    expect(fork.runtime.failed).toMatch(/^doc-sync: FAIL/);
    expect(fork.summary).toContain('status-mismatch-md-csv');
    expect(fork.annotations.some((note) => note.level === 'warning' && /token is read-only \(this pull request comes from a fork\)/.test(note.message))).toBe(true);
    expect(scenario.repo.commentsOn(pull.number)).toHaveLength(0);
  });

  test('pull_request_target never uses the workspace: it reads base and head through the API', async () => {
    const { payload } = openPull(drifted);
    // A workspace that is not a checkout of this repository at all.
    const env = scenario.eventEnv('pull_request_target', payload, scenario.emptyWorkspace());
    const target = await run(scenario, env);
    expect(target.exitCode).toBe(1);
    expect(target.log).toContain('reading files through the GitHub API');
    expect(scenario.github.count('pulls/list-files')).toBe(1);
    expect(scenario.github.count('git/get-tree')).toBe(1);
    expect(target.report?.findings.map((finding) => finding.rule)).toContain('status-mismatch-md-csv');
  });

  test('a shallow checkout is deepened, and said so', async () => {
    const { pull, payload } = openPull(drifted);
    const shallow = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha, { depth: 1 })));
    expect(shallow.log).toMatch(/The checkout is shallow; running git fetch .*--unshallow/);
    expect(shallow.report?.findings.map((finding) => finding.rule)).toContain('status-mismatch-md-csv');
  });

  test('events it does not check pass with a notice; a bad input fails with one sentence', async () => {
    const other = await run(scenario, scenario.eventEnv('schedule', {}, scenario.emptyWorkspace()));
    expect(other.exitCode).toBe(0);
    expect(other.outputs.result).toBe('pass');
    expect(other.annotations[0]!.message).toMatch(/^Not applicable: .* not schedule\. The check passes\.$/);
    const bad = await run(scenario, scenario.eventEnv('schedule', {}, scenario.emptyWorkspace()), { 'fail-on': 'sometimes' });
    expect(bad.runtime.failed).toBe('doc-sync could not check: input "fail-on" is invalid: Invalid option: expected one of "error"|"warning"|"never"; use one of error, warning, never (got "sometimes")');
  });

  test('the config comes from the base commit, so a pull request cannot switch its own gate off', async () => {
    const { pull, payload } = openPull({ ...drifted, '.github/doc-sync.yml': 'rules:\n  status-mismatch-md-csv: off\n  status-mismatch-plan: off\n' });
    const result = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)));
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('Config: none found, using the defaults');
  });
});
