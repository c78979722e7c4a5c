// The whole-history replay by itself, to time it: every first-parent commit of a clone as a
// pull request (parent -> commit) through one GitReader and one BlobStore, as bench.mjs's
// in-process replay does, and how many git processes the library started for it.
//   node scripts/replay-history.mjs [path-to-clone] [--dist DIR] [--json] [--no-count]
// Git processes are counted by a `git` put first on PATH that logs each start and runs the
// real one; the pairs are listed before it is installed, so only the replay's own count.
// The wrapper's shell costs a little per start: --no-count leaves it out for timing.
// Wall time and this process's CPU time (git's own CPU is not in it: run under
// /usr/bin/time -v for the total).
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusClone, firstParentPairs } from './corpus-clone.mjs';

const args = process.argv.slice(2);
const valueOf = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const dist = resolve(valueOf('dist') ?? 'dist');
const clone = corpusClone(args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--dist'));
const { BlobStore, GitReader, defaultConfig, enabledRules, runCheck } = await import(join(dist, 'api.js'));

const pairs = firstParentPairs(clone);

const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
const wrapper = mkdtempSync(join(tmpdir(), 'doc-sync-replay-git-'));
const log = join(wrapper, 'spawns.log');
writeFileSync(log, '');
writeFileSync(join(wrapper, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${realGit}' "$@"\n`);
chmodSync(join(wrapper, 'git'), 0o755);
const counting = !args.includes('--no-count');
if (counting) process.env.PATH = `${wrapper}:${process.env.PATH}`;

const config = defaultConfig();
const reader = new GitReader(clone);
const rules = enabledRules(config);
const store = new BlobStore(config.limits.maxFileBytes);
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const t0 = performance.now();
const c0 = cpuNow();
for (const pair of pairs) await runCheck({ reader, config, rules, ...pair, mode: 'change', store });
const wallMs = Math.round(performance.now() - t0);
const cpuMs = Math.round(cpuNow() - c0);
reader.close?.();
const spawned = readFileSync(log, 'utf8').split('\n').filter(Boolean);
rmSync(wrapper, { recursive: true, force: true });
const byCommand = {};
for (const command of spawned) byCommand[command] = (byCommand[command] ?? 0) + 1;
const summary = { dist, prs: pairs.length, wallMs, cpuMs, gitProcesses: counting ? spawned.length : 'not counted', byCommand };
if (args.includes('--json')) console.log(JSON.stringify(summary, null, 2));
else console.log(`replayed ${summary.prs} PRs in ${wallMs} ms wall, ${cpuMs} ms CPU (node); git processes: ${summary.gitProcesses} ${JSON.stringify(byCommand)}`);
