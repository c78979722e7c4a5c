import { readLedger, type LedgerTask } from '../../src/sources/ledger.js';

const lines = (...text: string[]) => text.join('\n');
const FILE = '_bmad-output/implementation-artifacts/sprint-status.yaml';

interface Case {
  name: string;
  text: string;
  tasks: (Partial<LedgerTask> & { id: string })[];
  problems?: [number, RegExp][];
}

const cases: Case[] = [
  {
    name: 'development_status: epics, stories under the epic of their number, optional retrospectives, comments ignored',
    text: lines(
      '# generated: 2026-03-24',
      '# STATUS DEFINITIONS: backlog, ready-for-dev, in-progress, review, done',
      'project: demo',
      'story_location: _bmad-output/implementation-artifacts',
      '',
      'development_status:',
      '  # Epic 1: Import',
      '  epic-1: in-progress',
      '  1-1-parse-the-feed: done  # 2026-02-27 code review approved',
      '  1-2-store-the-items: review',
      '  epic-1-retrospective: optional',
      '',
      '  epic-12: backlog',
      '  12-1-later-story: backlog',
    ),
    tasks: [
      { id: 'epic-1', kind: 'epic', status: 'in-progress', line: 8 },
      { id: '1-1-parse-the-feed', kind: 'story', status: 'done', parent: 'epic-1', line: 9 },
      { id: '1-2-store-the-items', kind: 'story', status: 'review', parent: 'epic-1', line: 10 },
      { id: 'epic-1-retrospective', kind: 'retrospective', status: 'optional', parent: 'epic-1', optional: true, line: 11 },
      { id: 'epic-12', kind: 'epic', line: 13 },
      { id: '12-1-later-story', parent: 'epic-12', line: 14 },
    ],
  },
  {
    name: 'the epics list some teams write instead: stories belong to the epic that lists them',
    text: lines(
      'epics:',
      '  - id: epic-1',
      "    title: 'Foundation'",
      '    status: done',
      '    stories:',
      '      - id: story-1.1',
      "        title: 'Scaffolding'",
      '        status: done',
      '      - id: story-1.2',
      '        status: review',
    ),
    tasks: [
      { id: 'epic-1', kind: 'epic', title: 'Foundation', status: 'done', line: 2 },
      { id: 'story-1.1', kind: 'story', title: 'Scaffolding', parent: 'epic-1', line: 6 },
      { id: 'story-1.2', kind: 'story', title: 'story-1.2', status: 'review', parent: 'epic-1', line: 9 },
    ],
  },
  {
    name: 'a key written twice (a merge of two branches) is a problem on its second line; both entries are read',
    text: lines('development_status:', '  epic-1: in-progress', '  1-1-a: review', '  1-1-a: done'),
    tasks: [
      { id: 'epic-1', line: 2 },
      { id: '1-1-a', line: 3, status: 'review', parent: 'epic-1' },
      { id: '1-1-a', line: 4, status: 'done', parent: 'epic-1' },
    ],
    problems: [[4, /not valid YAML \(Map keys must be unique/]],
  },
  {
    name: 'an entry that is not a status word is a problem; the others are read',
    text: lines('development_status:', '  epic-1:', '    status: done', '  1-1-a:', '  1-2-b: done'),
    tasks: [{ id: '1-2-b', line: 5, parent: 'epic-1' }],
    problems: [
      [2, /development_status\.epic-1 should be a status word/],
      [4, /development_status\.1-1-a should be a status word/],
    ],
  },
  {
    name: 'no development_status map is a problem, never an empty pass',
    text: lines('generated: 2026-03-24', 'project: demo'),
    tasks: [],
    problems: [[1, /no `development_status:` map/]],
  },
  {
    name: 'an empty development_status map is a problem too',
    text: lines('project: demo', 'development_status: {}'),
    tasks: [],
    problems: [[2, /`development_status:` has no entries/]],
  },
  {
    name: 'broken YAML is a problem with its line; the entries before it are still read',
    text: lines('development_status:', '  epic-1: done', ' 1-1-a: [done'),
    tasks: [{ id: 'epic-1', line: 2 }],
    problems: [[3, /not valid YAML/]],
  },
];

describe('readLedger', () => {
  test('says where the story files are when the ledger names it, nothing when it does not', () => {
    expect(readLedger(FILE, lines('story_location: "_bmad-output/implementation-artifacts"', 'development_status:', '  epic-1: done')).storyLocation).toBe(
      '_bmad-output/implementation-artifacts',
    );
    expect(readLedger(FILE, lines('development_status:', '  epic-1: done'))).not.toHaveProperty('storyLocation');
  });

  test.each(cases)('$name', ({ text, tasks, problems = [] }) => {
    const read = readLedger(FILE, text);
    expect(read.tasks.map((task) => task.id)).toEqual(tasks.map((task) => task.id));
    read.tasks.forEach((task, index) => {
      const expected = tasks[index]!;
      expect(task).toMatchObject({ ...expected, file: FILE });
      if (!('parent' in expected)) expect(task.parent).toBeUndefined();
      if (!('optional' in expected)) expect(task.optional).toBeUndefined();
    });
    expect(read.problems.map((problem) => problem.line)).toEqual(problems.map(([line]) => line));
    read.problems.forEach((problem, index) => expect(problem.message).toMatch(problems[index]![1]));
  });
});
