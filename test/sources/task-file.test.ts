import { readTaskFile, type TaskFileTask } from '../../src/sources/task-file.js';

const lines = (...text: string[]) => text.join('\n');

interface Case {
  name: string;
  file?: string;
  text: string;
  /** The task read, as a subset; `null` when the file yields no task. */
  task: Partial<TaskFileTask> | null;
  problems?: [number, RegExp][];
}

const FILE = 'backlog/tasks/task-7 - Export-the-board.md';

const cases: Case[] = [
  {
    name: 'id, title, status, parent and the ID in the file name; AC and DoD counted between their markers',
    text: lines(
      '---',
      'id: TASK-7',
      'title: Export the board',
      'status: In Progress',
      'assignee:',
      "  - '@ada'",
      'parent_task_id: TASK-3',
      'labels: [cli]',
      '---',
      '',
      '## Description',
      '',
      '- [x] a checkbox in the description is not a criterion',
      '',
      '## Acceptance Criteria',
      '<!-- AC:BEGIN -->',
      '- [x] #1 The board is written to README.md',
      '- [ ] #2 The markers are kept',
      '- [x] #3 Columns follow the configured statuses',
      '<!-- AC:END -->',
      '',
      '## Definition of Done',
      '<!-- DOD:BEGIN -->',
      '- [x] #1 Tests pass',
      '- [x] #2 Types check',
      '<!-- DOD:END -->',
    ),
    task: {
      id: 'TASK-7',
      title: 'Export the board',
      status: 'In Progress',
      parent: 'TASK-3',
      fileId: 'task-7',
      line: 2,
      file: FILE,
      acceptanceCriteria: { checked: 2, total: 3 },
      definitionOfDone: { checked: 2, total: 2 },
    },
  },
  {
    name: 'files written before the markers: criteria counted under their heading, to the next heading',
    text: lines(
      '---',
      'id: task-7',
      'title: Old style',
      'status: Done',
      '---',
      '## Acceptance Criteria',
      '- [x] One',
      '- [ ] Two',
      '### Notes inside the section',
      '- [ ] Three',
      '## Implementation Notes',
      '- [x] not a criterion',
    ),
    task: { id: 'task-7', status: 'Done', acceptanceCriteria: { checked: 1, total: 3 }, definitionOfDone: { checked: 0, total: 0 } },
  },
  {
    name: 'a number ID, a quoted title over two lines, CRLF endings',
    file: 'backlog/completed/back-196-add-packaging.md',
    text: '---\r\nid: 196\r\ntitle: >-\r\n  Add packaging\r\n  support\r\nstatus: "Done"\r\n---\r\nbody\r\n',
    task: { id: '196', title: 'Add packaging support', status: 'Done', fileId: 'back-196', line: 2 },
  },
  {
    name: "`assignee: @user` is accepted as Backlog.md accepts it (it quotes it before parsing)",
    text: lines('---', 'id: task-7', 'title: Mention', 'status: To Do', 'assignee: @ada', 'reporter: @bob', '---'),
    task: { id: 'task-7', status: 'To Do' },
  },
  {
    name: 'a file name with a dotted, prefixed ID keeps all of it, so a mismatch with `id` can be seen',
    file: 'backlog/tasks/task-epic-11.152-Make-it-agnostic.md',
    text: lines('---', 'id: task-152', 'title: Make it agnostic', 'status: To Do', '---'),
    task: { id: 'task-152', fileId: 'task-epic-11.152' },
  },
  {
    name: 'a file named `<id> - <title>.md` (as Backlog.md writes them) names its ID up to the " - ", words after a number included',
    file: 'backlog/tasks/task-epic-9-test-maintenance.1 - Split-oversized-test-file.md',
    text: lines('---', 'id: task-epic-9-test-maintenance.1', 'title: Split oversized test file', 'status: To Do', '---'),
    task: { id: 'task-epic-9-test-maintenance.1', fileId: 'task-epic-9-test-maintenance.1' },
  },
  {
    name: 'no frontmatter (a task written as plain Markdown) is a problem on line 1, not a skip',
    text: lines('# Task 110: Support polymorphic edges', '', '**Status:** Ready'),
    task: null,
    problems: [[1, /no YAML frontmatter/]],
  },
  {
    name: 'a frontmatter never closed is a problem on line 1',
    text: lines('---', 'id: task-7', 'title: Open', 'status: To Do', '', '## Description'),
    task: null,
    problems: [[1, /never closed/]],
  },
  {
    name: 'invalid YAML is a problem on its line; the fields still readable are kept',
    text: lines('---', 'id: task-7', 'title: Twice', 'status: To Do', 'status: Done', '---'),
    task: { id: 'task-7' },
    problems: [[5, /not valid YAML \(Map keys must be unique/]],
  },
  {
    name: 'an unclosed quote that swallows the closing `---` is a problem on the line that opened it',
    text: lines('---', 'id: task-7', 'title: "Unclosed', 'status: Done', '---', 'body'),
    task: null,
    problems: [[3, /not valid YAML .*closing `---` is read as part of it/]],
  },
  {
    name: '`@` in another field is an error Backlog.md makes too, so it is reported',
    text: lines('---', 'id: task-7', 'title: @oops', 'status: Done', '---'),
    task: { id: 'task-7' },
    problems: [[3, /not valid YAML/]],
  },
  {
    name: 'no `id` is a problem and no task',
    text: lines('---', 'title: Nameless', 'status: Done', '---'),
    task: null,
    problems: [[2, /no `id`/]],
  },
  {
    name: 'no `status` is a problem on the id line, the task is still read (for duplicates and membership)',
    text: lines('---', 'id: task-7', 'title: Unsorted', '---'),
    task: { id: 'task-7', status: '' },
    problems: [[2, /task task-7 has no `status`/]],
  },
  {
    name: 'frontmatter that is a list, not fields, is a problem',
    text: lines('---', '- id', '- status', '---'),
    task: null,
    problems: [[1, /not a list of `key: value` fields/]],
  },
  {
    name: 'a BOM before the frontmatter does not hide it',
    text: '\uFEFF---\nid: task-7\ntitle: Bom\nstatus: Done\n---\n',
    task: { id: 'task-7', status: 'Done' },
  },
];

describe('readTaskFile', () => {
  test.each(cases)('$name', ({ file = FILE, text, task, problems = [] }) => {
    const read = readTaskFile(file, text);
    if (task === null) expect(read.tasks).toEqual([]);
    else {
      expect(read.tasks).toHaveLength(1);
      expect(read.tasks[0]).toMatchObject(task);
      if (!('parent' in task)) expect(read.tasks[0]!.parent).toBeUndefined();
    }
    expect(read.problems.map((problem) => problem.line)).toEqual(problems.map(([line]) => line));
    read.problems.forEach((problem, index) => {
      expect(problem.file).toBe(file);
      expect(problem.message).toMatch(problems[index]![1]);
    });
  });
});
