// npm run bench -- [path-to-clone]: speed and memory of doc-sync on a real history,
// with markdownlint-cli2 linting the same Markdown files as a yardstick.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BlobStore, GitReader, defaultConfig, enabledRules, runCheck } from '../dist/api.js';
import { corpusClone } from './corpus-clone.mjs';

const clone = corpusClone(process.argv.slice(2).find((arg) => !arg.startsWith('--')));
const git = (...args) => execFileSync('git', args, { cwd: clone, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
const config = defaultConfig();
const reader = new GitReader(clone);
const rules = enabledRules(config);
const pairs = git('rev-list', '--reverse', '--first-parent', '--parents', 'HEAD')
  .trim()
  .split('\n')
  .map((line) => line.split(' '))
  .filter((ids) => ids.length >= 2)
  .map(([head, base]) => ({ base, head }));

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 5);
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { median: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +sorted.at(-1).toFixed(1) };
};

// 1. Per-PR check, cold: every PR gets a fresh blob store, as a CI run does.
const cold = [];
for (const pair of pairs) {
  const t0 = performance.now();
  await runCheck({ reader, config, rules, ...pair, mode: 'change' });
  cold.push(performance.now() - t0);
  sample();
}

// 2. Whole-history replay with one blob store: each blob parsed once, base and head share.
const store = new BlobStore(config.limits.maxFileBytes);
let t0 = performance.now();
for (const pair of pairs) await runCheck({ reader, config, rules, ...pair, mode: 'change', store });
const replayMs = performance.now() - t0;

// 3. A full --all audit of the newest commit, cold.
t0 = performance.now();
const { report: audit } = await runCheck({ reader, config, rules, head: 'HEAD', mode: 'all' });
const auditMs = performance.now() - t0;
clearInterval(timer);
sample();

// 4. The CLI as a process (cold start included) on the newest PR.
const newest = pairs.at(-1);
t0 = performance.now();
spawnSync(process.execPath, [resolve('dist/cli.js'), 'check', '--base', newest.base, '--head', newest.head, '--format', 'json'], { cwd: clone, stdio: 'ignore' });
const cliMs = performance.now() - t0;

// 5. Yardstick: markdownlint-cli2 on the same Markdown files at the newest commit.
const snapshot = mkdtempSync(join(tmpdir(), 'doc-sync-bench-'));
execFileSync('sh', ['-c', `git -C "${clone}" archive HEAD docs | tar -x -C "${snapshot}"`]);
const markdownFiles = git('ls-tree', '-r', '--name-only', 'HEAD', 'docs').split('\n').filter((path) => path.endsWith('.md'));
t0 = performance.now();
spawnSync(process.execPath, [resolve('node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'docs/**/*.md'], { cwd: snapshot, stdio: 'ignore' });
const markdownlintMs = performance.now() - t0;

const result = {
  corpus: { commits: pairs.length + 1, prsReplayed: pairs.length, markdownFilesAtHead: markdownFiles.length },
  perPrColdMs: stats(cold),
  historyReplayMs: Math.round(replayMs),
  historyReplayPerPrMs: +(replayMs / pairs.length).toFixed(1),
  auditAllNewestMs: Math.round(auditMs),
  auditAllFindings: audit.findings.length,
  cliProcessNewestPrMs: Math.round(cliMs),
  peakRssMiB: +(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20).toFixed(1),
  yardstick: { markdownlintCli2NewestMs: Math.round(markdownlintMs) },
};
console.log(JSON.stringify(result, null, 2));
