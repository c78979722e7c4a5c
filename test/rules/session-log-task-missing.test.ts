import { BOARD, CSV, board, consistentTree, csv, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = { ...consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
/** Both boards move ST-B-001 to Done. */
const done = {
  [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]),
  [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
};

testRule('session-log-task-missing', {
  valid: [
    {
      name: 'a layout without session logs (paths.sessionLogs: []) turns the rule off',
      base,
      head: { ...base, ...done, [sessionPath(2)]: sessionLog(['ST-B-002']) },
      config: { paths: { sessionLogs: [] } },
    },
    {
      name: 'the head ignores the session-log folder in .gitignore: the session rules are off',
      base,
      head: { ...base, ...done, '.gitignore': 'docs/agents/sessions/\n', [sessionPath(2)]: sessionLog(['ST-B-002']) },
    },
    {
      name: 'the added session log mentions the task',
      base,
      head: { ...base, ...done, [sessionPath(2)]: sessionLog(['ST-B-001']) },
    },
    {
      name: 'one of several changed logs mentions the task',
      base,
      head: { ...base, ...done, [sessionPath(2)]: sessionLog(['ST-B-002']), [sessionPath(3)]: sessionLog(['ST-B-002', 'ST-B-001']) },
    },
    {
      name: 'no session log changed (session-log-missing covers that)',
      base,
      head: { ...base, ...done },
    },
    {
      name: 'only the title changed, not the status',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', title: 'New title' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', title: 'New title' }, { id: 'ST-B-002' }]),
        [sessionPath(2)]: sessionLog(['ST-B-002']),
      },
    },
    {
      name: 'a deleted session log is not a changed log',
      base,
      head: Object.fromEntries(Object.entries({ ...base, ...done }).filter(([path]) => path !== sessionPath(1))),
    },
  ],
  invalid: [
    {
      name: 'the added log is about another task',
      base,
      head: { ...base, ...done, [sessionPath(2)]: sessionLog(['ST-B-002']) },
      findings: [
        {
          taskId: 'ST-B-001',
          file: BOARD,
          line: 6,
          introduced: true,
          message: /board status of ST-B-001 changed but none of the changed session logs \(docs\/agents\/sessions\/2025-12-22_session-0002\.md\) mentions ST-B-001/,
        },
      ],
    },
    {
      name: 'an older log that mentions the task but did not change does not count',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(2)]: sessionLog(['ST-B-002']) },
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 2, introduced: true }],
    },
    {
      name: 'a new task row counts as a status change; an edited log counts as changed',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [sessionPath(1)]: sessionLog(['ST-B-001', 'ST-B-002']),
      },
      findings: [{ taskId: 'ST-B-003', file: BOARD, line: 8, introduced: true, message: /\(docs\/agents\/sessions\/2025-12-22_session-0001\.md\) mentions ST-B-003/ }],
    },
    {
      name: 'two tasks moved, the two new logs mention neither',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Blocked' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Blocked' }]),
        [sessionPath(2)]: sessionLog(['ST-C-001']),
        [sessionPath(3, '2025-12-23')]: sessionLog(['ST-C-002']),
      },
      findings: [
        { taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /session-0002\.md, docs\/agents\/sessions\/2025-12-23_session-0003\.md\) mentions ST-B-001/ },
        { taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /mentions ST-B-002$/ },
      ],
    },
  ],
});
