import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli.js';
import { reportSchema, type Report } from '../../src/report/report.js';
import { BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';

async function cli(cwd: string, argv: string[], io: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), ...io });
  return { code, stdout, stderr };
}

async function report(cwd: string, ...argv: string[]): Promise<{ code: number; report: Report }> {
  const result = await cli(cwd, ['check', '--format', 'json', ...argv]);
  return { code: result.code, report: reportSchema.parse(JSON.parse(result.stdout)) };
}

const ESC = '\u001b';
const rulesOf = (found: Report) => found.findings.map((finding) => `${finding.rule} ${finding.file}`);

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const done = [{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }];
/** The edit people forget to mirror: a status moved on the Markdown board only. */
const boardOnlyMove = board(done);

describe('the local loop: the working tree by default, --staged for the index', () => {
  let repo: GitFixture;
  let headSha: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(repo.root, path)), { recursive: true });
    writeFileSync(join(repo.root, path), content);
  };
  const read = (path: string) => readFileSync(join(repo.root, path), 'utf8');
  beforeEach(() => {
    repo = new GitFixture();
    headSha = repo.commit(consistentTree(tasks), 'consistent');
  });
  afterEach(() => repo.remove());

  test('a staged-only change: --staged judges it; the working tree (reverted on disk) does not have it', async () => {
    write(BOARD, boardOnlyMove);
    repo.git('add', BOARD);
    write(BOARD, consistentTree(tasks)[BOARD]!);

    const staged = await report(repo.root, '--staged');
    expect(staged.report.head).toBe('index');
    expect(staged.report.base).toBe(headSha);
    expect(rulesOf(staged.report)).toContain(`status-mismatch-md-csv ${CSV}`);
    expect(staged.code).toBe(1);

    const tree = await report(repo.root);
    expect(tree.report.head).toBe('working-tree');
    expect(tree.report.findings).toEqual([]);
    expect(tree.report.summary.filesChanged).toBe(0);
    expect(tree.code).toBe(0);
  });

  test('an unstaged-only change: the default check sees it, --staged does not; the text names what was judged', async () => {
    write(BOARD, boardOnlyMove);
    const tree = await cli(repo.root, ['check']);
    expect(tree.code).toBe(1);
    expect(tree.stdout).toMatch(/^doc-sync: FAIL/);
    expect(tree.stderr).toMatch(new RegExp(`^doc-sync: judging the working tree against ${headSha.slice(0, 7)}, HEAD \\(no remote default branch\\)$`, 'm'));

    const staged = await cli(repo.root, ['check', '--staged']);
    expect(staged.stdout).toMatch(/^doc-sync: pass\. The change does not touch the planning docs\./);
    expect(staged.code).toBe(0);
  });

  test('an untracked new plan file is judged (and --fail-on warning fails on its warnings); --staged ignores it', async () => {
    write(planPath('C', 'New'), plan('C', [{ id: 'ST-C-001' }]));
    const tree = await report(repo.root);
    expect(rulesOf(tree.report)).toEqual(expect.arrayContaining([`plan-only-id ${planPath('C', 'New')}`]));
    expect(tree.report.findings.every((finding) => finding.severity !== 'error')).toBe(true);
    expect(tree.code).toBe(0);
    expect((await report(repo.root, '--fail-on', 'warning')).code).toBe(1);
    expect((await report(repo.root, '--staged')).report.findings).toEqual([]);
  });

  test('a planning file deleted from the working tree is missing; the index still has it', async () => {
    rmSync(join(repo.root, CSV));
    const tree = await report(repo.root);
    expect(rulesOf(tree.report)).toContain(`doc-missing ${CSV}`);
    expect(tree.code).toBe(1);
    expect((await report(repo.root, '--staged')).report.findings).toEqual([]);
  });

  test('a working tree equal to HEAD gives the same result as --head HEAD', async () => {
    repo.commit({ ...consistentTree(tasks), [BOARD]: boardOnlyMove }, 'drift');
    const tree = await report(repo.root, '--base', 'HEAD~1');
    const commit = await report(repo.root, '--base', 'HEAD~1', '--head', 'HEAD');
    expect(tree.report.head).toBe('working-tree');
    expect(commit.report.head).toBe(repo.git('rev-parse', 'HEAD'));
    expect(tree.report.findings.length).toBeGreaterThan(0);
    const comparable = (found: Report) => ({ ...found, head: 'judged', durationMs: 0 });
    expect(comparable(tree.report)).toEqual(comparable(commit.report));
    expect(tree.code).toBe(commit.code);
  });

  test('edit the board, fix, fix again: the second run changes nothing, the check passes', async () => {
    write(BOARD, boardOnlyMove);
    write(sessionPath(1), sessionLog(['ST-B-001']));
    write(planPath('B'), plan('B', done));
    const first = await cli(repo.root, ['fix']);
    expect(first.stdout).toMatch(/^-"ST-B-001","Title of ST-B-001","In Progress"/m);
    expect(first.stdout).toMatch(/^doc-sync fix: applied 1 fix to 1 file.*; the check passes$/m);
    expect(first.code).toBe(0);
    expect(read(CSV)).toBe(csv(done));

    const files = () => Object.fromEntries(repo.git('ls-files', '-co', '--exclude-standard').split('\n').map((path) => [path, read(path)]));
    const before = files();
    const second = await cli(repo.root, ['fix']);
    expect(second.stdout).toBe('doc-sync fix: applied 0 fixes to 0 files; the check passes\n');
    expect(files()).toEqual(before);
    expect((await cli(repo.root, ['check'])).code).toBe(0);
  });

  test('fix --staged fixes from the index into the working tree and stages nothing (and says so)', async () => {
    write(BOARD, boardOnlyMove);
    write(sessionPath(1), sessionLog(['ST-B-001']));
    write(planPath('B'), plan('B', done));
    repo.git('add', '-A');
    const result = await cli(repo.root, ['fix', '--staged']);
    expect(result.stdout).toMatch(/nothing is staged: review the diff and "git add" the files/);
    expect(read(CSV)).toBe(csv(done));
    expect(repo.git('diff', '--name-only')).toBe(CSV);
    expect(repo.git('diff', '--cached', '--name-only', '--', CSV)).toBe('');
    repo.git('add', CSV);
    expect((await cli(repo.root, ['check', '--staged'])).code).toBe(0);
  });

  test('--quiet: nothing at all when the gate passes, the findings when it fails', async () => {
    expect(await cli(repo.root, ['check', '-q'])).toEqual({ code: 0, stdout: '', stderr: '' });
    write(BOARD, boardOnlyMove);
    const failing = await cli(repo.root, ['check', '--quiet']);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toBe('');
    expect(failing.stdout).toMatch(/status-mismatch-md-csv/);
  });

  test('--format compact: one jumpable "path:line: severity rule message" line per finding, then the verdict', async () => {
    write(BOARD, boardOnlyMove);
    const result = await cli(repo.root, ['check', '--format', 'compact']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^doc-sync: FAIL\./);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[^:\s]+:\d+: (error|warning|notice) [a-z-]+ \S/);
    expect(lines).toContainEqual(expect.stringMatching(/^docs\/taskboard\/TaskBoard\.csv:2: error status-mismatch-md-csv ST-B-001 is "Done - 2025-12-22"/));
    expect(result.stdout).not.toContain(ESC);
  });

  test.each([
    [{ isTTY: true, env: {} }, [], true],
    [{ isTTY: true, env: { NO_COLOR: '1' } }, [], false],
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, [], true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' } }, [], false],
    [{ isTTY: false, env: {} }, ['--color', 'always'], true],
    [{ isTTY: true, env: { FORCE_COLOR: '1' } }, ['--color', 'never'], false],
  ] as const)('colour in compact output: %j %j → %s', async (io, flags, coloured) => {
    write(BOARD, boardOnlyMove);
    const result = await cli(repo.root, ['check', '--format', 'compact', ...flags], io);
    expect(result.stdout.includes(`${ESC}[31merror${ESC}[0m`)).toBe(coloured);
    // The path and line stay plain, so terminals and editors still find them.
    expect(result.stdout).toMatch(/^docs\/taskboard\/TaskBoard\.csv:2: /m);
  });

  test('--strict (the action\'s strict branch): pre-existing drift in a touched task fails too', async () => {
    // ST-B-002 drifts already at base; the change retitles it on both boards, which touches it.
    const drift = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Done - 2025-12-20' }];
    repo.commit({ ...consistentTree(tasks), [BOARD]: board(drift) }, 'drift');
    const retitled = (list: typeof tasks) => list.map((task) => (task.id === 'ST-B-002' ? { ...task, title: 'Renamed' } : task));
    repo.commit({ ...consistentTree(retitled(tasks)), [BOARD]: board(retitled(drift)) }, 'retitle');
    const lenient = await report(repo.root, '--base', 'HEAD~1');
    expect(lenient.report.findings.filter((finding) => finding.taskId === 'ST-B-002' && !finding.introduced).length).toBeGreaterThan(0);
    expect(lenient.code).toBe(0);
    expect((await report(repo.root, '--base', 'HEAD~1', '--strict')).code).toBe(1);
  });
});

