// npm run fuzz -- [path-to-clone] [--cases N] [--seed S] [--timeout MS] [--memory MB] [--jobs J]
//
// Mutates the planning documents of the corpus's newest commit (hostile blocks, line
// endings, NUL bytes, broken tables, cut files, random bytes), commits each mutation on
// top of it in a throwaway clone, and runs the built CLI on that one-commit change as a
// child process with a time and heap limit. Reports, per outcome:
//   crash        exit code outside 0/1/2, a stack trace, "unexpected error", or invalid JSON
//   timeout      the case ran past --timeout
//   oom          the case ran out of its --memory heap
//   silent pass  the mutation changed a task row, yet the check passed with no finding
//                and no touched task
// and exits 1 if any case crashed, timed out, ran out of memory or passed silently.
import { execFileSync, spawn } from 'node:child_process';
import { clearTimeout, setTimeout } from 'node:timers';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusClone } from './corpus-clone.mjs';
import { seededRandom } from './seeded-random.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const optionValues = new Set(['--cases', '--seed', '--timeout', '--memory', '--jobs'].flatMap((flag) => (args.includes(flag) ? [args[args.indexOf(flag) + 1]] : [])));
const cases = option('cases', 120);
const firstSeed = option('seed', 1);
const timeoutMs = option('timeout', 60_000);
const memoryMb = option('memory', 768);
const jobs = option('jobs', 2);
const clone = corpusClone(args.find((arg) => !arg.startsWith('--') && !optionValues.has(arg)));
const cli = resolve('dist/cli.js');
const git = (cwd, ...gitArgs) => execFileSync('git', gitArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });

const pick = (random, items) => items[Math.floor(random() * items.length)];

const documents = git(clone, 'ls-tree', '-r', '--name-only', 'HEAD')
  .split('\n')
  .filter((path) => /^docs\/(StateTrace_TaskBoard\.md|CODEX_BACKLOG\.md|taskboard\/.*\.csv|plans\/.*\.md)$/.test(path));

const latin1 = (bytes) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Hostile blocks from issue 9, and the everyday damage of hand-edited boards. */
const BLOCKS = {
  crRun: () => `${'\r'.repeat(120_000)}x`,
  delimiterSpaces: () => `|-${' '.repeat(60_000)}a`,
  stars: () => `${'*a'.repeat(40_000)}`,
  brackets: () => `${'[a]'.repeat(27_000)}`,
  quotes: () => `${'>'.repeat(6000)} x`,
  nestedList: () => Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
  bigTable: () => ['| ID | Title |', '|---|---|', ...Array.from({ length: 40_000 }, (_, i) => `| ST-Z-${i} | [t](x${i}.md) |`)].join('\n'),
  pipeLines: () => Array.from({ length: 60 }, () => '|'.repeat(60_000)).join('\n'),
  comment: () => '<!--',
  details: () => '<details>',
  fence: () => '```',
  div: () => '<div>',
};

