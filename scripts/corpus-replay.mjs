// Replays every commit of a clone as a pull request (first parent -> commit) and
// reports findings per rule, time per PR, crashes, and whether commits that only
// change line endings or blank lines stay silent.
//   npm run corpus -- [path-to-clone] [--json] [--dump FILE]   (default: a fresh clone of the shared StateTrace bundle)
// --dump writes every finding of every replayed PR, and of an --all audit at every 10th
// commit, as JSON lines: the reference a refactoring must reproduce exactly.
import { writeFileSync } from 'node:fs';
import { BlobStore, GitReader, defaultConfig, enabledRules, loadConfig } from '../dist/api.js';
import { corpusClone } from './corpus-clone.mjs';
import { RuleCounts, checkOnce, dumpLine, gitIn, onlyWhitespaceChanged, printRuleCounts, timeSummary } from './replay-core.mjs';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const dumpPath = dumpAt === -1 ? null : args[dumpAt + 1];
const clone = corpusClone(args.find((arg, index) => !arg.startsWith('--') && (dumpAt === -1 || index !== dumpAt + 1)));
const dump = [];
const dumpFindings = (commit, mode, report) => {
  for (const finding of report.findings) dump.push(dumpLine(commit, mode, finding));
};
const git = gitIn(clone);

const { config } = await loadConfig(clone).catch(() => ({ config: defaultConfig() }));
const reader = new GitReader(clone);
const rules = enabledRules(config);
const store = new BlobStore(config.limits.maxFileBytes);
const commits = git('rev-list', '--reverse', '--first-parent', 'HEAD').trim().split('\n');

const perRule = new RuleCounts();
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
  const { result, failure } = await checkOnce({ reader, config, rules, base, head: commit, mode: 'change', store });
  if (failure) {
    crashes.push({ commit, error: failure.error });
    continue;
  }
  const { report } = result;
  times.push(performance.now() - t0);
  if (dumpPath) dumpFindings(commit, 'change', report);
  perRule.add(report.findings);
  const changed = git('diff', '--name-only', base, commit, '--', 'docs').trim().split('\n').filter(Boolean);
  if (onlyWhitespaceChanged(git, base, commit, changed)) {
    whitespaceOnly++;
    if (report.findings.length > 0) noisyWhitespaceCommits.push({ commit, findings: report.findings.length });
  }
}
const total = performance.now() - started;
if (dumpPath) {
  for (const commit of commits.filter((_, index) => index % 10 === 0 || index === commits.length - 1)) {
    const { result, failure } = await checkOnce({ reader, config, rules, head: commit, mode: 'all', store });
    if (failure) crashes.push({ commit, error: `--all: ${failure.error}` });
    else dumpFindings(commit, 'all', result.report);
  }
  writeFileSync(dumpPath, `${dump.join('\n')}\n`);
}
const summary = {
  commits: commits.length,
  replayed: times.length,
  crashes,
  whitespaceOnlyCommits: whitespaceOnly,
  whitespaceOnlyCommitsWithFindings: noisyWhitespaceCommits,
  perPrMs: timeSummary(times),
  totalMs: Math.round(total),
  findingsPerRule: perRule.toObject(),
};
if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`replayed ${summary.replayed} of ${summary.commits} commits in ${summary.totalMs} ms (per PR: median ${summary.perPrMs.median} ms, p95 ${summary.perPrMs.p95} ms, max ${summary.perPrMs.max} ms)`);
  console.log(`crashes: ${crashes.length}`);
  for (const crash of crashes) console.log(`  ${crash.commit.slice(0, 7)}: ${crash.error}`);
  console.log(`line-ending/blank-line-only commits: ${whitespaceOnly}, with findings: ${noisyWhitespaceCommits.length}`);
  for (const noisy of noisyWhitespaceCommits) console.log(`  ${noisy.commit.slice(0, 7)}: ${noisy.findings} findings`);
  printRuleCounts(summary.findingsPerRule);
}
process.exitCode = crashes.length > 0 || noisyWhitespaceCommits.length > 0 ? 1 : 0;
