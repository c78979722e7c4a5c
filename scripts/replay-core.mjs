// The pieces every history replay shares (scripts/corpus-replay.mjs for the StateTrace
// corpus, scripts/replay-repo.mjs for other repositories and presets): git in a clone,
// one pull request (parent -> commit) through the built API, the JSON-lines dump,
// per-rule counts and time percentiles. One copy, so both replays count the same way.
import { execFileSync } from 'node:child_process';
import { DocSyncError, describeError, runCheck } from '../dist/api.js';

/** A git runner in `clone` that returns stdout as text (stderr discarded). */
export function gitIn(clone) {
  return (...gitArgs) =>
    execFileSync('git', gitArgs, { cwd: clone, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
}

/** A file's text at a revision with line endings, BOM and blank lines normalised away; null when absent. */
export function normalizedText(git, rev, path) {
  try {
    return git('show', `${rev}:${path}`).replace(/^\uFEFF/, '').replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '').join('\n');
  } catch {
    return null;
  }
}

/** True when every path differs between the revisions only in line endings, a BOM or blank lines. */
export function onlyWhitespaceChanged(git, base, commit, paths) {
  return paths.length > 0 && paths.every((path) => normalizedText(git, base, path) === normalizedText(git, commit, path));
}

/** One finding as a dump line: the shape `npm run corpus -- --dump` has always written. */
export function dumpLine(commit, mode, { rule, severity, taskId, file, line, introduced, message, fix }) {
  return JSON.stringify({ commit: commit.slice(0, 10), mode, rule, severity, taskId, file, line, introduced, message, fix: fix ? fix.text ?? fix.kind : null });
}

/**
 * Runs one check and tells apart what went wrong: an operational error the CLI would print as
 * its exit-2 sentence (a DocSyncError) from a crash (anything else: a bug with a stack).
 */
export async function checkOnce(request) {
  try {
    return { result: await runCheck(request) };
  } catch (error) {
    return { failure: { kind: error instanceof DocSyncError ? 'exit-2' : 'crash', error: describeError(error), stack: error instanceof DocSyncError ? undefined : error?.stack } };
  }
}

/** Counts findings per rule, split into introduced and pre-existing. */
export class RuleCounts {
  #perRule = new Map();

  add(findings) {
    for (const finding of findings) {
      const entry = this.#perRule.get(finding.rule) ?? { introduced: 0, preExisting: 0 };
      entry[finding.introduced ? 'introduced' : 'preExisting']++;
      this.#perRule.set(finding.rule, entry);
    }
  }

  /** Rule id -> counts, sorted by rule id. */
  toObject() {
    return Object.fromEntries([...this.#perRule].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** Median, p95 and max of the times (ms), rounded; 0 when there are none. */
export function timeSummary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  return { median: Math.round(pct(50)), p95: Math.round(pct(95)), max: Math.round(sorted.at(-1) ?? 0) };
}

/** The per-rule table both replays print. */
export function printRuleCounts(findingsPerRule) {
  console.log('findings per rule (introduced / pre-existing):');
  for (const [rule, counts] of Object.entries(findingsPerRule)) console.log(`  ${rule.padEnd(30)} ${String(counts.introduced).padStart(5)} / ${counts.preExisting}`);
}
