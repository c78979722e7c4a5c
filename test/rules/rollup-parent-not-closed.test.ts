import { bmad, kiro, LEDGER, ledgerText, storyPath, storyText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const SPEC = '.kiro/specs/search/tasks.md';
const spec = (parent: string, first: string, second: string) => `- ${parent} 1. Build the index\n  - ${first} 1.1 Tokenise\n  - ${second} 1.2 Rank\n`;

testGraphRule('rollup-parent-not-closed', {
  valid: [
    { name: 'Kiro: parent open while a sub-task is open', head: kiro({ [SPEC]: spec('[ ]', '[x]', '[ ]') }) },
    { name: 'Kiro: parent ticked with its sub-tasks', head: kiro({ [SPEC]: spec('[x]', '[x]', '[x]') }) },
    { name: 'Kiro: a task with only optional sub-tasks is not rolled up', head: kiro({ [SPEC]: '- [ ] 1. Docs\n  - [x]* 1.1 Extra\n' }) },
    { name: 'BMAD: epic in progress with a story in review', head: bmad(ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'done', '1-2-b': 'review' }), {}) },
  ],
  invalid: [
    {
      name: 'Kiro: ticking the last sub-task leaves the parent open: the fix ticks it',
      base: kiro({ [SPEC]: spec('[ ]', '[x]', '[ ]') }),
      head: kiro({ [SPEC]: spec('[ ]', '[x]', '[x]') }),
      findings: [
        {
          taskId: `${SPEC}#1`,
          file: SPEC,
          line: 1,
          introduced: true,
          message: /^all 2 required sub-tasks of task 1 of .* are done \(1\.1, 1\.2\) but 1 is still "\[ \]" .*; mark it "\[x\]"/,
          fix: { file: SPEC, kind: 'replace', line: 1, expected: '- [ ] 1. Build the index', text: '- [x] 1. Build the index' },
        },
      ],
    },
    {
      name: 'Kiro: an in-progress parent, optional open sub-task ignored, `[X]` children give `[X]`',
      head: kiro({ [SPEC]: '- [-] 1. Build\n  - [X] 1.1 Tokenise\n  - [ ]* 1.2 Extra\n' }),
      findings: [{ line: 1, fix: { expected: '- [-] 1. Build', text: '- [X] 1. Build' } }],
    },
    {
      name: 'BMAD: all stories done, epic still in progress: the fix sets the ledger line',
      base: bmad(ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'done', '1-2-b': 'review', 'epic-1-retrospective': 'optional' }), {}),
      head: bmad(ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'done', '1-2-b': 'done', 'epic-1-retrospective': 'optional' }), {}),
      findings: [
        {
          taskId: 'epic-1',
          file: LEDGER,
          line: 3,
          introduced: true,
          message: /all 2 required sub-tasks of epic-1 are done \(1-1-a, 1-2-b\) but epic-1 is still "in-progress"/,
          fix: { file: LEDGER, line: 3, expected: '  epic-1: in-progress', text: '  epic-1: done' },
        },
      ],
    },
    {
      name: 'BMAD: a ledger line with a comment keeps it',
      head: bmad('development_status:\n  epic-2: backlog  # later\n  2-1-x: done\n', {}),
      findings: [{ line: 2, fix: { expected: '  epic-2: backlog  # later', text: '  epic-2: done  # later' } }],
    },
  ],
});

testRule('rollup-parent-not-closed', {
  valid: [],
  invalid: [
    {
      name: 'engine, bmad: the last story done leaves the epic open (introduced, with the ledger fix)',
      base: { [LEDGER]: ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'review' }), [storyPath('1-1-a')]: storyText('review') },
      head: { [LEDGER]: ledgerText({ 'epic-1': 'in-progress', '1-1-a': 'done' }), [storyPath('1-1-a')]: storyText('done') },
      config: { preset: 'bmad' },
      findings: [{ taskId: 'epic-1', file: LEDGER, line: 3, introduced: true, fix: { expected: '  epic-1: in-progress', text: '  epic-1: done' } }],
    },
    {
      name: 'engine, kiro: a parent left open before the change stays pre-existing',
      base: { [SPEC]: spec('[ ]', '[x]', '[x]') },
      head: { [SPEC]: `${spec('[ ]', '[x]', '[x]')}  - [x] 1.3 Cache\n` },
      config: { preset: 'kiro' },
      findings: [{ taskId: `${SPEC}#1`, introduced: false, fix: { text: '- [x] 1. Build the index' } }],
    },
  ],
});
