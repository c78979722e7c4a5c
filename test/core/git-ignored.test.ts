import { folderOfGlob, sessionLogsIgnoredAt } from '../../src/core/git-ignored.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

const ignoredAt = async (tree: Tree, globs: string[]) => {
  const repo = new MemoryRepo({ head: tree });
  return { reason: await sessionLogsIgnoredAt(repo, 'head', globs), reads: repo.blobReads.length };
};

describe('sessionLogsIgnoredAt', () => {
  test.each([
    ['docs/agents/sessions/*.md', 'docs/agents/sessions'],
    ['logs/**/*.md', 'logs'],
    ['**/sessions/*.md', ''],
    ['./docs/sessions/*.md', 'docs/sessions'],
    ['docs/sessions/log.md', 'docs/sessions'],
    ['log.md', ''],
  ])('the folder of %s is %p', (glob, folder) => {
    expect(folderOfGlob(glob)).toBe(folder);
  });

  test('names the folder, the .gitignore and its 1-based line', async () => {
    const { reason } = await ignoredAt({ 'docs/.gitignore': '# notes\r\n\r\nagents/sessions/\r\n' }, ['docs/agents/sessions/*.md']);
    expect(reason).toBe('docs/agents/sessions/ is git-ignored (docs/.gitignore line 3: agents/sessions/)');
  });

  test.each<[string, Tree, string[]]>([
    ['no .gitignore at all', { 'docs/a.md': 'x' }, ['docs/agents/sessions/*.md']],
    ['one of two session-log folders can still take a log', { '.gitignore': 'old-sessions/\n' }, ['old-sessions/*.md', 'docs/sessions/*.md']],
    ['the folder is outside the repository (no .gitignore judges it)', { '.gitignore': 'x/\n' }, ['../x/*.md']],
    ['the folder is absolute', { '.gitignore': 'x/\n' }, ['/x/*.md']],
    ['a glob that starts with a wildcard can put a log anywhere', { '.gitignore': 'sessions/\n' }, ['**/sessions/*.md']],
    ['a .gitignore inside the folder speaks for its files, not for the folder', { 'docs/sessions/.gitignore': 'sessions/\n' }, ['docs/sessions/*.md']],
  ])('null when %s', async (_name, tree, globs) => {
    expect((await ignoredAt(tree, globs)).reason).toBeNull();
  });

  test('reads only the .gitignore files on the way to the folders', async () => {
    const { reads } = await ignoredAt({ '.gitignore': '*.log\n', 'docs/.gitignore': 'x\n', 'src/.gitignore': 'y\n', 'docs/plans/.gitignore': 'z\n' }, ['docs/agents/sessions/*.md']);
    expect(reads).toBe(2);
  });

  test('every folder ignored: one reason each', async () => {
    const { reason } = await ignoredAt({ '.gitignore': 'a/\nb/\n' }, ['a/*.md', 'b/*.md']);
    expect(reason).toBe('a/ is git-ignored (.gitignore line 1: a/); b/ is git-ignored (.gitignore line 2: b/)');
  });
});
