// node scripts/demo-ops.mjs (after npm run bundle): the second demo, another team's layout
// (fixtures/demo-ops: OPS-n IDs, a "Stage" column, "Now"/"Shipped" plan sections, no plan
// index, no session logs). Runs `doctor` (everything understood: exit 0), then `check` on a
// board-only move to Shipped: both stale documents (the CSV and the plan) fail in one round.
// Exits non-zero when either outcome differs. Pass --keep to keep the repository.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoRepository } from './demo-repo.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { repo } = demoRepository(root, 'demo-ops', ['Ops board, CSV and plans in sync', 'OPS-7 shipped (Markdown board only)']);
const cli = (...args) => spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: repo, encoding: 'utf8' });

const problems = [];
console.log(`$ doc-sync doctor   (in ${repo})\n`);
const doctor = cli('doctor');
process.stdout.write(doctor.stdout + doctor.stderr);
if (doctor.status !== 0) problems.push(`doctor exited ${doctor.status}, expected 0 (the config describes this layout)`);

console.log('\n$ doc-sync check --base HEAD~1 --head HEAD\n');
process.stdout.write(cli('check', '--base', 'HEAD~1', '--head', 'HEAD').stdout);
const check = cli('check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json');
const rules = check.status === 1 ? JSON.parse(check.stdout).findings.map((finding) => finding.rule).sort() : [];
// csv-not-updated (a warning) names the same CSV line as status-mismatch-md-csv.
const expected = ['csv-not-updated', 'status-mismatch-md-csv', 'status-mismatch-plan'];
if (JSON.stringify(rules) !== JSON.stringify(expected)) problems.push(`check exited ${check.status} with ${JSON.stringify(rules)}, expected exit 1 with ${JSON.stringify(expected)}`);

if (process.argv.includes('--keep')) console.log(`repository kept at ${repo}`);
else rmSync(repo, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\ndemo-ops: ${problems.join('; ')}`);
  process.exitCode = 1;
} else console.log('\ndemo-ops: doctor understood every document; the board-only move fails on the stale CSV and the stale plan in one round.');
