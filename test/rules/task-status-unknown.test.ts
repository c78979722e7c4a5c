import { backlogMd, bmad, LEDGER, ledgerText, storyPath, storyText, taskPath, taskText, testGraphRule } from '../support/graph.js';

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