describe('before the first commit', () => {
  test('--staged audits every staged task: the first commit of a repository with a hook', async () => {
    const repo = new GitFixture();
    try {
      for (const [path, content] of Object.entries({ ...consistentTree(tasks), [BOARD]: boardOnlyMove })) {
        mkdirSync(dirname(join(repo.root, path)), { recursive: true });
        writeFileSync(join(repo.root, path), content);
      }
      repo.git('add', '-A');
      const result = await cli(repo.root, ['check', '--staged', '--format', 'compact']);
      expect(result.stderr).toMatch(/^doc-sync: judging the index, every task \(no commit yet\)$/m);
      expect(result.stdout).toMatch(/^docs\/StateTrace_TaskBoard\.md:6: error status-mismatch-md-csv ST-B-001 /m);
      expect(result.code).toBe(1);
    } finally {
      repo.remove();
    }
  });
});

describe('config at the base (issue 9 item 2): a change cannot turn off its own gate', () => {
  let repo: GitFixture;
  beforeAll(() => {
    repo = new GitFixture();
    repo.commit(consistentTree(tasks), 'base without a config');
    repo.commit(
      {
        ...consistentTree(tasks),
        [BOARD]: boardOnlyMove,
        '.github/doc-sync.yml': 'rules:\n  status-mismatch-md-csv: off\n  session-log-missing: off\n  status-mismatch-plan: off\n  session-log-task-missing: off\n  csv-not-updated: off\n',
      },
      'drift, and the rules that catch it turned off',
    );
  });
  afterAll(() => repo.remove());

  test('with --base, the config comes from the base, and stderr says so', async () => {
    const result = await cli(repo.root, ['check', '--base', 'HEAD~1', '--head', 'HEAD']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^doc-sync: config the defaults: no config file at [0-9a-f]{7}, the base \(--config-from head reads HEAD's\); rules off: none$/m);
    const tree = await cli(repo.root, ['check', '--base', 'HEAD~1']);
    expect(tree.code).toBe(1);
  });

  test('--config-from head takes the judged config, and lists the rules it turns off', async () => {
    const result = await cli(repo.root, ['check', '--base', 'HEAD~1', '--config-from', 'head']);
    expect(result.stderr).toMatch(
      /^doc-sync: config \.github\/doc-sync\.yml in the working tree; rules off: status-mismatch-md-csv, csv-not-updated, status-mismatch-plan, session-log-missing, session-log-task-missing$/m,
    );
    expect(result.code).toBe(0);
  });
});

describe('--help, -h and help on every command: exit 0, usage on stdout, nothing written', () => {
  const commands = ['check', 'fix', 'init', 'explain'];
  let repo: GitFixture;
  beforeAll(() => {
    repo = new GitFixture();
    repo.commit(consistentTree(tasks), 'consistent');
    // Work that a command could touch: fix would rewrite the CSV, init would write a config.
    writeFileSync(join(repo.root, BOARD), boardOnlyMove);
  });
  afterAll(() => repo.remove());

  const snapshot = () => ({ status: repo.git('status', '--porcelain', '--untracked-files=all'), github: existsSync(join(repo.root, '.github')), files: readdirSync(repo.root).sort(), csv: readFileSync(join(repo.root, CSV), 'utf8') });

  test.each([
    ...commands.flatMap((command) => [[command, '--help'], [command, '-h'], ['help', command], [command, '--base', 'HEAD', '--help']]),
    ['--help'],
    ['-h'],
    ['help'],
  ])('%s %s', async (...argv) => {
    const before = snapshot();
    const result = await cli(repo.root, argv.filter((arg): arg is string => typeof arg === 'string'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: doc-sync /);
    expect(snapshot()).toEqual(before);
  });

  test('each command has its own help, and --version prints the version', async () => {
    expect((await cli(repo.root, ['fix', '--help'])).stdout).toMatch(/--dry-run/);
    expect((await cli(repo.root, ['check', '--help'])).stdout).toMatch(/--format text\|compact\|json\|markdown/);
    expect((await cli(repo.root, ['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
