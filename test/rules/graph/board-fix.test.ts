import { configSchema } from '../../../src/config/schema.js';
import { runCheck } from '../../../src/core/check.js';
import type { Finding } from '../../../src/core/finding.js';
import { applyFixes } from '../../../src/fix/apply.js';
import { enabledRules } from '../../../src/rules/index.js';
import { MemoryRepo, type Tree } from '../../support/memory-repo.js';

/**
 * The exported Backlog.md board as a mechanical fix, through the real engine: a task file moves,
 * the README board does not; mirror-status-mismatch offers the board exported again from the task
 * files, which applies to the table lines only, checks clean, and applies once. The fix is refused,
 * with its reason in the finding, when the task side is damaged.
 */

const config = configSchema.parse({ preset: 'backlog-md' });
const CONFIG_YML = 'project_name: "Demo"\nstatuses: ["To Do", "In Progress", "Done"]\ntask_prefix: "task"\n';

interface TaskSpec {
  id: string;
  title: string;
  status: string;
  more?: string[];
}

const taskFile = ({ id, title, status, more = [] }: TaskSpec): string =>
  ['---', `id: ${id}`, `title: ${title}`, `status: ${status}`, ...more, '---', '', '## Description', '', 'Some words.', ''].join('\n');
const pathOf = (id: string, title: string, folder = 'tasks') => `backlog/${folder}/${id.toLowerCase()} - ${title.replace(/ /g, '-')}.md`;

/** The README around a board table: heading, generated line and the text after the markers stay as they are. */
const readme = (table: string[]): string =>
  ['# Demo', '', 'Intro text.', '', '<!-- BOARD_START -->', '', '## 📊 Demo Project Status (v1.0.0)', '', 'Generated on: 2026-11-30 10:00:00', '', ...table, '', '<!-- BOARD_END -->', '', '## License', '', 'MIT', ''].join('\n');

const TASKS: TaskSpec[] = [
  { id: 'task-1', title: 'Import statements', status: 'In Progress', more: ['assignee:', '  - "@ada"', 'labels:', '  - import', "created_date: '2026-11-01 09:00'"] },
  { id: 'task-2', title: 'Monthly reports', status: 'To Do', more: ["created_date: '2026-11-02 09:00'"] },
  { id: 'task-2.1', title: 'Category chart', status: 'To Do', more: ['parent_task_id: task-2', "created_date: '2026-11-03 09:00'"] },
];
const tree = (tasks: TaskSpec[], table: string[], extra: Tree = {}): Tree => ({
  'backlog/config.yml': CONFIG_YML,
  ...Object.fromEntries(tasks.map((task) => [pathOf(task.id, task.title), taskFile(task)])),
  'README.md': readme(table),
  ...extra,
});

/** The board as Backlog.md exports TASKS (task-2.1 under its parent, newest first in each column). */
const BOARD = [
  '| To Do | In Progress | Done |',
  '| --- | --- | --- |',
  '| **TASK-2** - Monthly reports | **TASK-1** - Import statements [@ada]<br>*#import* |  |',
  '| └─ **TASK-2.1** - Category chart |  |  |',
];
/** The same board once task-1 is Done. */
const BOARD_TASK1_DONE = [
  '| To Do | In Progress | Done |',
  '| --- | --- | --- |',
  '| **TASK-2** - Monthly reports |  | **TASK-1** - Import statements [@ada]<br>*#import* |',
  '| └─ **TASK-2.1** - Category chart |  |  |',
];
const done = (tasks: TaskSpec[]): TaskSpec[] => tasks.map((task) => (task.id === 'task-1' ? { ...task, status: 'Done' } : task));

async function check(base: Tree, head: Tree): Promise<Finding[]> {
  const { report } = await runCheck({ reader: new MemoryRepo({ base, head }), config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change' });
  return report.findings.filter((finding) => finding.rule === 'mirror-status-mismatch');
}
const bytesOf = (files: Tree) => new Map(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? new TextEncoder().encode(content) : content]));

