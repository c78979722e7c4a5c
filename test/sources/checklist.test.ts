import { KIRO_CHECKLIST, readChecklist, SPEC_KIT_CHECKLIST, type ChecklistOptions } from '../../src/sources/checklist.js';
import type { SourceTask } from '../../src/sources/types.js';

const lines = (...text: string[]) => text.join('\n');

/** A task in the tables below: what the reader must say about it (absent fields must be absent). */
type Expected = Partial<Omit<SourceTask, 'file'>> & { id: string; line: number };

interface Case {
  name: string;
  format: ChecklistOptions;
  text: string;
  tasks: Expected[];
  /** [line, part of the message] of each problem, in order. */
  problems?: [number, RegExp][];
  /** Lines of the checkboxes that are not tasks. */
  untracked?: number[];
}

const cases: Case[] = [
  {
    name: 'spec-kit: ID, [P] and story tags, section, ticked with x or X',
    format: SPEC_KIT_CHECKLIST,
    text: lines(
      '# Tasks: Export',
      '',
      '## Phase 1: Setup',
      '',
      '- [ ] T001 Create the project skeleton',
      '- [x] T002 [P] Configure the linter in `eslint.config.js`',
      '- [X] T003 [P] [US1] Write the **export** test',
    ),
    tasks: [
      { id: 'T001', line: 5, status: '[ ]', title: 'Create the project skeleton', section: 'Phase 1: Setup' },
      { id: 'T002', line: 6, status: '[x]', title: 'Configure the linter in eslint.config.js', tags: ['P'] },
      { id: 'T003', line: 7, status: '[X]', title: 'Write the export test', tags: ['P', 'US1'] },
    ],
  },
  {
    name: 'spec-kit: bold IDs, letter suffixes and a title wrapped over two lines',
    format: SPEC_KIT_CHECKLIST,
    text: lines('## Phase 2', '- [ ] **T010** [US2] Add the', '      retry loop', '- [x] **T010a** Follow-up: log retries'),
    tasks: [
      { id: 'T010', line: 2, title: 'Add the retry loop', tags: ['US2'] },
      { id: 'T010a', line: 4, status: '[x]', title: 'Follow-up: log retries' },
    ],
  },
  {
    name: 'spec-kit: frontmatter, code fences, plain bullets and tag-like brackets are not tasks',
    format: SPEC_KIT_CHECKLIST,
    text: lines(
      '---',
      'description: "Task list"',
      '---',
      '# Tasks',
      '## Format: `[ID] [P?] [Story] Description`',
      '- **[P]**: can run in parallel',
      '- [P] means parallel',
      '```markdown',
      '- [ ] T999 an example inside a fence',
      '```',
      '- [ ] T004 The only task',
    ),
    tasks: [{ id: 'T004', line: 11, title: 'The only task', section: 'Format: [ID] [P?] [Story] Description' }],
  },
  {
    name: 'spec-kit: checkboxes without an ID (a validation checklist) are untracked, not tasks and not problems',
    format: SPEC_KIT_CHECKLIST,
    text: lines('- [ ] T001 First', '- [x] T002 Second', '', '## Validation Checklist', '- [x] All entities covered: T001, T002', '- [ ] All tests pass'),
    tasks: [
      { id: 'T001', line: 1 },
      { id: 'T002', line: 2 },
    ],
    untracked: [5, 6],
  },
  {
    name: 'spec-kit: a capitalised label before the ID becomes a tag; a capitalised suffix is part of the ID',
    format: SPEC_KIT_CHECKLIST,
    text: lines('- [X] SKIP: T048 (Enhanced fuzzing) - basic tests suffice', '- [X] T046-MIN [P] Run the basic suite'),
    tasks: [
      { id: 'T048', line: 1, status: '[X]', tags: ['SKIP'], title: '(Enhanced fuzzing) - basic tests suffice' },
      { id: 'T046-MIN', line: 2, title: 'Run the basic suite', tags: ['P'] },
    ],
  },
  {
    name: 'an ID must end where the word ends: T0012b3 is no ID',
    format: SPEC_KIT_CHECKLIST,
    text: lines('- [ ] T0012b3 odd', '- [ ] T001: colon after the ID', '- [ ] T002-fix lower-case suffix'),
    tasks: [
      { id: 'T001', line: 2, title: 'colon after the ID' },
      { id: 'T002', line: 3, title: 'fix lower-case suffix' },
    ],
    untracked: [1],
  },
  {
    name: 'a file with no checkbox task at all is a problem, not an empty pass',
    format: SPEC_KIT_CHECKLIST,
    text: lines('# Tasks', '', 'To be generated.'),
    tasks: [],
    problems: [[1, /no checkbox tasks found/]],
  },
  {
    name: 'a file whose checkboxes all lack IDs is a problem at the first of them',
    format: SPEC_KIT_CHECKLIST,
    text: lines('# Tasks', '', '- [ ] Set up', '- [ ] Build'),
    tasks: [],
    untracked: [3, 4],
    problems: [[3, /2 checkboxes but none with a task ID found/]],
  },
  {
    name: 'Kiro: nested sub-tasks get their parent, optional and in-progress boxes, detail bullets ignored',
    format: KIRO_CHECKLIST,
    text: lines(
      '# Implementation Plan',
      '',
      '- [ ] 1. Set up the store',
      '  - [x] 1.1 Create the schema',
      '    - Add the tables',
      '    - _Requirements: 1.1, 1.2_',
      '  - [-] 1.2 Write the migration',
      '  - [ ]* 1.3 Write property tests',
      '- [x] 2. Wire the API',
    ),
    tasks: [
      { id: '1', line: 3, status: '[ ]', title: 'Set up the store' },
      { id: '1.1', line: 4, status: '[x]', parent: '1', title: 'Create the schema' },
      { id: '1.2', line: 7, status: '[-]', parent: '1' },
      { id: '1.3', line: 8, status: '[ ]', parent: '1', optional: true, title: 'Write property tests' },
      { id: '2', line: 9, status: '[x]' },
    ],
  },
  {
    name: 'Kiro: sub-tasks written flat after their parent get it from the dotted ID',
    format: KIRO_CHECKLIST,
    text: lines(
      '## Phase 1',
      '- [ ] 2. Implement the calculator',
      '- [x] 2.1 Create the base class',
      '',
      '- [x]* 2.2 Write unit tests',
      '- [x] 2.2.1 Edge cases',
      '- [x] 3.1 A sub-task whose parent is not written',
    ),
    tasks: [
      { id: '2', line: 2 },
      { id: '2.1', line: 3, parent: '2' },
      { id: '2.2', line: 5, parent: '2', optional: true, status: '[x]' },
      { id: '2.2.1', line: 6, parent: '2.2' },
      { id: '3.1', line: 7 },
    ],
  },
  {
    name: 'Kiro: a repeated ID is read twice with both lines (the duplicate rule judges it)',
    format: KIRO_CHECKLIST,
    text: lines('- [x] 2.5 Write tests', '', '', '- [ ] 2.5 Write tests'),
    tasks: [
      { id: '2.5', line: 1, status: '[x]' },
      { id: '2.5', line: 4, status: '[ ]' },
    ],
  },
  {
    name: 'CRLF and lone CR keep git line numbers',
    format: KIRO_CHECKLIST,
    text: '# Plan\r\n\r\n- [x] 1. One\r\n- [ ] 2. Two \rstill two\n- [ ] 3. Three\n',
    tasks: [
      { id: '1', line: 3 },
      { id: '2', line: 4 },
      { id: '3', line: 5 },
    ],
  },
];

describe('readChecklist', () => {
  test.each(cases)('$name', ({ format, text, tasks, problems = [], untracked = [] }) => {
    const read = readChecklist('specs/001-demo/tasks.md', text, format);
    expect(read.tasks).toHaveLength(tasks.length);
    read.tasks.forEach((task, index) => {
      const expected = tasks[index]!;
      expect(task).toMatchObject({ ...expected, file: 'specs/001-demo/tasks.md' });
      // A field the case leaves out must not be invented (no parent, not optional).
      if (!('parent' in expected)) expect(task.parent).toBeUndefined();
      if (!('optional' in expected)) expect(task.optional).toBeUndefined();
    });
    expect(read.untracked.map((item) => item.line)).toEqual(untracked);
    expect(read.problems.map((problem) => problem.line)).toEqual(problems.map(([line]) => line));
    read.problems.forEach((problem, index) => {
      expect(problem.file).toBe('specs/001-demo/tasks.md');
      expect(problem.message).toMatch(problems[index]![1]);
    });
  });
});
