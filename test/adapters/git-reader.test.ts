import { RevisionError } from '../../src/errors.js';
import { defaultBase, findRepositoryRoot, GitReader } from '../../src/adapters/git/git-reader.js';
import { GitFixture } from '../support/git-fixture.js';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

describe('GitReader on a real repository', () => {
  let repo: GitFixture;
  let first: string;
  let second: string;
  beforeAll(() => {
    repo = new GitFixture();
    first = repo.commit({ 'docs/a.md': 'one\n', 'docs/bin.dat': new Uint8Array([0, 1, 2]), 'src/x.ts': 'x' });
    second = repo.commit({ 'docs/a.md': 'one\r\ntwo\r\n', 'docs/b.md': '\uFEFFb\n', 'src/x.ts': 'x' });
  });
  afterAll(() => repo.remove());

  test('resolves revisions to full SHAs and explains unknown ones', async () => {
    const reader = new GitReader(repo.root);
    await expect(reader.resolveRevision('HEAD')).resolves.toBe(second);
    await expect(reader.resolveRevision('HEAD~1')).resolves.toBe(first);
    await expect(reader.resolveRevision('no-such-branch')).rejects.toThrow(/unknown revision "no-such-branch"/);
    await expect(reader.resolveRevision('--output=x')).rejects.toBeInstanceOf(RevisionError);
  });

  test('lists only accepted files with their blob ids, and reads exact bytes in one batch', async () => {
    const reader = new GitReader(repo.root);
    const files = await reader.listFiles(second, (path) => path.startsWith('docs/'));
    expect([...files.keys()].sort()).toEqual(['docs/a.md', 'docs/b.md']);
    const blobs = await reader.readBlobs([...files.values()]);
    expect(new TextDecoder().decode(blobs.get(files.get('docs/a.md')!))).toBe('one\r\ntwo\r\n');
    expect([...blobs.get(files.get('docs/b.md')!)!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const old = await reader.listFiles(first, (path) => path.endsWith('.dat'));
    expect([...(await reader.readBlobs([...old.values()])).values()][0]).toEqual(new Uint8Array([0, 1, 2]));
  });

  test('finds the repository root from a subdirectory, and refuses a non-repository', async () => {
    mkdirSync(join(repo.root, 'docs', 'deep'), { recursive: true });
    await expect(findRepositoryRoot(join(repo.root, 'docs', 'deep'))).resolves.toMatch(/doc-sync-test-/);
    await expect(findRepositoryRoot('/')).rejects.toThrow(/not inside a git repository/);
  });

  test('the default base is the merge base with origin/HEAD, and its absence is explained', async () => {
    await expect(defaultBase(repo.root, 'HEAD')).rejects.toThrow(/pass --base/);
    repo.git('update-ref', 'refs/remotes/origin/main', first);
    await expect(defaultBase(repo.root, 'HEAD')).resolves.toBe(first);
    repo.git('update-ref', '-d', 'refs/remotes/origin/main');
  });

  test('the default base asks the reader for the merge base, and refuses head on the default branch itself', async () => {
    repo.git('update-ref', 'refs/remotes/origin/main', first);
    const asked: string[][] = [];
    const reader = new GitReader(repo.root);
    const recording = Object.assign(Object.create(reader) as GitReader, {
      mergeBase: (base: string, head: string) => {
        asked.push([base, head]);
        return reader.mergeBase(base, head);
      },
    });
    await expect(defaultBase(repo.root, 'HEAD', recording)).resolves.toBe(first);
    expect(asked).toEqual([['refs/remotes/origin/main', second]]);
    await expect(defaultBase(repo.root, 'HEAD~1')).rejects.toThrow(/is on origin\/main itself/);
    await expect(defaultBase(repo.root, 'no-such-branch')).rejects.toThrow(/unknown revision "no-such-branch"/);
    repo.git('update-ref', '-d', 'refs/remotes/origin/main');
  });
});
