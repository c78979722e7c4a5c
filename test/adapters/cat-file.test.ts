import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatFile } from '../../src/adapters/git/cat-file.js';
import { SourceError } from '../../src/errors.js';
import { GitFixture } from '../support/git-fixture.js';

const everyByte = new Uint8Array(Array.from({ length: 256 }, (_, index) => index));
/** More than a pipe delivers at once, so the body arrives in many chunks. */
const large = `${'| T-1 | a row of a large board |\n'.repeat(100_000)}`;

/** Blobs around the size from which a body is filled in place (1 MiB), ending in a newline or not. */
const edges = Object.fromEntries([(1 << 20) - 1, 1 << 20, (1 << 20) + 1].map((size, index) => [`docs/edge-${index}.md`, `${'x'.repeat(size - 1)}${index === 1 ? 'y' : '\n'}`]));

/** Child processes that keep node's event loop running (an idle reader must not be one). */
const runningProcesses = () => process.getActiveResourcesInfo().filter((type) => type === 'ProcessWrap').length;

describe('CatFile: one git cat-file --batch process', () => {
  let repo: GitFixture;
  let head: string;
  beforeAll(() => {
    repo = new GitFixture();
    repo.commit({ 'docs/a.md': 'one\n' });
    head = repo.commit({ 'docs/a.md': 'one\ntwo\n', 'docs/bin.dat': everyByte, 'docs/big.md': large, 'docs/with space.md': 'spaced\n', ...edges });
  });
  afterAll(() => repo.remove());

  test('reads blobs by id and by rev:path, byte for byte, binary and large ones included', async () => {
    const objects = new CatFile(repo.root);
    const id = repo.git('rev-parse', 'HEAD:docs/a.md');
    expect(await objects.read(id)).toEqual({ oid: id, type: 'blob', content: Buffer.from('one\ntwo\n') });
    expect((await objects.read('HEAD~1:docs/a.md'))?.content.toString()).toBe('one\n');
    expect(new Uint8Array((await objects.read('HEAD:docs/bin.dat'))!.content)).toEqual(everyByte);
    expect((await objects.read('HEAD:docs/big.md'))?.content.toString()).toBe(large);
    expect((await objects.read('HEAD:docs/with space.md'))?.content.toString()).toBe('spaced\n');
    expect(await objects.read(`${head}^{commit}`)).toMatchObject({ oid: head, type: 'commit' });
    expect(objects.spawned).toBe(1);
    objects.close();
  });

  test('bodies around the in-place size, requested together, arrive whole and in order', async () => {
    const objects = new CatFile(repo.root);
    const names = Object.keys(edges).flatMap((path) => [`HEAD:${path}`, 'HEAD:docs/a.md']);
    const answers = await Promise.all(names.map((name) => objects.read(name)));
    answers.forEach((answer, index) => expect(answer?.content.toString()).toBe(index % 2 === 0 ? edges[names[index]!.slice(5)] : 'one\ntwo\n'));
    objects.close();
  });

  test('reports missing objects as such and stays in step after them', async () => {
    const objects = new CatFile(repo.root);
    const answers = await Promise.all(
      ['HEAD:docs/none.md', '0'.repeat(40), 'no-such-branch^{commit}', 'two\nlines', '', 'HEAD:docs/a.md'].map((name) => objects.read(name)),
    );
    expect(answers.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(answers[5]?.content.toString()).toBe('one\ntwo\n');
    objects.close();
  });

  test('answers many concurrent requests in the order they were made', async () => {
    const objects = new CatFile(repo.root);
    const names = Array.from({ length: 100 }, (_, index) => ['HEAD:docs/a.md', 'HEAD~1:docs/a.md', 'HEAD:docs/big.md', 'HEAD:docs/missing'][index % 4]!);
    const answers = await Promise.all(names.map((name) => objects.read(name)));
    answers.forEach((answer, index) => {
      const expected = [Buffer.from('one\ntwo\n'), Buffer.from('one\n'), Buffer.from(large), null][index % 4];
      if (expected === null) expect(answer).toBeNull();
      else expect(answer?.content.equals(expected!)).toBe(true);
    });
    expect(objects.spawned).toBe(1);
    objects.close();
  });

  test('an idle process exits by itself, never holds node open, and a later request starts another', async () => {
    const before = runningProcesses();
    const objects = new CatFile(repo.root, 50);
    const pending = objects.read('HEAD:docs/a.md');
    expect(runningProcesses()).toBe(before + 1);
    await pending;
    // Idle: the process is still there for the next request, but unref'd.
    expect(runningProcesses()).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await objects.read('HEAD:docs/a.md'))?.content.toString()).toBe('one\ntwo\n');
    expect(objects.spawned).toBe(2);
    objects.close();
  });

  test('git missing, or a process that dies, is a clear error rather than a hang', async () => {
    await expect(new CatFile(repo.root, 50, join(repo.root, 'no-such-git')).read('HEAD')).rejects.toThrow(/cannot run git/);
    const dir = mkdtempSync(join(tmpdir(), 'doc-sync-dying-git-'));
    const dying = join(dir, 'git');
    writeFileSync(dying, '#!/bin/sh\nread line\necho "fatal: broken" >&2\nexit 3\n');
    chmodSync(dying, 0o755);
    try {
      const objects = new CatFile(repo.root, 50, dying);
      const error = await objects.read('HEAD:docs/a.md').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SourceError);
      expect((error as Error).message).toMatch(/git cat-file --batch .* exited \(code 3\): fatal: broken/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('close() fails what is waiting and leaves the reader usable', async () => {
    const objects = new CatFile(repo.root);
    const waiting = objects.read('HEAD:docs/big.md');
    objects.close();
    await expect(waiting).rejects.toBeInstanceOf(SourceError);
    expect((await objects.read('HEAD:docs/a.md'))?.content.toString()).toBe('one\ntwo\n');
    objects.close();
  });
});
