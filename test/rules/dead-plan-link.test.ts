import { BOARD, CSV, board, consistentTree, csv, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
const GONE = 'docs/plans/PlanB_Old.md';

testRule('dead-plan-link', {
  valid: [
    {
      name: 'links to an existing plan',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a Markdown link relative to the board, with an anchor',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: '[Plan B](plans/PlanB_Work.md#active-work)' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a Windows-style path in the CSV PlanLink',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', plan: 'docs\\plans\\PlanB_Work.md' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a link to a document that is not a plan is not a plan link',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: 'docs/README.md' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'an untouched task with a dead link is not judged in a change',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: GONE }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', plan: GONE }, { id: 'ST-B-002', status: 'Done' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }]),
      },
    },
  ],
  invalid: [
    {
      name: 'a board row linking to a plan that does not exist',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: GONE }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /ST-B-001 links to docs\/plans\/PlanB_Old\.md, which does not exist/ }],
    },
    {
      name: 'one of two links in a cell is dead',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', plan: `docs/plans/PlanB_Work.md; ${GONE}` }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /PlanB_Old\.md/ }],
    },
    {
      name: 'deleting the plan kills the links of every task in it, on both boards',
      base,
      head: Object.fromEntries(Object.entries(base).filter(([path]) => path !== planPath('B'))),
      findings: [
        { taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /PlanB_Work\.md, which does not exist/ },
        { taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true },
        { taskId: 'ST-B-001', file: CSV, line: 2, introduced: true },
        { taskId: 'ST-B-002', file: CSV, line: 3, introduced: true },
      ],
    },
    {
      name: 'a dead link already at base is pre-existing on a touched task',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', plan: GONE }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', plan: GONE, status: 'Done' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
      },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: false }],
    },
    {
      name: '--all reports every dead link',
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', plan: 'docs/plans/PlanB_Typo.md' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /PlanB_Typo\.md/ }],
    },
  ],
});
