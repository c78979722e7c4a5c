import { readBacklogConfig, type BacklogConfig } from '../../src/sources/backlog-config.js';

const lines = (...text: string[]) => text.join('\n');

const cases: { name: string; text: string; config: BacklogConfig; problems?: [number, RegExp][] }[] = [
  {
    name: 'statuses, prefix and Definition of Done as Backlog.md writes them',
    text: lines(
      'project_name: "Backlog.md"',
      'default_status: "To Do"',
      'statuses: ["To Do", "In Progress", "Done", "Wontfix"]',
      'definition_of_done: ["bunx tsc --noEmit passes", "bun test passes"]',
      'task_prefix: "BACK"',
    ),
    config: { statuses: ['To Do', 'In Progress', 'Done', 'Wontfix'], taskPrefix: 'back', definitionOfDone: ['bunx tsc --noEmit passes', 'bun test passes'] },
  },
  {
    name: "missing keys take Backlog.md's defaults",
    text: lines('project_name: "panic"', 'labels: []'),
    config: { statuses: ['To Do', 'In Progress', 'Done'], taskPrefix: 'task', definitionOfDone: [] },
  },
  {
    name: 'a key of the wrong shape is a problem on its line and the default applies',
    text: lines('project_name: x', 'statuses: To Do, Done', 'task_prefix: "task-"'),
    config: { statuses: ['To Do', 'In Progress', 'Done'], taskPrefix: 'task', definitionOfDone: [] },
    problems: [
      [2, /`statuses` should be a list of words/],
      [3, /`task_prefix` should be a word/],
    ],
  },
  {
    name: 'broken YAML is a problem with its line',
    text: lines('project_name: x', 'statuses: ["To Do", "Done"', 'task_prefix: task'),
    config: { statuses: ['To Do', 'Done'], taskPrefix: 'task', definitionOfDone: [] },
    problems: [[3, /is not valid YAML/]],
  },
];

describe('readBacklogConfig', () => {
  test.each(cases)('$name', ({ text, config, problems = [] }) => {
    const read = readBacklogConfig('backlog/config.yml', text);
    expect(read.config).toEqual(config);
    expect(read.problems.map((problem) => problem.line)).toEqual(problems.map(([line]) => line));
    read.problems.forEach((problem, index) => expect(problem.message).toMatch(problems[index]![1]));
  });
});
