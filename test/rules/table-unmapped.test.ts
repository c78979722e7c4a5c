import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);
const PLAN_B = planPath('B');

/** The board with its status column called `Stage`, a header doc-sync does not know by default. */
const stageBoard = (status: string) =>
  [
    '# Task Board',
    '',
    '| ID | Title | Stage | Owner/Role | Deliverable | Links |',
    '|----|-------|-------|------------|-------------|-------|',
    `| ST-B-001 | Title of ST-B-001 | ${status} | Docs | Deliverable of ST-B-001 | ${PLAN_B} |`,
    `| ST-B-002 | Title of ST-B-002 | Ready | Docs | Deliverable of ST-B-002 | ${PLAN_B} |`,
    '',
  ].join('\n');

const stageCsv = ['"ID","Title","Stage","OwnerRole","Deliverable","PlanLink","Notes"', `"ST-B-001","Title of ST-B-001","Done","Docs","d","${PLAN_B}",""`, ''].join('\n');

/** A plan whose status column is `Progress`. */
const progressPlan = ['# Plan B', '', '## Active work', '| ID | Title | Progress |', '|----|-------|----------|', '| ST-B-001 | Title of ST-B-001 | Done |', '| ST-B-002 | Title of ST-B-002 | Ready |', ''].join('\n');

/** A plan whose tasks are a checklist, not a table. */
const checklistPlan = (status: string) => ['# Plan B', '', '## Active work', '', `- [ ] ST-B-001 Title of ST-B-001 (${status})`, '- [x] ST-B-002 Title of ST-B-002 (Ready)', ''].join('\n');

/** A plan whose task table has an ID column named `Ticket`. */
const ticketPlan = ['# Plan B', '', '## Active work', '| Ticket | Title | Status |', '|--------|-------|--------|', '| ST-B-001 | Title of ST-B-001 | Done |', ''].join('\n');

testRule('table-unmapped', {
  valid: [
    { name: 'the default layout maps every table', base, head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) } },
    {
      name: 'columns.status names the Stage column',
      base: { ...base, [BOARD]: stageBoard('In Progress') },
      head: { ...base, [BOARD]: stageBoard('Done') },
      config: { columns: { status: ['Stage'] } },
    },
    { name: 'a plan delivered table needs no status column', base, head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-002' }], [{ id: 'ST-B-001' }]) } },
    {
      name: 'a plan with prose and no table is no task table to recognise',
      base,
      head: { ...base, 'docs/plans/PlanB_Addendum.md': '# Plan B addendum\n\nNotes about ST-B-001.\n' },
    },
    {
      name: 'an untouched checklist plan is not judged when no task it names is',
      base: { ...base, [PLAN_B]: checklistPlan('In Progress'), 'docs/plans/PlanC_Work.md': plan('C', [{ id: 'ST-C-001' }]) },
      head: { ...base, [PLAN_B]: checklistPlan('In Progress'), 'docs/plans/PlanC_Work.md': plan('C', [{ id: 'ST-C-001', status: 'Done' }]) },
    },
    { name: 'an unchanged unmapped board is not judged in a change that leaves it alone', base: { ...base, [BOARD]: stageBoard('Ready') }, head: { ...base, [BOARD]: stageBoard('Ready'), [CSV]: csv([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002' }]) } },
  ],
  invalid: [
    {
      name: 'a board whose status column is Stage: an error naming the header and the key, not a silent pass',
      base: { ...base, [BOARD]: stageBoard('In Progress') },
      head: { ...base, [BOARD]: stageBoard('Done') },
      findings: [
        {
          taskId: null,
          file: BOARD,
          line: 3,
          introduced: true,
          message:
            /^the task table at line 3 has an ID column but no status column \(its header is "ID", "Title", "Stage", "Owner\/Role", "Deliverable", "Links"; doc-sync looked for status as "Column", "Status", "State"\), so its rows cannot be compared; set columns\.status: \["Stage"\] in \.github\/doc-sync\.yml$/,
        },
      ],
    },
    {
      name: 'a CSV whose status column is Stage',
      base,
      head: { ...base, [CSV]: stageCsv },
      findings: [{ file: CSV, line: 1, introduced: true, message: /no status column .* set columns\.status: \["Stage"\]/ }],
    },
    {
      name: 'a plan table whose status header is unknown',
      base,
      head: { ...base, [PLAN_B]: progressPlan },
      findings: [{ file: PLAN_B, line: 4, message: /no status column .* set columns\.status: \["Progress"\]/ }],
    },
    {
      name: 'a plan whose tables have no ID column doc-sync knows',
      base,
      head: { ...base, [PLAN_B]: ticketPlan },
      findings: [{ file: PLAN_B, line: 4, message: /^doc-sync recognised no task table in docs\/plans\/PlanB_Work\.md: none of its table \(line 4: "Ticket", "Title", "Status"\) has an ID column \(looked for "ID", "Task ID", "Task"\); set columns\.id/ }],
    },
    {
      name: 'a plan written as a checklist has no task table: an error, not a silent pass',
      base,
      head: { ...base, [PLAN_B]: checklistPlan('In Progress') },
      findings: [
        {
          taskId: null,
          file: PLAN_B,
          line: 5,
          introduced: true,
          message: /^doc-sync recognised no task table in docs\/plans\/PlanB_Work\.md: it has no Markdown table, so the 2 tasks its list items name \(ST-B-001, ST-B-002\) are not read; doc-sync reads tasks only from table rows: write them as a table with an ID and a status column/,
        },
      ],
    },
    {
      name: 'an untouched checklist plan is reported when the change judges one of its tasks',
      base: { ...base, [PLAN_B]: checklistPlan('In Progress') },
      head: { ...base, [PLAN_B]: checklistPlan('In Progress'), [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: null, file: PLAN_B, line: 5, introduced: true }],
    },
    {
      name: 'an emptied board is one finding that it has no task table',
      base,
      head: { ...base, [BOARD]: '# Task Board\n\nThe board moved to the wiki.\n' },
      findings: [
        {
          taskId: null,
          file: BOARD,
          line: 1,
          introduced: true,
          message: /^doc-sync recognised no task table in docs\/StateTrace_TaskBoard\.md: it has no Markdown table, so no task on the board is read; restore the board's table/,
        },
      ],
    },
    {
      name: 'a board that had no table at base either is shown as pre-existing, not failing (as a missing document is)',
      base: { ...base, [BOARD]: '# Task Board\n\n- Verify the ingestion flow\n' },
      head: { ...base, [BOARD]: '# Task Board\n\n- Verify the ingestion flow\n- Write the runbook\n' },
      findings: [{ taskId: null, file: BOARD, line: 1, introduced: false, message: /no task on the board is read/ }],
    },
    {
      name: 'a board missing both title and status names both keys',
      head: { ...base, [BOARD]: ['| ID | Summary | Stage |', '|----|---------|-------|', '| ST-B-001 | A long summary of the task | Done |', ''].join('\n') },
      findings: [{ file: BOARD, line: 1, message: /no title and no status column .* set columns\.title: \["Summary"\] and columns\.status: \["Stage"\]/ }],
    },
  ],
});
