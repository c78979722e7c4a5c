// Replays a real repository's recent history under a preset, each commit as a pull request
// (first parent -> commit), through the built API exactly as the StateTrace corpus replay does:
//   node scripts/replay-repo.mjs <clone> --preset <name> [--commits N] [--dump FILE] [--json]
// Replays the last N (default 40) first-parent commits that touch a file the preset reads
// (the compiled settings' isTracked at HEAD decides, so the preset's paths are the only
// definition), then audits the newest of them that still has those files (--all). Prints commits replayed, crashes and
// exit-2 sentences (each a bug to report), findings per rule (introduced / pre-existing),
// introduced findings on commits that only change line endings or blank lines, and time per PR.
// Needs a fresh dist/ (npm run bundle) built with the preset support.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { BlobStore, GitReader, enabledRules, loadModelAt, parseConfig } from '../dist/api.js';
import { RuleCounts, checkOnce, dumpLine, gitIn, onlyWhitespaceChanged, printRuleCounts, timeSummary } from './replay-core.mjs';

const USAGE = 'usage: node scripts/replay-repo.mjs <clone> --preset <name> [--commits N] [--dump FILE] [--json]';
const args = process.argv.slice(2);
const valueOf = (flag) => {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args[at + 1];
};
const takesValue = new Set(['--preset', '--commits', '--dump']);
const positional = args.filter((arg, index) => !arg.startsWith('--') && !takesValue.has(args[index - 1]));
const preset = valueOf('--preset');
const limit = Number(valueOf('--commits') ?? 40);
const dumpPath = valueOf('--dump');
if (positional.length !== 1 || !preset || !Number.isInteger(limit) || limit < 1) {
  console.error(USAGE);
  process.exit(2);
}
const clone = resolve(positional[0]);
const git = gitIn(clone);

// The same config a user writes: `.github/doc-sync.yml` with only the preset.
const config = parseConfig(`preset: ${preset}\n`, `--preset ${preset}`);
const reader = new GitReader(clone);
const rules = enabledRules(config);
const store = new BlobStore(config.limits.maxFileBytes);
const headSha = git('rev-parse', 'HEAD').trim();
const { settings } = await loadModelAt(reader, config, headSha, store);

/** First-parent commits, newest first, each with its first parent and the paths it changed against it. */
function firstParentChanges() {
  const log = git('log', '--first-parent', '--no-renames', '--diff-merges=first-parent', '--format=%x01%H %P', '--name-only', 'HEAD');
  return log
    .split('\x01')
    .filter(Boolean)
    .map((entry) => {
      const [header, ...paths] = entry.split('\n');
      const [commit, parent] = header.trim().split(' ');
      return { commit, parent, paths: paths.filter(Boolean) };
    });
}

const history = firstParentChanges();
const touching = history.filter(({ parent, paths }) => parent && paths.some((path) => settings.isTracked(path)));
const selected = touching.slice(0, limit).reverse();

const dump = [];
const perRule = new RuleCounts();
const times = [];
const failures = [];
const noisyWhitespaceCommits = [];
let whitespaceOnly = 0;
const started = performance.now();
for (const { commit, parent, paths } of selected) {
  const t0 = performance.now();
  const { result, failure } = await checkOnce({ reader, config, rules, base: parent, head: commit, mode: 'change', store });
  if (failure) {
    failures.push({ commit, ...failure });
    continue;
  }
  times.push(performance.now() - t0);
  const { findings } = result.report;
  for (const finding of findings) dump.push(dumpLine(commit, 'change', finding));
  perRule.add(findings);
  if (onlyWhitespaceChanged(git, parent, commit, paths.filter((path) => settings.isTracked(path)))) {
    whitespaceOnly++;
    const introduced = findings.filter((finding) => finding.introduced).length;
    if (introduced > 0) noisyWhitespaceCommits.push({ commit, introduced });
  }
}
const total = performance.now() - started;

// The newest replayed commit that still has the preset's files, audited as a whole: every state
// finding at that revision. (A commit that deleted them all is rightly an exit-2 sentence in --all.)
const audit = new RuleCounts();
let newest;
for (const { commit } of [...selected].reverse()) {
  if ((await reader.listFiles(commit, (path) => settings.isTracked(path))).size === 0) continue;
  newest = commit;
  break;
}
if (newest) {
  const { result, failure } = await checkOnce({ reader, config, rules, head: newest, mode: 'all', store });
  if (failure) failures.push({ commit: newest, ...failure, error: `--all: ${failure.error}` });
  else {
    for (const finding of result.report.findings) dump.push(dumpLine(newest, 'all', finding));
    audit.add(result.report.findings);
  }
}
if (dumpPath) writeFileSync(dumpPath, dump.length > 0 ? `${dump.join('\n')}\n` : '');

const summary = {
  repository: basename(clone),
  preset,
  head: headSha,
  firstParentCommits: history.length,
  touchingPresetFiles: touching.length,
  replayed: times.length,
  range: selected.length > 0 ? { from: selected[0].commit, to: selected.at(-1).commit } : null,
  crashes: failures.filter((failure) => failure.kind === 'crash'),
  exit2: failures.filter((failure) => failure.kind === 'exit-2'),
  whitespaceOnlyCommits: whitespaceOnly,
  whitespaceOnlyCommitsWithIntroducedFindings: noisyWhitespaceCommits,
  perPrMs: timeSummary(times),
  totalMs: Math.round(total),
  findingsPerRule: perRule.toObject(),
  auditAtNewest: newest ? { commit: newest, findingsPerRule: audit.toObject() } : null,
};
if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(`${summary.repository} (preset ${preset}): ${summary.touchingPresetFiles} of ${summary.firstParentCommits} first-parent commits touch the preset's files`);
  console.log(`replayed ${summary.replayed} of the last ${selected.length} in ${summary.totalMs} ms (per PR: median ${summary.perPrMs.median} ms, p95 ${summary.perPrMs.p95} ms, max ${summary.perPrMs.max} ms)`);
  if (summary.range) console.log(`range: ${summary.range.from.slice(0, 7)}..${summary.range.to.slice(0, 7)}`);
  console.log(`crashes: ${summary.crashes.length}, exit-2 sentences: ${summary.exit2.length}`);
  for (const failure of failures) console.log(`  ${failure.commit.slice(0, 7)} ${failure.kind}: ${failure.error}`);
  console.log(`line-ending/blank-line-only commits: ${whitespaceOnly}, with introduced findings: ${noisyWhitespaceCommits.length}`);
  for (const noisy of noisyWhitespaceCommits) console.log(`  ${noisy.commit.slice(0, 7)}: ${noisy.introduced} introduced findings`);
  printRuleCounts(summary.findingsPerRule);
  if (summary.auditAtNewest) {
    console.log(`audit (--all) at ${newest.slice(0, 7)}:`);
    for (const [rule, counts] of Object.entries(summary.auditAtNewest.findingsPerRule)) console.log(`  ${rule.padEnd(30)} ${String(counts.introduced + counts.preExisting).padStart(5)}`);
  }
}
process.exitCode = failures.length > 0 || noisyWhitespaceCommits.length > 0 ? 1 : 0;
