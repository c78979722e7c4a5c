import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runAction } from '../../src/action/main.js';
import { OUTPUT_NAMES } from '../../src/action/outputs.js';
import { publish, REPORT_OUTPUT_LIMIT } from '../../src/action/publish.js';
import { readInputs } from '../../src/action/inputs.js';
import { ConfigError } from '../../src/errors.js';
import { OPENED_RECORD, parseOpenedRecord } from '../../src/fix/backlog-rows.js';
import { reportSchema, type Report } from '../../src/report/report.js';
import { GitHubScenario, RecordingRuntime } from '../support/action-harness.js';
import { BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { commentPayload, pullPayload } from '../support/events.js';

/** Issue 11's missing negative tests: each failure ends as one sentence naming what to do. */

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const drifted = { [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
const withNewTask = () => {
  const all = [...tasks, { id: 'ST-B-003', status: 'Ready', deliverable: 'docs/guide.md' }];
  return { [BOARD]: board(all), [CSV]: csv(all), [planPath('B')]: plan('B', all), [sessionPath(1)]: sessionLog(['ST-B-003']) };
};
const encode = (text: string) => new TextEncoder().encode(text);

async function run(scenario: GitHubScenario, env: Record<string, string>, inputs: Record<string, string> = {}) {
  const runtime = new RecordingRuntime({ token: 'test-token', ...inputs });
  const report = await runAction(runtime, { ...env, RUNNER_TEMP: scenario.emptyWorkspace() }, { throttle: false });
  return { ...runtime.result(), report, failed: runtime.failed };
}

describe('the opened-rows record', () => {
  test.each([
    ['not json', 'is not valid JSON'],
    ['[]', 'should be {"opened"'],
    ['{}', 'opened'],
    ['{"opened": ["ST-B-003"]}', 'opened'],
    ['{"opened": {"ST-B-003": 12}}', 'opened.ST-B-003'],
  ])('%j is refused with a ConfigError naming the file', (text, says) => {
    expect(() => parseOpenedRecord(encode(text))).toThrow(ConfigError);
    expect(() => parseOpenedRecord(encode(text))).toThrow(new RegExp(`${OPENED_RECORD.replace(/\./g, '\\.')}.*${says.replace(/[.{"[\]]/g, '\\$&')}`));
  });

  test('a missing record is empty; a valid one is read as it is', () => {
    expect(parseOpenedRecord(null)).toEqual({ opened: {} });
    expect(parseOpenedRecord(encode('{"opened": {"ST-B-003": "#7"}}'))).toEqual({ opened: { 'ST-B-003': '#7' } });
  });
});

describe('the action fails with one sentence', () => {
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
    scenario.repo.permissions.set('maintainer', 'write');
  });
  afterEach(async () => {
    scenario.github.assertClean();
    await scenario.close();
  });

  function openPull(files: Record<string, string>) {
    scenario.repo.commitFiles('feature', files, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    return { pull, payload: pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }) };
  }

  test('an invalid opened-rows record on the branch stops the bot before it writes anything', async () => {
    const { pull, payload } = openPull({ ...withNewTask(), [OPENED_RECORD]: '{"opened": ["ST-B-001"]}\n' });
    const result = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { 'auto-open-backlog': 'commit' });
    expect(result.failed).toMatch(/^doc-sync could not check: \.github\/doc-sync\/backlog-opened\.json should be \{"opened"/);
    expect(scenario.github.count('git/create-commit')).toBe(0);
  });

  test('the bot without a token: a typed error, not "unexpected error"', async () => {
    const { pull, payload } = openPull(withNewTask());
    const result = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { token: '', 'auto-open-backlog': 'commit' });
    expect(result.failed).toBe('doc-sync could not check: the bot (auto-open-backlog and /doc-sync commands) needs a token; set the "token" input (it defaults to ${{ github.token }})');
    const body = '/doc-sync recheck';
    const comment = scenario.repo.addComment({ issueNumber: pull.number, body, user: { login: 'maintainer', type: 'User' } });
    const command = await run(scenario, scenario.eventEnv('issue_comment', commentPayload({ number: pull.number, commentId: comment.id, body }), scenario.emptyWorkspace()), { token: '' });
    expect(command.failed).toMatch(/^doc-sync could not check: the bot .* needs a token/);
    expect(scenario.github.requests).toHaveLength(0);
  });

  test('a tree GitHub truncated is never used as the file list', async () => {
    const { payload } = openPull(drifted);
    scenario.repo.beforeOperation('git/get-tree', (request) => ({ body: { sha: request.params.tree_sha, url: `${scenario.github.url}/tree`, tree: [], truncated: true } }));
    const result = await run(scenario, scenario.eventEnv('pull_request_target', payload, scenario.emptyWorkspace()));
    expect(result.failed).toMatch(/^doc-sync could not check: the repository tree at [0-9a-f]{7} is too large for one API listing \(GitHub truncated it\); check out the repository/);
    expect(result.report).toBeNull();
  });

  test('"source: git" without a checkout says to add actions/checkout', async () => {
    const { payload } = openPull(drifted);
    const workspace = scenario.emptyWorkspace();
    const result = await run(scenario, scenario.eventEnv('pull_request', payload, workspace), { source: 'git' });
    expect(result.failed).toBe(`doc-sync could not check: the "source: git" input needs a git checkout in ${workspace}; add an actions/checkout step with "fetch-depth: 0"`);
    expect(scenario.github.requests).toHaveLength(0);
  });

  test('a report too big for an output: the output is empty and the file holds the whole report', async () => {
    const { pull, payload } = openPull(drifted);
    const { report } = await run(scenario, scenario.eventEnv('pull_request', payload, scenario.workspace(pull.head.sha)), { comment: 'never' });
    const finding = report!.findings[0]!;
    const huge: Report = { ...report!, findings: Array.from({ length: 2000 }, (_, index) => ({ ...finding, line: index + 1, message: `${finding.message} ${'x'.repeat(300)}` })) };
    expect(JSON.stringify(huge).length).toBeGreaterThan(REPORT_OUTPUT_LIMIT);
    const runtime = new RecordingRuntime();
    const reportPath = join(mkdtempSync(join(tmpdir(), 'doc-sync-report-')), 'report.json');
    await publish({ runtime, report: huge, inputs: { comment: 'never' }, reportPath, github: null, where: { owner: 'acme', repo: 'plans' }, pull: null });
    expect(runtime.outputs.report).toBe('');
    expect(runtime.outputs['report-path']).toBe(reportPath);
    expect(reportSchema.parse(JSON.parse(readFileSync(reportPath, 'utf8')))).toEqual(huge);
    expect(runtime.lines.join('\n')).toMatch(/too big for an output; read it from the report-path file/);
  });
});

