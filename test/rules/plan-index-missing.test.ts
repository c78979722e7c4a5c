import { INDEX, consistentTree, plan, planIndex, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_C = planPath('C');
const base = consistentTree([{ id: 'ST-B-001' }]);
const TABLE_INDEX = [
  '# Plan index',
  '',
  '| Plan | Focus | Plan file |',
  '|------|-------|-----------|',
  '| Plan B - Work | warm runs | [PlanB_Work.md](PlanB_Work.md) (0/1 Done) |',
  '',
  'Plans are listed in the order they were opened.',
  '',
].join('\r\n');

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
          // A line like the last entry, after it.
          fix: { file: INDEX, kind: 'insert', line: 3, expected: '- [Plan B](PlanB_Work.md)', text: '- [Plan C](PlanC_Work.md)', description: 'list docs/plans/PlanC_Work.md in docs/plans/PlanIndex.md' },
        },
      ],
    },
    {
      name: 'two new plans: one finding each, in path order',
      base,
      head: { ...base, [planPath('D', 'Docs')]: plan('D', []), [PLAN_C]: plan('C', []) },
      findings: [
        { taskId: null, file: INDEX, line: 4, message: /PlanC_Work\.md/, fix: { line: 3, text: '- [Plan C](PlanC_Work.md)' } },
        { taskId: null, file: INDEX, line: 4, message: /PlanD_Docs\.md/, fix: { line: 3, text: '- [Plan D](PlanD_Docs.md)' } },
      ],
    },
    {
      name: 'an index with no entries yet: points at line 1',
      base: { ...base, [INDEX]: planIndex([]) },
      head: { ...base, [INDEX]: planIndex([]), [PLAN_C]: plan('C', []) },
      findings: [{ taskId: null, file: INDEX, line: 1, introduced: true, fix: { line: 1, expected: '# Plan index', text: '- [Plan C - Work](PlanC_Work.md)' } }],
    },
    {
      name: 'an index table: the new row names the plan, links its file and counts its progress; other cells stay empty',
      base: { ...base, [INDEX]: TABLE_INDEX },
      head: { ...base, [INDEX]: TABLE_INDEX, [PLAN_C]: plan('C', [{ id: 'ST-C-001', status: 'Done' }, { id: 'ST-C-002' }]) },
      findings: [
        {
          taskId: null,
          fix: {
            line: 5,
            expected: '| Plan B - Work | warm runs | [PlanB_Work.md](PlanB_Work.md) (0/1 Done) |',
            text: '| Plan C - Work | | [PlanC_Work.md](PlanC_Work.md) (1/2 Done) |',
          },
        },
      ],
    },
    {
      name: 'a list line labelled with its plan\'s own name: the new line takes the new plan\'s title, not its neighbour\'s label',
      base: { ...base, [INDEX]: '# Plan index\n\n- [Performance work](PlanB_Work.md)\n' },
      head: { ...base, [INDEX]: '# Plan index\n\n- [Performance work](PlanB_Work.md)\n', [PLAN_C]: plan('C', []) },
      findings: [{ taskId: null, fix: { line: 3, text: '- [Plan C - Work](PlanC_Work.md)' } }],
    },
    {
      name: 'a renamed plan is a new file the index must follow',
      base,
      head: { ...Object.fromEntries(Object.entries(base).filter(([path]) => path !== planPath('B'))), [planPath('B', 'Renamed')]: plan('B', [{ id: 'ST-B-001' }]) },
      findings: [{ taskId: null, file: INDEX, line: 4, message: /the new plan docs\/plans\/PlanB_Renamed\.md is not listed/ }],
    },
  ],
});
