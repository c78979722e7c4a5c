import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD, board, consistentTree } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';
import { cli } from './run-cli.js';

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];

/** What a new user reads when something is wrong: one sentence that names the problem in their words. */
describe('CLI messages', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit(consistentTree(tasks), 'base');
  });
  afterEach(() => repo.remove());

  describe('an unknown --head revision is called unknown, before anything is judged', () => {
    const unknown = 'doc-sync: unknown revision "nope"; check the name, or fetch it first\n';
    test.each([
      ['with a remote default branch', ['check', '--head', 'nope']],
      ['without a remote', ['check', '--head', 'nope']],
      ['with --base', ['check', '--head', 'nope', '--base', 'HEAD']],
      ['with --all', ['check', '--head', 'nope', '--all']],
    ])('%s', async (setting, argv) => {
      if (setting === 'with a remote default branch') repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
      expect(await cli(repo.root, ...argv)).toEqual({ code: 2, stdout: '', stderr: unknown });
    });
  });

  test('--head with no remote "origin" says there is none and to pass --base', async () => {
    const result = await cli(repo.root, 'check', '--head', 'HEAD');
    expect(result.stderr).toBe('doc-sync: there is no remote "origin" to find the default branch of; pass --base (for example --base HEAD~1) or use --all\n');
    expect(result.code).toBe(2);
  });

  test('--head with a remote "origin" whose default branch is unknown: set-head is the advice', async () => {
    repo.git('remote', 'add', 'origin', 'https://example.invalid/repo.git');
    const result = await cli(repo.root, 'check', '--head', 'HEAD');
    expect(result.stderr).toMatch(/cannot find the default branch of the remote "origin".*git remote set-head origin --auto/);
  });

  describe('the working tree and the index are named in words, never "at working"', () => {
    test.each([
      [['check'], 'in the working tree'],
      [['check', '--staged'], 'in the index'],
      [['check', '--all'], 'in the working tree'],
    ])('no planning document: %j', async (argv, place) => {
      repo.commit({ 'README.md': '# Project\n' }, 'no planning docs');
      const result = await cli(repo.root, ...argv);
      expect(result.stderr).toMatch(new RegExp(`^doc-sync: none of the planning documents exist ${place} \\(looked for `, 'm'));
      expect(result.stderr).not.toMatch(/at working|at index/);
      expect(result.code).toBe(2);
    });

    test('a document too complex to check', async () => {
      writeFileSync(join(repo.root, BOARD), `${board(tasks)}\n${'x'.repeat(70_000)}\n`);
      const result = await cli(repo.root, 'check');
      expect(result.stderr).toMatch(/^doc-sync: docs\/StateTrace_TaskBoard\.md in the working tree is too complex to check: line \d+ is 70000 characters long/m);
      expect(result.code).toBe(2);
    });

    test('a document too complex to check, staged: named in the index', async () => {
      writeFileSync(join(repo.root, BOARD), `${board(tasks)}\n${'x'.repeat(70_000)}\n`);
      repo.git('add', BOARD);
      const result = await cli(repo.root, 'check', '--staged');
      expect(result.stderr).toMatch(/^doc-sync: docs\/StateTrace_TaskBoard\.md in the index is too complex to check: line \d+ is 70000 characters long/m);
      expect(result.code).toBe(2);
    });

    test('a document too complex to check, at a commit: named by its short SHA', async () => {
      writeFileSync(join(repo.root, BOARD), `${board(tasks)}\n${'x'.repeat(70_000)}\n`);
      repo.git('commit', '-qam', 'too long a line');
      const sha = repo.git('rev-parse', '--short=7', 'HEAD').trim();
      const result = await cli(repo.root, 'check', '--head', 'HEAD', '--base', 'HEAD~1');
      expect(result.stderr).toMatch(new RegExp(`^doc-sync: docs/StateTrace_TaskBoard\\.md at ${sha} is too complex to check`, 'm'));
      expect(result.code).toBe(2);
    });

    test('doctor: a document too complex to read in the working tree', async () => {
      writeFileSync(join(repo.root, BOARD), `${board(tasks)}\n${'x'.repeat(70_000)}\n`);
      const result = await cli(repo.root, 'doctor');
      expect(result.stderr).toMatch(/^doc-sync: docs\/StateTrace_TaskBoard\.md in the working tree is too complex to check/m);
      expect(result.code).toBe(2);
    });

    test('an invalid config read from the working tree (--config-from head)', async () => {
      mkdirSync(join(repo.root, '.github'));
      writeFileSync(join(repo.root, '.github/doc-sync.yml'), 'pathz: {}\n');
      const result = await cli(repo.root, 'check', '--config-from', 'head');
      expect(result.stderr).toMatch(/^doc-sync: \.github\/doc-sync\.yml \(in the working tree\): invalid configuration: unknown key "pathz"/);
      expect(result.code).toBe(2);
    });

    test('the config line names the working tree', async () => {
      mkdirSync(join(repo.root, '.github'));
      writeFileSync(join(repo.root, '.github/doc-sync.yml'), 'limits:\n  maxFileBytes: 1000000\n');
      const result = await cli(repo.root, 'check', '--config-from', 'head');
      expect(result.stderr).toMatch(/^doc-sync: config \.github\/doc-sync\.yml in the working tree; rules off/m);
      expect(result.code).toBe(0);
    });
  });

  test.each([
    [['chek'], 'doc-sync: unknown command "chek"; did you mean "check"? Run "doc-sync --help" for the commands.\n'],
    [['check', '--stagd'], 'doc-sync: unknown option "--stagd" for doc-sync check; did you mean "--staged"? Run "doc-sync check --help" for its options.\n'],
    [['check', '--base'], 'doc-sync: --base needs a value. Run "doc-sync check --help" for its options.\n'],
    [['fix', '--base', '--dry-run'], 'doc-sync: --base needs a value (to pass one that starts with a dash, write --base=VALUE). Run "doc-sync fix --help" for its options.\n'],
    [['doctor', '--rev'], 'doc-sync: --rev needs a value. Run "doc-sync doctor --help" for its options.\n'],
  ])('%j: one sentence, one full stop', async (argv, stderr) => {
    expect(await cli(repo.root, ...argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  test('--fail-on warn is warning, as in the config', async () => {
    // A board row without its CSV record and plan: warnings the default gate lets pass.
    writeFileSync(join(repo.root, BOARD), board([...tasks, { id: 'ST-B-003' }]));
    const warning = await cli(repo.root, 'check', '--fail-on', 'warning', '--format', 'json');
    const warn = await cli(repo.root, 'check', '--fail-on', 'warn', '--format', 'json');
    expect(warn.stderr).not.toMatch(/must be one of/);
    expect(warn.code).toBe(warning.code);
    expect(JSON.parse(warn.stdout)).toEqual({ ...JSON.parse(warning.stdout), durationMs: expect.any(Number) });
  });
});
