// npm run demo: builds a throwaway git repository from fixtures/demo (a base commit and
// a head commit with a realistic, partly synced change) and runs the bundled CLI on it.
// No GitHub, no token. Pass --keep to keep the repository for exploring.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = mkdtempSync(join(tmpdir(), 'doc-sync-demo-'));
const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });

git('init', '-q', '-b', 'main');
git('config', 'user.email', 'demo@example.com');
git('config', 'user.name', 'doc-sync demo');
git('config', 'core.autocrlf', 'false');
for (const side of ['base', 'head']) {
  for (const entry of readdirSync(repo)) if (entry !== '.git') rmSync(join(repo, entry), { recursive: true });
  cpSync(join(root, 'fixtures', 'demo', side), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', side === 'base' ? 'Board, CSV and plans in sync' : 'ST-B-002 done; start ST-B-003 (partly synced)');
}

const format = process.argv.includes('--json') ? 'json' : 'text';
console.log(`$ doc-sync check --base HEAD~1 --head HEAD   (in ${repo})\n`);
const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', format], {
  cwd: repo,
  stdio: 'inherit',
});
console.log(`\nexit code ${run.status}: ${run.status === 1 ? 'the gate fails, as it should for this partly synced change' : 'unexpected for this demo'}`);
if (process.argv.includes('--keep')) console.log(`repository kept at ${repo}`);
else rmSync(repo, { recursive: true, force: true });
process.exitCode = run.status === 1 ? 0 : 1;
