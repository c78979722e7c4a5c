import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
/** The ST-B-002 board row with the `|` between Deliverable and Links missing: 5 cells for 6 columns. */
const MISSING_PIPE = '| ST-B-002 | Title of ST-B-002 | Ready | Docs | Deliverable of ST-B-002 docs/plans/PlanB_Work.md |';

testRule('md-malformed-row', {
  valid: [
    {
      name: 'an extra trailing cell is ignored, as GFM does (a notes cell written past the header)',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], ['| ST-B-002 | Title of ST-B-002 | Ready | Docs | `D` | docs/plans/PlanB_Work.md | stray |']) },
    },
    {
      name: 'well-formed rows',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'an escaped pipe inside a cell and padded cells',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], ['|ST-B-002|Parse a \\| b|Ready|Docs|D|docs/plans/PlanB_Work.md|']) },
    },
    {
      name: 'a short row in a plan is not checked',
      base,
      // Line 10, inside the Active work table (ID | Title | Owner | Status | Notes).
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-001' }]).replace('| ST-B-001 | Title of ST-B-001 | Docs | Ready | |', '$&\n| ST-B-002 | Short |') },
    },
    {
      name: 'an untouched short row is not judged in a change',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], [MISSING_PIPE]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }], [MISSING_PIPE]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
    },
    {
      name: 'a short row without a task ID (a note) is not a task row',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }], ['| see below |']) },
    },
  ],
  invalid: [
    {
      name: 'a missing `|` on the Markdown board',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], [MISSING_PIPE]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /the row of ST-B-002 has 5 cells but the table header has 6; a `\|` is missing/ }],
    },
    {
      name: 'an unescaped `|` in a code span splits a cell: more cells than the header',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], ['| ST-B-002 | Split `x|y` here | Ready | Docs | D | docs/plans/PlanB_Work.md |']) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /^the row of ST-B-002 has 7 cells but the table header has 6; a `\|` inside a code span splits the cell \(GFM\), so the cells after it are shifted; write it `\\\|`$/ }],
    },
    {
      name: 'a short backlog row',
      base,
      head: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-003' }]).replace('| ST-B-003 | Plan B | Title of ST-B-003 | none | it works | |', '| ST-B-003 | Plan B | Title of ST-B-003 |') },
      findings: [{ taskId: 'ST-B-003', file: BACKLOG, line: 5, introduced: true, message: /ST-B-003 has 3 cells but the table header has 6/ }],
    },
    {
      name: 'a short row already at base is pre-existing when the CSV touches the task',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], [MISSING_PIPE]) },
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], [MISSING_PIPE]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', owner: 'Someone' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: false, message: /5 cells/ }],
    },
    {
      name: 'an ID cell with more than the ID keeps its task and is reported',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002 (p1)' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /^the ID cell of ST-B-002 reads "ST-B-002 \(p1\)"; write the ID alone in the "ID" column/ }],
    },
    {
      name: 'a board ID in the wrong case does not match ids.pattern',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }], ['| st-b-003 | New task | Ready | Docs | D | docs/plans/PlanB_Work.md |']) },
      findings: [{ taskId: null, file: BOARD, line: 8, introduced: true, message: /^the row at line 8 has "st-b-003" in its ID column, which is not a task ID \(it does not match ids\.pattern in \.github\/doc-sync\.yml\); did you mean "ST-B-003"\? The row is not read until its ID is fixed/ }],
    },
    {
      name: 'a board ID without its hyphen does not match ids.pattern',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }], ['| STB003 | New task | Ready | Docs | D | docs/plans/PlanB_Work.md |']) },
      findings: [{ taskId: null, file: BOARD, line: 8, introduced: true, message: /"STB003" in its ID column, which is not a task ID \(it does not match ids\.pattern in \.github\/doc-sync\.yml\); the row is not read/ }],
    },
    {
      name: '--all reports every short row',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], [MISSING_PIPE, '| ST-B-003 | T | Ready |']) },
      findings: [
        { taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /5 cells/ },
        { taskId: 'ST-B-003', file: BOARD, line: 8, introduced: true, message: /3 cells/ },
      ],
    },
  ],
});
