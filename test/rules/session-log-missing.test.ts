import { BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = { ...consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-000']) };
/** Both boards move ST-B-001 to Done. */
const moved = {
  [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]),
  [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
};

testRule('session-log-missing', {
  valid: [
    {
      name: 'a layout without session logs (paths.sessionLogs: []) turns the rule off',
      base,
      head: { ...base, ...moved },
      config: { paths: { sessionLogs: [] } },
    },
    {
      name: 'a status change with a new session log',
      base,
      head: { ...base, ...moved, [sessionPath(2)]: sessionLog(['ST-B-001']) },
    },
    {
      name: 'a status change with an existing session log updated',
      base,
      head: { ...base, ...moved, [sessionPath(1)]: sessionLog(['ST-B-000', 'ST-B-001']) },
    },
    {
      name: 'a board edit that leaves every status alone',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', title: 'Renamed' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', title: 'Renamed' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a status change in a plan only (board-not-updated covers it)',
      base,
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'removing a row is not a status change',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }]) },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, ...moved },
    },
  ],
  invalid: [
    {
      name: 'both boards moved a task and no log changed: points at the first board change',
      base,
      head: { ...base, ...moved },
      findings: [
        {
          taskId: 'ST-B-001',
          file: BOARD,
          line: 6,
          introduced: true,
          message: /^the board status of 1 task changed \(ST-B-001\) but no session log under docs\/agents\/sessions\/\*\.md was added or updated; record the session$/,
        },
      ],
    },
    {
      name: 'several tasks moved: one finding with no single task',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Blocked' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Blocked' }]),
      },
      findings: [{ taskId: null, file: BOARD, line: 6, introduced: true, message: /the board status of 2 tasks changed \(ST-B-001, ST-B-002\)/ }],
    },
    {
      name: 'a status change in the CSV only points at the CSV record',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Blocked' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /1 task changed \(ST-B-002\)/ }],
    },
    {
      name: 'a new board row counts as a status change',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-003', file: BOARD, line: 8, message: /\(ST-B-003\)/ }],
    },
    {
      name: 'deleting a session log does not record the session',
      base,
      head: Object.fromEntries(Object.entries({ ...base, ...moved }).filter(([path]) => path !== sessionPath(1))),
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true }],
    },
    {
      name: 'a log outside the session-log globs does not count',
      base,
      head: { ...base, ...moved, 'docs/agents/notes/2025-12-22_session-0002.md': sessionLog(['ST-B-001']) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6 }],
    },
    {
      name: 'more than five moved tasks are summarised',
      base: { ...base, [BOARD]: board(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}` }))), [CSV]: csv(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}` }))) },
      head: { ...base, [BOARD]: board(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}`, status: 'Done' }))), [CSV]: csv(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}` }))) },
      findings: [{ taskId: null, file: BOARD, line: 6, message: /7 tasks changed \(ST-B-001, ST-B-002, ST-B-003, ST-B-004, ST-B-005 and 2 more\)/ }],
    },
  ],
});
