import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'In Progress' }]);
const withTask = (task: { id: string; status?: string; owner?: string; title?: string; plan?: string }, backlogRows: { id: string }[] = []) => ({
  ...base,
  [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'In Progress' }, task]),
  [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'In Progress' }, task]),
  [BACKLOG]: backlog(backlogRows),
});
/** The backlog of `consistentTree`: a header and a delimiter row (line 4), no rows. */
const EMPTY_BACKLOG_END = { file: BACKLOG, kind: 'insert', line: 4, expected: '|----|------|-------|---------------|--------------------|-------|' } as const;

testRule('backlog-entry-missing', {
  valid: [
    {
      name: 'a task added in Ready together with its backlog row',
      base,
      head: withTask({ id: 'ST-B-003' }, [{ id: 'ST-B-003' }]),
    },
    {
      name: 'a task added In Progress is not in a required column',
      base,
      head: withTask({ id: 'ST-B-003', status: 'In Progress' }),
    },
    {
      name: 'Ready for Review is not Ready',
      base,
      head: withTask({ id: 'ST-B-003', status: 'Ready for Review' }),
    },
    {
      name: 'a task already on the board that moves to Ready is not new (backlog.require.tasks: added)',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Ready' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Ready' }]) },
    },
    {
      name: 'backlog.require.owners: another owner does not need a row',
      config: { backlog: { require: { owners: ['automation'] } } },
      base,
      head: withTask({ id: 'ST-B-003', owner: 'Docs' }),
    },
    {
      name: 'backlog.require.plans: a task of another plan does not need a row',
      config: { backlog: { require: { plans: ['D'] } } },
      base,
      head: withTask({ id: 'ST-B-003' }),
    },
    {
      name: 'backlog.require.marker: a row without the marker does not need a row',
      config: { backlog: { require: { marker: '[auto]' } } },
      base,
      head: withTask({ id: 'ST-B-003' }),
    },
    {
      name: 'no backlog file: the rule stays silent (doc-missing reports it)',
      base,
      head: Object.fromEntries(Object.entries(withTask({ id: 'ST-B-003' })).filter(([path]) => path !== BACKLOG)),
    },
    {
      name: '--all does not run change rules',
      head: withTask({ id: 'ST-B-003' }),
    },
  ],
  invalid: [
    {
      name: 'a task added in Ready without a backlog row: points at its Markdown row; the fix is the row, in the backlog table',
      base,
      head: withTask({ id: 'ST-B-003', title: 'Codify overrides' }),
      findings: [
        {
          taskId: 'ST-B-003',
          file: BOARD,
          line: 8,
          introduced: true,
          message: /^ST-B-003 is in Ready on the board but has no row in docs\/CODEX_BACKLOG\.md, and backlog\.require says it needs one; add it$/,
          fix: {
            ...EMPTY_BACKLOG_END,
            text: '| ST-B-003 | Plan B | Codify overrides | | Deliverable of ST-B-003 | Opened by doc-sync |',
            description: 'open a backlog row for ST-B-003',
          },
        },
      ],
    },
    {
      name: 'the new row goes after the table\'s last row, written like it; backlog.notes fills Notes',
      config: { backlog: { notes: 'Opened by doc-sync for #12' } },
      base: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-002' }]).replace(/\| (\S)/g, '|$1').replace(/ \|/g, '|') },
      head: { ...withTask({ id: 'ST-B-003' }), [BACKLOG]: backlog([{ id: 'ST-B-002' }]).replace(/\| (\S)/g, '|$1').replace(/ \|/g, '|') },
      findings: [
        {
          taskId: 'ST-B-003',
          fix: { file: BACKLOG, line: 5, expected: '|ST-B-002|Plan B|Title of ST-B-002|none|it works||', text: '|ST-B-003|Plan B|Title of ST-B-003||Deliverable of ST-B-003|Opened by doc-sync for #12|' },
        },
      ],
    },
    {
      name: 'a task added to the CSV only, in Backlog: points at the CSV record; cells come from it, pipes escaped',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'In Progress' }, { id: 'ST-B-003', status: 'Backlog', title: 'Read a|b' }]) },
      findings: [{ taskId: 'ST-B-003', file: CSV, line: 4, message: /is in Backlog on the board/, fix: { text: '| ST-B-003 | Plan B | Read a\\|b | | Deliverable of ST-B-003 | Opened by doc-sync |' } }],
    },
    {
      name: 'the Plan cell names the plan the task links to, not its ID\'s letter',
      base,
      head: withTask({ id: 'ST-B-003', plan: planPath('D') }),
      findings: [{ taskId: 'ST-B-003', fix: { text: `| ST-B-003 | Plan D | Title of ST-B-003 | | Deliverable of ST-B-003 | Opened by doc-sync |` } }],
    },
    {
      name: 'backlog.require.tasks: touched judges an existing task the change moves to Ready',
      config: { backlog: { require: { tasks: 'touched' } } },
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Ready' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Ready' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7 }],
    },
    {
      name: 'owners, plans and marker all holding: the task needs a row',
      config: { backlog: { require: { owners: ['DOC'], plans: ['B'], marker: '[auto]', columns: ['ready'] } } },
      base,
      head: withTask({ id: 'ST-B-003', title: 'Codify overrides [auto]' }),
      findings: [{ taskId: 'ST-B-003', fix: { text: '| ST-B-003 | Plan B | Codify overrides [auto] | | Deliverable of ST-B-003 | Opened by doc-sync |' } }],
    },
    {
      name: 'two new tasks: one finding each, both rows after the same last line',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'In Progress' }, { id: 'ST-B-003' }, { id: 'ST-B-004', status: 'Backlog' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'In Progress' }, { id: 'ST-B-003' }, { id: 'ST-B-004', status: 'Backlog' }]),
      },
      findings: [
        { taskId: 'ST-B-003', line: 8, fix: EMPTY_BACKLOG_END },
        { taskId: 'ST-B-004', line: 9, fix: EMPTY_BACKLOG_END },
      ],
    },
  ],
});
