import { backlogMd, bmad, buildGraph, LEDGER, ledgerText, specKit, taskPath, taskText, testGraphRule } from '../support/graph.js';

const TASK1 = taskPath('TASK-1');
const TASK2 = taskPath('TASK-2');
const NO_FRONTMATTER = '# Task 2\n\nJust notes.\n';
const FEATURE = 'specs/001-export/tasks.md';
const TWICE = 'development_status:\n  1-1-a: review\n  1-1-a: done\n';

testGraphRule('task-source-unreadable', {
  valid: [
    { name: 'every file read', head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done') }) },
    { name: 'BMAD: a key written twice is task-id-duplicate\'s finding, not a second one here', head: bmad(TWICE, {}) },
    {
      name: 'an unreadable file the change does not touch is not judged in a change',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do'), [TASK2]: NO_FRONTMATTER }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done'), [TASK2]: NO_FRONTMATTER }),
    },
  ],
  invalid: [
    {
      name: 'Backlog.md: a task file without frontmatter is a finding, never a skip',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do') }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do'), [TASK2]: NO_FRONTMATTER }),
      findings: [{ taskId: null, file: TASK2, line: 1, introduced: true, message: /^this file has no YAML frontmatter .*\(source "tasks"\)$/ }],
    },
    {
      name: 'a problem already there stays pre-existing when lines are added above it',
      base: specKit({ [FEATURE]: '# Tasks\n\n- [ ] All tests pass\n' }),
      head: specKit({ [FEATURE]: '# Tasks\n\nIntro.\n\n- [x] All tests pass\n' }),
      findings: [{ file: FEATURE, line: 5, introduced: false, message: /1 checkboxes but none with a task ID/ }],
    },
    {
      name: 'BMAD: a ledger line that is not YAML, in an audit: one finding for the line, the first problem',
      head: bmad('development_status:\n  1-1-a: done\n  1-2-b: done: twice\n', {}),
      findings: [{ file: LEDGER, line: 3, introduced: true, message: /^the ledger is not valid YAML/ }],
    },
    {
      name: 'BMAD: an entry without a status word',
      head: bmad(`${ledgerText({ '1-1-a': 'done' })}  bad-entry:\n`, {}),
      findings: [{ file: LEDGER, line: 4, message: /development_status\.bad-entry should be a status word/ }],
    },
  ],
});

test('the ledger reader does report a key written twice (so the valid case above is not empty)', () => {
  const ledger = buildGraph(bmad(TWICE, {})).sources.get('ledger')!;
  expect(ledger.problems.map((problem) => problem.line)).toEqual([3]);
  expect(ledger.byKey.get('1-1-a')).toHaveLength(2);
});
