// Replays every commit of a clone as a pull request (first parent -> commit) and
// reports findings per rule, time per PR, crashes, and whether commits that only
// change line endings or blank lines stay silent.
//   npm run corpus -- [path-to-clone] [--json] [--dump FILE]   (default: a fresh clone of the shared StateTrace bundle)
// --dump writes every finding of every replayed PR, and of an --all audit at every 10th
// commit, as JSON lines: the reference a refactoring must reproduce exactly.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { BlobStore, GitReader, defaultConfig, enabledRules, loadConfig, runCheck, describeError } from '../dist/api.js';
import { corpusClone } from './corpus-clone.mjs';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dumpPath = dumpAt === -1 ? null : args[dumpAt + 1];
const clone = corpusClone(args.find((arg, index) => !arg.startsWith('--') && index !== dumpAt + 1));
const dump = [];
const dumpFindings = (commit, mode, report) => {
  for (const { rule, severity, taskId, file, line, introduced, message, fix } of report.findings) {
    dump.push(JSON.stringify({ commit: commit.slice(0, 10), mode, rule, severity, taskId, file, line, introduced, message, fix: fix ? fix.text ?? fix.kind : null }));
  }
};
const git = (...gitArgs) =>
  execFileSync('git', gitArgs, { cwd: clone, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });

const { config } = await loadConfig(clone).catch(() => ({ config: defaultConfig() }));
const reader = new GitReader(clone);
const rules = enabledRules(config);
const store = new BlobStore(config.limits.maxFileBytes);
const commits = git('rev-list', '--reverse', '--first-parent', 'HEAD').trim().split('\n');

/** Text of a file with line endings, BOM and blank lines normalised away. */
const normalized = (rev, path) => {
  try {
    return git('show', `${rev}:${path}`).replace(/^\uFEFF/, '').replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '').join('\n');
  } catch {
    return null;
  }
};

const perRule = new Map();
const times = [];
const crashes = [];
const noisyWhitespaceCommits = [];
let whitespaceOnly = 0;
const started = performance.now();
for (const commit of commits) {
  const parents = git('rev-list', '--parents', '-n', '1', commit).trim().split(' ');
  if (parents.length < 2) continue; // the root commit has nothing to compare with
  const base = parents[1];
  const t0 = performance.now();
  let report;
  try {
    ({ report } = await runCheck({ reader, config, rules, base, head: commit, mode: 'change', store }));
  } catch (error) {
    crashes.push({ commit, error: describeError(error) });
    continue;
  }
  times.push(performance.now() - t0);
  if (dumpPath) dumpFindings(commit, 'change', report);
  for (const finding of report.findings) {
    const entry = perRule.get(finding.rule) ?? { introduced: 0, preExisting: 0 };
    entry[finding.introduced ? 'introduced' : 'preExisting']++;
    perRule.set(finding.rule, entry);
  }
  const changed = git('diff', '--name-only', base, commit, '--', 'docs').trim().split('\n').filter(Boolean);
  if (changed.length > 0 && changed.every((path) => normalized(base, path) === normalized(commit, path))) {
    whitespaceOnly++;
    if (report.findings.length > 0) noisyWhitespaceCommits.push({ commit, findings: report.findings.length });
  }
}
const total = performance.now() - started;
if (dumpPath) {
  for (const commit of commits.filter((_, index) => index % 10 === 0 || index === commits.length - 1)) {
    try {
      dumpFindings(commit, 'all', (await runCheck({ reader, config, rules, head: commit, mode: 'all', store })).report);
    } catch (error) {
      crashes.push({ commit, error: `--all: ${describeError(error)}` });
    }
  }
  writeFileSync(dumpPath, `${dump.join('\n')}\n`);
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
const summary = {
  commits: commits.length,
  replayed: times.length,
  crashes,
  whitespaceOnlyCommits: whitespaceOnly,
  whitespaceOnlyCommitsWithFindings: noisyWhitespaceCommits,
  perPrMs: { median: Math.round(pct(50)), p95: Math.round(pct(95)), max: Math.round(times.at(-1) ?? 0) },
  totalMs: Math.round(total),
  findingsPerRule: Object.fromEntries([...perRule].sort(([a], [b]) => a.localeCompare(b))),
};
if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`replayed ${summary.replayed} of ${summary.commits} commits in ${summary.totalMs} ms (per PR: median ${summary.perPrMs.median} ms, p95 ${summary.perPrMs.p95} ms, max ${summary.perPrMs.max} ms)`);
  console.log(`crashes: ${crashes.length}`);
  for (const crash of crashes) console.log(`  ${crash.commit.slice(0, 7)}: ${crash.error}`);
  console.log(`line-ending/blank-line-only commits: ${whitespaceOnly}, with findings: ${noisyWhitespaceCommits.length}`);
  for (const noisy of noisyWhitespaceCommits) console.log(`  ${noisy.commit.slice(0, 7)}: ${noisy.findings} findings`);
  console.log('findings per rule (introduced / pre-existing):');
  for (const [rule, counts] of Object.entries(summary.findingsPerRule)) console.log(`  ${rule.padEnd(30)} ${String(counts.introduced).padStart(5)} / ${counts.preExisting}`);
}
process.exitCode = crashes.length > 0 || noisyWhitespaceCommits.length > 0 ? 1 : 0;
