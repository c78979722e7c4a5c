import { readStoryFile, type StoryFileTask } from '../../src/sources/story-file.js';

const lines = (...text: string[]) => text.join('\n');
const FILE = '_bmad-output/implementation-artifacts/1-2-create-the-model.md';

interface Case {
  name: string;
  text: string;
  task: Partial<StoryFileTask> | null;
  problems?: [number, RegExp][];
}

const cases: Case[] = [
  {
    name: 'v6 story: ID from the file name, title without "Story 1.2:", the Status line, task checkboxes counted',
    text: lines(
      '# Story 1.2: Create the Model',
      '',
      'Status: review',
      '',
      '<!-- Note: Validation is optional. -->',
      '',
      '## Story',
      '',
      'As a developer, I want a model.',
      '',
      '## Acceptance Criteria',
      '',
      '1. **Given** input, **when** parsed, **then** a model (AC: #1)',
      '',
      '## Tasks / Subtasks',
      '',
      '- [x] Task 1: Create the model (AC: #1)',
      '  - [x] 1.1: Add the fields',
      '  - [ ] 1.2: Add the docstring',
      '- [ ] Task 2: Run the quality gates',
      '',
      '## Dev Notes',
      '',
      '- [ ] a note checkbox is not a task',
    ),
    task: { id: '1-2-create-the-model', title: 'Create the Model', status: 'review', line: 3, file: FILE, subtasks: { checked: 2, total: 4 } },
  },
  {
    name: 'the status is its own line even when more fields follow without a blank line',
    text: lines('# Story 11.1: Scaffold', '', 'Title line', 'Status: done', 'Branch: feat/docs-11-1-scaffold', 'GitHub Issue: #12'),
    task: { status: 'done', line: 4 },
  },
  {
    name: 'a bold status line is the same line',
    text: lines('# Story 1.2: Bold', '', '**Status:** done'),
    task: { status: 'done', line: 3, subtasks: { checked: 0, total: 0 } },
  },
  {
    name: 'v4 story: the paragraph under a `## Status` heading',
    text: lines('# Story 1.2: Old Layout', '', '## Status', '', 'Ready for Review', '', '## Story'),
    task: { status: 'Ready for Review', line: 5 },
  },
  {
    name: 'BMAD 6.12 specs: `status:` in the frontmatter is the status',
    text: lines('---', 'title: Match payees', 'status: ready-for-dev', '---', '', '# Story 1.2: Match Payees', '', '## Tasks & Acceptance', '- [ ] Task 1'),
    task: { status: 'ready-for-dev', line: 3, title: 'Match Payees' },
  },
  {
    name: 'no status is a problem at the title, not a skip',
    text: lines('# Story 1.2: Forgotten', '', '## Status', '', '## Story', '', 'Text.'),
    task: null,
    problems: [[1, /story 1-2-create-the-model has no `Status:` line/]],
  },
];

describe('readStoryFile', () => {
  test.each(cases)('$name', ({ text, task, problems = [] }) => {
    const read = readStoryFile(FILE, text);
    if (task === null) expect(read.tasks).toEqual([]);
    else expect(read.tasks).toEqual([expect.objectContaining(task)]);
    expect(read.problems.map((problem) => [problem.file, problem.line])).toEqual(problems.map(([line]) => [FILE, line]));
    read.problems.forEach((problem, index) => expect(problem.message).toMatch(problems[index]![1]));
  });
});
