import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_B = planPath('B');
const base = consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);

testRule('board-not-updated', {
  valid: [
    {
      name: 'the plan and both boards move together',
      base,
      head: {
        ...base,
        [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a change that repairs drift is clean (the plan catches up with the boards)',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
        [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'an untouched drifted task is not judged',
      base: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', title: 'Renamed' }]) },
    },
    {
      name: 'a new plan status in the category the board already has',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress (tests left)' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a plan edit that leaves the status alone',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress', owner: 'QA' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a plan row added is not a status change (plan-only-id covers new IDs)',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-003', status: 'Done' }]) },
    },
    {
      name: 'a status word the config does not know is not judged',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Parked' }, { id: 'ST-B-002' }]) },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
    {
      name: 'the plan moved to Done, neither board did: points at the plan row',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      findings: [
        {
          taskId: 'ST-B-001',
          file: PLAN_B,
          line: 9,
          introduced: true,
          message: /^the plan now says ST-B-001 is "Done" \(done\) but the board still says "In Progress" \(in-progress\); update the Markdown board and the CSV in the same change$/,
        },
      ],
    },
    {
      name: 'moving a row from Active work to Recently delivered is a status change',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-002' }], [{ id: 'ST-B-001' }]) },
      findings: [{ taskId: 'ST-B-001', file: PLAN_B, line: 14, introduced: true, message: /now says ST-B-001 is "Recently delivered" \(done\) but the board still says "In Progress"/ }],
    },
    {
      name: 'a plan status change for a task that is on neither board',
      base: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-009' }]) },
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-009', status: 'Blocked' }]) },
      findings: [
        {
          taskId: 'ST-B-009',
          file: PLAN_B,
          line: 11,
          introduced: true,
          message: /^the plan changed the status of ST-B-009 but ST-B-009 is on neither board; add it to the Markdown board and the CSV$/,
        },
      ],
    },
    {
      name: 'two tasks moved in the plan: one finding each',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002', status: 'In Progress' }]) },
      findings: [
        { taskId: 'ST-B-001', file: PLAN_B, line: 9, message: /"Blocked" \(blocked\)/ },
        { taskId: 'ST-B-002', file: PLAN_B, line: 10, message: /"In Progress" \(in-progress\) but the board still says "Ready" \(ready\)/ },
      ],
    },
  ],
});
