import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
const both = (s1: string) => ({
  [BOARD]: board([{ id: 'ST-B-001', status: s1 }, { id: 'ST-B-002' }]),
  [CSV]: csv([{ id: 'ST-B-001', status: s1 }, { id: 'ST-B-002' }]),
});

testRule('status-missing', {
  valid: [
    { name: 'every status cell filled', base, head: { ...base, ...both('Done') } },
    { name: 'an unknown word is unknown-status, not missing', base, head: { ...base, ...both('Parked') } },
    {
      name: 'an untouched empty status is not judged in a change',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: '' }, { id: 'ST-B-002' }]) },
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: '' }, { id: 'ST-B-002', status: 'Done' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }]) },
    },
    {
      name: 'a delivered plan row takes its status from its heading',
      base,
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-002' }], [{ id: 'ST-B-001' }]) },
    },
  ],
  invalid: [
    {
      name: 'the status emptied on both boards',
      base,
      head: { ...base, ...both('') },
      findings: [
        { taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /^ST-B-001 has no status on the Markdown board: its "Column" cell is empty/ },
        { taskId: 'ST-B-001', file: CSV, line: 2, introduced: true, message: /^ST-B-001 has no status in the CSV: its "Column" field is empty/ },
      ],
    },
    {
      name: 'a status of only spaces on the CSV',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: '   ' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 2, introduced: true }],
    },
    {
      name: 'an emptied plan status',
      base,
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: '' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: planPath('B'), line: 9, introduced: true, message: /no status in docs\/plans\/PlanB_Work\.md: its "Status" cell is empty/ }],
    },
    {
      name: '--all reports an empty status that was already there',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: '' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true }],
    },
  ],
});
