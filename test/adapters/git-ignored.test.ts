import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitReader } from '../../src/adapters/git/git-reader.js';
import { WorkingTreeReader, WORKING_TREE } from '../../src/adapters/git/local-readers.js';
import { defaultConfig } from '../../src/config/load.js';
import { runCheck } from '../../src/core/check.js';
import { sessionLogsIgnoredAt } from '../../src/core/git-ignored.js';
import type { RepoReader } from '../../src/core/ports.js';
import { enabledRules } from '../../src/rules/index.js';
import { consistentTree, sessionLog, sessionPath } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';

const LOGS = 'docs/agents/sessions/*.md';

/** What git itself says: would a new log in the folder be ignored (the index aside)? */
function gitIgnoresNewLog(root: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', '--no-index', 'docs/agents/sessions/2026-01-05_session-0001.md'], { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('.gitignore read through the git readers', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
  });
  afterEach(() => repo.remove());

  test.each<[string, Record<string, string>, boolean]>([
    ['the folder at the root', { '.gitignore': 'docs/agents/sessions/\n' }, true],
    ['an unanchored folder name', { '.gitignore': 'sessions/\n' }, true],
    ['a parent folder', { '.gitignore': '/docs/agents\n' }, true],
    ['a nested .gitignore', { 'docs/.gitignore': 'agents/sessions/\n' }, true],
    ['a later negation', { '.gitignore': 'docs/agents/sessions/\n!docs/agents/sessions/\n' }, false],
    ['a deeper negation', { '.gitignore': 'docs/agents/sessions/\n', 'docs/agents/.gitignore': '!sessions/\n' }, false],
    ['an anchored folder elsewhere', { '.gitignore': '/sessions/\n*.log\n' }, false],
    ['a negation cannot re-include under an ignored parent', { '.gitignore': 'docs/agents/\n!docs/agents/sessions/\n' }, true],
  ])('agrees with git check-ignore: %s', async (_name, ignores, ignored) => {
    const head = repo.commit({ ...consistentTree([{ id: 'ST-B-001' }]), ...ignores });
    const ours = (await sessionLogsIgnoredAt(new GitReader(repo.root), head, [LOGS])) !== null;
    expect([ours, gitIgnoresNewLog(repo.root)]).toEqual([ignored, ignored]);
  });

  test('a committed head that ignores the folder turns the session rules off; the working tree decides for itself', async () => {
    const tree = { ...consistentTree([{ id: 'ST-B-001', status: 'In Progress' }]), [sessionPath(1)]: sessionLog(['ST-B-000']) };
    const base = repo.commit(tree, 'logs tracked');
    const head = repo.commit({ ...tree, ...consistentTree([{ id: 'ST-B-001', status: 'Done' }]), [sessionPath(1)]: sessionLog(['ST-B-000']), '.gitignore': 'docs/agents/sessions/\n' }, 'ignore the logs, move a task');
    const config = defaultConfig();
    const check = async (reader: RepoReader, at: string) =>
      (await runCheck({ reader, config, rules: enabledRules(config), configSource: 'the defaults', rulesOff: [], base, head: at, mode: 'change' })).report;

    const committed = await check(new GitReader(repo.root), head);
    expect(committed.findings.map((finding) => finding.rule)).not.toContain('session-log-missing');
    expect(committed.config?.offByLayout?.[0]).toEqual({
      rule: 'session-log-missing',
      reason: `docs/agents/sessions/ is git-ignored (.gitignore line 1: docs/agents/sessions/) at ${head.slice(0, 7)}: session logs are kept out of git, so no change can add one`,
    });

    // Un-ignoring in the working tree (not committed) brings the rule back.
    writeFileSync(join(repo.root, '.gitignore'), '*.log\n');
    const working = await check(new WorkingTreeReader(repo.root), WORKING_TREE);
    expect(working.findings).toContainEqual(expect.objectContaining({ rule: 'session-log-missing', taskIds: ['ST-B-001'] }));
    expect(working.config).toEqual({ source: 'the defaults', rulesOff: [] });
  });
});
