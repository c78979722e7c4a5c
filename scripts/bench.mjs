// npm run bench -- [path-to-clone] [--dist DIR] [--sizes 1000,10000,100000] [--runs N] [--yardstick-limit SECONDS]
// Every figure of issue 13, with markdownlint-cli2 linting the same Markdown files in the
// same run as the yardstick (both as processes, medians of --runs):
//   corpus per-PR check (newest PR, and the PR touching the most planning documents), --all
//   cold start: dist/cli.js --version and check on the demo against node -e 0, the action (dist/index.js,
//   a not-applicable event, and a pull request comment that is no command) against node reading its event
//   synthetic boards (scripts/gen-board.mjs): per-PR and --all time and peak RSS, and their growth smallest → largest
//   in-process: per-PR medians over the whole history, and the whole-history replay
// --dist runs another build (e.g. main's) for a before/after table.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusClone, firstParentPairs } from './corpus-clone.mjs';
import { demoRepository } from './demo-repo.mjs';
import { writeBoardRepo } from './gen-board.mjs';

const args = process.argv.slice(2);
const valueOf = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const dist = resolve(valueOf('dist') ?? 'dist');
const loadAverageAtStart = os.loadavg().map((value) => +value.toFixed(2));
const sizes = (valueOf('sizes') ?? '1000,10000,100000').split(',').map(Number).filter((size) => size > 0);
const runs = Number(valueOf('runs') ?? 3);
// markdownlint-cli2 takes minutes on the 10k board (564 s once): past this it is reported as timed out.
const yardstickLimitS = Number(valueOf('yardstick-limit') ?? 120);
const optionValues = new Set(['dist', 'sizes', 'runs', 'yardstick-limit'].map(valueOf).filter(Boolean));
const clone = corpusClone(args.find((arg) => !arg.startsWith('--') && !optionValues.has(arg)));
const { BlobStore, GitReader, defaultConfig, enabledRules, runCheck } = await import(join(dist, 'api.js'));
const cli = join(dist, 'cli.js');
const markdownlint = resolve('node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const git = (cwd, ...gitArgs) => execFileSync('git', gitArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const round = (value, digits = 0) => +value.toFixed(digits);

/**
 * Wall time (ms), CPU time (ms) and peak RSS (MiB) of one process, from /usr/bin/time;
 * with `limitS`, killed after that many seconds (status 124, figures up to then).
 */
function measure(command, commandArgs, cwd, { limitS, env } = {}) {
  const started = performance.now();
  const limited = limitS ? ['timeout', String(limitS), command, ...commandArgs] : [command, ...commandArgs];
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...limited], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - started;
  const [user, system, maxKb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, rssMiB: maxKb / 1024, status: result.status };
}
/** Medians over `runs` runs (one run when the first hit the time limit). */
function medianOf(command, commandArgs, cwd, options = {}) {
  const samples = [measure(command, commandArgs, cwd, options)];
  while (samples.length < runs && samples[0].status !== 124) samples.push(measure(command, commandArgs, cwd, options));
  return {
    wallMs: round(median(samples.map((s) => s.wallMs))),
    cpuMs: round(median(samples.map((s) => s.cpuMs))),
    rssMiB: round(median(samples.map((s) => s.rssMiB)), 1),
    status: samples[0].status,
    ...(samples[0].status === 124 ? { timedOut: `killed after ${options.limitS} s` } : {}),
  };
}
const ratio = (ours, yardstick) => ({ cpu: round(ours.cpuMs / yardstick.cpuMs, 2), wall: round(ours.wallMs / yardstick.wallMs, 2) });
const lint = (cwd, files) => medianOf(process.execPath, [markdownlint, ...files], cwd, { limitS: yardstickLimitS });

