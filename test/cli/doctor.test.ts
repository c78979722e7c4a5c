import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GitFixture } from '../support/git-fixture.js';
import { cli } from './run-cli.js';

/** Another team's layout: a board under planning/ with a Stage column, which the defaults do not find. */
const opsBoard = ['# Ops', '', '| ID | Title | Stage |', '|----|-------|-------|', '| OPS-7 | Rotate keys | Done |', '| OPS-8 | Expire tokens | Todo |', ''].join('\n');
const opsConfig = [
  'paths:',
  '  board: planning/board.md',
  '  planIndex: null',
  '  sessionLogs: []',
  'ids:',
  "  pattern: 'OPS-\\d+'",
  'columns:',
  '  status: ["Stage"]',
  '',
].join('\n');
const CONFIG = '.github/doc-sync.yml';

describe('doc-sync doctor', () => {
  let repo: GitFixture;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo.root, path)), { recursive: true });
    writeFileSync(join(repo.root, path), text);
  };
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit({ 'planning/board.md': opsBoard }, 'ops docs');
  });
  afterEach(() => repo.remove());

  test('looks at the working tree with its config by default: a config written (not yet committed) is the one used', async () => {
    write(CONFIG, opsConfig);
    write('planning/board.md', opsBoard.replace('| OPS-8 | Expire tokens | Todo |', '| OPS-8 | Expire tokens | Doing |'));
    const result = await cli(repo.root, 'doctor');
    expect(result.stdout).toMatch(/^doc-sync doctor in the working tree\n/);
    expect(result.stdout).toMatch(/^Config: \.github\/doc-sync\.yml in the working tree\n {2}found in the working tree /m);
    expect(result.stdout).toMatch(/^ {2}paths\.board +planning\/board\.md {2}found$/m);
    // The uncommitted edit is what is seen.
    expect(result.stdout).toMatch(/^ {2}in-progress +"Doing"$/m);
    // With the defaults the board would be looked for at docs/StateTrace_TaskBoard.md.
    expect(result.stdout).not.toMatch(/StateTrace_TaskBoard/);
    expect(result.stdout).toMatch(/^Needs config \(3\):$/m);
    expect(result.code).toBe(1);
  });

  test('--rev REV looks at a commit, with the config at that commit', async () => {
    write(CONFIG, opsConfig);
    const result = await cli(repo.root, 'doctor', '--rev', 'HEAD');
    expect(result.stdout).toMatch(new RegExp(`^doc-sync doctor at ${repo.git('rev-parse', '--short=7', 'HEAD')}\\n`));
    expect(result.stdout).toMatch(/^Config: the defaults \(StateTrace layout\)\n {2}no \.github\/doc-sync\.yml or \.github\/doc-sync\.yaml at HEAD, so the defaults apply/m);
    expect(result.code).toBe(1);
  });

  test('before the first commit, right after "doc-sync init": the working tree is looked at', async () => {
    const fresh = new GitFixture();
    try {
      mkdirSync(join(fresh.root, 'planning'));
      writeFileSync(join(fresh.root, 'planning/board.md'), opsBoard);
      expect((await cli(fresh.root, 'init')).code).toBe(0);
      const result = await cli(fresh.root, 'doctor');
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Config: \.github\/doc-sync\.yml in the working tree$/m);
    } finally {
      fresh.remove();
    }
  });

  test.each([
    [['doctor', '--config', 'nope.yml'], /^doc-sync: the config file nope\.yml does not exist in the working tree; check the path\n$/],
    [['doctor', '--rev', 'HEAD', '--config', CONFIG], /^doc-sync: the config file \.github\/doc-sync\.yml does not exist at HEAD; check the path, or drop --rev to use the working tree's\n$/],
  ])('%j: a missing --config is one CLI sentence, exit 2', async (argv, message) => {
    write(CONFIG, opsConfig);
    const result = await cli(repo.root, ...argv);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/"config" input/);
    expect(result.code).toBe(2);
  });
});
