import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { gluedCsv, strayQuoteCsv, unclosedQuoteCsv } from '../support/broken-csv.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
/** A CSV written by a tool that quotes only where needed. */
const UNQUOTED = ['ID,Title,Column,OwnerRole,Deliverable,PlanLink,Notes', ...['ST-B-001', 'ST-B-002'].map((id) => `${id},Title of ${id},Ready,Docs,Deliverable of ${id},docs/plans/PlanB_Work.md,`), ''].join('\n');
/** ST-B-002 is on the Markdown board but has no CSV record. */
const drifted = { ...base, [CSV]: csv([{ id: 'ST-B-001' }]) };

testRule('csv-row-missing', {
  valid: [
    { name: 'a record glued onto the previous one after a closing quote keeps both tasks (csv-malformed-row reports the quote)', base, head: { ...base, [CSV]: gluedCsv } },
    { name: 'an undoubled quote in a quoted field keeps the task', base, head: { ...base, [CSV]: strayQuoteCsv() } },
    { name: 'an unclosed quote keeps the task named at the start of the line', base, head: { ...base, [CSV]: unclosedQuoteCsv() } },
    {
      name: 'a new task added to the board and the CSV together',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [planPath('B')]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a change that repairs drift is clean (the missing CSV record is added)',
      base: drifted,
      head: base,
    },
    {
      name: 'an untouched drifted task is not judged',
      base: drifted,
      head: {
        ...drifted,
        [BOARD]: board([{ id: 'ST-B-001', title: 'Renamed' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', title: 'Renamed' }]),
      },
    },
    {
      name: 'a task removed from both sides is clean',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }]), [CSV]: csv([{ id: 'ST-B-001' }]) },
    },
    {
      name: 'a CSV deleted by the change: the rule stays silent (doc-missing reports the file once)',
      base,
      head: { ...Object.fromEntries(Object.entries(base).filter(([path]) => path !== CSV)), [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-003' }]) },
    },
  ],
  invalid: [
    {
      name: 'a board row split by an unescaped `|` in a code span: no CSV record is written from its shifted cells',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }], ['| ST-B-003 | Split `x|y` | Ready | Docs | D | docs/plans/PlanB_Work.md |']) },
      findings: [{ taskId: 'ST-B-003', fix: undefined, message: /\(doc-sync fix cannot: its Markdown row is malformed; repair it first, so the damage is not copied\)$/ }],
    },
    {
      name: 'a board whose link column has another name: the record still gets its PlanLink (found in the row)',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]).replace('| Links |', '| Spec |') },
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]).replace('| Links |', '| Spec |') },
      findings: [{ taskId: 'ST-B-003', fix: { kind: 'insert', text: '"ST-B-003","Title of ST-B-003","Ready","Docs","Deliverable of ST-B-003","docs/plans/PlanB_Work.md",""' } }],
    },
    {
      name: 'a CSV column the Markdown board has nothing for: the fix is refused with the reason, never an empty cell',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]).replace('"Notes"', '"Sprint"') },
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]).replace('"Notes"', '"Sprint"'), [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-003', fix: undefined, message: /add the mirroring CSV record \(doc-sync fix cannot: the Markdown row has nothing for its "Sprint" column, so the CSV record must be written by hand\)$/ }],
    },
    {
      name: 'a Markdown row added without a CSV record: points at the Markdown row',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [
        {
          taskId: 'ST-B-003',
          file: BOARD,
          line: 8,
          introduced: true,
          message: /^ST-B-003 is on the Markdown board but has no record in docs\/taskboard\/TaskBoard\.csv; add the mirroring CSV record$/,
          // After the record of the task above it on the board, quoted like the file.
          fix: {
            file: CSV,
            kind: 'insert',
            line: 3,
            expected: '"ST-B-002","Title of ST-B-002","Ready","Docs","Deliverable of ST-B-002","docs/plans/PlanB_Work.md",""',
            text: '"ST-B-003","Title of ST-B-003","Ready","Docs","Deliverable of ST-B-003","docs/plans/PlanB_Work.md",""',
            description: 'add the CSV record of ST-B-003, mirroring its Markdown row',
          },
        },
      ],
    },
    {
      name: 'deleting a CSV record leaves the Markdown row without a mirror',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /ST-B-002 is on the Markdown board/, fix: { line: 2, text: '"ST-B-002","Title of ST-B-002","Ready","Docs","Deliverable of ST-B-002","docs/plans/PlanB_Work.md",""' } }],
    },
    {
      name: 'a task whose Markdown row is edited while its CSV record is already missing is pre-existing',
      base: drifted,
      head: { ...drifted, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'In Progress' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: false }],
    },
    {
      name: 'two new Markdown rows without records: one finding each, in line order',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-004' }, { id: 'ST-B-003' }]) },
      findings: [
        // Both after ST-B-002's record, in board order.
        { taskId: 'ST-B-004', file: BOARD, line: 8, introduced: true, fix: { line: 3, text: '"ST-B-004","Title of ST-B-004","Ready","Docs","Deliverable of ST-B-004","docs/plans/PlanB_Work.md",""' } },
        { taskId: 'ST-B-003', file: BOARD, line: 9, introduced: true, fix: { line: 3, text: '"ST-B-003","Title of ST-B-003","Ready","Docs","Deliverable of ST-B-003","docs/plans/PlanB_Work.md",""' } },
      ],
    },
    {
      name: 'a CSV that quotes only where needed gets a record quoted the same way; Markdown escapes are undone',
      base: { ...base, [CSV]: UNQUOTED },
      head: { ...base, [CSV]: UNQUOTED, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003', title: 'Parse, then \\| load' }]) },
      findings: [
        {
          taskId: 'ST-B-003',
          fix: {
            line: 3,
            expected: 'ST-B-002,Title of ST-B-002,Ready,Docs,Deliverable of ST-B-002,docs/plans/PlanB_Work.md,',
            text: 'ST-B-003,"Parse, then | load",Ready,Docs,Deliverable of ST-B-003,docs/plans/PlanB_Work.md,',
          },
        },
      ],
    },
    {
      name: 'the first task of the board goes right under the CSV header',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-000' }, { id: 'ST-B-001' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-000', fix: { line: 1, expected: '"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"' } }],
    },
    {
      name: '--all audits every task',
      head: drifted,
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /no record in docs\/taskboard\/TaskBoard\.csv/ }],
    },
  ],
});
