import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Tree } from './memory-repo.js';

/** A real git repository in a temporary directory, for adapter and CLI tests. */
export class GitFixture {
  readonly root = mkdtempSync(join(tmpdir(), 'doc-sync-test-'));

  constructor() {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'core.autocrlf', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  /** Replaces the work tree's files with `tree` (exact bytes) and commits; returns the SHA. */
  commit(tree: Tree, message = 'change'): string {
    for (const entry of this.git('ls-files').split('\n').filter(Boolean)) rmSync(join(this.root, entry));
    for (const [path, content] of Object.entries(tree)) {
      const target = join(this.root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
