import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The shared StateTrace bundle: $DOC_SYNC_CORPUS_BUNDLE, or shared/corpus/... in this directory or one above it. */
export function findCorpusBundle(): string | null {
  const fromEnv = process.env.DOC_SYNC_CORPUS_BUNDLE;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (let dir = resolve('.'); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpus', 'statetrace', 'statetrace-docs.bundle');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Every distinct blob of the Markdown planning documents in the bundle's whole history, as text. */
export function corpusMarkdownBlobs(bundle: string): { oid: string; path: string; text: string }[] {
  const clone = join(mkdtempSync(join(tmpdir(), 'doc-sync-oracle-')), 'corpus');
  execFileSync('git', ['clone', '-q', '--bare', bundle, clone]);
  const git = (...args: string[]) => execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seen = new Map<string, string>();
  for (const line of git('rev-list', '--objects', '--all').split('\n')) {
    const [oid, path] = line.split(' ');
    if (oid && path?.endsWith('.md') && !seen.has(oid)) seen.set(oid, path);
  }
  return [...seen].map(([oid, path]) => ({ oid, path, text: git('cat-file', 'blob', oid) }));
}
