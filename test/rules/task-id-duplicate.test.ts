import { backlogMd, bmad, kiro, LEDGER, taskPath, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const SPEC_A = '.kiro/specs/a/tasks.md';
const SPEC_B = '.kiro/specs/b/tasks.md';
const TASK1 = taskPath('TASK-1');
const DONE1 = taskPath('TASK-1', 'completed');

testGraphRule('task-id-duplicate', {
  valid: [
    { name: 'Kiro: the same ID in two specs is two tasks (IDs are per file)', head: kiro({ [SPEC_A]: '- [ ] 1. A\n', [SPEC_B]: '- [ ] 1. B\n' }) },
    { name: 'Backlog.md: distinct IDs across tasks/ and completed/', head: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do'), [taskPath('TASK-2', 'completed')]: taskText('TASK-2', 'Done') }) },
    {
      name: 'removing a duplicate',
      base: kiro({ [SPEC_A]: '- [ ] 1. A\n- [x] 1. A\n' }),
      head: kiro({ [SPEC_A]: '- [x] 1. A\n' }),
    },
  ],
  invalid: [
    {
      name: 'Kiro: the same ID twice in one file, the second with another box (introduced)',
      base: kiro({ [SPEC_A]: '- [ ] 1. Write tests\n- [ ] 2. Ship\n' }),
      head: kiro({ [SPEC_A]: '- [x] 1. Write tests\n- [ ] 2. Ship\n- [ ] 1. Write tests\n' }),
      findings: [{ taskId: `${SPEC_A}#1`, file: SPEC_A, line: 3, introduced: true, message: /^task 1 of \.kiro\/specs\/a\/tasks\.md is stated 2 times in source "tasks" \(.*:1, .*:3\); the first one/ }],
    },
    {
      name: 'Backlog.md: one ID in completed/ and tasks/ (read in path order), different titles',
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do'), [DONE1]: taskText('TASK-1', 'Done').replace('title: A task', 'title: Other') }),
      findings: [{ taskId: 'TASK-1', file: TASK1, line: 2, message: /stated 2 times .*with different titles: the ID may have been reused/ }],
    },
    {
      name: 'BMAD: a ledger key written twice (a merge leftover)',
      head: bmad('development_status:\n  1-1-a: review\n  1-1-a: done\n', {}),
      findings: [{ taskId: '1-1-a', file: LEDGER, line: 3, message: /1-1-a is stated 2 times in source "ledger"/ }],
    },
    {
      name: 'a duplicate already at base is pre-existing when touched',
      base: kiro({ [SPEC_A]: '- [ ] 1. A\n- [ ] 1. A\n' }),
      head: kiro({ [SPEC_A]: '- [x] 1. A\n- [ ] 1. A\n' }),
      findings: [{ taskId: `${SPEC_A}#1`, introduced: false }],
    },
  ],
});

testRule('task-id-duplicate', {
  valid: [],
  invalid: [
    {
      name: 'engine, backlog-md: a task file in completed/ reuses an ID of tasks/ (introduced)',
      base: { [TASK1]: taskText('TASK-1', 'To Do') },
      head: { [TASK1]: taskText('TASK-1', 'To Do'), [DONE1]: taskText('TASK-1', 'Done') },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'TASK-1', file: TASK1, line: 2, introduced: true }],
    },
    {
      name: 'engine, kiro: a duplicate already there is pre-existing when one copy is ticked',
      base: { [SPEC_A]: '- [ ] 1. A\n- [ ] 1. A\n' },
      head: { [SPEC_A]: '- [x] 1. A\n- [ ] 1. A\n' },
      config: { preset: 'kiro' },
      findings: [{ taskId: `${SPEC_A}#1`, line: 2, introduced: false }],
    },
  ],
});
