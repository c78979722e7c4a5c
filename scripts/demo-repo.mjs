// Shared by the demo scripts: a throwaway git repository with a fixture's base and head
// trees committed in turn (fixtures/<name>/base, fixtures/<name>/head).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Builds the repository; `messages` are the base and head commit messages. Returns its path and a git runner. */
export function demoRepository(root, fixture, messages) {
  const repo = mkdtempSync(join(tmpdir(), `doc-sync-${fixture}-`));
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'demo@example.com');
  git('config', 'user.name', 'doc-sync demo');
  git('config', 'core.autocrlf', 'false');
  for (const [index, side] of ['base', 'head'].entries()) {
    for (const entry of readdirSync(repo)) if (entry !== '.git') rmSync(join(repo, entry), { recursive: true });
    cpSync(join(root, 'fixtures', fixture, side), repo, { recursive: true });
    git('add', '-A');
    git('commit', '-q', '-m', messages[index]);
  }
  return { repo, git };
}
