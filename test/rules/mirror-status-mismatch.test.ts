import { backlogMd, bmad, boardText, LEDGER, ledgerText, README, storyPath, storyText, taskPath, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const TASK1 = taskPath('TASK-1');
const STORY = storyPath('1-2-b');

testGraphRule('mirror-status-mismatch', {
  valid: [
    { name: 'BMAD: story and ledger agree', head: bmad(ledgerText({ '1-2-b': 'review' }), { '1-2-b': storyText('review') }) },
    { name: 'Backlog.md: the board shows the task in its status column', head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done') }, boardText({ 'To Do': [], Done: ['TASK-1'] })) },
    { name: 'an unknown word is not a mismatch (task-status-unknown reports it)', head: bmad(ledgerText({ '1-2-b': 'reviewed' }), { '1-2-b': storyText('review') }) },
    {
      name: 'an untouched disagreement is not judged in a change',
      base: bmad(ledgerText({ '1-1-a': 'backlog', '1-2-b': 'done' }), { '1-2-b': storyText('review') }),
      head: bmad(ledgerText({ '1-1-a': 'ready-for-dev', '1-2-b': 'done' }), { '1-2-b': storyText('review') }),
    },
  ],
  invalid: [
    {
      name: 'BMAD: the ledger moves to done, the story stays in review: the story catches up (fix)',
      base: bmad(ledgerText({ '1-2-b': 'review' }), { '1-2-b': storyText('review') }),
      head: bmad(ledgerText({ '1-2-b': 'done' }), { '1-2-b': storyText('review') }),
      findings: [
        {
          taskId: '1-2-b',
          file: STORY,
          line: 3,
          introduced: true,
          message: new RegExp(`^1-2-b is "done" in ledger \\(${LEDGER}:3\\) but "review" in stories \\(${STORY}:3\\); BMAD never moves a story back, so set it to "done" in ${STORY}`),
          fix: { file: STORY, kind: 'replace', line: 3, expected: 'Status: review', text: 'Status: done' },
        },
      ],
    },
    {
      name: 'BMAD: the story is ahead (bold status line): the ledger line catches up',
      head: bmad(ledgerText({ '1-2-b': 'in-progress' }), { '1-2-b': '# Story 1.2: B\n\n**Status:** review\n' }),
      findings: [{ file: LEDGER, line: 3, fix: { file: LEDGER, line: 3, expected: '  1-2-b: in-progress', text: '  1-2-b: review' } }],
    },
    {
      name: 'BMAD: a blocked story has no place in the order: no fix',
      head: bmad(ledgerText({ '1-2-b': 'awaiting-operator' }), { '1-2-b': storyText('in-progress') }),
      findings: [{ message: /make them agree$/, fix: undefined }],
    },
    {
      name: 'Backlog.md: the task moved to Done, the README board still shows it In Progress',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'In Progress') }, boardText({ 'In Progress': ['TASK-1'], Done: [] })),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done') }, boardText({ 'In Progress': ['TASK-1'], Done: [] })),
      findings: [{ taskId: 'TASK-1', file: README, line: 7, introduced: true, message: /"Done" in tasks .* but "In Progress" in board .*backlog board export --readme/, fix: undefined }],
    },
    {
      name: 'Backlog.md: a lower-case id in the task file is the upper-case ID on the board; moving the card alone is judged too',
      base: backlogMd({ [TASK1]: taskText('task-1', 'Done') }, boardText({ 'In Progress': [], Done: ['TASK-1'] })),
      head: backlogMd({ [TASK1]: taskText('task-1', 'Done') }, boardText({ 'In Progress': ['TASK-1'], Done: [] })),
      findings: [{ taskId: 'task-1', file: README, line: 7, introduced: true, message: /^task-1 is "Done" in tasks .* but "In Progress" in board/ }],
    },
    {
      name: 'a disagreement already there is pre-existing when the task is touched',
      base: bmad(ledgerText({ '1-2-b': 'done' }), { '1-2-b': storyText('review', [false]) }),
      head: bmad(ledgerText({ '1-2-b': 'done' }), { '1-2-b': storyText('review', [true]) }),
      findings: [{ taskId: '1-2-b', introduced: false }],
    },
  ],
});

testRule('mirror-status-mismatch', {
  valid: [],
  invalid: [
    {
      name: 'engine, bmad: the ledger moves ahead of the story (introduced, the story fix)',
      base: { [LEDGER]: ledgerText({ '1-2-b': 'review' }), [STORY]: storyText('review') },
      head: { [LEDGER]: ledgerText({ '1-2-b': 'done' }), [STORY]: storyText('review') },
      config: { preset: 'bmad' },
      findings: [{ taskId: '1-2-b', file: STORY, line: 3, introduced: true, fix: { file: STORY, expected: 'Status: review', text: 'Status: done' } }],
    },
    {
      name: 'engine, backlog-md: an old disagreement stays pre-existing when the task file is edited',
      base: { [TASK1]: taskText('TASK-1', 'Done'), [README]: boardText({ 'In Progress': ['TASK-1'] }) },
      head: { [TASK1]: taskText('TASK-1', 'Done', { ac: [true] }), [README]: boardText({ 'In Progress': ['TASK-1'] }) },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'TASK-1', file: README, introduced: false }],
    },
  ],
});
