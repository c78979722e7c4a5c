import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = { ...consistentTree([{ id: 'ST-B-001' }]), [BACKLOG]: backlog([{ id: 'ST-B-001' }]) };
/** ST-C-001 is in the backlog but on neither board. */
const drifted = { ...base, [BACKLOG]: backlog([{ id: 'ST-B-001' }, { id: 'ST-C-001' }]) };

testRule('backlog-only-id', {
  valid: [
    {
      name: 'a backlog row added with its board row and CSV record',
      base,
      head: {
        ...base,
        [BACKLOG]: backlog([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]),
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Backlog' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Backlog' }]),
      },
    },
    {
      name: 'one board is enough (the mirror rules cover the other)',
      base,
      head: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a change that repairs drift is clean (the boards gain the backlog task)',
      base: drifted,
      head: {
        ...drifted,
        [BACKLOG]: backlog([{ id: 'ST-B-001' }, { id: 'ST-C-001', title: 'Now tracked' }]),
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-C-001' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-C-001' }]),
      },
    },
    {
      name: 'an untouched drifted task is not judged',
      base: drifted,
      head: { ...drifted, [BACKLOG]: backlog([{ id: 'ST-B-001', title: 'Renamed' }, { id: 'ST-C-001' }]) },
    },
    {
      name: 'a backlog-only task touched outside the backlog is not judged',
      base: drifted,
      head: { ...drifted, [planPath('C')]: plan('C', [{ id: 'ST-C-001' }]) },
    },
  ],
  invalid: [
    {
      name: 'a backlog row added for a task on neither board: points at the backlog row',
      base,
      head: drifted,
      findings: [
        {
          taskId: 'ST-C-001',
          file: BACKLOG,
          line: 6,
          introduced: true,
          message: /^ST-C-001 is in the backlog but on neither board; every backlog row needs a Markdown board row and a CSV record$/,
        },
      ],
    },
    {
      name: 'editing a backlog row whose task was already off the boards is pre-existing',
      base: drifted,
      head: { ...drifted, [BACKLOG]: backlog([{ id: 'ST-B-001' }, { id: 'ST-C-001', title: 'Reworded' }]) },
      findings: [{ taskId: 'ST-C-001', file: BACKLOG, line: 6, introduced: false }],
    },
    {
      name: 'removing the board rows while editing the backlog row',
      base: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-001' }]) },
      head: {
        ...base,
        [BACKLOG]: backlog([{ id: 'ST-B-001', plan: 'Plan B (parked)' }]),
        [BOARD]: board([]),
        [CSV]: csv([]),
      },
      findings: [{ taskId: 'ST-B-001', file: BACKLOG, line: 5, introduced: true }],
    },
    {
      name: '--all audits every backlog row',
      head: drifted,
      findings: [{ taskId: 'ST-C-001', file: BACKLOG, line: 6, introduced: true, message: /ST-C-001 is in the backlog but on neither board/ }],
    },
  ],
});
