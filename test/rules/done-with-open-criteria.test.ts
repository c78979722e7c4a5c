import { backlogMd, bmad, LEDGER, ledgerText, storyPath, storyText, taskPath, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const TASK1 = taskPath('TASK-1');

testGraphRule('done-with-open-criteria', {
  valid: [
    { name: 'Backlog.md: Done with every criterion ticked', head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [true, true], dod: [true] }) }) },
    { name: 'Backlog.md: open criteria on a task in progress', head: backlogMd({ [TASK1]: taskText('TASK-1', 'In Progress', { ac: [true, false] }) }) },
    { name: 'Backlog.md: Done without any criteria', head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done') }) },
    { name: 'BMAD: a story done with all its tasks ticked', head: bmad(ledgerText({ '1-1-a': 'done' }), { '1-1-a': storyText('done', [true, true]) }) },
    {
      name: 'an untouched task is not judged in a change',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [false] }), [taskPath('TASK-2')]: taskText('TASK-2', 'To Do') }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [false] }), [taskPath('TASK-2')]: taskText('TASK-2', 'In Progress') }),
    },
  ],
  invalid: [
    {
      name: 'Backlog.md: moved to Done with an open acceptance criterion (introduced)',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'In Progress', { ac: [true, false], dod: [true] }) }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [true, false], dod: [true] }) }),
      findings: [{ taskId: 'TASK-1', file: TASK1, line: 2, introduced: true, message: /^TASK-1 is "Done" \(.*:2\) but has unticked checkboxes in .* \(acceptance criteria: 1 of 2 open\); tick what was done/ }],
    },
    {
      name: 'Backlog.md: both lists open are named in one finding',
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [false, false], dod: [true, false] }) }),
      findings: [{ message: /\(acceptance criteria: 2 of 2 open; Definition of Done: 1 of 2 open\)/ }],
    },
    {
      name: 'Backlog.md: a Done task edited without ticking its criteria is pre-existing',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [false] }) }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done', { ac: [false, false] }) }),
      findings: [{ taskId: 'TASK-1', introduced: false }],
    },
    {
      name: 'BMAD: a story file done with an open task',
      head: bmad(ledgerText({ '1-1-a': 'done' }), { '1-1-a': storyText('done', [true, false]) }),
      findings: [{ taskId: '1-1-a', file: storyPath('1-1-a'), line: 3, message: /1-1-a is "done" .*\(tasks: 1 of 2 open\)/ }],
    },
  ],
});

testRule('done-with-open-criteria', {
  valid: [
    { name: 'engine, backlog-md: a Done task in completed/ with every criterion ticked', head: { [taskPath('TASK-1', 'completed')]: taskText('TASK-1', 'Done', { ac: [true] }) }, config: { preset: 'backlog-md' } },
  ],
  invalid: [
    {
      name: 'engine, backlog-md: moved to Done with an open DoD item (introduced)',
      base: { [TASK1]: taskText('TASK-1', 'In Progress', { dod: [true, false] }) },
      head: { [TASK1]: taskText('TASK-1', 'Done', { dod: [true, false] }) },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'TASK-1', file: TASK1, line: 2, introduced: true, message: /Definition of Done: 1 of 2 open/ }],
    },
    {
      name: 'engine, bmad: a done story whose ledger line is edited keeps its open task pre-existing',
      base: { [LEDGER]: ledgerText({ '1-1-a': 'done' }), [storyPath('1-1-a')]: storyText('done', [false]) },
      head: { [LEDGER]: ledgerText({ '1-1-a': 'done' }), [storyPath('1-1-a')]: storyText('done', [false, true]) },
      config: { preset: 'bmad' },
      findings: [{ taskId: '1-1-a', file: storyPath('1-1-a'), introduced: false, message: /tasks: 1 of 2 open/ }],
    },
  ],
});