describe('output names: action.yml declares exactly what the action sets', () => {
  const declared = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> }).outputs).sort();
  const declaredInputs = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs).sort();
  let scenario: GitHubScenario;
  beforeEach(async () => {
    scenario = await GitHubScenario.start(consistentTree(tasks));
  });
  afterEach(async () => {
    await scenario.close();
  });

  test('a check and a not-applicable event set every declared output and nothing else', async () => {
    scenario.repo.commitFiles('feature', drifted, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const checked = await run(scenario, scenario.eventEnv('pull_request', pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha }), scenario.workspace(pull.head.sha)));
    expect(Object.keys(checked.outputs).sort()).toEqual(declared);
    const skipped = await run(scenario, scenario.eventEnv('pull_request', pullPayload({ action: 'closed' }), scenario.emptyWorkspace()));
    expect(Object.keys(skipped.outputs).sort()).toEqual(declared);
    expect([...OUTPUT_NAMES].sort()).toEqual(declared);
  });

  test('the inputs read are the inputs declared', () => {
    const asked: string[] = [];
    readInputs((name) => {
      asked.push(name);
      return '';
    });
    expect([...new Set(asked)].sort()).toEqual(declaredInputs);
  });
});

describe('API failures keep their HTTP status', () => {
  test('apiFailure is a SourceError with the status as a field, and httpStatus reads it back', async () => {
    const { apiFailure, ApiError, httpStatus } = await import('../../src/adapters/github/client.js');
    const { SourceError } = await import('../../src/errors.js');
    const failure = apiFailure('reading pull request #7', Object.assign(new Error('Not Found'), { status: 404 }));
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toBeInstanceOf(SourceError);
    expect(failure.status).toBe(404);
    expect(failure.message).toMatch(/^GitHub API: reading pull request #7 failed \(HTTP 404\): Not Found; the repository/);
    // Wrapped again (an adapter calling an adapter), the status survives.
    expect(httpStatus(apiFailure('outer', failure))).toBe(404);
    expect(apiFailure('no answer', new Error('socket hang up')).status).toBeNull();
  });
});
