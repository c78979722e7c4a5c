import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_B = planPath('B');
const base = consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);
const boardsSay = (first: { md: string; csv: string }) => ({
  [BOARD]: board([{ id: 'ST-B-001', status: first.md }, { id: 'ST-B-002' }]),
  [CSV]: csv([{ id: 'ST-B-001', status: first.csv }, { id: 'ST-B-002' }]),
});
/** The boards say ST-B-001 is Done; the plan still says In Progress. */
const drifted = { ...base, ...boardsSay({ md: 'Done - 2025-12-22', csv: 'Done' }) };

testRule('status-mismatch-plan', {
  valid: [
    {
      name: 'the boards and the plan move together',
      base,
      head: { ...drifted, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a row in the plan\'s Recently delivered table counts as done',
      base,
      head: { ...drifted, [PLAN_B]: plan('B', [{ id: 'ST-B-002' }], [{ id: 'ST-B-001' }]) },
    },
    {
      name: 'a change that repairs drift is clean',
      base: drifted,
      head: { ...drifted, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'an untouched drifted task is not judged',
      base: drifted,
      head: { ...drifted, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002', status: 'Blocked' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Blocked' }]), [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Blocked' }]) },
    },
    {
      name: 'a status word the config does not know is not judged',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Parked until Q3' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'the plan moved, the boards did not: board-not-updated reports that cause, not this rule too',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Blocked' }]) },
    },
    {
      name: 'the plan moved a row to Recently delivered, the boards did not: board-not-updated\'s cause',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-002' }], [{ id: 'ST-B-001' }]) },
    },
    {
      name: 'a task that is in no plan is left to plan-entry-missing',
      base,
      head: { ...drifted, [PLAN_B]: plan('B', [{ id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
    {
      name: 'the boards moved to Done, the plan did not: points at the plan row and cites the Markdown row (as when only the Markdown board moved, so a fix round does not move it)',
      base,
      head: drifted,
      findings: [
        {
          taskId: 'ST-B-001',
          file: PLAN_B,
          line: 9,
          introduced: true,
          message: /^ST-B-001 is "In Progress" \(in-progress\) in docs\/plans\/PlanB_Work\.md but "Done - 2025-12-22" \(done\) on the board \(docs\/StateTrace_TaskBoard\.md:6\); update whichever is stale$/,
        },
      ],
    },
    {
      name: 'the plan added a row whose status the boards do not share',
      base: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }]) },
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'In Progress' }], [{ id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-002', file: PLAN_B, line: 14, introduced: true, message: /ST-B-002 is "Recently delivered" \(done\) in .* but "Ready" \(ready\) on the board/ }],
    },
    {
      name: 'only the Markdown board moved: the plan is compared with the Markdown board, so the stale plan shows in the same round as the stale CSV',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: PLAN_B, line: 9, message: /"In Progress" \(in-progress\) in .* but "Done - 2025-12-22" \(done\) on the board \(docs\/StateTrace_TaskBoard\.md:6\)/ }],
    },
    {
      name: 'the CSV record is the board status when both boards have one',
      base,
      head: { ...base, ...boardsSay({ md: 'In Progress', csv: 'Blocked' }) },
      findings: [{ taskId: 'ST-B-001', file: PLAN_B, line: 9, message: /"Blocked" \(blocked\) on the board \(docs\/taskboard\/TaskBoard\.csv:2\)/ }],
    },
    {
      name: 'without a CSV the Markdown row is the board status',
      base,
      head: { [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }]), [PLAN_B]: plan('B', [{ id: 'ST-B-001' }]) },
      findings: [{ taskId: 'ST-B-001', file: PLAN_B, line: 9, message: /"Ready" \(ready\) in .* but "Done" \(done\) on the board \(docs\/StateTrace_TaskBoard\.md:6\)/ }],
    },
    {
      name: 'a mismatch already there at base is pre-existing on a touched task',
      base: drifted,
      head: { ...drifted, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22', title: 'Renamed' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done', title: 'Renamed' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: PLAN_B, line: 9, introduced: false }],
    },
    {
      name: '--all audits every task',
      head: drifted,
      findings: [{ taskId: 'ST-B-001', file: PLAN_B, line: 9, introduced: true }],
    },
  ],
});
