import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_B = planPath('B');
const PLAN_C = planPath('C');
const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
const threeOnBoard = {
  [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
  [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
};
/** ST-B-002 is on both boards but its plan does not mention it. */
const drifted = { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }]) };

testRule('plan-entry-missing', {
  valid: [
    {
      name: 'a new task added to the boards and its plan together',
      base,
      head: { ...base, ...threeOnBoard, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
    },
    {
      name: 'a mention anywhere in the plan text counts, not only a table row',
      base,
      head: { ...base, ...threeOnBoard, [PLAN_B]: `${plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }])}\nFollow-up: ST-B-003 picks up the leftovers.\n` },
    },
    {
      name: 'a change that repairs drift is clean (the plan gains the row)',
      base: drifted,
      head: base,
    },
    {
      name: 'an untouched drifted task is not judged',
      base: drifted,
      head: { ...drifted, [BOARD]: board([{ id: 'ST-B-001', title: 'Renamed' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', title: 'Renamed' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a CSV PlanLink to another plan file that mentions the task is followed',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', plan: PLAN_C }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', plan: PLAN_C }]),
        [PLAN_C]: plan('C', [{ id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a link to a missing plan file falls back to the plans of the ID letter',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', plan: 'docs/plans/PlanB_Gone.md' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', plan: 'docs/plans/PlanB_Gone.md' }]),
        [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a task on no board is not judged (plan-only-id covers it)',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }]).replace('ST-B-002', 'ST-B-009') },
    },
  ],
  invalid: [
    {
      name: 'a task added to both boards but not to its plan: points at the Markdown row (where it stays when fix adds a missing CSV record)',
      base,
      head: { ...base, ...threeOnBoard },
      findings: [
        {
          taskId: 'ST-B-003',
          file: BOARD,
          line: 8,
          introduced: true,
          message: /^ST-B-003 is on the board but does not occur in docs\/plans\/PlanB_Work\.md; add it to the plan's Active work table$/,
        },
      ],
    },
    {
      name: 'a task only on the Markdown board: points at the Markdown row',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-003', file: BOARD, line: 8, introduced: true, message: /does not occur in docs\/plans\/PlanB_Work\.md/ }],
    },
    {
      name: 'removing the plan row of a board task',
      base,
      head: drifted,
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true }],
    },
    {
      name: 'the linked plan is what counts, even when the letter plan mentions the task',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', plan: PLAN_C }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', plan: PLAN_C }]),
        [PLAN_B]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [PLAN_C]: plan('C', []),
      },
      findings: [{ taskId: 'ST-B-003', file: BOARD, line: 8, message: /does not occur in docs\/plans\/PlanC_Work\.md;/ }],
    },
    {
      name: 'no plan file exists for the letter',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-D-001', plan: 'none' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-D-001', plan: '' }]),
      },
      findings: [{ taskId: 'ST-D-001', file: BOARD, line: 8, introduced: true, message: /does not occur in any plan file \(none found for plan D\);/ }],
    },
    {
      name: 'a task touched while its plan entry is already missing is pre-existing',
      base: drifted,
      head: { ...drifted, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'In Progress' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'In Progress' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: false }],
    },
    {
      name: 'the advice names the plan\'s own active heading',
      base,
      head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001' }]).replace('## Active work', '## In flight') },
      findings: [{ taskId: 'ST-B-002', message: /; add it to the plan's In flight table$/ }],
    },
    {
      name: 'an ID pattern without a plan group and no plan link: says so, no "plan ?"',
      config: { ids: { pattern: 'OPS-\\d+' } },
      head: {
        [BOARD]: board([{ id: 'OPS-1', plan: 'none' }]),
        [CSV]: csv([{ id: 'OPS-1', plan: '' }]),
        [PLAN_B]: plan('B', []),
      },
      findings: [
        {
          taskId: 'OPS-1',
          file: BOARD,
          line: 6,
          message: /^OPS-1 is on the board but does not occur in any plan file \(its board rows link to no plan file, and ids\.pattern has no plan group to find one by its ID\); add it to a task table under an active heading such as "Active work" in its plan$/,
        },
      ],
    },
    {
      name: '--all audits every task',
      head: drifted,
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true }],
    },
  ],
});

describe('regression: plan-entry-missing names a missing linked plan once', () => {
  // When the CSV PlanLink and the Markdown Links cell name the same missing plan, the
  // message lists it twice ("the linked docs/plans/PlanD_Work.md, docs/plans/PlanD_Work.md does not exist").
  testRule('plan-entry-missing', {
    valid: [],
    invalid: [
      {
        name: 'both boards link the same missing plan',
        base,
        head: {
          ...base,
          [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-D-001' }]),
          [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-D-001' }]),
        },
        findings: [
          {
            taskId: 'ST-D-001',
            file: BOARD,
            line: 8,
            message: /\(none found for plan D; the linked docs\/plans\/PlanD_Work\.md does not exist\);/,
          },
        ],
      },
    ],
  });
});