// 1. The corpus: the newest PR, the PR touching the most planning documents, and --all.
const pairs = firstParentPairs(clone);
const touched = (pair) => git(clone, 'diff', '--name-only', pair.base, pair.head).split('\n').filter((path) => path.endsWith('.md') || path.endsWith('.csv'));
const widest = pairs.reduce((best, pair) => (touched(pair).length > touched(best).length ? pair : best), pairs[0]);
const markdownAt = (rev) => git(clone, 'ls-tree', '-r', '--name-only', rev, 'docs').split('\n').filter((path) => path.endsWith('.md'));
function corpusCase(pair) {
  const dir = mkdtempSync(join(tmpdir(), 'doc-sync-bench-'));
  git(clone, 'worktree', 'add', '-q', '--detach', dir, pair.head);
  const check = medianOf(process.execPath, [cli, 'check', '--base', pair.base, '--head', pair.head, '--format', 'json'], dir);
  const yardstick = lint(dir, markdownAt(pair.head));
  git(clone, 'worktree', 'remove', '--force', dir);
  return { head: pair.head.slice(0, 7), planningFilesChanged: touched(pair).length, check, markdownlintCli2: yardstick, ratio: ratio(check, yardstick) };
}
const newest = pairs.at(-1);
const corpus = { newestPr: corpusCase(newest), widestPr: corpusCase(widest) };
{
  const dir = mkdtempSync(join(tmpdir(), 'doc-sync-bench-'));
  git(clone, 'worktree', 'add', '-q', '--detach', dir, newest.head);
  const all = medianOf(process.execPath, [cli, 'check', '--all', '--format', 'json'], dir);
  const yardstick = lint(dir, markdownAt(newest.head));
  git(clone, 'worktree', 'remove', '--force', dir);
  corpus.all = { check: all, markdownlintCli2: yardstick, ratio: ratio(all, yardstick) };
}

// 2. Cold start, each figure beside its own floor (CPU is steadier than wall time on a shared machine):
//   the CLI's floor is `node -e 0`; the action's is node reading and parsing its event file, which any
//   action must do before it can decide anything; `check` on the demo is the floor plus git and the engine.
const floor = medianOf(process.execPath, ['-e', '0'], clone);
const version = medianOf(process.execPath, [cli, '--version'], clone);
const { repo: demoRepo } = demoRepository(process.cwd(), 'demo', ['base', 'head']);
const demoCheck = medianOf(process.execPath, [cli, 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], demoRepo);
rmSync(demoRepo, { recursive: true, force: true });
// The action on an event it does not handle: start, inputs, one notice, outputs, exit.
const actionDir = mkdtempSync(join(tmpdir(), 'doc-sync-action-'));
for (const file of ['event.json', 'output', 'summary']) writeFileSync(join(actionDir, file), file === 'event.json' ? '{}' : '');
const actionEnv = {
  PATH: process.env.PATH,
  HOME: actionDir,
  GITHUB_EVENT_NAME: 'schedule',
  GITHUB_REPOSITORY: 'bench/bench',
  GITHUB_EVENT_PATH: join(actionDir, 'event.json'),
  GITHUB_OUTPUT: join(actionDir, 'output'),
  GITHUB_STEP_SUMMARY: join(actionDir, 'summary'),
  INPUT_TOKEN: 'bench',
};
const action = medianOf(process.execPath, [join(dist, 'index.js')], actionDir, { env: actionEnv });
const actionFloor = medianOf(process.execPath, ['-e', 'JSON.parse(require("fs").readFileSync(process.env.GITHUB_EVENT_PATH, "utf8"))'], actionDir, { env: actionEnv });
// What a bot workflow sees most: a comment on a pull request that is not a /doc-sync command.
const commentEvent = {
  action: 'created',
  issue: { number: 7, pull_request: { url: 'https://api.github.com/repos/bench/bench/pulls/7' } },
  comment: { id: 70, body: 'Looks good to me, thanks! Merging after CI.', created_at: '2026-12-01T10:00:00Z', user: { login: 'reviewer', type: 'User' } },
};
writeFileSync(join(actionDir, 'event.json'), JSON.stringify(commentEvent));
const actionComment = medianOf(process.execPath, [join(dist, 'index.js')], actionDir, { env: { ...actionEnv, GITHUB_EVENT_NAME: 'issue_comment' } });
rmSync(actionDir, { recursive: true, force: true });
const above = (figure, base = floor) => ({ wall: figure.wallMs - base.wallMs, cpu: figure.cpuMs - base.cpuMs });
const start = {
  floors: {
    cli: 'node -e 0',
    action: 'node reading and parsing the event file (GITHUB_EVENT_PATH)',
    compileCache: `node ${process.versions.node}: ${Number(process.versions.node.split('.')[0]) >= 22 ? 'module.enableCompileCache() is on (a second start reads cached code)' : 'no module.enableCompileCache() before node 22; the action runs on node24, where it is on'}`,
  },
  targetAboveFloorMs: 50,
  nodeE0: floor,
  cliVersion: version,
  aboveFloorMs: above(version),
  cliCheckDemo: demoCheck,
  cliCheckDemoAboveFloorMs: above(demoCheck),
  actionFloor,
  actionNotApplicable: action,
  actionAboveFloorMs: above(action, actionFloor),
  actionCommentNotACommand: actionComment,
  actionCommentAboveFloorMs: above(actionComment, actionFloor),
};

