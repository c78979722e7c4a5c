import { planRun, type RunContext } from '../../src/action/event.js';
import { INPUT_DEFAULTS, isStrictBranch, readInputs } from '../../src/action/inputs.js';
import { gateFor } from '../../src/action/pipeline.js';
import { ConfigError } from '../../src/errors.js';
import { pullPayload } from '../support/events.js';

const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);


const context = (eventName: string, payload: unknown, ref: string | null = null): RunContext => ({ eventName, payload, ref, sha: HEAD, repository: 'acme/plans' });
const noOverrides = { base: null, head: null };

describe('planRun', () => {
  test.each(['opened', 'synchronize', 'reopened', 'edited', 'labeled', 'unlabeled', 'ready_for_review'])('pull_request %s compares the merge base of base and head', async (action) => {
    const plan = await planRun(context('pull_request', pullPayload({ action })), noOverrides);
    expect(plan).toMatchObject({ kind: 'check', base: BASE, head: HEAD, useMergeBase: true, targetRef: 'main', apiOnly: false });
  });

  test('the config is read from the target branch tip (pull_request.base.sha) even when the base input overrides the diff', async () => {
    expect(await planRun(context('pull_request', pullPayload()), noOverrides)).toMatchObject({ configRevision: BASE });
    expect(await planRun(context('pull_request', pullPayload()), { base: 'origin/release', head: null })).toMatchObject({ base: 'origin/release', configRevision: BASE });
    const group = { merge_group: { base_sha: BASE, head_sha: HEAD, base_ref: 'refs/heads/main' } };
    expect(await planRun(context('merge_group', group), noOverrides)).toMatchObject({ base: BASE, head: HEAD, configRevision: BASE });
    expect(await planRun(context('push', { before: BASE, after: HEAD, ref: 'refs/heads/main' }), noOverrides)).toMatchObject({ configRevision: HEAD });
  });

  test.each(['--upload-pack=touch /tmp/x', '-x', 'main..feature', 'a b', 'main\n--exec', ''.padEnd(300, 'a')])('the base input %j is refused before any git command', async (base) => {
    await expect(planRun(context('push', { before: BASE, after: HEAD, ref: 'refs/heads/main' }), { base, head: null })).rejects.toThrow(/input "base" is ".*", which is not a revision/s);
  });

  test.each(['origin/main', 'HEAD~1', 'v1.2^{commit}', 'release/2025-12', BASE])('the base input %j is a revision', async (base) => {
    expect(await planRun(context('push', { before: BASE, after: HEAD, ref: 'refs/heads/main' }), { base, head: null })).toMatchObject({ base });
  });

  test('an event SHA that is not a SHA is refused', async () => {
    await expect(planRun(context('push', { before: '--upload-pack=x', after: HEAD, ref: 'refs/heads/main' }), noOverrides)).rejects.toThrow(/the event's before is "--upload-pack=x", not a commit SHA/);
  });

  test.each(['closed', 'assigned', 'review_requested'])('pull_request %s is not applicable (passes)', async (action) => {
    expect(await planRun(context('pull_request', pullPayload({ action })), noOverrides)).toMatchObject({ kind: 'not-applicable' });
  });

  test('pull_request_target reads through the API only and takes strictness from the base ref, not GITHUB_REF', async () => {
    const plan = await planRun(context('pull_request_target', pullPayload(), 'refs/heads/unrelated'), noOverrides);
    expect(plan).toMatchObject({ kind: 'check', apiOnly: true, targetRef: 'main' });
  });

  test('a fork pull request is recognised by its head repository', async () => {
    const plan = await planRun(context('pull_request', pullPayload({ fork: true, labels: ['doc-sync:skip'] })), noOverrides);
    expect(plan.kind === 'check' && plan.pull).toMatchObject({ fork: true, labels: ['doc-sync:skip'], headRepo: 'someone/plans' });
  });

  test('push compares before → after; new and deleted branches are not applicable', async () => {
    const zero = '0'.repeat(40);
    expect(await planRun(context('push', { before: BASE, after: HEAD, ref: 'refs/heads/release/1.0' }), noOverrides)).toMatchObject({
      kind: 'check',
      base: BASE,
      head: HEAD,
      useMergeBase: false,
      targetRef: 'refs/heads/release/1.0',
    });
    expect(await planRun(context('push', { before: zero, after: HEAD, ref: 'refs/heads/new' }), noOverrides)).toMatchObject({ kind: 'not-applicable', reason: /new branch/ });
    expect(await planRun(context('push', { before: BASE, after: zero, ref: 'refs/heads/gone', deleted: true }), noOverrides)).toMatchObject({ kind: 'not-applicable', reason: /deleted/ });
  });

  test('merge_group compares the queue base with the group head', async () => {
    const payload = { merge_group: { base_sha: BASE, head_sha: HEAD, base_ref: 'refs/heads/main' } };
    expect(await planRun(context('merge_group', payload), noOverrides)).toMatchObject({ kind: 'check', base: BASE, head: HEAD, targetRef: 'refs/heads/main' });
  });

  test('workflow_dispatch takes base/head from workflow inputs or action inputs, and needs a base', async () => {
    expect(await planRun(context('workflow_dispatch', { inputs: { base: 'v1.0' } }, 'refs/heads/main'), noOverrides)).toMatchObject({ base: 'v1.0', head: HEAD });
    expect(await planRun(context('workflow_dispatch', { inputs: {} }), { base: 'main~3', head: 'main' })).toMatchObject({ base: 'main~3', head: 'main' });
    await expect(planRun(context('workflow_dispatch', { inputs: {} }), noOverrides)).rejects.toThrow(/needs a base revision/);
  });

  test.each(['issues', 'schedule', 'release'])('%s is not applicable, with the reason', async (event) => {
    expect(await planRun(context(event, {}), noOverrides)).toMatchObject({ kind: 'not-applicable', reason: new RegExp(`not ${event}`) });
  });

  const SUFFIX = "; is GITHUB_EVENT_PATH the runner's event file?";
  test.each([
    ['pull_request', { action: 'opened', pull_request: { number: '1' } }, 'the pull_request event payload is missing number (Invalid input: expected number, received string)'],
    ['push', { before: 1 }, 'the push event payload is missing before (Invalid input: expected string, received number)'],
    ['merge_group', { merge_group: {} }, 'the merge_group event payload is missing merge_group.base_sha (Invalid input: expected string, received undefined)'],
    ['workflow_dispatch', { inputs: 3 }, 'the workflow_dispatch event payload is missing inputs (Invalid input: expected record, received number)'],
    ['issue_comment', { action: 'created' }, 'the issue_comment event payload is missing issue (Invalid input: expected object, received undefined)'],
    ['issue_comment', { action: 'created', issue: { number: 1, pull_request: {} }, comment: { id: 'x', user: null } }, 'the issue_comment event payload is missing comment.id (Invalid input: expected number, received string)'],
  ])('a malformed %s payload reads exactly as before', async (event, payload, message) => {
    await expect(planRun(context(event, payload), noOverrides)).rejects.toThrow(new ConfigError(message + SUFFIX));
  });

  test('a comment with a null body is no command; one with a command is', async () => {
    const comment = (body: string | null) => ({ action: 'created', issue: { number: 1, pull_request: {} }, comment: { id: 1, body, user: { login: 'a', type: 'User' } } });
    expect(await planRun(context('issue_comment', comment(null)), noOverrides)).toEqual({ kind: 'not-applicable', reason: 'the comment has no /doc-sync command' });
    expect(await planRun(context('issue_comment', comment('/doc-sync fix a')), noOverrides)).toEqual({ kind: 'command', command: { name: 'fix', rules: ['a'] }, issueNumber: 1, commentId: 1, commenter: 'a', commentCreatedAt: null });
  });

  test('a payload that is not a pull request event says which field is missing', async () => {
    await expect(planRun(context('pull_request', { action: 'opened' }), noOverrides)).rejects.toThrow(/payload is missing pull_request/);
  });
});

describe('inputs', () => {
  const inputs = (given: Record<string, string>) => readInputs((name) => given[name] ?? '');

  test('empty inputs take the documented defaults', () => {
    expect(inputs({})).toMatchObject({ comment: 'always', 'fail-on': 'error', 'skip-label': 'doc-sync:skip', 'auto-open-backlog': 'off', 'strict-branches': [], config: null, source: 'auto' });
  });

  test('strict branches are a comma or newline list of globs', () => {
    const parsed = inputs({ 'strict-branches': 'release/**,\n hotfix/*\n' });
    expect(parsed['strict-branches']).toEqual(['release/**', 'hotfix/*']);
    expect(isStrictBranch('refs/heads/release/2.0/rc', parsed['strict-branches'])).toBe(true);
    expect(isStrictBranch('hotfix/x', parsed['strict-branches'])).toBe(true);
    expect(isStrictBranch('main', parsed['strict-branches'])).toBe(false);
    expect(isStrictBranch(null, parsed['strict-branches'])).toBe(false);
  });

  test.each([
    ['comment', 'sometimes', /input "comment" is invalid.*always, on-failure, never.*got "sometimes"/],
    ['fail-on', 'fatal', /input "fail-on" is invalid.*error, warning, never/],
    ['auto-open-backlog', 'yes', /input "auto-open-backlog".*off, suggest, commit, pull-request/],
  ])('a bad %s names the input and its values', (name, value, message) => {
    expect(() => inputs({ [name]: value })).toThrow(message);
  });

  // zod's own wording is part of the message: pinned whole, so a change of schema library
  // (the inputs and the event use zod/mini, with English installed) cannot change it.
  test.each([
    [{ comment: 'sometimes' }, 'input "comment" is invalid: Invalid option: expected one of "always"|"on-failure"|"never"; use one of always, on-failure, never (got "sometimes")'],
    [{ 'fail-on': 'warnings' }, 'input "fail-on" is invalid: Invalid option: expected one of "error"|"warning"|"never"; use one of error, warning, never (got "warnings")'],
    [{ source: ' SVN ' }, 'input "source" is invalid: Invalid option: expected one of "auto"|"git"|"api"; use one of auto, git, api (got " SVN ")'],
  ])('a bad input reads exactly as before: %j', (given, message) => {
    expect(() => inputs(given)).toThrow(new ConfigError(message));
  });

  test('inputs are trimmed, choices lower-cased, empty paths null', () => {
    expect(inputs({ comment: ' On-Failure ', 'skip-label': ' skip ', 'summary-path': '  ', base: ' main ', source: 'API' })).toMatchObject({
      comment: 'on-failure',
      'skip-label': 'skip',
      'summary-path': null,
      base: 'main',
      source: 'api',
    });
  });

  test('every input has a default that action.yml declares', async () => {
    const { readFile } = await import('node:fs/promises');
    const { parse } = await import('yaml');
    const action = parse(await readFile('action.yml', 'utf8')) as { inputs: Record<string, { default: string }>; runs: { using: string; main: string } };
    expect(Object.keys(action.inputs).sort()).toEqual(Object.keys(INPUT_DEFAULTS).sort());
    for (const [name, value] of Object.entries(INPUT_DEFAULTS)) {
      if (name !== 'token') expect([name, action.inputs[name]!.default]).toEqual([name, value]);
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  test('strict branches fail on warnings and count pre-existing drift; fail-on never stays never', () => {
    const strict = inputs({ 'strict-branches': 'release/**' });
    expect(gateFor(strict, 'release/1')).toEqual({ failOn: 'warning', strict: true });
    expect(gateFor(strict, 'main')).toEqual({ failOn: 'error', strict: false });
    expect(gateFor({ ...strict, 'fail-on': 'never' }, 'release/1')).toEqual({ failOn: 'never', strict: true });
  });
});
