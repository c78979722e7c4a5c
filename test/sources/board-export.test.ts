import { readBoardExport } from '../../src/sources/board-export.js';

const lines = (...text: string[]) => text.join('\n');

interface Case {
  name: string;
  text: string;
  tasks: [line: number, id: string, status: string, title: string][];
  problems?: [number, RegExp][];
}

const BOARD_HEAD = ['<!-- BOARD_START -->', '', '## 📊 Demo Project Status (v1.2.0)', '', 'Generated on: 2026-01-01 10:00:00', ''];

const cases: Case[] = [
  {
    name: 'one task per cell, the column header as its status; assignees, labels and sub-task marks removed from titles',
    text: lines(
      '# Demo',
      ...BOARD_HEAD,
      '| To Do | In Progress | Done |',
      '| --- | --- | --- |',
      '| **TASK-9** - Add search [@ada] | └─ **TASK-4.1** - Split the parser | **TASK-3** - Ship it<br>*#release #cli* |',
      '| **TASK-8** - Fix the \\| pipe |  | **TASK-2** - Old export<br>(Assignees: @bob, Labels: none) |',
      '<!-- BOARD_END -->',
      '',
      '## License',
    ),
    tasks: [
      [10, 'TASK-9', 'To Do', 'Add search'],
      [10, 'TASK-4.1', 'In Progress', 'Split the parser'],
      [10, 'TASK-3', 'Done', 'Ship it #release #cli'],
      [11, 'TASK-8', 'To Do', 'Fix the | pipe'],
      [11, 'TASK-2', 'Done', 'Old export'],
    ],
  },
  {
    name: 'tables outside the markers are not the board',
    text: lines('| To Do | Done |', '| --- | --- |', '| **TASK-1** - Outside | |', '', ...BOARD_HEAD, '| To Do | Done |', '| --- | --- |', '| | **TASK-2** - Inside |', '<!-- BOARD_END -->'),
    tasks: [[13, 'TASK-2', 'Done', 'Inside']],
  },
  {
    name: 'a cell that is not `ID - title` is a problem with its line',
    text: lines(...BOARD_HEAD, '| To Do | Done |', '| --- | --- |', '| hand-written note | **TASK-2** - Fine |', '<!-- BOARD_END -->'),
    tasks: [[9, 'TASK-2', 'Done', 'Fine']],
    problems: [[9, /"hand-written note" under To Do is not `ID - title`/]],
  },
  {
    name: 'a start marker without an end is a problem; the table after it is still read',
    text: lines(...BOARD_HEAD, '| To Do |', '| --- |', '| **TASK-1** - Open |'),
    tasks: [[9, 'TASK-1', 'To Do', 'Open']],
    problems: [[1, /has no <!-- BOARD_END -->/]],
  },
  {
    name: 'markers with no table between them are a problem',
    text: lines('<!-- BOARD_START -->', '', 'Board goes here', '', '<!-- BOARD_END -->'),
    tasks: [],
    problems: [[1, /no board table between the board markers/]],
  },
  {
    name: 'no markers at all is a problem, never an empty pass',
    text: lines('# Demo', '', 'Nothing exported.'),
    tasks: [],
    problems: [[1, /no <!-- BOARD_START --> marker/]],
  },
];

describe('readBoardExport', () => {
  test.each(cases)('$name', ({ text, tasks, problems = [] }) => {
    const read = readBoardExport('README.md', text);
    expect(read.tasks.map((task) => [task.line, task.id, task.status, task.title])).toEqual(tasks);
    expect(read.tasks.every((task) => task.file === 'README.md')).toBe(true);
    expect(read.problems.map((problem) => problem.line)).toEqual(problems.map(([line]) => line));
    read.problems.forEach((problem, index) => expect(problem.message).toMatch(problems[index]![1]));
  });
});
