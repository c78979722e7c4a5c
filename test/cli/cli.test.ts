import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { runCli } from '../../src/cli.js';
import { reportSchema } from '../../src/report/report.js';
import { BOARD, CSV, board, consistentTree, sessionLog, sessionPath } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const base = consistentTree(tasks);
const moved = [{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }];

describe('doc-sync check', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = new GitFixture();
    repo.commit(base, 'base');
    // A consistent change: both boards, the plan and a session log move together.
    repo.commit({ ...consistentTree(moved), [sessionPath(1)]: sessionLog(['ST-B-001']) }, 'consistent');
    // An inconsistent change: only the Markdown board moves.
    repo.commit({ ...consistentTree(moved), [sessionPath(1)]: sessionLog(['ST-B-001']), [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002', status: 'Done - 2025-12-23' }]) }, 'drift');
  });
  afterAll(() => repo.remove());

  test('a consistent change passes with exit code 0', async () => {
    const result = await cli(repo.root, 'check', '--base', 'HEAD~2', '--head', 'HEAD~1');
    // What was judged and which config, on stderr; stdout stays the report.
    expect(result.stderr).toBe(
      `doc-sync: judging HEAD~1 against ${repo.git('rev-parse', '--short=7', 'HEAD~2')}\n` +
        `doc-sync: config the defaults: no config file at ${repo.git('rev-parse', '--short=7', 'HEAD~2')}, the base (--config-from head reads HEAD~1's); rules off: none\n`,
    );
    expect(result.stdout).toMatch(/^doc-sync: pass/);
    expect(result.code).toBe(0);
  });

  test('an inconsistent change fails with exit code 1; --format json prints exactly one valid report', async () => {
    const result = await cli(repo.root, 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json');
    expect(result.code).toBe(1);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.result).toBe('fail');
    expect(report.head).toBe(repo.git('rev-parse', 'HEAD'));
    expect(report.tasks.map((task) => task.id)).toEqual(['ST-B-002']);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'status-mismatch-md-csv', taskId: 'ST-B-002', file: CSV, line: 3, introduced: true }),
    );
  });

  test('runs from a subdirectory; markdown output carries the comment marker and the JSON', async () => {
    mkdirSync(join(repo.root, 'docs', 'plans'), { recursive: true });
    const result = await cli(join(repo.root, 'docs', 'plans'), 'check', '--base', 'HEAD~1', '--format', 'markdown');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('<!-- doc-sync:report -->');
    expect(result.stdout).toMatch(/^- ❌ `docs\/taskboard\/TaskBoard\.csv:\d+` `status-mismatch-md-csv` ST-B-002 /m);
  });

  test('--format sarif prints one SARIF 2.1.0 log: a result per finding, every rule with its docs', async () => {
    const [json, sarif] = await Promise.all(['json', 'sarif'].map((format) => cli(repo.root, 'check', '--all', '--format', format)));
    expect(sarif!.code).toBe(json!.code);
    const report = reportSchema.parse(JSON.parse(json!.stdout));
    const log = JSON.parse(sarif!.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.map((result) => result.ruleId)).toEqual(report.findings.map((finding) => finding.rule));
    expect(log.runs[0]!.tool.driver.rules.map((rule) => rule.id)).toContain('status-mismatch-md-csv');
  });

  test('--all audits every task at head', async () => {
    const result = await cli(repo.root, 'check', '--all', '--format', 'json');
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.mode).toBe('all');
    expect(report.base).toBeNull();
    expect(report.findings.map((f) => f.rule)).toContain('status-mismatch-md-csv');
    expect(result.code).toBe(1);
  });

  test.each([
    [['check', '--base', 'nope'], /unknown revision "nope"/],
    [['check', '--format', 'yaml', '--base', 'HEAD~1'], /--format must be one of text, compact, json, markdown, sarif, not "yaml"$/m],
    [['check', '--format', 'jsno'], /--format must be one of .*, not "jsno"; did you mean "json"\?/],
    [['check', '--frobnicate'], /unknown option "--frobnicate" for doc-sync check\. Run "doc-sync check --help"/],
    [['check', '--fromat', 'json'], /unknown option "--fromat" for doc-sync check; did you mean "--format"\?/],
    [['fix', '--dryrun'], /unknown option "--dryrun" for doc-sync fix; did you mean "--dry-run"\?/],
    [['check', '--base'], /^doc-sync: --base needs a value\. Run "doc-sync check --help"/],
    [['check', '--fail-on', 'warnings'], /--fail-on must be one of error, warning, never, not "warnings"; did you mean "warning"\?/],
    [['check', '--all', '--base', 'HEAD~1'], /drop --base or drop --all/],
    [['check', '--staged', '--head', 'HEAD'], /pass one of them/],
    [['check', '--all', '--config-from', 'base'], /--config-from base needs a base/],
    [['check', '--head', 'HEAD'], /there is no remote "origin" to find the default branch of; pass --base/],
    [['explain', 'no-such-rule'], /there is no rule "no-such-rule"; run "doc-sync explain"/],
    [['explain', 'csv-row-mising'], /there is no rule "csv-row-mising"; did you mean "csv-row-missing"\?/],
    [['fix', '--rule', 'status-mismatch-md-cvs'], /did you mean "status-mismatch-md-csv"\?/],
    [['launch'], /unknown command "launch"\. Run "doc-sync --help"/],
    [['chek'], /unknown command "chek"; did you mean "check"\?/],
    [['help', 'fxi'], /there is no command "fxi"; did you mean "fix"\?/],
  ])('%j cannot check: exit 2 and one clear message, no stack trace', async (argv, message) => {
    const result = await cli(repo.root, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  test('outside a git repository: exit 2', async () => {
    const result = await cli(mkdtempSync(join(tmpdir(), 'not-a-repo-')), 'check', '--base', 'HEAD~1');
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/is not inside a git repository/) });
  });

  test('an invalid config file names the key and what is allowed', async () => {
    const configPath = join(repo.root, 'bad.yml');
    writeFileSync(configPath, 'paths:\n  plans: ["/abs/*.md"]\nrulez: {}\nrules:\n  status-mismatch-md-csv: loud\n');
    const result = await cli(repo.root, 'check', '--base', 'HEAD~1', '--config', configPath, '--config-from', 'head');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown key "rulez" at the top level/);
    expect(result.stderr).toMatch(/"paths\.plans\.0" is not a valid glob/);
    expect(result.stderr).toMatch(/rules\.status-mismatch-md-csv/);
  });

  test('a missing --config file is an error, not a silent default', async () => {
    const atBase = await cli(repo.root, 'check', '--base', 'HEAD~1', '--config', 'missing.yml');
    expect(atBase.code).toBe(2);
    expect(atBase.stderr).toMatch(/the config file missing\.yml does not exist at [0-9a-f]{7} \(the base\); commit it there, or pass --config-from head/);
    const inTree = await cli(repo.root, 'check', '--base', 'HEAD~1', '--config', 'missing.yml', '--config-from', 'head');
    expect(inTree.stderr).toMatch(/the config file missing\.yml does not exist in the working tree; check the path/);
    const outside = await cli(repo.root, 'check', '--base', 'HEAD~1', '--config', '/etc/doc-sync.yml');
    expect(outside.stderr).toMatch(/--config \/etc\/doc-sync\.yml is outside the repository/);
  });

  test('config severities apply: turning a rule off lets the change pass', async () => {
    const configPath = join(repo.root, 'lenient.yml');
    writeFileSync(configPath, 'rules:\n  status-mismatch-md-csv: off\n  session-log-missing: off\n  status-mismatch-plan: warning\n');
    const result = await cli(repo.root, 'check', '--base', 'HEAD~1', '--config', configPath, '--config-from', 'head', '--format', 'json');
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(result.stderr).toMatch(/^doc-sync: config lenient\.yml in the working tree; rules off: status-mismatch-md-csv, session-log-missing$/m);
    expect(report.findings.map((f) => f.rule)).not.toContain('status-mismatch-md-csv');
    // The report itself says which config judged the change and what it turned off.
    expect(report.config).toEqual({ source: 'lenient.yml in the working tree', rulesOff: ['status-mismatch-md-csv', 'session-log-missing'] });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('doc-sync init and explain', () => {
  test('init writes a commented config that validates, and never overwrites it', async () => {
    const repo = new GitFixture();
    try {
      const first = await cli(repo.root, 'init');
      expect(first.code).toBe(0);
      const written = readFileSync(join(repo.root, '.github', 'doc-sync.yml'), 'utf8');
      expect(written).toMatch(/^# doc-sync configuration/);
      expect(parseConfig(written, 'init output').paths.board).toBe('docs/StateTrace_TaskBoard.md');
      const second = await cli(repo.root, 'init');
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/already exists/);
      expect(readFileSync(join(repo.root, '.github', 'doc-sync.yml'), 'utf8')).toBe(written);
    } finally {
      repo.remove();
    }
  });

  test('explain lists every rule, and prints one rule\'s docs page', async () => {
    const list = await cli(process.cwd(), 'explain');
    expect(list.stdout).toMatch(/^csv-row-missing\s+error\s+A task has a Markdown board row but no CSV record\.$/m);
    const one = await cli(process.cwd(), 'explain', 'csv-row-missing');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^# csv-row-missing/);
  });
});
