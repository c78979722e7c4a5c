// Resolves the corpus clone for the corpus and bench scripts: the path given, or a
// fresh clone of the shared StateTrace bundle in a temporary directory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function corpusClone(given) {
  if (given) return resolve(given);
  const bundle = resolve('..', 'shared', 'corpus', 'statetrace', 'statetrace-docs.bundle');
  if (!existsSync(bundle)) {
    console.error('usage: npm run <corpus|bench> -- <path-to-git-clone> (no clone given and no shared bundle found)');
    process.exit(2);
  }
  const target = join(mkdtempSync(join(tmpdir(), 'doc-sync-corpus-')), 'statetrace-docs');
  execFileSync('git', ['clone', '-q', bundle, target]);
  return target;
}

/** Every first-parent commit of a clone that has a parent, as the pull request parent -> commit, oldest first. */
export function firstParentPairs(clone) {
  return execFileSync('git', ['rev-list', '--reverse', '--first-parent', '--parents', 'HEAD'], { cwd: clone, encoding: 'utf8', maxBuffer: 1 << 28 })
    .trim()
    .split('\n')
    .map((line) => line.split(' '))
    .filter((ids) => ids.length >= 2)
    .map(([head, base]) => ({ base, head }));
}
