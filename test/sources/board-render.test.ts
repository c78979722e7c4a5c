import { readBoardExport, BOARD_END, BOARD_START } from '../../src/sources/board-export.js';
import { boardDate, compareTaskIds, renderBoardTable, type BoardTask } from '../../src/sources/board-render.js';

const STATUSES = ['To Do', 'In Progress', 'Done'];

/** A task with what the exporter needs; dates as Backlog.md writes them. */
const task = (id: string, status: string, more: Partial<BoardTask> = {}): BoardTask => ({ id, title: `Title of ${id}`, status, assignees: [], labels: [], createdDate: '2026-01-01 10:00', ...more });

interface Case {
  name: string;
  tasks: BoardTask[];
  statuses?: string[];
  /** The table as `backlog board export --readme` writes it. */
  table: string[] | null;
}

const cases: Case[] = [
  {
    name: 'columns are the configured statuses in order; cells fill each column top-down, empty cells as "|  |"',
    tasks: [task('task-1', 'Done'), task('task-2', 'To Do')],
    table: ['| To Do | In Progress | Done |', '| --- | --- | --- |', '| **TASK-2** - Title of task-2 |  | **TASK-1** - Title of task-1 |'],
  },
  {
    name: 'newest first by updated_date, else created_date; a date-only value is midnight',
    tasks: [
      task('task-1', 'To Do', { createdDate: '2026-01-03' }),
      task('task-2', 'To Do', { createdDate: '2026-01-01 09:00', updatedDate: '2026-01-05 08:00' }),
      task('task-3', 'To Do', { createdDate: '2026-01-03 00:01' }),
    ],
    statuses: ['To Do'],
    table: ['| To Do |', '| --- |', '| **TASK-2** - Title of task-2 |', '| **TASK-3** - Title of task-3 |', '| **TASK-1** - Title of task-1 |'],
  },
  {
    name: 'equal dates: the higher task number first; other prefixes keep ID order (the exporter reads no number from them)',
    tasks: [task('task-2', 'To Do'), task('task-10', 'To Do'), task('back-24.02', 'Done'), task('back-239', 'Done'), task('back-3', 'Done')],
    statuses: ['To Do', 'Done'],
    table: [
      '| To Do | Done |',
      '| --- | --- |',
      '| **TASK-10** - Title of task-10 | **BACK-3** - Title of back-3 |',
      '| **TASK-2** - Title of task-2 | **BACK-24.02** - Title of back-24.02 |',
      '|  | **BACK-239** - Title of back-239 |',
    ],
  },
  {
    name: 'a sub-task in its parent\'s status goes under the parent, marked └─ (5.1 and 5.2 both read as 5, so they keep newest first); in another status it stands alone, still marked',
    tasks: [
      task('task-5', 'In Progress', { createdDate: '2026-01-01' }),
      task('task-5.2', 'In Progress', { parent: 'task-5', createdDate: '2026-01-09' }),
      task('task-5.1', 'In Progress', { parent: 'task-5', createdDate: '2026-01-08' }),
      task('task-6', 'In Progress', { createdDate: '2026-01-05' }),
      task('task-5.3', 'Done', { parent: 'task-5' }),
    ],
    table: [
      '| To Do | In Progress | Done |',
      '| --- | --- | --- |',
      '|  | **TASK-6** - Title of task-6 | └─ **TASK-5.3** - Title of task-5.3 |',
      '|  | **TASK-5** - Title of task-5 |  |',
      '|  | └─ **TASK-5.2** - Title of task-5.2 |  |',
      '|  | └─ **TASK-5.1** - Title of task-5.1 |  |',
    ],
  },
  {
    name: 'assignees in brackets with one @ each, labels in italics after <br>',
    tasks: [task('task-1', 'To Do', { assignees: ['@ada', 'bob'], labels: ['cli', 'ux'] }), task('task-2', 'To Do', { labels: ['docs'] })],
    statuses: ['To Do'],
    table: ['| To Do |', '| --- |', '| **TASK-2** - Title of task-2<br>*#docs* |', '| **TASK-1** - Title of task-1 [@ada, @bob]<br>*#cli #ux* |'],
  },
  {
    name: 'a status written in another case joins its column; an unconfigured one gets a column after them; no status, no card',
    tasks: [task('task-1', 'done'), task('task-2', 'Blocked'), task('task-3', '')],
    table: ['| To Do | In Progress | Done | Blocked |', '| --- | --- | --- | --- |', '|  |  | **TASK-1** - Title of task-1 | **TASK-2** - Title of task-2 |'],
  },
  {
    name: 'a task without a title takes its place in the column as an empty cell',
    tasks: [task('task-1', 'To Do', { title: '' }), task('task-2', 'To Do', { createdDate: '2025-12-01' })],
    statuses: ['To Do'],
    table: ['| To Do |', '| --- |', '|  |', '| **TASK-2** - Title of task-2 |'],
  },
  { name: 'no status at all: no table', tasks: [task('task-1', '')], statuses: [], table: null },
];

describe('renderBoardTable', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { tasks, statuses, table }) => {
    expect(renderBoardTable(tasks, statuses ?? STATUSES)).toEqual(table);
  });

  test('round trip: the exported table, read back by readBoardExport, gives every card with its status and ID', () => {
    const tasks = [
      task('task-1', 'Done', { labels: ['cli'], assignees: ['ada'] }),
      task('task-2', 'To Do'),
      task('task-2.1', 'To Do', { parent: 'task-2' }),
      task('task-3', 'In Progress'),
      task('task-4', 'In Progress', { createdDate: '2025-06-04' }),
    ];
    const table = renderBoardTable(tasks, STATUSES)!;
    const readme = ['# Demo', '', BOARD_START, '', '## 📊 Demo Project Status (v1.0.0)', '', 'Generated on: 2026-01-01 10:00:00', '', ...table, '', BOARD_END, ''].join('\n');
    const read = readBoardExport('README.md', readme);
    expect(read.problems).toEqual([]);
    expect(read.tables).toEqual([{ from: 9, to: 9 + table.length - 1 }]);
    const byId = (list: { id: string; status: string }[]) => list.map(({ id, status }) => `${id.toUpperCase()} ${status}`).sort();
    expect(byId(read.tasks)).toEqual(byId(tasks));
    expect(read.tasks.find((card) => card.id === 'TASK-2.1')?.title).toBe('Title of task-2.1');
  });
});

describe('boardDate and compareTaskIds (the exporter\'s orders)', () => {
  test.each([
    ['2026-01-02', Date.UTC(2026, 0, 2)],
    ['2026-01-02 13:45', Date.UTC(2026, 0, 2, 13, 45)],
    ['2026-01-02T13:45', Date.UTC(2026, 0, 2, 13, 45)],
    ['02-01-26', Date.UTC(2026, 0, 2)],
    ['02/01/26', Date.UTC(2026, 0, 2)],
  ])('%s', (written, expected) => {
    expect(boardDate(written)).toBe(expected);
  });
  test('unreadable or absent dates are NaN, as the exporter\'s Date is', () => {
    expect(boardDate('soon')).toBeNaN();
    expect(boardDate(undefined)).toBeNaN();
  });
  test('IDs order by their numbers, parents before their sub-tasks', () => {
    expect(['task-10', 'task-2.1', 'task-2', 'TASK-3'].sort(compareTaskIds)).toEqual(['task-2', 'task-2.1', 'TASK-3', 'task-10']);
  });
});
