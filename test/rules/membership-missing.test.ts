import { backlogMd, bmad, boardText, LEDGER, ledgerText, README, storyText, taskPath, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const TASK1 = taskPath('TASK-1');

testGraphRule('membership-missing', {
  valid: [
    {
      name: 'BMAD: every story past ready-for-dev has its file; epics and retrospectives need none',
      head: bmad(ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'review', '1-2-b': 'ready-for-dev', '1-3-c': 'backlog', 'epic-1-retrospective': 'optional' }), { '1-1-a': storyText('review') }),
    },
    {
      name: 'Backlog.md: the exported IDs (upper case) all have task files (lower-case names)',
      head: backlogMd({ [TASK1]: taskText('task-1', 'To Do') }, boardText({ 'To Do': ['TASK-1'] })),
    },
    {
      name: 'a story file that cannot be read is task-source-unreadable, not a missing story',
      head: bmad(ledgerText({ '1-1-a': 'done' }), { '1-1-a': '# Story 1.1: A story\n\nNo status here.\n' }),
    },
  ],
  invalid: [
    {
      name: 'BMAD: a story moved to in-progress without a story file (introduced)',
      base: bmad(ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'ready-for-dev' }), {}),
      head: bmad(ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'in-progress' }), {}),
      findings: [{ taskId: '1-1-a', file: LEDGER, line: 4, introduced: true, message: /^1-1-a is in ledger \(.*:4\) with status "in-progress" but not in stories; write its story file \(1-1-a\.md/ }],
    },
    {
      name: 'BMAD: a story file whose key is not in the ledger',
      head: bmad(ledgerText({ '1-1-a': 'done' }), { '1-1-a': storyText('done'), '1-2-b': storyText('review') }),
      findings: [{ taskId: '1-2-b', line: 3, message: /1-2-b is in stories .* but not in ledger; add `1-2-b: <status>` to the ledger/ }],
    },
    {
      name: 'Backlog.md: an exported ID without a task file',
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do') }, boardText({ 'To Do': ['TASK-1'], Done: ['TASK-9'] })),
      findings: [{ taskId: 'TASK-9', file: README, line: 7, message: /TASK-9 is in board .* but not in tasks; restore its task file/ }],
    },
    {
      name: 'a missing story already missing at base is pre-existing when touched',
      base: bmad(ledgerText({ '1-1-a': 'in-progress' }), {}),
      head: bmad(ledgerText({ '1-1-a': 'review' }), {}),
      findings: [{ taskId: '1-1-a', introduced: false }],
    },
  ],
});

testRule('membership-missing', {
  valid: [
    { name: 'engine, bmad: a backlog story needs no file yet', head: { [LEDGER]: ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'backlog' }) }, config: { preset: 'bmad' } },
  ],
  invalid: [
    {
      name: 'engine, bmad: a story set to review without a story file (introduced)',
      base: { [LEDGER]: ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'ready-for-dev' }) },
      head: { [LEDGER]: ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'review' }) },
      config: { preset: 'bmad' },
      findings: [{ taskId: '1-1-a', file: LEDGER, line: 4, introduced: true, message: /with status "review" but not in stories/ }],
    },
    {
      name: 'engine, backlog-md: an exported ID whose file was already gone is pre-existing when the board is touched',
      base: { [TASK1]: taskText('TASK-1', 'To Do'), [README]: boardText({ 'To Do': ['TASK-1'], Done: ['TASK-9'] }) },
      head: { [TASK1]: taskText('TASK-1', 'To Do'), [README]: boardText({ 'To Do': ['TASK-1', 'TASK-9'], Done: [] }) },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'TASK-9', file: README, introduced: false }],
    },
  ],
});
