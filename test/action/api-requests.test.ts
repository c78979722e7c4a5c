import { runAction } from '../../src/action/main.js';
import { GitHubScenario, RecordingRuntime } from '../support/action-harness.js';
import { BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { commentPayload, pullPayload } from '../support/events.js';

/**
 * The API requests of a bot run that commits, per operation: what the check read is
 * handed to the bot, so nothing is read twice. Before the bot reused the check
 * (issue 11), the same runs made 18 and 47 requests.
 */
const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const withNewTask = () => {
  const all = [...tasks, { id: 'ST-B-003', status: 'Ready', deliverable: 'docs/guide.md' }];
  return { [BOARD]: board(all), [CSV]: csv(all), [planPath('B')]: plan('B', all), [sessionPath(1)]: sessionLog(['ST-B-003']) };
};

describe('API requests of a commit-mode bot run', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
    scenario.repo.permissions.set('maintainer', 'write');
    scenario.repo.commitFiles('feature', withNewTask(), { from: 'main' });
  });
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });
  const tally = () => {
    const counts: Record<string, number> = {};
    for (const request of scenario.github.requests) counts[request.operationId] = (counts[request.operationId] ?? 0) + 1;
    return counts;
  };
  const run = async (env: Record<string, string>, inputs: Record<string, string>) => {
    const runtime = new RecordingRuntime({ token: 'test-token', ...inputs });
    await runAction(runtime, { ...env, RUNNER_TEMP: scenario.emptyWorkspace() }, { throttle: false });
    expect(runtime.failed).toBeNull();
  };

  test('auto-open-backlog: commit with a checkout reads nothing through the API: 12 requests, all of them writes and the comment', async () => {
    const pull = scenario.repo.addPull({ head: 'feature' });
    await run(scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }), scenario.workspace(pull.head.sha)), { 'auto-open-backlog': 'commit' });
    expect(tally()).toEqual({
      // Read the branch, then again right before moving it (compare and swap).
      'git/get-ref': 2,
      'git/get-commit': 1,
      'git/create-blob': 2,
      'git/create-tree': 1,
      'git/create-commit': 1,
      'git/update-ref': 1,
      'users/get-authenticated': 1,
      'issues/list-comments': 2,
      'issues/create-comment': 1,
    });
  });

  test('/doc-sync backlog through the API: the re-check after the commit reads only what changed (32 requests)', async () => {
    const pull = scenario.repo.addPull({ head: 'feature' });
    const body = '/doc-sync backlog ST-B-003';
    const comment = scenario.repo.addComment({ issueNumber: pull.number, body, user: { login: 'maintainer', type: 'User' } });
    await run(scenario.eventEnv('issue_comment', commentPayload({ number: pull.number, commentId: comment.id, body, createdAt: comment.createdAt }), scenario.emptyWorkspace()), {});
    const counts = tally();
    expect(counts['git/get-blob']).toBe(10);
    expect(counts['git/get-tree']).toBe(3);
    expect(counts['pulls/list-files']).toBe(1);
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(32);
  });
});
