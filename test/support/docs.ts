/**
 * Builders for small planning-doc trees in the default (StateTrace) layout, so each
 * test case can state its documents inline in a few lines.
 */
export const BOARD = 'docs/StateTrace_TaskBoard.md';
export const CSV = 'docs/taskboard/TaskBoard.csv';
export const BACKLOG = 'docs/CODEX_BACKLOG.md';
export const INDEX = 'docs/plans/PlanIndex.md';
export const planPath = (letter: string, name = 'Work') => `docs/plans/Plan${letter}_${name}.md`;
export const sessionPath = (n: number, date = '2025-12-22') => `docs/agents/sessions/${date}_session-${String(n).padStart(4, '0')}.md`;

export interface Task {
  id: string;
  title?: string;
  status?: string;
  owner?: string;
  deliverable?: string;
  /** Plan file the task links to; defaults to the plan of its letter. */
  plan?: string;
}

const letterOf = (id: string) => /^ST-([A-Z]{1,2})-/.exec(id)?.[1] ?? 'X';
const fill = (task: Task) => ({
  title: `Title of ${task.id}`,
  status: 'Ready',
  owner: 'Docs',
  deliverable: `Deliverable of ${task.id}`,
  plan: planPath(letterOf(task.id)),
  ...task,
});

/** Lines of the Markdown board (header, separator, one row per task). */
export function boardRow(task: Task): string {
  const t = fill(task);
  return `| ${t.id} | ${t.title} | ${t.status} | ${t.owner} | ${t.deliverable} | ${t.plan} |`;
}

export function board(tasks: Task[], extraLines: string[] = []): string {
  return [
    '# Task Board',
    '',
    '## Current board snapshot',
    '| ID | Title | Column | Owner/Role | Deliverable | Links |',
    '|----|-------|--------|------------|-------------|-------|',
    ...tasks.map(boardRow),
    ...extraLines,
    '',
  ].join('\n');
}

export function csvRecord(task: Task): string {
  const t = fill(task);
  return [t.id, t.title, t.status, t.owner, t.deliverable, t.plan, ''].map((field) => `"${field.replace(/"/g, '""')}"`).join(',');
}

export function csv(tasks: Task[]): string {
  return ['"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', ...tasks.map(csvRecord), ''].join('\r\n');
}

/** A plan file with an Active work table (ID | Title | Owner | Status | Notes). */
export function plan(letter: string, tasks: Task[], delivered: Task[] = []): string {
  const lines = [
    `# Plan ${letter} - Work`,
    '',
    '## Objective',
    'Keep the work moving.',
    '',
    '## Active work',
    '| ID | Title | Owner | Status | Notes |',
    '|----|-------|-------|--------|-------|',
    ...tasks.map((task) => {
      const t = fill(task);
      return `| ${t.id} | ${t.title} | ${t.owner} | ${t.status} | |`;
    }),
    '',
  ];
  if (delivered.length > 0) {
    lines.push('## Recently delivered', '| ID | Date | Summary | Evidence |', '|----|------|---------|----------|');
    lines.push(...delivered.map((task) => `| ${task.id} | 2025-12-22 | ${fill(task).title} | logs |`), '');
  }
  return lines.join('\n');
}

export function backlog(rows: { id: string; plan?: string; title?: string }[]): string {
  return [
    '# Backlog',
    '',
    '| ID | Plan | Title | Preconditions | Definition of done | Notes |',
    '|----|------|-------|---------------|--------------------|-------|',
    ...rows.map((row) => `| ${row.id} | ${row.plan ?? `Plan ${letterOf(row.id)}`} | ${row.title ?? `Title of ${row.id}`} | none | it works | |`),
    '',
  ].join('\n');
}

export function sessionLog(ids: string[]): string {
  return ['# Session', '', `Task: ${ids.join(', ')}`, '', '## Commands', '- npm test', ''].join('\n');
}

export function planIndex(entries: { letter: string; name?: string; progress?: string }[]): string {
  return [
    '# Plan index',
    '',
    ...entries.map((e) => `- [Plan ${e.letter}](Plan${e.letter}_${e.name ?? 'Work'}.md)${e.progress ? ` ${e.progress}` : ''}`),
    '',
  ].join('\n');
}

/** Every document agreeing about `tasks`: the board, the CSV, one plan per letter, and an index. */
export function consistentTree(tasks: Task[]): Record<string, string> {
  const letters = [...new Set(tasks.map((task) => letterOf(task.id)))];
  const tree: Record<string, string> = {
    [BOARD]: board(tasks),
    [CSV]: csv(tasks),
    [BACKLOG]: backlog([]),
    [INDEX]: planIndex(letters.map((letter) => ({ letter }))),
  };
  for (const letter of letters) tree[planPath(letter)] = plan(letter, tasks.filter((task) => letterOf(task.id) === letter));
  return tree;
}
