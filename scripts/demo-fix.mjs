// npm run demo:fix: builds a throwaway git repository from fixtures/demo-fix (a base commit,
// and a head commit in which an agent synced the documents only in part), then runs the
// bundled CLI: `check` fails, `fix` repairs the working tree and prints its diff, git
// confirms the diff is limited to the intended rows (BOM and CRLF / LF / mixed endings
// kept), and `check` passes once the fix is committed. No GitHub, no token.
// Pass --keep to keep the repository; DOC_SYNC_CLI=path runs another build of the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = process.env.DOC_SYNC_CLI ? resolve(process.env.DOC_SYNC_CLI) : join(root, 'dist', 'cli.js');
const repo = mkdtempSync(join(tmpdir(), 'doc-sync-demo-fix-'));
const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

git('init', '-q', '-b', 'main');
git('config', 'user.email', 'demo@example.com');
git('config', 'user.name', 'doc-sync demo');
git('config', 'core.autocrlf', 'false');
cpSync(join(root, 'fixtures', 'demo-fix', 'base'), repo, { recursive: true });
git('add', '-A');
git('commit', '-q', '-m', 'Board, CSV, backlog and plans in sync');
rmSync(join(repo, 'docs'), { recursive: true });
cpSync(join(root, 'fixtures', 'demo-fix', 'head'), repo, { recursive: true });
git('add', '-A');
git('commit', '-q', '-m', 'ST-B-002 done; add ST-B-004, ST-D-003 and plan F (partly synced)');

const failures = [];
const expect = (ok, what) => {
  if (!ok) failures.push(what);
};
function run(args, expectedCode, why) {
  console.log(`\n$ doc-sync ${args.join(' ')}\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repo, stdio: 'inherit' });
  console.log(`\nexit code ${result.status}: ${why}`);
  expect(result.status === expectedCode, `doc-sync ${args.join(' ')} exited ${result.status}, expected ${expectedCode}`);
}

console.log(`A partly synced change in ${repo}`);
run(['check', '--base', 'HEAD~1'], 1, 'the gate fails: the CSV, the board, the backlog and the plan index disagree');
run(['fix', '--base', 'HEAD~1'], 0, 'every failing finding had a mechanical fix; the check of the fixed files passes');

console.log('\n$ git diff --stat   (what git sees changed in the working tree)\n');
console.log(git('diff', '--stat').trimEnd());
// Exactly the intended rows: a line-ending, BOM or quoting change anywhere else would show here.
const numstat = git('diff', '--numstat').trim();
const intended = [
  '3\t0\tdocs/CODEX_BACKLOG.md', // backlog rows for ST-B-004, ST-D-003, ST-F-001
  '1\t0\tdocs/StateTrace_TaskBoard.md', // the Markdown row of ST-D-003
  '1\t0\tdocs/plans/PlanIndex.md', // the index row of plan F
  '2\t1\tdocs/taskboard/TaskBoard.csv', // ST-B-002 copied from the board; the record of ST-B-004
].join('\n');
expect(numstat === intended, `git diff --numstat:\n${numstat}\nexpected:\n${intended}`);
const csv = readFileSync(join(repo, 'docs/taskboard/TaskBoard.csv'));
expect(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf, 'the CSV lost its BOM');
expect(!/(^|[^\r])\n/.test(csv.toString('utf8')), 'the CSV has a line that does not end in CRLF');
const board = readFileSync(join(repo, 'docs/StateTrace_TaskBoard.md'), 'utf8');
expect(board.includes('| ST-D-002 | Span view smoke harness | Ready for Review | UI | Smoke test script plus README entry | docs/plans/PlanD_FeatureExpansion.md |\r\n| ST-D-003 |'), 'the new board row is not right after ST-D-002 with its CRLF');

git('commit', '-q', '-am', 'doc-sync fix');
run(['check', '--base', 'HEAD~2'], 0, 'the gate passes with the fix committed');
run(['fix', '--base', 'HEAD~2'], 0, 'nothing left to fix');
expect(git('status', '--porcelain') === '', 'a second doc-sync fix changed the working tree');

if (failures.length > 0) console.log(`\nthe demo did not go as expected:\n- ${failures.join('\n- ')}`);
else console.log('\nthe fix is byte-exact and limited to the intended rows, and the check passes');
if (process.argv.includes('--keep')) console.log(`repository kept at ${repo}`);
else rmSync(repo, { recursive: true, force: true });
process.exitCode = failures.length > 0 ? 1 : 0;
