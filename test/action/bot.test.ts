import { readFileSync } from 'node:fs';
import { BACKLOG_BRANCH, OPENED_RECORD } from '../../src/action/bot.js';
import { MAX_COMMAND_COMMENT, parseSlashCommand } from '../../src/action/commands.js';
import { runAction } from '../../src/action/main.js';
import { GitHubScenario, RecordingRuntime } from '../support/action-harness.js';
import { BACKLOG, BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { commentPayload, pullPayload } from '../support/events.js';

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const base = consistentTree(tasks);
/** ST-B-003 is new on every board, in Ready, and has no backlog row. */
const withNewTask = (...extra: { id: string; status?: string }[]) => {
  const all = [...tasks, { id: 'ST-B-003', status: 'Ready', deliverable: 'docs/guide.md' }, ...extra];
  return { [BOARD]: board(all), [CSV]: csv(all), [planPath('B')]: plan('B', all), [sessionPath(1)]: sessionLog(all.slice(2).map((task) => task.id)) };
};

async function run(scenario: GitHubScenario, env: Record<string, string>, inputs: Record<string, string> = {}) {
  const runtime = new RecordingRuntime({ token: 'test-token', ...inputs });
  const report = await runAction(runtime, { ...env, RUNNER_TEMP: scenario.emptyWorkspace() }, { throttle: false });
  return { ...runtime.result(), report, runtime };
}

const show = (scenario: GitHubScenario, revision: string, path: string) => scenario.repo.git('show', `${revision}:${path}`);
const backlogIds = (text: string) => [...text.matchAll(/^\| (ST-[A-Z]+-\d+) \|/gm)].map((match) => match[1]);

describe('slash command parsing', () => {
  test.each([
    ['/doc-sync recheck', { name: 'recheck' }],
    ['please\n/doc-sync fix csv-row-missing status-mismatch-md-csv', { name: 'fix', rules: ['csv-row-missing', 'status-mismatch-md-csv'] }],
    ['/doc-sync backlog ST-B-003, ST-AA-010', { name: 'backlog', ids: ['ST-B-003', 'ST-AA-010'] }],
    ['/doc-sync explain duplicate-id', { name: 'explain', rule: 'duplicate-id' }],
    ['/doc-sync frobnicate', { name: 'help', unknown: 'frobnicate' }],
    ['/doc-sync', { name: 'help', unknown: null }],
  ])('%j', async (body, command) => {
    expect(await parseSlashCommand(body)).toEqual(command);
  });

  test.each([
    ['Thanks!\n\n/doc-sync recheck', { name: 'recheck' }],
    ['/doc-sync fix\n\n```\n/doc-sync backlog ST-B-001\n```', { name: 'fix', rules: [] }],
    ['<!-- a note -->\n\n/doc-sync recheck', { name: 'recheck' }],
    ['  /DOC-SYNC Recheck  ', { name: 'recheck' }],
    // The tilde fence closes on its own kind: what follows is visible text.
    ['~~~\n```\n~~~\n/doc-sync fix', { name: 'fix', rules: [] }],
  ])('%j (a top-level paragraph)', async (body, command) => {
    expect(await parseSlashCommand(body)).toEqual(command);
  });

  test.each([
    '> /doc-sync fix',
    '```\n/doc-sync fix\n```',
    'run /doc-sync fix please',
    'nothing here',
    // What GitHub renders hidden or as code:
    '<!-- /doc-sync fix -->',
    '<!--\n/doc-sync fix\n-->',
    'Some text <!--\n/doc-sync fix\n--> more',
    '<pre>\n/doc-sync fix\n</pre>',
    '<details>\n\n```\n/doc-sync fix\n```\n\n</details>',
    'intro\n\n    /doc-sync fix',
    '````\n```\n/doc-sync fix\n```\n````',
    '~~~\n```\n/doc-sync fix\n```\n~~~',
    '`/doc-sync fix`',
    '- /doc-sync fix',
    '1. /doc-sync fix',
    '> quoting\n> /doc-sync fix',
    '# /doc-sync fix',
  ])('%j runs nothing', async (body) => {
    expect(await parseSlashCommand(body)).toBeNull();
  });

  test('a comment over 4 KiB runs nothing, and hostile Markdown is parsed fast', async () => {
    expect(await parseSlashCommand(`/doc-sync recheck\n\n${'x'.repeat(MAX_COMMAND_COMMENT)}`)).toBeNull();
    for (const unit of [' 1. ', '> ', '*a', '[a]', '`a']) {
      const body = `/doc-sync recheck\n\n${unit.repeat(Math.floor((MAX_COMMAND_COMMENT - 40) / unit.length))}`;
      const started = performance.now();
      expect(await parseSlashCommand(body)).toEqual({ name: 'recheck' });
      // Unbounded, 64 KiB of " 1. " takes micromark minutes; 4 KiB about a second on a slow runner.
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});

describe('the bot against the fake GitHub', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await GitHubScenario.start(base);
    scenario.repo.permissions.set('maintainer', 'write');
    scenario.repo.permissions.set('visitor', 'read');
  });
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  function openPull(files: Record<string, string>, fork = false) {
    scenario.repo.commitFiles('feature', files, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature', ...(fork ? { headRepo: 'someone/plans' } : {}) });
    return { pull, payload: pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha, fork }) };
  }

  test('commit: the missing backlog row is committed onto the branch, recorded, and shown in the comment', async () => {
    const { pull, payload } = openPull(withNewTask());
    const checked = pull.head.sha;
    const result = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(checked)), { 'auto-open-backlog': 'commit' });
    expect(result.report?.findings.find((finding) => finding.rule === 'backlog-entry-missing')?.taskId).toBe('ST-B-003');
    const head = scenario.repo.resolveCommit('feature')!;
    expect(head).not.toBe(checked);
    expect(scenario.repo.git('rev-parse', `${head}^`)).toBe(checked);
    expect(backlogIds(show(scenario, head, BACKLOG))).toEqual(['ST-B-003']);
    expect(show(scenario, head, BACKLOG)).toContain(`| ST-B-003 | Plan B | Title of ST-B-003 | | docs/guide.md | Opened by doc-sync from https://github.example/acme/plans/pull/${pull.number} |`);
    expect(JSON.parse(show(scenario, head, OPENED_RECORD)).opened).toEqual({ 'ST-B-003': `#${pull.number}` });
    expect(scenario.repo.commentsOn(pull.number)[0]!.body).toMatch(/doc-sync committed 1 backlog row \(ST-B-003\) onto `feature`/);
    expect(result.log).toContain('do not start new workflow runs');
  });

  test('commit: a push between read and write is kept; the rows land on top of it', async () => {
    const { pull, payload } = openPull(withNewTask());
    scenario.repo.beforeOperation('git/update-ref', (_request, repo) => void repo.commitFiles('feature', { 'notes/concurrent.md': 'pushed by a person\n' }), { times: 1 });
    await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { 'auto-open-backlog': 'commit' });
    const head = scenario.repo.resolveCommit('feature')!;
    expect(show(scenario, head, 'notes/concurrent.md')).toBe('pushed by a person');
    expect(backlogIds(show(scenario, head, BACKLOG))).toEqual(['ST-B-003']);
    expect(scenario.github.count('git/update-ref')).toBe(2);
  });

  test('commit on a fork falls back to suggest: the rows are in the comment, nothing is written', async () => {
    const { pull, payload } = openPull(withNewTask(), true);
    await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { 'auto-open-backlog': 'commit' });
    expect(scenario.github.count('git/create-commit')).toBe(0);
    const body = scenario.repo.commentsOn(pull.number)[0]!.body;
    expect(body).toContain('#### Backlog rows to add');
    expect(body).toContain('comes from a fork');
    expect(body).toMatch(/```markdown\n\| ST-B-003 \| Plan B \|/);
  });

  test('pull-request: two pushes in a row keep one pull request, no duplicate rows; a row a person removed is not reopened', async () => {
    const push = (files: Record<string, string>) => {
      const before = scenario.repo.resolveCommit('main')!;
      const after = scenario.repo.commitFiles('main', files);
      return scenario.eventEnv('push', { before, after, ref: 'refs/heads/main' }, scenario.workspace(after));
    };
    await run(scenario, push(withNewTask()), { 'auto-open-backlog': 'pull-request' });
    expect(scenario.repo.pulls.size).toBe(1);
    await run(scenario, push(withNewTask({ id: 'ST-B-004', status: 'Backlog' })), { 'auto-open-backlog': 'pull-request' });
    expect(scenario.repo.pulls.size).toBe(1);
    const branchHead = scenario.repo.resolveCommit(BACKLOG_BRANCH)!;
    expect(backlogIds(show(scenario, branchHead, BACKLOG))).toEqual(['ST-B-003', 'ST-B-004']);

    // A person removes ST-B-003's row on the bot branch; the next push must leave it out.
    const removed = show(scenario, branchHead, BACKLOG).split('\n').filter((line) => !line.startsWith('| ST-B-003 ')).join('\n');
    scenario.repo.commitFiles(BACKLOG_BRANCH, { [BACKLOG]: `${removed}\n` });
    await run(scenario, push(withNewTask({ id: 'ST-B-004', status: 'Backlog' }, { id: 'ST-B-005', status: 'Ready' })), { 'auto-open-backlog': 'pull-request' });
    expect(scenario.repo.pulls.size).toBe(1);
    expect(backlogIds(show(scenario, BACKLOG_BRANCH, BACKLOG))).toEqual(['ST-B-004', 'ST-B-005']);
    expect(Object.keys(JSON.parse(show(scenario, BACKLOG_BRANCH, OPENED_RECORD)).opened).sort()).toEqual(['ST-B-003', 'ST-B-004', 'ST-B-005']);
  });

  describe('slash commands', () => {
    const command = (number: number, body: string, login = 'maintainer', type: 'User' | 'Bot' = 'User', createdAt?: string) => {
      const comment = scenario.repo.addComment({ issueNumber: number, body, user: { login, type }, createdAt });
      return scenario.eventEnv('issue_comment', commentPayload({ number, commentId: comment.id, body, user: { login, type }, createdAt: comment.createdAt }), scenario.emptyWorkspace());
    };
    /** A comment written `minutes` after doc-sync last wrote its sticky comment on the pull request. */
    const minutesAfterSticky = (number: number, minutes: number) => {
      const sticky = scenario.repo.commentsOn(number).find((comment) => comment.user.type === 'Bot')!;
      return new Date(Date.parse(sticky.updatedAt) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    };

    test('/doc-sync backlog from a maintainer commits the rows, reacts, and answers in the sticky comment', async () => {
      const { pull } = openPull(withNewTask());
      const result = await run(scenario, command(pull.number, '/doc-sync backlog ST-B-003 ST-Z-999'));
      expect(result.exitCode).toBe(0);
      expect(scenario.repo.comments.find((comment) => comment.body.startsWith('/doc-sync'))!.reactions.map((reaction) => reaction.content)).toEqual(['eyes']);
      expect(backlogIds(show(scenario, 'feature', BACKLOG))).toEqual(['ST-B-003']);
      const sticky = scenario.repo.commentsOn(pull.number).filter((comment) => comment.user.type === 'Bot');
      expect(sticky).toHaveLength(1);
      expect(sticky[0]!.body).toContain('doc-sync committed 1 backlog row (ST-B-003)');
      expect(sticky[0]!.body).toContain('ST-Z-999 is on neither the Markdown board nor the CSV');
      // The comment shows the state after the commit: the backlog finding is gone.
      expect(sticky[0]!.body).not.toContain('`backlog-entry-missing`');
    });

    test('/doc-sync backlog from someone without write access is politely refused; nothing is written', async () => {
      const { pull } = openPull(withNewTask());
      await run(scenario, command(pull.number, '/doc-sync backlog ST-B-003', 'visitor'));
      expect(scenario.github.count('git/create-commit')).toBe(0);
      expect(scenario.github.count('repos/get-collaborator-permission-level')).toBe(1);
      expect(scenario.repo.commentsOn(pull.number).find((comment) => comment.user.type === 'Bot')!.body).toContain('@visitor, thanks, but `/doc-sync backlog` changes the repository');
    });

    test('/doc-sync fix commits the mechanical fixes, and the comment shows the clean result', async () => {
      const drift = { [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
      const { pull } = openPull(drift);
      await run(scenario, command(pull.number, '/doc-sync fix'));
      expect(show(scenario, 'feature', CSV)).toBe(csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]).replace(/\r\n$/, '').replace(/\n$/, ''));
      const body = scenario.repo.commentsOn(pull.number).find((comment) => comment.user.type === 'Bot')!.body;
      expect(body).toContain('Committed the fixes (1 row changed) onto `feature`');
      expect(body).toContain('doc-sync: pass');
    });

    test('/doc-sync fix from a reader, /doc-sync explain and an unknown command from anyone', async () => {
      const { pull } = openPull(withNewTask());
      const sticky = () => scenario.repo.commentsOn(pull.number).filter((comment) => comment.user.type === 'Bot');
      await run(scenario, command(pull.number, '/doc-sync fix', 'visitor'));
      expect(scenario.github.count('git/create-commit')).toBe(0);
      expect(sticky()[0]!.body).toContain('@visitor, thanks, but `/doc-sync fix` changes the repository');
      await run(scenario, command(pull.number, '/doc-sync explain duplicate-id', 'visitor', 'User', minutesAfterSticky(pull.number, 11)));
      expect(sticky()).toHaveLength(1);
      expect(sticky()[0]!.body).toContain('#### /doc-sync explain duplicate-id');
      expect(sticky()[0]!.body).toContain(readFileSync('docs/rules/duplicate-id.md', 'utf8').trim().split('\n')[0]);
      await run(scenario, command(pull.number, '/doc-sync frobnicate', 'visitor', 'User', minutesAfterSticky(pull.number, 11)));
      expect(sticky()[0]!.body).toContain('There is no command `frobnicate`');
      await run(scenario, command(pull.number, '/doc-sync recheck', 'visitor', 'User', minutesAfterSticky(pull.number, 11)));
      expect(sticky()[0]!.body).toContain('#### /doc-sync recheck');
    });

    test('a reader gets one command per pull request per 10 minutes: a stream of /doc-sync recheck runs one check', async () => {
      const { pull } = openPull(withNewTask());
      await run(scenario, command(pull.number, '/doc-sync recheck', 'visitor'));
      const checksAfterFirst = scenario.github.count('pulls/get');
      expect(checksAfterFirst).toBe(1);
      const before = scenario.repo.commentsOn(pull.number).find((comment) => comment.user.type === 'Bot')!.updatedAt;
      for (const minutes of [0, 3, 9]) {
        const skipped = await run(scenario, command(pull.number, '/doc-sync recheck', 'visitor', 'User', minutesAfterSticky(pull.number, minutes)));
        expect(skipped.exitCode).toBe(0);
        expect(skipped.log).toContain('commands from readers run at most once per 10 min per pull request');
      }
      // No check ran: the pull request was not even read, and the comment was not touched.
      expect(scenario.github.count('pulls/get')).toBe(checksAfterFirst);
      expect(scenario.github.count('git/get-tree') + scenario.github.count('git/get-blob')).toBeGreaterThan(0);
      expect(scenario.repo.commentsOn(pull.number).find((comment) => comment.user.type === 'Bot')!.updatedAt).toBe(before);
      const confused = scenario.repo.comments.filter((comment) => comment.reactions.some((reaction) => reaction.content === 'confused'));
      expect(confused).toHaveLength(3);
      // A writer is never held back.
      await run(scenario, command(pull.number, '/doc-sync recheck', 'maintainer', 'User', minutesAfterSticky(pull.number, 1)));
      expect(scenario.github.count('pulls/get')).toBe(checksAfterFirst + 1);
    });

    test('comments by bots (doc-sync included) and comments on issues are ignored without a request', async () => {
      const { pull } = openPull(withNewTask());
      const byBot = await run(scenario, command(pull.number, '/doc-sync fix', 'github-actions[bot]', 'Bot'));
      expect(byBot.annotations[0]!.message).toMatch(/written by a bot/);
      const body = '/doc-sync recheck';
      const onIssue = await run(scenario, scenario.eventEnv('issue_comment', commentPayload({ number: 99, commentId: 5, body, onIssue: true }), scenario.emptyWorkspace()));
      expect(onIssue.annotations[0]!.message).toMatch(/#99 is an issue, not a pull request/);
      expect(scenario.github.requests).toHaveLength(0);
    });
  });
});
