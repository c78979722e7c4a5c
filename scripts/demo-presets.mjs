// node scripts/demo-presets.mjs (after npm run bundle): each preset demo repository in
// fixtures/presets/<name> checked as a change by the built CLI. A throwaway git repository gets a
// base commit with only the config (`preset: <name>`), then the fixture as head: the planted
// disagreements must fail the gate (exit 1) with exactly the expected rules. Then the same with
// the planted problems repaired: the check must pass (exit 0). Exits non-zero when any outcome
// differs. Pass --keep to keep the repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Per preset: the rules its planted problems must raise, and the edits that repair them. */
const DEMOS = {
  'spec-kit': {
    rules: ['task-id-duplicate'],
    repair: [{ file: 'specs/003-import-rules/tasks.md', from: '- [ ] T002 [US1] Show', to: '- [ ] T004 [US1] Show' }],
  },
  kiro: {
    rules: ['rollup-parent-open-children'],
    repair: [{ file: '.kiro/specs/search-index/tasks.md', from: '- [ ] 2.2 Rank', to: '- [x] 2.2 Rank' }],
  },
  bmad: {
    rules: ['mirror-status-mismatch'],
    // The story is in review: the ledger runs ahead of it, and its epic is not done yet.
    repair: [
      { file: '_bmad-output/implementation-artifacts/sprint-status.yaml', from: '1-2-match-payees: done', to: '1-2-match-payees: review' },
      { file: '_bmad-output/implementation-artifacts/sprint-status.yaml', from: 'epic-1: done', to: 'epic-1: in-progress' },
    ],
  },
  'backlog-md': {
    rules: ['done-with-open-criteria', 'mirror-status-mismatch', 'task-source-unreadable'],
    repair: [
      // TASK-1 is still in progress, as the exported board says; task-4 gets its frontmatter.
      { file: 'backlog/tasks/task-1 - Import-bank-statements.md', from: 'status: Done', to: 'status: In Progress' },
      { file: 'backlog/tasks/task-4 - Export-to-CSV.md', prepend: '---\nid: TASK-4\ntitle: Export to CSV\nstatus: To Do\n---\n\n' },
    ],
  },
};

function repository(name, repaired) {
  const repo = mkdtempSync(join(tmpdir(), `doc-sync-preset-${name}-`));
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'demo@example.com');
  git('config', 'user.name', 'doc-sync demo');
  git('config', 'core.autocrlf', 'false');
  mkdirSync(join(repo, '.github'));
  writeFileSync(join(repo, '.github', 'doc-sync.yml'), `preset: ${name}\n`);
  git('add', '-A');
  git('commit', '-q', '-m', 'doc-sync config');
  cpSync(join(root, 'fixtures', 'presets', name), repo, { recursive: true });
  if (repaired) {
    for (const edit of DEMOS[name].repair) {
      const path = join(repo, edit.file);
      const text = readFileSync(path, 'utf8');
      if (edit.prepend !== undefined) writeFileSync(path, edit.prepend + text);
      else if (!text.includes(edit.from)) throw new Error(`demo-presets: ${edit.file} no longer contains "${edit.from}"; update the repair`);
      else writeFileSync(path, text.replace(edit.from, edit.to));
    }
  }
  git('add', '-A');
  git('commit', '-q', '-m', repaired ? 'the planning files, consistent' : 'the planning files, with the planted problems');
  return repo;
}

const problems = [];
for (const [name, demo] of Object.entries(DEMOS)) {
  for (const repaired of [false, true]) {
    const repo = repository(name, repaired);
    const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--base', 'HEAD~1', '--head', 'HEAD', '--format', 'json'], { cwd: repo, encoding: 'utf8' });
    const rules = [1, 0].includes(run.status) ? [...new Set(JSON.parse(run.stdout).findings.map((finding) => finding.rule))].sort() : null;
    const expected = repaired ? { status: 0, rules: [] } : { status: 1, rules: demo.rules };
    const what = `${name}${repaired ? ' (repaired)' : ''}`;
    console.log(`${what}: exit ${run.status}, rules ${JSON.stringify(rules)}`);
    if (run.status !== expected.status || JSON.stringify(rules) !== JSON.stringify(expected.rules)) {
      problems.push(`${what}: exit ${run.status} with ${JSON.stringify(rules)}${run.status === 2 ? ` (${run.stderr.trim()})` : ''}, expected exit ${expected.status} with ${JSON.stringify(expected.rules)}`);
    }
    if (process.argv.includes('--keep')) console.log(`  repository kept at ${repo}`);
    else rmSync(repo, { recursive: true, force: true });
  }
}
if (problems.length > 0) {
  console.error(`\ndemo-presets: ${problems.join('; ')}`);
  process.exitCode = 1;
} else console.log('\ndemo-presets: every preset demo fails on its planted problems and passes once they are repaired.');
