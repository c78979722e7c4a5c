// Deterministic synthetic planning documents of any size, for benchmarks:
//   node scripts/gen-board.mjs <dir> <tasks> [seed]
// writes a git repository at <dir> with two commits: "base", where the board, its CSV,
// one plan per task letter, the plan index and a backlog agree, and "head", a one-task
// pull request (one task moved to Done on the board, the CSV and its plan, with a
// session log), the change a per-PR check sees.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from './seeded-random.mjs';

const WORDS = ['routing', 'cache', 'telemetry', 'parser', 'snapshot', 'warm-run', 'ingestion', 'harness', 'docs', 'release', 'queue', 'diff', 'index', 'retry', 'schema'];
const STATUSES = ['Done - 2025-12-22', 'Done - 2026-01-03', 'In Progress', 'Ready', 'Backlog', 'Blocked'];
const OWNERS = ['Ingestion/Performance', 'Docs', 'Routing', 'Automation', 'Release'];


/** Plan codes A..Z, then AA..ZZ: the default ID pattern allows 1,000 tasks (three digits) per code. */
const planCode = (index) => (index < 26 ? String.fromCharCode(65 + index) : String.fromCharCode(65 + Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26)));

/** `count` tasks with realistic cells: plain text, code spans, `<br>`, links, intraword underscores. */
export function generateTasks(count, seed = 1) {
  const random = seededRandom(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const perPlan = Math.min(1000, Math.max(50, Math.ceil(count / 20)));
  return Array.from({ length: count }, (_, index) => {
    const plan = planCode(Math.floor(index / perPlan));
    const id = `ST-${plan}-${String(index % perPlan).padStart(3, '0')}`;
    const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(['follow-up', 'regression', 'sweep', 'cleanup', 'gate'])}`;
    const evidence = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `\`Logs/${pick(WORDS)}/${pick(WORDS)}-${Math.floor(random() * 1e6)}.json\``).join(', ');
    const deliverable = `2025-12-${10 + Math.floor(random() * 20)}: ${pick(WORDS)} ${pick(WORDS)} updated (evidence ${evidence})${random() < 0.3 ? ` <br> - follow-up on ${pick(WORDS)}_${pick(WORDS)}` : ''}`;
    return { id, plan, title, status: pick(STATUSES), owner: pick(OWNERS), deliverable, planFile: `docs/plans/Plan${plan}_Work.md` };
  });
}

const boardRow = (task) => `| ${task.id} | ${task.title} | ${task.status} | ${task.owner} | ${task.deliverable} | [Plan ${task.plan}](${task.planFile}) |`;
const csvField = (value) => `"${value.replace(/"/g, '""')}"`;
const csvRecord = (task) => [task.id, task.title, task.status, task.owner, task.deliverable, task.planFile, ''].map(csvField).join(',');

/** The documents of one revision, path → text. */
export function planningTree(tasks) {
  const plans = new Map();
  for (const task of tasks) plans.set(task.plan, [...(plans.get(task.plan) ?? []), task]);
  const tree = {
    'docs/StateTrace_TaskBoard.md': [
      '# Task Board (Kanban)',
      '',
      '> Use the table below (and `docs/taskboard/TaskBoard.csv`) as the authoritative board.',
      '',
      '## Current board snapshot',
      '| ID | Title | Column | Owner/Role | Deliverable | Links |',
      '|----|-------|--------|------------|-------------|-------|',
      ...tasks.map(boardRow),
      '',
      '## History',
      '',
      ...tasks.slice(0, 200).map((task) => `- **${task.title}** - [${task.owner}] notes on ${task.id}: *kept* for context.`),
      '',
    ].join('\n'),
    'docs/taskboard/TaskBoard.csv': ['"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', ...tasks.map(csvRecord), ''].join('\r\n'),
    'docs/CODEX_BACKLOG.md': ['# Backlog', '', '| ID | Plan | Title | Preconditions | Definition of done | Notes |', '|----|------|-------|---------------|--------------------|-------|', ''].join('\n'),
    'docs/plans/PlanIndex.md': ['# Plan index', '', ...[...plans.keys()].map((plan) => `- [Plan ${plan}](Plan${plan}_Work.md)`), ''].join('\n'),
  };
  for (const [plan, planTasks] of plans) {
    tree[`docs/plans/Plan${plan}_Work.md`] = [
      `# Plan ${plan} - Work`,
      '',
      '## Objective',
      `Keep the ${plan} work moving. This plan lists ${planTasks.length} tasks; prose around the tables is *ordinary* Markdown with [links](../README.md) and \`code\`.`,
      '',
      '## Active work',
      '| ID | Title | Owner | Status | Notes |',
      '|----|-------|-------|--------|-------|',
      ...planTasks.map((task) => `| ${task.id} | ${task.title} | ${task.owner} | ${task.status} | |`),
      '',
    ].join('\n');
  }
  return tree;
}

function writeTree(dir, tree) {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A repository at `dir`: base (consistent) and head (one task moved to Done everywhere, with a session log). */
export function writeBoardRepo(dir, count, seed = 1) {
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  mkdirSync(dir, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'bench@example.invalid');
  git('config', 'user.name', 'bench');
  const tasks = generateTasks(count, seed);
  // Past ~30,000 tasks the board outgrows the default 8 MiB file limit.
  if (count > 30_000) writeTree(dir, { '.github/doc-sync.yml': 'limits:\n  maxFileBytes: 268435456\n' });
  writeTree(dir, planningTree(tasks));
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const moved = tasks.findIndex((task) => task.status === 'In Progress');
  const headTasks = tasks.map((task, index) => (index === moved ? { ...task, status: 'Done - 2026-01-04' } : task));
  writeTree(dir, { ...planningTree(headTasks), 'docs/agents/sessions/2026-01-04_session-0001.md': `# Session\n\nTask: ${tasks[moved].id}\n` });
  git('add', '-A');
  git('commit', '-q', '-m', `finish ${tasks[moved].id}`);
  return { dir, tasks: count, moved: tasks[moved].id };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count, seed] = process.argv.slice(2);
  if (!dir || !count) {
    console.error('usage: node scripts/gen-board.mjs <dir> <tasks> [seed]');
    process.exit(2);
  }
  console.log(JSON.stringify(writeBoardRepo(dir, Number(count), Number(seed ?? 1))));
}
