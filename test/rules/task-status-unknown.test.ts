import { backlogMd, bmad, LEDGER, ledgerText, storyPath, storyText, taskPath, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const TASK1 = taskPath('TASK-1');

testGraphRule('task-status-unknown', {
  valid: [
    { name: 'every status in the vocabulary, ignoring case', head: backlogMd({ [TASK1]: taskText('TASK-1', 'in progress') }) },
    { name: 'no status at all is the reader\'s problem, not an unknown word', head: backlogMd({ [TASK1]: taskText('TASK-1', '') }) },
    {
      name: 'an untouched unknown word is not judged in a change',
      base: bmad(ledgerText({ '1-1-a': 'reviewed', '1-2-b': 'backlog' }), {}),
      head: bmad(ledgerText({ '1-1-a': 'reviewed', '1-2-b': 'ready-for-dev' }), {}),
    },
  ],
  invalid: [
    {
      name: 'Backlog.md: a status the config does not list (introduced), with the vocabulary and the key to set',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do') }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Wontfix') }),
      findings: [
        {
          taskId: 'TASK-1',
          file: TASK1,
          line: 2,
          introduced: true,
          message: /^TASK-1 has the status "Wontfix", which is not in the status vocabulary \("To Do", "In Progress", "Done"\).*under `statuses\.<category>` \(backlog, ready, in-progress, blocked, ready-for-review, done\) in \.github\/doc-sync\.yml, or to `statuses` in backlog\/config\.yml$/,
        },
      ],
    },
    {
      name: 'BMAD: one finding per place the word is written',
      head: bmad(ledgerText({ '1-1-a': 'reviewed' }), { '1-1-a': storyText('Reviewed') }),
      findings: [
        { taskId: '1-1-a', file: LEDGER, line: 3, message: /"reviewed"/ },
        { taskId: '1-1-a', file: storyPath('1-1-a'), line: 3, message: /"Reviewed"/ },
      ],
    },
  ],
});

testRule('task-status-unknown', {
  valid: [
    {
      name: 'engine, backlog-md: a status backlog/config.yml adds is known',
      head: { 'backlog/config.yml': 'statuses: ["To Do", "In Progress", "Wontfix", "Done"]\n', [TASK1]: taskText('TASK-1', 'Wontfix') },
      config: { preset: 'backlog-md' },
    },
  ],
  invalid: [
    {
      name: 'engine, bmad: a ledger word the vocabulary lacks (introduced)',
      base: { [LEDGER]: ledgerText({ '1-1-a': 'review' }) },
      head: { [LEDGER]: ledgerText({ '1-1-a': 'reviewed' }) },
      config: { preset: 'bmad' },
      findings: [{ taskId: '1-1-a', file: LEDGER, line: 3, introduced: true, message: /"reviewed", which is not in the status vocabulary \("backlog", .*"done".*\)/ }],
    },
    {
      name: 'engine, backlog-md: an old unknown word is pre-existing when the task is edited',
      base: { [TASK1]: taskText('TASK-1', 'To do later') },
      head: { [TASK1]: taskText('TASK-1', 'To do later', { ac: [false] }) },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'TASK-1', introduced: false, message: /backlog\/config\.yml/ }],
    },
  ],
});
