import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfig } from '../../src/config/load.js';
import { runCli } from '../../src/cli.js';
import { GitFixture } from '../support/git-fixture.js';

async function init(root: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  let stdout = '';
  const code = await runCli(['init'], { cwd: root, stdout: (text) => (stdout += text), stderr: () => undefined });
  return { code, stdout, written: readFileSync(join(root, '.github', 'doc-sync.yml'), 'utf8') };
}

describe('doc-sync init detects the preset from marker files', () => {
  test.each([
    [{ '.kiro/specs/a/tasks.md': '- [ ] 1. A\n' }, 'kiro', 'wrote .github/doc-sync.yml for the kiro preset (found its files)'],
    [{ 'backlog/config.yml': 'statuses: [To Do, Done]\n', '.specify/memory/constitution.md': '# c\n' }, 'spec-kit', 'for the spec-kit preset; also found backlog-md (listed in the file)'],
    [{ 'README.md': '# nothing to detect\n' }, 'statetrace', 'wrote .github/doc-sync.yml; every key'],
  ])('%j → preset %s', async (files, preset, said) => {
    const repo = new GitFixture();
    try {
      const result = await init(repo.root, files);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(said);
      expect(parseConfig(result.written, 'init output').preset).toBe(preset);
    } finally {
      repo.remove();
    }
  });
});