describe('mirror-status-mismatch: the exported board as a fix', () => {
  test('the board written again from the task files: only the table lines change, the check is then clean, and a second apply changes nothing', async () => {
    const head = tree(done(TASKS), BOARD);
    const findings = await check(tree(TASKS, BOARD), head);
    expect(findings.map((finding) => finding.taskId)).toEqual(['task-1']);
    const fix = findings[0]!.fix!;
    expect(fix).toMatchObject({ file: 'README.md', kind: 'replace', line: 11, expected: BOARD.join('\n'), text: BOARD_TASK1_DONE.join('\n') });
    expect(findings[0]!.message).toMatch(/exports it again as `backlog board export --readme` does/);

    const outcome = applyFixes(bytesOf(head), [fix]);
    expect(outcome.refused).toEqual([]);
    const fixed = new TextDecoder().decode(outcome.files.get('README.md'));
    expect(fixed).toBe(readme(BOARD_TASK1_DONE));
    expect(await check(tree(TASKS, BOARD), { ...head, 'README.md': fixed })).toEqual([]);
    expect(applyFixes(bytesOf({ ...head, 'README.md': fixed }), [fix]).unchanged).toEqual([fix]);
  });

  test('several disagreeing cards share one fix, which exports the whole board', async () => {
    const moved = TASKS.map((task) => ({ ...task, status: 'Done' }));
    const findings = await check(tree(TASKS, BOARD), tree(moved, BOARD));
    expect(findings.map((finding) => finding.taskId).sort()).toEqual(['task-1', 'task-2', 'task-2.1']);
    expect(new Set(findings.map((finding) => JSON.stringify(finding.fix))).size).toBe(1);
    const outcome = applyFixes(bytesOf(tree(moved, BOARD)), findings.map((finding) => finding.fix!));
    expect(new TextDecoder().decode(outcome.files.get('README.md'))).toContain('|  |  | **TASK-2** - Monthly reports |\n|  |  | └─ **TASK-2.1** - Category chart |');
  });

  interface Refusal {
    name: string;
    head: Tree;
    reason: RegExp;
  }
  const refusals: Refusal[] = [
    {
      name: 'a task file that cannot be read',
      head: tree(done(TASKS), BOARD, { [pathOf('task-3', 'Broken')]: '---\nid: task-3\ntitle: [unclosed\nstatus: To Do\n---\n' }),
      reason: /no fix here, because backlog\/tasks\/task-3 - Broken\.md:\d+ cannot be read/,
    },
    {
      name: 'a status that is not one of the board\'s',
      head: tree([...done(TASKS), { id: 'task-3', title: 'Odd', status: 'Parked' }], BOARD),
      reason: /no fix here, because task-3 has the status "Parked"/,
    },
    {
      name: 'two task files with one ID',
      head: tree([...done(TASKS)], BOARD, { [pathOf('task-2', 'Copy')]: taskFile({ id: 'task-2', title: 'Copy', status: 'To Do' }) }),
      reason: /no fix here, because task-2 is the ID of 2 task files/,
    },
    {
      name: 'a card with no task file here (another branch\'s task)',
      head: tree(done(TASKS), [...BOARD.slice(0, 3), '| └─ **TASK-2.1** - Category chart |  | **TASK-9** - Elsewhere |']),
      reason: /no fix here, because the board shows TASK-9 .*which has no task file here/,
    },
  ];
  test.each(refusals.map((c) => [c.name, c] as const))('refused when the task side is damaged: %s', async (_name, { head, reason }) => {
    const findings = await check(tree(TASKS, BOARD), head);
    const task1 = findings.find((finding) => finding.taskId === 'task-1');
    expect(task1).toBeDefined();
    expect(task1!.fix).toBeUndefined();
    expect(task1!.message).toMatch(reason);
  });
});
