/**
 * End to end: the bundled dist/index.js as its own process, exactly as the runner starts
 * it (INPUT_* variables, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), against
 * the fake GitHub that validates every request against GitHub's REST description.
 */
import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { DIST_INDEX, GitHubScenario, runDist } from '../support/action-harness.js';
import { BACKLOG, BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { commentPayload, pullPayload } from '../support/events.js';

jest.setTimeout(60_000);

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const base = consistentTree(tasks);
const drifted = { [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
const inputs = { token: 'ghs_e2e-secret-token', comment: 'always', 'fail-on': 'error', 'skip-label': 'doc-sync:skip', 'auto-open-backlog': 'off', source: 'auto' };

describe('dist/index.js end to end', () => {
  let scenario: GitHubScenario;
  beforeAll(() => {
    if (!existsSync(DIST_INDEX)) throw new Error('dist/index.js is missing: run "npm run bundle"');
  });
  beforeEach(async () => {
    scenario = await GitHubScenario.start(base);
  });
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  const open = (files: Record<string, string | null>, overrides: Parameters<typeof pullPayload>[0] = {}) => {
    scenario.repo.commitFiles('feature', files, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    return { pull, payload: pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha, ...overrides }) };
  };

  test('pull_request: fails, posts the comment, writes outputs and summary; the next push edits the same comment', async () => {
    const { pull, payload } = open(drifted);
    const first = await runDist(scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), inputs);
    expect(first.exitCode).toBe(1);
    expect(first.log).not.toContain('ghs_e2e-secret-token');
    expect(first.log).not.toMatch(/\n\s+at .*\(.*\.js:\d+/);
    expect(first.outputs).toMatchObject({ result: 'fail', 'comment-url': expect.stringContaining(`/pull/${pull.number}#issuecomment-`) });
    expect(JSON.parse(first.outputs.report!)).toMatchObject({ schemaVersion: 1, result: 'fail', head: pull.head.sha });
    expect(first.summary).toContain('doc-sync: FAIL');
    expect(first.annotations.map((note) => note.level)).toContain('error');
    const [comment] = scenario.repo.commentsOn(pull.number);
    expect(comment!.body.startsWith(COMMENT_MARKER)).toBe(true);
    // file:line links to the line at the pull request's head.
    expect(comment!.body).toContain(`- ❌ [\`docs/taskboard/TaskBoard.csv:2\`](https://github.example/acme/plans/blob/${pull.head.sha}/docs/taskboard/TaskBoard.csv?plain=1#L2) `);
    expect(comment!.body).toMatch(/TaskBoard\.csv\?plain=1#L2\) .*`status-mismatch-md-csv`.* ST-B-001 is /);
    expect(comment!.user.login).toBe('github-actions[bot]');

    const head = scenario.repo.commitFiles('feature', { [CSV]: csv([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002' }]) });
    const second = await runDist(scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head }), scenario.workspace(head)), inputs);
    expect(second.exitCode).toBe(1);
    expect(scenario.github.count('issues/create-comment')).toBe(1);
    expect(scenario.github.count('issues/update-comment')).toBe(1);
    expect(second.outputs['comment-id']).toBe(String(comment!.id));
    expect(scenario.repo.commentsOn(pull.number)).toHaveLength(1);
    expect(scenario.repo.commentsOn(pull.number)[0]!.body).toContain('Blocked');
  });

  test('strict branch and fail-on warning: a pull request whose only findings are warnings fails on a strict branch or with fail-on warning, and passes otherwise', async () => {
    // The drift rules are warnings in main's config, so the pull request has no error at all.
    scenario.repo.commitFiles('main', { '.github/doc-sync.yml': 'rules:\n  status-mismatch-md-csv: warning\n  status-mismatch-plan: warning\n' });
    const { pull, payload } = open(drifted);
    const env = scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha));
    const relaxed = await runDist(env, { ...inputs, comment: 'never' });
    expect(relaxed.outputs).toMatchObject({ result: 'pass', errors: '0' });
    expect(Number(relaxed.outputs.warnings)).toBeGreaterThan(0);
    expect(relaxed.exitCode).toBe(0);
    // fail-on: warning on any branch fails the same warnings-only change.
    const warned = await runDist(env, { ...inputs, comment: 'never', 'fail-on': 'warning' });
    expect(warned.outputs).toMatchObject({ result: 'fail', errors: '0' });
    expect(warned.exitCode).toBe(1);
    const strict = await runDist(env, { ...inputs, comment: 'never', 'strict-branches': 'main, release/**' });
    expect(strict.outputs).toMatchObject({ result: 'fail', errors: '0' });
    expect(strict.exitCode).toBe(1);
    expect(strict.log).toContain('main is a strict branch: warnings and pre-existing drift in touched tasks fail too.');
  });

  test('a pull request over GitHub\'s 3,000-file list cap is read from the head tree, not a cut-short list', async () => {
    const bulk = Object.fromEntries(Array.from({ length: 3500 }, (_, index) => [`src/generated/file-${index}.ts`, `export const n = ${index};\n`]));
    // No changed_files in the payload: the cap is detected from the listing itself.
    const { payload } = open({ ...bulk, ...drifted }, { changedFiles: 0 });
    (payload.pull_request as Record<string, unknown>).changed_files = 0;
    const result = await runDist(scenario.eventEnv('pull_request', payload, scenario.emptyWorkspace()), { ...inputs, source: 'api' });
    expect(result.log).toMatch(/Not using the pull request's file list: GitHub listed 3000 files, its cap/);
    expect(scenario.github.count('git/get-tree')).toBe(2);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.outputs.report!).findings.map((finding: { rule: string }) => finding.rule)).toContain('status-mismatch-md-csv');
  });

  test('a fork pull request (read-only token): the check still fails, no crash on the 403, the log says how to comment', async () => {
    const { pull, payload } = open(drifted, { fork: true });
    scenario.repo.readOnly = true;
    const result = await runDist(scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), inputs);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.result).toBe('fail');
    expect(result.log).toMatch(/::warning title=doc-sync comment::Could not write the pull request comment: the token is read-only \(this pull request comes from a fork\)/);
    expect(result.summary).toContain('status-mismatch-md-csv');
    expect(scenario.repo.commentsOn(pull.number)).toHaveLength(0);
  });

  test('two runs racing leave exactly one comment', async () => {
    const { pull, payload } = open(drifted);
    const env = scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha));
    // Force the race: the first comment is written only after both runs looked and found none.
    scenario.repo.beforeOperation(
      'issues/create-comment',
      async () => {
        while (scenario.github.count('issues/list-comments') < 2) await new Promise((done) => setTimeout(done, 10));
      },
      { times: 1 },
    );
    const [a, b] = await Promise.all([runDist(env, inputs), runDist(env, inputs)]);
    expect([a.exitCode, b.exitCode]).toEqual([1, 1]);
    expect(scenario.github.count('issues/create-comment')).toBe(2);
    expect(scenario.github.count('issues/delete-comment')).toBeGreaterThanOrEqual(1);
    const comments = scenario.repo.commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    // The older comment wins.
    expect(comments[0]!.id).toBe(Math.min(...[a, b].map((run) => Number(run.outputs['comment-id']))));
  });

  test('pull_request_target without a checkout reads everything through the API', async () => {
    const { payload } = open(drifted);
    const result = await runDist(scenario.eventEnv('pull_request_target', payload, scenario.emptyWorkspace()), inputs);
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain('reading files through the GitHub API');
    expect(result.log).toMatch(/GitHub API requests made: \d+\./);
    expect(scenario.github.count('repos/compare-commits-with-basehead')).toBe(1);
    expect(scenario.repo.commentsOn(payload.number as number)).toHaveLength(1);
  });

  test('issue_comment "/doc-sync backlog": a maintainer command commits the row and answers in the sticky comment', async () => {
    const all = [...tasks, { id: 'ST-B-003', status: 'Ready' }];
    const { pull } = open({ [BOARD]: board(all), [CSV]: csv(all), [planPath('B')]: plan('B', all), [sessionPath(1)]: sessionLog(['ST-B-003']) });
    const checked = pull.head.sha;
    scenario.repo.permissions.set('maintainer', 'maintain');
    const body = 'Looks good.\n/doc-sync backlog ST-B-003';
    const comment = scenario.repo.addComment({ issueNumber: pull.number, body, user: { login: 'maintainer', type: 'User' } });
    const result = await runDist(scenario.eventEnv('issue_comment', commentPayload({ number: pull.number, commentId: comment.id, body }), scenario.emptyWorkspace()), inputs);
    expect(result.exitCode).toBe(0);
    expect(comment.reactions.map((reaction) => reaction.content)).toEqual(['eyes']);
    const head = scenario.repo.resolveCommit('feature')!;
    expect(scenario.repo.git('rev-parse', `${head}^`)).toBe(checked);
    expect(scenario.repo.git('show', `${head}:${BACKLOG}`)).toMatch(/^\| ST-B-003 \| Plan B \| Title of ST-B-003 \|/m);
    const sticky = scenario.repo.commentsOn(pull.number).filter((item) => item.user.type === 'Bot');
    expect(sticky).toHaveLength(1);
    expect(sticky[0]!.body).toContain('doc-sync committed 1 backlog row (ST-B-003)');
    expect(result.log).toContain('do not start new workflow runs');
  });
});
