// npm run pre-commit:smoke: the hook in .pre-commit-hooks.yaml, run by the real pre-commit
// tool. Makes a hook repository (a clone of this one with the freshly built dist/cli.js
// committed, as a release would have it), a repository from fixtures/demo that uses it,
// and commits: a partly synced change is refused, the same change repaired with
// `doc-sync fix` and staged is accepted. Needs `pre-commit` on PATH (Debian: apt-get install
// pre-commit) and `npm run bundle` first; pre-commit installs the hook with npm (its
// `language: node`), which needs the registry.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'doc-sync-pre-commit-'));
const failures = [];
const expect = (ok, what) => {
  if (!ok) failures.push(what);
};
const gitIn = (cwd) => (...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const identity = (git) => {
  git('config', 'user.email', 'hook@example.com');
  git('config', 'user.name', 'pre-commit smoke');
  git('config', 'core.autocrlf', 'false');
};

try {
  // The hook repository: this commit, with the CLI just built (dist/cli.js and its chunks in dist/cli/).
  const hooks = join(work, 'hooks');
  execFileSync('git', ['clone', '-q', root, hooks]);
  const hookGit = gitIn(hooks);
  identity(hookGit);
  rmSync(join(hooks, 'dist', 'cli'), { recursive: true, force: true });
  for (const path of ['dist/cli.js', 'dist/cli', '.pre-commit-hooks.yaml', 'package.json', 'package-lock.json']) cpSync(join(root, path), join(hooks, path), { recursive: true });
  hookGit('add', '-A');
  hookGit('commit', '-q', '--allow-empty', '-m', 'hook build');
  const rev = hookGit('rev-parse', 'HEAD');

  const repo = join(work, 'repo');
  cpSync(join(root, 'fixtures', 'demo-fix', 'base'), repo, { recursive: true });
  const git = gitIn(repo);
  git('init', '-q', '-b', 'main');
  identity(git);
  writeFileSync(join(repo, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: doc-sync\n`);
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'base');

  const env = { ...process.env, PRE_COMMIT_HOME: join(work, 'cache'), NO_COLOR: '1' };
  execFileSync('pre-commit', ['install'], { cwd: repo, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const commit = (message) => spawnSync('git', ['commit', '-m', message], { cwd: repo, env, encoding: 'utf8' });

  rmSync(join(repo, 'docs'), { recursive: true });
  cpSync(join(root, 'fixtures', 'demo-fix', 'head'), join(repo), { recursive: true });
  git('add', '-A');
  const started = Date.now();
  const refused = commit('partly synced');
  console.log(`${refused.stdout}${refused.stderr}`);
  console.log(`first commit (pre-commit installs the hook, then runs it): ${Date.now() - started} ms`);
  expect(refused.status !== 0, 'pre-commit let a partly synced change be committed');
  expect(/^docs\/\S+:\d+: error [a-z-]+ /m.test(refused.stdout + refused.stderr), 'the hook printed no "path:line: error rule" finding');

  // The loop: fix the staged state into the working tree, stage, commit.
  const hookBin = join(root, 'dist', 'cli.js');
  const fixed = spawnSync(process.execPath, [hookBin, 'fix', '--staged', '--quiet'], { cwd: repo, encoding: 'utf8' });
  console.log(fixed.stdout.split('\n').filter((line) => line.startsWith('doc-sync fix')).join('\n'));
  git('add', '-A');
  const accepted = commit('synced with doc-sync fix');
  console.log(`${accepted.stdout}${accepted.stderr}`);
  expect(accepted.status === 0, `pre-commit refused the fixed change: ${accepted.stdout}${accepted.stderr}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) console.log(`\nthe pre-commit hook did not work:\n- ${failures.join('\n- ')}`);
else console.log('pre-commit runs doc-sync on the staged state: the partly synced commit is refused, the fixed one accepted');
process.exitCode = failures.length > 0 ? 1 : 0;
