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

  test('lists files in the order and with the modes git ls-tree -r gives, from one cat-file process, cached', async () => {
    const nested = repo.commit({
      'docs/a.md': 'a\n',
      'docs/a-b.md': 'ab\n',
      'docs/a/deep/x.md': 'x\n',
      'docs/z.md': 'z\n',
      'docs/ünïcode name.md': 'u\n',
      'run.sh': '#!/bin/sh\n',
      'src/x.ts': 'x',
    });
    repo.git('update-index', '--chmod=+x', 'run.sh');
    repo.git('update-index', '--add', '--cacheinfo', `160000,${first},vendor/sub`);
    repo.git('commit', '-q', '-m', 'executable and a submodule');
    const tip = repo.git('rev-parse', 'HEAD');
    const lsTree = repo
      .git('-c', 'core.quotePath=false', 'ls-tree', '-r', tip)
      .split('\n')
      .filter((line) => line.includes(' blob '))
      .map((line) => {
        const [meta, path] = line.split('\t');
        const [mode, , oid] = meta!.split(' ');
        return [path, { oid, mode }];
      });
    const reader = new GitReader(repo.root);
    const listed = await reader.listEntries(tip, () => true);
    expect([...listed]).toEqual(lsTree);
    expect(listed.get('run.sh')?.mode).toBe('100755');
    expect(listed.has('vendor/sub')).toBe(false);
    // Another listing, a revision and blobs: still the one process.
    expect([...(await reader.listFiles(nested, (path) => path.startsWith('docs/a'))).keys()]).toEqual(['docs/a-b.md', 'docs/a.md', 'docs/a/deep/x.md']);
    await reader.resolveRevision('HEAD~1');
    await reader.readBlobs([...listed.values()].map((entry) => entry.oid));
    expect(reader.processesStarted).toBe(1);
    await expect(reader.listFiles('no-such-branch', () => true)).rejects.toThrow(/cannot list the files at no-such-branch/);
    reader.close();
  });

  test('a repository too large to walk tree by tree is listed with git ls-tree, with the same answer', async () => {
    const walked = new GitReader(repo.root);
    const listedBig = new GitReader(repo.root, { treeWalkMaxEntries: 2 });
    for (const revision of [second, first]) {
      expect([...(await listedBig.listEntries(revision, () => true))]).toEqual([...(await walked.listEntries(revision, () => true))]);
    }
    walked.close();
    listedBig.close();
  });

  test('a tree cache that fills up during a listing still lists every file, and keeps listing', async () => {
    // A long replay fills the cache; emptying it must not drop trees the listing under way still walks.
    const tight = new GitReader(repo.root, { treeCacheMaxEntries: 3 });
    const roomy = new GitReader(repo.root);
    const tip = repo.git('rev-parse', 'HEAD');
    for (const revision of [tip, second, first, tip]) {
      expect([...(await tight.listEntries(revision, () => true))]).toEqual([...(await roomy.listEntries(revision, () => true))]);
    }
    tight.close();
    roomy.close();
  });

  test('the merge base of two full ids, asked twice at once, is one answer; none shared is an error', async () => {
    const reader = new GitReader(repo.root);
    const [a, b] = await Promise.all([reader.mergeBase(first, second), reader.mergeBase(first, second)]);
    expect([a, b]).toEqual([first, first]);
    await expect(reader.mergeBase(first, '0'.repeat(40))).rejects.toThrow(/share no history/);
    reader.close();
  });
});
