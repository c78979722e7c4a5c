import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gitBlobId, IndexReader, INDEX, localBase, WORKING_TREE, WorkingTreeReader } from '../../src/adapters/git/local-readers.js';
import { GitFixture } from '../support/git-fixture.js';

const docs = (path: string) => path.startsWith('docs/');
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('working-tree and index readers on a real repository', () => {
  let repo: GitFixture;
  let head: string;
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(repo.root, path)), { recursive: true });
    writeFileSync(join(repo.root, path), content);
  };
  beforeEach(() => {
    repo = new GitFixture();
    head = repo.commit({ 'docs/same.md': 'same\n', 'docs/edited.md': 'old\n', 'docs/gone.md': 'gone\n', 'docs/staged.md': 'v1\n', 'src/x.ts': 'x' });
  });
  afterEach(() => repo.remove());

  async function contents(reader: WorkingTreeReader | IndexReader, revision: string): Promise<Record<string, string>> {
    const files = await reader.listFiles(revision, docs);
    const blobs = await reader.readBlobs([...files.values()]);
    return Object.fromEntries([...files].sort().map(([path, oid]) => [path, text(blobs.get(oid))]));
  }

  test('the working tree: edits on disk, untracked files, deletions; unchanged files keep their commit blob id', async () => {
    write('docs/edited.md', 'new\n');
    write('docs/staged.md', 'v2\n');
    repo.git('add', 'docs/staged.md');
    write('docs/staged.md', 'v3\n'); // staged v2, then edited again on disk
    write('docs/new/plan.md', 'untracked\n');
    rmSync(join(repo.root, 'docs/gone.md'));
    write('docs/ignored.md', 'ignored\n');
    write('.gitignore', 'docs/ignored.md\n');

    const reader = new WorkingTreeReader(repo.root);
    await expect(reader.resolveRevision(WORKING_TREE)).resolves.toBe(WORKING_TREE);
    expect(await contents(reader, WORKING_TREE)).toEqual({
      'docs/edited.md': 'new\n',
      'docs/new/plan.md': 'untracked\n',
      'docs/same.md': 'same\n',
      'docs/staged.md': 'v3\n',
    });
    const atHead = await reader.listFiles(head, docs);
    const now = await reader.listFiles(WORKING_TREE, docs);
    expect(now.get('docs/same.md')).toBe(atHead.get('docs/same.md'));
    expect(now.get('docs/edited.md')).toBe(gitBlobId(new TextEncoder().encode('new\n')));
    expect(now.get('docs/edited.md')).toBe(repo.git('hash-object', 'docs/edited.md'));
  });

  test('the index: what git commit would record, whatever the working tree says', async () => {
    write('docs/staged.md', 'v2\n');
    repo.git('add', 'docs/staged.md');
    write('docs/staged.md', 'v3\n');
    write('docs/edited.md', 'unstaged\n');
    write('docs/added.md', 'added\n');
    repo.git('add', 'docs/added.md');
    repo.git('rm', '-q', 'docs/gone.md');
    write('docs/untracked.md', 'not staged\n');

    const reader = new IndexReader(repo.root);
    await expect(reader.resolveRevision(INDEX)).resolves.toBe(INDEX);
    expect(await contents(reader, INDEX)).toEqual({
      'docs/added.md': 'added\n',
      'docs/edited.md': 'old\n',
      'docs/same.md': 'same\n',
      'docs/staged.md': 'v2\n',
    });
  });

  test('a symlink is read as git stores it (its target), other revisions pass through, the merge base is HEAD\'s', async () => {
    symlinkSync('same.md', join(repo.root, 'docs/link.md'));
    const reader = new WorkingTreeReader(repo.root);
    expect((await contents(reader, WORKING_TREE))['docs/link.md']).toBe('same.md');
    await expect(reader.resolveRevision('HEAD')).resolves.toBe(head);
    expect([...(await reader.listFiles(head, docs)).keys()].sort()).toEqual(['docs/edited.md', 'docs/gone.md', 'docs/same.md', 'docs/staged.md']);
    await expect(reader.mergeBase(head, WORKING_TREE)).resolves.toBe(head);
  });

  test('an unresolved conflict in a listed file is an error for the index, with what to do', async () => {
    repo.git('checkout', '-q', '-b', 'other');
    repo.commit({ 'docs/same.md': 'theirs\n' }, 'theirs');
    repo.git('checkout', '-q', 'main');
    repo.commit({ 'docs/same.md': 'ours\n' }, 'ours');
    try {
      repo.git('merge', '-q', 'other');
    } catch {
      // the conflict is the point
    }
    await expect(new IndexReader(repo.root).listFiles(INDEX, docs)).rejects.toThrow(/docs\/same\.md has unresolved merge conflicts in the index; resolve them/);
    // The working tree holds the file with its conflict markers, which is what is on disk.
    expect((await contents(new WorkingTreeReader(repo.root), WORKING_TREE))['docs/same.md']).toMatch(/^<<<<<<< /);
  });

  test('the default base of local work: HEAD without a remote or on its default branch, else the merge base', async () => {
    await expect(localBase(repo.root)).resolves.toEqual({ commit: head, why: 'HEAD (no remote default branch)' });
    repo.git('update-ref', 'refs/remotes/origin/main', head);
    await expect(localBase(repo.root)).resolves.toEqual({ commit: head, why: 'HEAD (on origin/main)' });
    const next = repo.commit({ 'docs/same.md': 'next\n' }, 'on a branch');
    await expect(localBase(repo.root)).resolves.toEqual({ commit: head, why: 'the merge base with origin/main' });
    expect(next).not.toBe(head);
  });

  test('a repository with no commit yet has no base', async () => {
    const empty = new GitFixture();
    try {
      await expect(localBase(empty.root)).resolves.toEqual({ commit: null, why: 'no commit yet' });
    } finally {
      empty.remove();
    }
  });
});
