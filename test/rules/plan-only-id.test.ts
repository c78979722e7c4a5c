import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_B = planPath('B');
const PLAN_C = planPath('C');
const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);

testRule('plan-only-id', {
  valid: [
    {
      name: 'an ID range in a delivered table whose members are all on the boards is judged by its members',
      base,
      head: { ...base, [PLAN_B]: plan('B', [], [{ id: 'ST-B-001-002', title: 'All of Plan B' }]) },
    },
    {
      name: 'a new ID added to the plan and both boards together',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a new plan row for a task that only has a CSV record (md-row-missing covers the gap)',
      base,
      head: {
        ...base,
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a change that repairs drift is clean (the boards gain the plan-only task)',
      base: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'an untouched drifted plan-only row is not judged, and editing it is not adding it',
      base: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', status: 'Blocked' }]) },
    },
    {
      name: 'moving a plan-only row to another plan file is not a new ID',
      base: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-B-003' }]) },
    },
    {
      name: 'a mention in plan prose is not a plan row',
      base,
      head: { ...base, [PLAN_B]: `${plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }])}\nLater: ST-B-003.\n` },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
    },
  ],
  invalid: [
    {
      name: 'an ID range with a member on neither board names that member',
      base,
      head: { ...base, [PLAN_B]: plan('B', [], [{ id: 'ST-B-001-003', title: 'All of Plan B' }]) },
      findings: [{ taskId: 'ST-B-001-003', file: PLAN_B, message: /^ST-B-001-003 was added to .*, but ST-B-003 is on neither board; add it to the Markdown board and the CSV$/ }],
    },
    {
      name: 'an ID added to the Active work table only: points at the new plan row',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [
        {
          taskId: 'ST-B-003',
          file: PLAN_B,
          line: 11,
          introduced: true,
          message: /^ST-B-003 was added to docs\/plans\/PlanB_Work\.md but is on neither board; add it to the Markdown board and the CSV$/,
        },
      ],
    },
    {
      name: 'an ID added to the Recently delivered table only',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }], [{ id: 'ST-B-007' }]) },
      findings: [{ taskId: 'ST-B-007', file: PLAN_B, line: 15, introduced: true, message: /ST-B-007 was added to docs\/plans\/PlanB_Work\.md/ }],
    },
    {
      name: 'a new plan file with an ID on no board',
      base,
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]) },
      findings: [{ taskId: 'ST-C-001', file: PLAN_C, line: 9, introduced: true, message: /added to docs\/plans\/PlanC_Work\.md/ }],
    },
    {
      name: 'two new plan-only IDs: one finding each, in line order',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-004' }, { id: 'ST-B-003' }]) },
      findings: [
        { taskId: 'ST-B-004', file: PLAN_B, line: 11 },
        { taskId: 'ST-B-003', file: PLAN_B, line: 12 },
      ],
    },
  ],
});
