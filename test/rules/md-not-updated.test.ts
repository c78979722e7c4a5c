import { BOARD, CSV, board, consistentTree, csv, csvRecord } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);

testRule('md-not-updated', {
  valid: [
    {
      name: 'the CSV record and the Markdown row change together',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002', owner: 'QA' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', owner: 'QA' }]),
      },
    },
    {
      name: 'a change that repairs drift is clean (the CSV status catches up with the board)',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'an untouched drifted task is not judged',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', owner: 'Drifted' }]) },
      head: {
        ...base,
        [CSV]: csv([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002', owner: 'Drifted' }]),
        [BOARD]: board([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'Markdown emphasis and <br> are ignored when comparing cells',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', title: '**Ship** the<br>report' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', title: '**Ship** the<br>report' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', title: 'Ship the report' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a CSV-only column (Notes) may change alone',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]).replace('"ST-B-002","Title of ST-B-002","Ready","Docs","Deliverable of ST-B-002","docs/plans/PlanB_Work.md",""', '"ST-B-002","Title of ST-B-002","Ready","Docs","Deliverable of ST-B-002","docs/plans/PlanB_Work.md","a note"') },
    },
    {
      name: 'options.fields narrows the mirrored columns',
      options: { fields: ['title'] },
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a brand-new CSV record is left to md-row-missing',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
    {
      name: 'the CSV record moved to Done, the Markdown row did not: points at the Markdown row',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      findings: [
        {
          taskId: 'ST-B-001',
          file: BOARD,
          line: 6,
          introduced: true,
          message: /^the CSV record of ST-B-001 changed \(status\) but its Markdown row did not; copy the change across$/,
          // Only the status cell changes; the rest of the row stays as written.
          fix: { file: BOARD, kind: 'replace', line: 6, expected: '| ST-B-001 | Title of ST-B-001 | In Progress | Docs | Deliverable of ST-B-001 | docs/plans/PlanB_Work.md |', text: '| ST-B-001 | Title of ST-B-001 | Done | Docs | Deliverable of ST-B-001 | docs/plans/PlanB_Work.md |', description: 'copy the status of ST-B-001 from its CSV record to its Markdown row' },
        },
      ],
    },
    {
      name: 'a deliverable edited only in the CSV',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', deliverable: 'A new deliverable' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /the CSV record of ST-B-002 changed \(deliverable\)/, fix: { text: '| ST-B-002 | Title of ST-B-002 | Ready | Docs | A new deliverable | docs/plans/PlanB_Work.md |' } }],
    },
    {
      name: 'a second CSV record for a task whose Markdown row was left alone',
      base,
      head: {
        ...base,
        [CSV]: `${csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }])}${csvRecord({ id: 'ST-B-002', title: 'Duplicate' })}\r\n`,
      },
      findings: [
        {
          taskId: 'ST-B-002',
          file: BOARD,
          line: 7,
          introduced: true,
          message: /^a second CSV record was added for ST-B-002 \(line 4\) but its Markdown row was not updated$/,
          // Which record is right is not mechanical.
          fix: undefined,
        },
      ],
    },
  ],
});
