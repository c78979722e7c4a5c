import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
/** A board written without padding: `|a|b|`. */
const COMPACT = board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]).replace(/ \| /g, '|').replace(/\| /g, '|').replace(/ \|/g, '|');
/** ST-B-002 has a CSV record but no Markdown board row. */
const drifted = { ...base, [BOARD]: board([{ id: 'ST-B-001' }]) };

testRule('md-row-missing', {
  valid: [
    { name: 'an emptied board is left to table-unmapped (one finding, not one per task)', base, head: { ...base, [BOARD]: '# Task Board\n\nSee the wiki.\n' } },
    {
      name: 'a note written into the ID cell keeps the row of its task (md-malformed-row reports the cell)',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002 (p1)', status: 'Done' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }]) },
    },
    {
      name: '--all on a board whose status column is unknown: its rows are still read (table-unmapped reports the column), so no row is "missing"',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]).replace('| Column |', '| Stage |') },
    },
    {
      name: 'a new task added to the CSV and the board together',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [planPath('B')]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a change that repairs drift is clean (the missing Markdown row is added)',
      base: drifted,
      head: base,
    },
    {
      name: 'an untouched drifted task is not judged',
      base: drifted,
      head: {
        ...drifted,
        [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a task removed from both sides is clean',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-002' }]) },
    },
    {
      name: 'a board deleted by the change: the rule stays silent (doc-missing reports the file once)',
      base,
      head: { ...Object.fromEntries(Object.entries(base).filter(([path]) => path !== BOARD)), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-003' }]) },
    },
  ],
  invalid: [
    {
      name: 'a CSV record csv-parse rejects (an undoubled quote) is not copied to the board: no fix',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', title: 'uses the "gloss" preset' }]).replace('uses the ""gloss"" preset', 'uses the "gloss" preset') },
      findings: [{ taskId: 'ST-B-003', file: CSV, line: 4, fix: undefined }],
    },
    {
      name: 'a CSV record with a field missing is not copied to the board: no fix',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]).replace(/,""\r\n$/, '\r\n') },
      findings: [{ taskId: 'ST-B-003', file: CSV, line: 4, fix: undefined }],
    },
    {
      name: 'a CSV record added without a Markdown row: points at the CSV record',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [
        {
          taskId: 'ST-B-003',
          file: CSV,
          line: 4,
          introduced: true,
          message: /^ST-B-003 has a CSV record but no row on the Markdown board docs\/StateTrace_TaskBoard\.md; add the row$/,
          fix: {
            file: BOARD,
            kind: 'insert',
            line: 7,
            expected: '| ST-B-002 | Title of ST-B-002 | Ready | Docs | Deliverable of ST-B-002 | docs/plans/PlanB_Work.md |',
            text: '| ST-B-003 | Title of ST-B-003 | Ready | Docs | Deliverable of ST-B-003 | docs/plans/PlanB_Work.md |',
            description: 'add the Markdown row of ST-B-003, mirroring its CSV record',
          },
        },
      ],
    },
    {
      name: 'deleting a Markdown row leaves the CSV record without a mirror',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-002' }]) },
      // The first task: right under the delimiter row.
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 2, introduced: true, message: /ST-B-001 has a CSV record but no row/, fix: { line: 5, expected: '|----|-------|--------|------------|-------------|-------|', text: '| ST-B-001 | Title of ST-B-001 | Ready | Docs | Deliverable of ST-B-001 | docs/plans/PlanB_Work.md |' } }],
    },
    {
      name: 'a task whose CSV record is edited while its Markdown row is already missing is pre-existing',
      base: drifted,
      head: { ...drifted, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', owner: 'QA' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: false }],
    },
    {
      name: 'CSV text becomes cell text: pipes escaped, line breaks as <br>; the row is written like its neighbour',
      base: { ...base, [BOARD]: COMPACT },
      head: { ...base, [BOARD]: COMPACT, [CSV]: `${csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }])}"ST-B-003","a|b","Ready","Docs","one\r\ntwo","docs/plans/PlanB_Work.md",""\r\n` },
      findings: [{ taskId: 'ST-B-003', fix: { line: 7, text: '|ST-B-003|a\\|b|Ready|Docs|one<br>two|docs/plans/PlanB_Work.md|' } }],
    },
    {
      name: '--all audits every task',
      head: drifted,
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /no row on the Markdown board/ }],
    },
  ],
});
