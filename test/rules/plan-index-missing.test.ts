import { INDEX, consistentTree, plan, planIndex, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_C = planPath('C');
const base = consistentTree([{ id: 'ST-B-001' }]);

testRule('plan-index-missing', {
  valid: [
    {
      name: 'a new plan listed in the index in the same change',
      base,
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]), [INDEX]: planIndex([{ letter: 'B' }, { letter: 'C' }]) },
    },
    {
      name: 'naming the file without a link is enough',
      base,
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]), [INDEX]: `${planIndex([{ letter: 'B' }])}Plan C lives in PlanC_Work.md (draft).\n` },
    },
    {
      name: 'a change that repairs drift is clean (an index that listed the plan before it existed)',
      base: { ...base, [INDEX]: planIndex([{ letter: 'B' }, { letter: 'C' }]) },
      head: { ...base, [INDEX]: planIndex([{ letter: 'B' }, { letter: 'C' }]), [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]) },
    },
    {
      name: 'an unlisted plan that already existed is not judged when only edited',
      base: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]) },
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001', status: 'Done' }]) },
    },
    {
      name: 'a repository without a plan index',
      config: { paths: { planIndex: null } },
      base,
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]) },
    },
    {
      name: 'a new tracked file that is not a plan (a session log)',
      base,
      head: { ...base, [sessionPath(1)]: sessionLog(['ST-B-001']) },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]) },
    },
  ],
  invalid: [
    {
      name: 'a new plan the index does not mention: points below the last index entry',
      base,
      head: { ...base, [PLAN_C]: plan('C', [{ id: 'ST-C-001' }]) },
      findings: [
        {
          taskId: null,
          file: INDEX,
          line: 4,
          introduced: true,
          message: /^the new plan docs\/plans\/PlanC_Work\.md is not listed in docs\/plans\/PlanIndex\.md; add a line linking to it$/,
        },
      ],
    },
    {
      name: 'two new plans: one finding each, in path order',
      base,
      head: { ...base, [planPath('D', 'Docs')]: plan('D', []), [PLAN_C]: plan('C', []) },
      findings: [
        { taskId: null, file: INDEX, line: 4, message: /PlanC_Work\.md/ },
        { taskId: null, file: INDEX, line: 4, message: /PlanD_Docs\.md/ },
      ],
    },
    {
      name: 'an index with no entries yet: points at line 1',
      base: { ...base, [INDEX]: planIndex([]) },
      head: { ...base, [INDEX]: planIndex([]), [PLAN_C]: plan('C', []) },
      findings: [{ taskId: null, file: INDEX, line: 1, introduced: true }],
    },
    {
      name: 'a renamed plan is a new file the index must follow',
      base,
      head: { ...Object.fromEntries(Object.entries(base).filter(([path]) => path !== planPath('B'))), [planPath('B', 'Renamed')]: plan('B', [{ id: 'ST-B-001' }]) },
      findings: [{ taskId: null, file: INDEX, line: 4, message: /the new plan docs\/plans\/PlanB_Renamed\.md is not listed/ }],
    },
  ],
});
