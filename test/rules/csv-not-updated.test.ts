import { BOARD, CSV, board, boardRow, consistentTree, csv } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);
/** A CSV that quotes the Title column only (as some exporters do), LF line endings. */
const MIXED_QUOTES = [
  'ID,"Title",Column,OwnerRole,Deliverable,PlanLink,Notes',
  'ST-B-001,"Title of ST-B-001",In Progress,Docs,Deliverable of ST-B-001,docs/plans/PlanB_Work.md,',
  'ST-B-002,"Title of ST-B-002",Ready,Docs,Deliverable of ST-B-002,docs/plans/PlanB_Work.md,',
  '',
].join('\n');

testRule('csv-not-updated', {
  valid: [
    {
      name: 'the Markdown row and the CSV record change together',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22', title: 'New title' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done', title: 'New title' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a change that repairs drift is clean (the Markdown title catches up with the CSV)',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', title: 'Fixed title' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', title: 'Fixed title' }, { id: 'ST-B-002' }]),
        [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', title: 'Fixed title' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'an untouched drifted task is not judged',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', title: 'Drifted' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002', title: 'Drifted' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a new status in the same category as the CSV is not a disagreement',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'CSV markup (**, <br>) and letter case are ignored when comparing cells',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', deliverable: '**New** report<br>v2' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', deliverable: '**New** report<br>v2' }, { id: 'ST-B-002' }]),
        [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', deliverable: 'new Report v2' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a column that is not mirrored (Links) may change alone',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', plan: 'docs/plans/PlanB_Other.md' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'options.fields narrows the mirrored columns',
      options: { fields: ['status'] },
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', title: 'Only on the board' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a brand-new Markdown row is left to csv-row-missing',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
    {
      name: 'the fix copies the Markdown source of a cell (<br>, backticks) and keeps how the record quotes each field',
      base: { ...base, [CSV]: MIXED_QUOTES },
      head: { ...base, [CSV]: MIXED_QUOTES, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', deliverable: 'Run `x` <br> then, y' }, { id: 'ST-B-002' }]) },
      findings: [
        {
          taskId: 'ST-B-001',
          fix: {
            expected: 'ST-B-001,"Title of ST-B-001",In Progress,Docs,Deliverable of ST-B-001,docs/plans/PlanB_Work.md,',
            text: 'ST-B-001,"Title of ST-B-001",In Progress,Docs,"Run `x` <br> then, y",docs/plans/PlanB_Work.md,',
          },
        },
      ],
    },
    {
      name: 'the Markdown row moved to Done, the CSV record did not: points at the CSV record',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]) },
      findings: [
        {
          taskId: 'ST-B-001',
          file: CSV,
          line: 2,
          introduced: true,
          message: /^the Markdown row of ST-B-001 changed \(status\) but its CSV record did not; copy the change across$/,
          fix: {
            file: CSV,
            kind: 'replace',
            line: 2,
            expected: '"ST-B-001","Title of ST-B-001","In Progress","Docs","Deliverable of ST-B-001","docs/plans/PlanB_Work.md",""',
            text: '"ST-B-001","Title of ST-B-001","Done - 2025-12-22","Docs","Deliverable of ST-B-001","docs/plans/PlanB_Work.md",""',
            description: 'copy the status of ST-B-001 from its Markdown row to its CSV record',
          },
        },
      ],
    },
    {
      name: 'several edited columns are listed in mirror order',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', owner: 'QA', title: 'Retitled' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /changed \(title, owner\) but its CSV record did not/, fix: { text: '"ST-B-002","Retitled","Ready","QA","Deliverable of ST-B-002","docs/plans/PlanB_Work.md",""' } }],
    },
    {
      name: 'options.fields still reports the columns it keeps',
      options: { fields: ['deliverable'] },
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', deliverable: 'Something else' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 2, message: /changed \(deliverable\)/ }],
    },
    {
      name: 'a second Markdown row for a task whose CSV record was left alone',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }], [boardRow({ id: 'ST-B-001', title: 'Copy', status: 'In Progress' })]),
      },
      findings: [
        {
          taskId: 'ST-B-001',
          file: CSV,
          line: 2,
          introduced: true,
          message: /^a second Markdown row was added for ST-B-001 \(line 8\) but its CSV record was not updated$/,
          fix: undefined,
        },
      ],
    },
  ],
});
