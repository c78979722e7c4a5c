import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);

testRule('plan-letter-mismatch', {
  valid: [
    {
      name: 'links to the plan of its letter',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'links to its own plan among others',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: `${planPath('C')}, ${planPath('B')}` }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'no plan link at all',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', plan: '' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'two-letter plans',
      base: { ...base, [planPath('AB')]: '# Plan AB\n' },
      head: { ...base, [planPath('AB')]: '# Plan AB\n', [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-AB-001' }]) },
    },
    {
      name: 'a backlog row whose Plan column names its plan',
      base,
      head: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-003', plan: 'Plan B (moved from Plan C)' }]) },
    },
    {
      name: 'an untouched mismatch is not judged in a change',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: planPath('C') }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', plan: planPath('C') }, { id: 'ST-B-002', status: 'Done' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }]),
      },
    },
  ],
  invalid: [
    {
      name: 'a board row linking to another plan',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: planPath('C') }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /^ST-B-001 belongs to plan B by its ID but its row names plan C \(PlanC_Work\.md\); fix the link or the ID/ }],
    },
    {
      name: 'a one-letter ID linking to a two-letter plan that starts with its letter',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', plan: 'docs/plans/PlanBA_Extra.md' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /plan B by its ID but its row names plan BA \(PlanBA_Extra\.md\)/ }],
    },
    {
      name: 'a backlog row whose Plan column names another plan',
      base,
      head: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-003', plan: 'Plan C' }]) },
      findings: [{ taskId: 'ST-B-003', file: BACKLOG, line: 5, introduced: true, message: /ST-B-003 belongs to plan B by its ID but its backlog row names plan C; fix/ }],
    },
    {
      name: 'both boards point elsewhere: one finding per row',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', plan: planPath('D', 'Docs') }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', plan: planPath('D', 'Docs') }]),
      },
      findings: [
        { taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /names plan D \(PlanD_Docs\.md\)/ },
        { taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /names plan D/ },
      ],
    },
    {
      name: 'a mismatch already at base is pre-existing on a touched task',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', plan: planPath('C') }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [CSV]: csv([{ id: 'ST-B-001', plan: planPath('C'), status: 'Done' }, { id: 'ST-B-002' }]),
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 2, introduced: false }],
    },
    {
      name: '--all reports every mismatch',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', plan: planPath('C') }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true }],
    },
  ],
});
