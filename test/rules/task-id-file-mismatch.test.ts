import { backlogMd, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const FILE = 'backlog/tasks/task-7 - Export.md';

testGraphRule('task-id-file-mismatch', {
  valid: [
    { name: 'the name and the id agree', head: backlogMd({ [FILE]: taskText('task-7', 'To Do') }) },
    { name: 'case does not matter (Backlog.md exports TASK-7)', head: backlogMd({ [FILE]: taskText('TASK-7', 'To Do') }) },
    { name: 'a name without an ID is not compared', head: backlogMd({ 'backlog/tasks/notes.md': taskText('task-7', 'To Do') }) },
  ],
  invalid: [
    {
      name: 'the id was changed in the frontmatter (introduced)',
      base: backlogMd({ [FILE]: taskText('task-7', 'To Do') }),
      head: backlogMd({ [FILE]: taskText('task-8', 'To Do') }),
      findings: [{ taskId: 'task-8', file: FILE, line: 2, introduced: true, message: /^backlog\/tasks\/task-7 - Export\.md is named for task-7 but its frontmatter says `id: task-8` \(line 2\).*rename the file to start with task-8, or set `id: task-7`/ }],
    },
    {
      name: 'a mismatch already there is pre-existing when the task is touched',
      base: backlogMd({ [FILE]: taskText('task-8', 'To Do') }),
      head: backlogMd({ [FILE]: taskText('task-8', 'Done') }),
      findings: [{ taskId: 'task-8', introduced: false }],
    },
  ],
});

testRule('task-id-file-mismatch', {
  valid: [{ name: 'engine, backlog-md: upper-case id in a lower-case name', head: { [FILE]: taskText('TASK-7', 'To Do') }, config: { preset: 'backlog-md' } }],
  invalid: [
    {
      name: 'engine, backlog-md: the id edited away from the name (introduced)',
      base: { [FILE]: taskText('task-7', 'To Do') },
      head: { [FILE]: taskText('task-8', 'To Do') },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'task-8', file: FILE, line: 2, introduced: true }],
    },
    {
      name: 'engine, backlog-md: an old mismatch is pre-existing when the task moves on',
      base: { [FILE]: taskText('task-8', 'To Do') },
      head: { [FILE]: taskText('task-8', 'In Progress') },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: 'task-8', introduced: false }],
    },
  ],
});