// 3. Synthetic boards.
const synthetic = [];
for (const size of sizes) {
  const dir = join(mkdtempSync(join(tmpdir(), 'doc-sync-gen-')), `board-${size}`);
  writeBoardRepo(dir, size);
  const files = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((path) => path.endsWith('.md'));
  const perPr = medianOf(process.execPath, [cli, 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], dir, { limitS: 900 });
  const all = medianOf(process.execPath, [cli, 'check', '--all', '--format', 'json'], dir, { limitS: 900 });
  const yardstick = lint(dir, files);
  synthetic.push({ tasks: size, perPr, all, markdownlintCli2: yardstick, perPrRatio: ratio(perPr, yardstick), allRatio: ratio(all, yardstick) });
  rmSync(dir, { recursive: true, force: true });
}

// Growth from the smallest to the largest board: "no worse than linear" is a time ratio at most the size ratio.
const [smallest, largest] = [synthetic[0], synthetic.at(-1)];
const growth =
  smallest && largest && largest.tasks > smallest.tasks
    ? {
        from: smallest.tasks,
        to: largest.tasks,
        sizeRatio: round(largest.tasks / smallest.tasks, 1),
        perPrCpu: round(largest.perPr.cpuMs / smallest.perPr.cpuMs, 1),
        perPrWall: round(largest.perPr.wallMs / smallest.perPr.wallMs, 1),
        perPrRss: round(largest.perPr.rssMiB / smallest.perPr.rssMiB, 1),
        allCpu: round(largest.all.cpuMs / smallest.all.cpuMs, 1),
        allRss: round(largest.all.rssMiB / smallest.all.rssMiB, 1),
      }
    : null;

// 4. In process: per-PR medians over the history (fresh store each), and the whole-history replay (one store).
const config = defaultConfig();
const reader = new GitReader(clone);
const rules = enabledRules(config);
// CPU time of this process (git's own time is not in it): steadier than wall time on a shared machine.
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const cold = [];
const coldCpu = [];
for (const pair of pairs) {
  const t0 = performance.now();
  const c0 = cpuNow();
  await runCheck({ reader, config, rules, ...pair, mode: 'change' });
  cold.push(performance.now() - t0);
  coldCpu.push(cpuNow() - c0);
}
const store = new BlobStore(config.limits.maxFileBytes);
const t0 = performance.now();
const c0 = cpuNow();
for (const pair of pairs) await runCheck({ reader, config, rules, ...pair, mode: 'change', store });
const replayMs = performance.now() - t0;
const replayCpuMs = cpuNow() - c0;

console.log(
  JSON.stringify(
    {
      dist,
      runsPerFigure: runs,
      loadAverageAtStart,
      corpus,
      start,
      synthetic,
      syntheticGrowth: growth,
      syntheticTargets: { perPrAtLargest: '< 3000 ms and < 512 MiB at 100,000 tasks', growth: 'time ratio <= size ratio' },
      inProcess: {
        prs: pairs.length,
        perPrMedianMs: round(median(cold), 1),
        perPrMedianCpuMs: round(median(coldCpu), 1),
        perPrMaxMs: round(Math.max(...cold)),
        historyReplayMs: round(replayMs),
        historyReplayCpuMs: round(replayCpuMs),
      },
      loadAverage: { atEnd: os.loadavg().map((value) => round(value, 2)) },
    },
    null,
    2,
  ),
);
