import { BOARD, CSV, board, consistentTree, csv } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);

testRule('status-mismatch-md-csv', {
  valid: [
    {
      name: 'both sides move together',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a dated Done and a bare Done are the same category',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }]) },
    },
    {
      name: 'a drifted task the change did not touch is not judged',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', title: 'Renamed' }]), [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', title: 'Renamed' }]) },
    },
    {
      name: 'a change that repairs drift is clean',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
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
          message: /"Done - 2025-12-22" \(done\).*"In Progress" \(in-progress\)/,
          // The same edit csv-not-updated carries, so the two findings share one fix.
          fix: { file: CSV, kind: 'replace', line: 2, expected: '"ST-B-001","Title of ST-B-001","In Progress","Docs","Deliverable of ST-B-001","docs/plans/PlanB_Work.md",""', text: '"ST-B-001","Title of ST-B-001","Done - 2025-12-22","Docs","Deliverable of ST-B-001","docs/plans/PlanB_Work.md",""', description: 'copy the status of ST-B-001 from its Markdown row to its CSV record' },
        },
      ],
    },
    {
      name: 'Ready for Review is not Ready',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Ready for Review' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Ready' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, fix: { text: '"ST-B-002","Title of ST-B-002","Ready for Review","Docs","Deliverable of ST-B-002","docs/plans/PlanB_Work.md",""' } }],
    },
    {
      name: 'both sides were edited and still disagree: which one is right is not mechanical, no fix',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, fix: undefined }],
    },
    {
      name: 'the CSV status moved alone: the fix rewrites the status cell of the Markdown row',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Blocked' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, fix: { file: BOARD, line: 6, expected: '| ST-B-001 | Title of ST-B-001 | In Progress | Docs | Deliverable of ST-B-001 | docs/plans/PlanB_Work.md |', text: '| ST-B-001 | Title of ST-B-001 | Blocked | Docs | Deliverable of ST-B-001 | docs/plans/PlanB_Work.md |' } }],
    },
    {
      name: 'a mismatch already there at base is pre-existing on a touched task',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done', owner: 'Someone else' }, { id: 'ST-B-002' }]) },
      // The change did not edit a status: no side is the news.
      findings: [{ taskId: 'ST-B-001', introduced: false, fix: undefined }],
    },
    {
      name: '--all audits every task',
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Backlog' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, fix: undefined }],
    },
  ],
});
