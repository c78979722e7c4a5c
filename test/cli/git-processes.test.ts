import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consistentTree } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';
import { cli } from './run-cli.js';

/**
 * Counts the git processes the CLI starts: a `git` first on PATH that logs its arguments
 * and runs the real one (every spawn goes through PATH, as a user's would).
 */
describe('git processes per check', () => {
  let repo: GitFixture;
  let wrapperDir: string;
  let log: string;
  const path = process.env.PATH;
  beforeAll(() => {
    repo = new GitFixture();
    repo.commit(consistentTree([{ id: 'A-1', status: 'Planned' }]));
    repo.commit(consistentTree([{ id: 'A-1', status: 'In progress' }, { id: 'A-2', status: 'Planned' }]));
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    wrapperDir = mkdtempSync(join(tmpdir(), 'doc-sync-git-wrapper-'));
    log = join(wrapperDir, 'spawns.log');
    writeFileSync(join(wrapperDir, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(wrapperDir, 'git'), 0o755);
  });
  afterAll(() => {
    process.env.PATH = path;
    repo.remove();
    rmSync(wrapperDir, { recursive: true, force: true });
  });

  const spawnsOf = async (...argv: string[]) => {
    writeFileSync(log, '');
    process.env.PATH = `${wrapperDir}:${path}`;
    try {
      const result = await cli(repo.root, ...argv);
      return { ...result, spawned: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
    } finally {
      process.env.PATH = path;
    }
  };

  test('a pull-request check (--base, --head) starts at most 2: the repository root and one cat-file', async () => {
    const { code, stdout, spawned } = await spawnsOf('check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json');
    expect([0, 1]).toContain(code);
    expect(JSON.parse(stdout)).toMatchObject({ head: repo.git('rev-parse', 'HEAD'), base: repo.git('rev-parse', 'HEAD~1') });
    expect(JSON.parse(stdout).summary.filesChanged).toBeGreaterThan(0);
    expect(spawned).toEqual(['rev-parse --show-toplevel', 'cat-file --batch']);
  });

  test('a check of a branch against the default base (--head only) adds just the symbolic ref and the merge base', async () => {
    repo.git('update-ref', 'refs/remotes/origin/main', repo.git('rev-parse', 'HEAD~1'));
    try {
      const { code, stdout, spawned } = await spawnsOf('check', '--head', 'HEAD', '--format', 'json');
      expect([0, 1]).toContain(code);
      expect(JSON.parse(stdout).base).toBe(repo.git('rev-parse', 'HEAD~1'));
      expect(spawned.map((line) => line.split(' ')[0])).toEqual(['rev-parse', 'cat-file', 'symbolic-ref', 'merge-base']);
    } finally {
      repo.git('update-ref', '-d', 'refs/remotes/origin/main');
    }
  });

  test('an audit (--all --head) starts no more', async () => {
    const { code, spawned } = await spawnsOf('check', '--all', '--head', 'HEAD', '--format', 'json');
    expect([0, 1]).toContain(code);
    expect(spawned.length).toBeLessThanOrEqual(2);
  });
});