/** One mutation of one document's bytes; returns the new bytes and what was done. */
function mutate(bytes, random) {
  let text = latin1(bytes);
  const lines = text.split('\n');
  const kind = pick(random, ['block', 'block', 'line-endings', 'nul', 'row', 'row', 'cut', 'bytes', 'bom']);
  const at = Math.floor(random() * lines.length);
  switch (kind) {
    case 'block': {
      const name = pick(random, Object.keys(BLOCKS));
      lines.splice(at, 0, BLOCKS[name]());
      return { bytes: fromLatin1(lines.join('\n')), what: `block ${name} at line ${at + 1}` };
    }
    case 'line-endings': {
      const ending = pick(random, ['\r', '\r\n', '\r\r\r\r\n']);
      return { bytes: fromLatin1(text.replace(/\r?\n/g, ending)), what: `line endings ${JSON.stringify(ending)}` };
    }
    case 'nul': {
      const offset = Math.min(text.length, 8000 + Math.floor(random() * Math.max(1, text.length - 8000)));
      return { bytes: fromLatin1(`${text.slice(0, offset)}\0${text.slice(offset)}`), what: `NUL at byte ${offset}` };
    }
    case 'row': {
      const rows = lines.map((line, index) => [line, index]).filter(([line]) => /ST-[A-Z]-\d+/.test(line) && /^[|"]|,/.test(line));
      if (rows.length === 0) return { bytes, what: 'no row to change' };
      const [line, index] = pick(random, rows);
      const how = pick(random, ['delete', 'duplicate', 'drop-pipe', 'status', 'split']);
      if (how === 'delete') lines.splice(index, 1);
      else if (how === 'duplicate') lines.splice(index, 0, line);
      else if (how === 'drop-pipe') lines[index] = line.replace('|', ' ');
      else if (how === 'status') lines[index] = line.replace(/Done|In Progress|Ready|Backlog|Blocked/, pick(random, ['Done', 'In Progress', 'Blocked']));
      else lines.splice(index, 1, line.slice(0, line.length >> 1), line.slice(line.length >> 1));
      return { bytes: fromLatin1(lines.join('\n')), what: `row ${how} at line ${index + 1}` };
    }
    case 'cut': {
      const offset = Math.floor(random() * text.length);
      return { bytes: fromLatin1(text.slice(0, offset)), what: `cut at byte ${offset}` };
    }
    case 'bytes': {
      const out = new Uint8Array(bytes);
      for (let n = 1 + Math.floor(random() * 20); n > 0; n--) out[Math.floor(random() * out.length)] = pick(random, [0x7c, 0x5c, 0x60, 0x0d, 0x0a, 0x22, 0x2c, 0xff, 0xc3, 0x3c]);
      return { bytes: out, what: 'random bytes' };
    }
    default: {
      const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      return { bytes: hasBom ? bytes.subarray(3) : new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), what: hasBom ? 'BOM removed' : 'BOM added' };
    }
  }
}

/** Task rows (a Markdown row or a CSV record with an ID) that differ between two texts. */
function changedTaskRows(before, after) {
  // Outer pipes and spaces are optional in GFM rows: `| a | b |` and ` a | b |` are the same row.
  const normalized = (line) => line.trim().replace(/^\|/, '').replace(/\|$/, '').trim();
  const rows = (text) =>
    new Set(text.split(/\r\n|\r|\n/).filter((line) => /ST-[A-Z]-\d+/.test(line) && (line.includes('|') || line.includes(','))).map(normalized));
  const a = rows(before);
  const b = rows(after);
  return [...a].some((row) => !b.has(row)) || [...b].some((row) => !a.has(row));
}

function run(cwd) {
  return new Promise((resolveRun) => {
    const started = performance.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${memoryMb}`, cli, 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolveRun({ code, signal, stdout, stderr, timedOut, ms: Math.round(performance.now() - started) });
    });
  });
}

function classify(result, rowsChanged) {
  if (result.timedOut) return 'timeout';
  if (/heap out of memory/i.test(result.stderr) || result.code === 134 || result.signal === 'SIGABRT') return 'oom';
  if (![0, 1, 2].includes(result.code) || /\n\s+at |unexpected error/.test(result.stderr)) return 'crash';
  if (result.code === 2) return /too complex to check/.test(result.stderr) ? 'refused: too complex' : 'refused: other';
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return 'crash';
  }
  const silent = report.result === 'pass' && report.findings.length === 0 && report.summary.tasksTouched === 0;
  if (silent && rowsChanged) return 'silent pass';
  return report.result === 'fail' ? 'fail' : report.findings.length > 0 ? 'pass with findings' : 'pass';
}

const work = mkdtempSync(join(tmpdir(), 'doc-sync-fuzz-'));
const outcomes = new Map();
const bad = [];
const times = [];
async function fuzzCase(seed) {
  const random = seededRandom(seed);
  const dir = join(work, `case-${seed}`);
  git(work, 'clone', '-q', '--shared', clone, dir);
  git(dir, 'config', 'user.email', 'fuzz@example.invalid');
  git(dir, 'config', 'user.name', 'fuzz');
  const file = pick(random, documents);
  const before = readFileSync(join(dir, file));
  const { bytes, what } = mutate(new Uint8Array(before), random);
  writeFileSync(join(dir, file), bytes);
  git(dir, 'commit', '-q', '-a', '--allow-empty', '-m', `fuzz ${seed}`);
  const result = await run(dir);
  // The plan index lists plans, not tasks: a changed line there touches no task.
  const rowsChanged = !file.endsWith('PlanIndex.md') && changedTaskRows(latin1(before), latin1(bytes));
  const outcome = classify(result, rowsChanged);
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  times.push(result.ms);
  if (['crash', 'timeout', 'oom', 'silent pass'].includes(outcome)) {
    bad.push({ seed, file, what, outcome, code: result.code, ms: result.ms, stderr: result.stderr.split('\n').slice(0, 3).join(' | ') });
  }
  rmSync(dir, { recursive: true, force: true });
}

const seeds = Array.from({ length: cases }, (_, index) => firstSeed + index);
const started = performance.now();
await Promise.all(
  Array.from({ length: jobs }, async () => {
    for (let seed = seeds.shift(); seed !== undefined; seed = seeds.shift()) await fuzzCase(seed);
  }),
);
rmSync(work, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      cases,
      seeds: [firstSeed, firstSeed + cases - 1],
      limits: { timeoutMs, memoryMb },
      outcomes: Object.fromEntries([...outcomes].sort()),
      caseMs: { median: times[times.length >> 1], max: times.at(-1) },
      wallMs: Math.round(performance.now() - started),
      failures: bad,
    },
    null,
    2,
  ),
);
process.exitCode = bad.length > 0 ? 1 : 0;
