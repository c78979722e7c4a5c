import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);

testRule('duplicate-id', {
  valid: [
    {
      name: 'one row per ID on both boards',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a change that removes a duplicate',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-001' }, { id: 'ST-B-002' }]) },
      head: base,
    },
    {
      name: 'an untouched duplicate is not judged in a change',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-001', title: 'Other' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-001', title: 'Other' }, { id: 'ST-B-002', status: 'Done' }]),
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }]),
      },
    },
    {
      name: 'the same ID in the backlog and in two plans is not a duplicate of the board',
      base,
      head: {
        ...base,
        [BACKLOG]: backlog([{ id: 'ST-B-001' }, { id: 'ST-B-001' }]),
        [planPath('C')]: plan('C', [{ id: 'ST-B-001' }]),
      },
    },
    {
      name: 'a range ID next to a single ID is another ID',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-001-003' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-001-003' }, { id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
    {
      name: 'an ID reused for a different task on the Markdown board',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-001', title: 'A brand new task' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 8, introduced: true, message: /ST-B-001 has 2 rows in the Markdown board \(lines 6, 8\) with different titles: the ID may have been reused/ }],
    },
    {
      name: 'a copied CSV record with the same title (no reuse warning)',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-002', status: 'Done' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 4, introduced: true, message: /^ST-B-002 has 2 rows in the CSV \(lines 3, 4\); the first one gives the status/ }],
    },
    {
      name: 'the same duplicate on both boards: one finding each, board first',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-001', title: 'Reused' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-001', title: 'Reused' }, { id: 'ST-B-002' }]),
      },
      findings: [
        { taskId: 'ST-B-001', file: BOARD, line: 7, introduced: true, message: /Markdown board .*different titles/ },
        { taskId: 'ST-B-001', file: CSV, line: 3, introduced: true, message: /in the CSV .*different titles/ },
      ],
    },
    {
      name: 'a duplicate already at base is pre-existing when the task is touched',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-001', title: 'Old reuse' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }, { id: 'ST-B-001', title: 'Old reuse' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 8, introduced: false, message: /2 rows/ }],
    },
    {
      name: 'a third row on top of a pre-existing duplicate is introduced',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-001' }, { id: 'ST-B-002' }]) },
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-001', title: 'Third' }]) },
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 3, introduced: true, message: /3 rows in the CSV \(lines 2, 3, 5\)/ }],
    },
    {
      name: '--all reports every duplicate',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 8, introduced: true }],
    },
  ],
});
