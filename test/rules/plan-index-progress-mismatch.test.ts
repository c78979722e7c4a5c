import { BOARD, CSV, INDEX, board, consistentTree, csv, plan, planIndex, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_B = planPath('B');
const tasks = [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }];
/** Plan B's Active work table has 1 of 2 done, and the index says so. */
const base = { ...consistentTree(tasks), [INDEX]: planIndex([{ letter: 'B', progress: '(1/2 Done)' }]) };
/** The index lags: it still says 0 of 2. */
const drifted = { ...base, [INDEX]: planIndex([{ letter: 'B', progress: '(0/2 Done)' }]) };
const bothDone = [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Done' }];

testRule('plan-index-progress-mismatch', {
  valid: [
    {
      name: 'a letter-only progress line that agrees with the plan',
      base,
      head: { ...base, [INDEX]: ['# Plan index', '', '- [Plan B](PlanB_Work.md)', '', '- **Plan B** - **In Progress (1/2 Done)**.', ''].join('\n') },
    },
    {
      name: 'the plan and its index line move together',
      base,
      head: { ...base, [PLAN_B]: plan('B', bothDone), [INDEX]: planIndex([{ letter: 'B', progress: '(2/2 Done)' }]) },
    },
    {
      name: 'a change that repairs drift is clean',
      base: drifted,
      head: base,
    },
    {
      name: 'an untouched drifted index line is not judged (neither the plan nor the index changed)',
      base: drifted,
      head: { ...drifted, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', title: 'Renamed' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', title: 'Renamed' }]) },
    },
    {
      name: 'an index line without a (k/n Done) count is not judged',
      base,
      head: { ...base, [PLAN_B]: plan('B', bothDone), [INDEX]: planIndex([{ letter: 'B' }]) },
    },
    {
      name: 'Recently delivered rows do not count toward the Active-work progress',
      base,
      head: { ...base, [PLAN_B]: plan('B', tasks, [{ id: 'ST-B-000' }]) },
    },
    {
      name: 'a plan without an Active work table is not judged',
      base,
      head: { ...base, [PLAN_B]: '# Plan B - Work\n\n## Notes\nST-B-001 and ST-B-002.\n' },
    },
    {
      name: 'a correct count written in lower case and with spaces',
      base,
      head: { ...base, [INDEX]: planIndex([{ letter: 'B', progress: '(1 / 2 done)' }]) },
    },
  ],
  invalid: [
    {
      name: 'a progress line that names the plan only by its letter (the path is elsewhere in the index)',
      base,
      head: { ...base, [INDEX]: ['# Plan index', '', '- [Plan B](PlanB_Work.md)', '', '## Status', '- **Plan B** - **In Progress (0/2 Done)**. Work continues.', ''].join('\n') },
      findings: [{ file: INDEX, line: 6, message: /says docs\/plans\/PlanB_Work\.md is \(0\/2 Done\) but its Active work table has 1 of 2 done/ }],
    },
    {
      name: 'a task moved to Done in the plan, the index line not updated: points at the index line',
      base,
      head: { ...base, [PLAN_B]: plan('B', bothDone) },
      findings: [
        {
          taskId: null,
          file: INDEX,
          line: 3,
          introduced: true,
          message: /^docs\/plans\/PlanIndex\.md says docs\/plans\/PlanB_Work\.md is \(1\/2 Done\) but its Active work table has 2 of 2 done; update the index line$/,
        },
      ],
    },
    {
      name: 'a task added to Active work changes the total',
      base,
      head: { ...base, [PLAN_B]: plan('B', [...tasks, { id: 'ST-B-003' }]) },
      findings: [{ taskId: null, file: INDEX, line: 3, introduced: true, message: /is \(1\/2 Done\) but its Active work table has 1 of 3 done/ }],
    },
    {
      name: 'an index edit that gets the count wrong',
      base,
      head: { ...base, [INDEX]: planIndex([{ letter: 'B', progress: '(2/2 Done)' }]) },
      findings: [{ taskId: null, file: INDEX, line: 3, introduced: true, message: /is \(2\/2 Done\) but its Active work table has 1 of 2 done/ }],
    },
    {
      name: 'the same lag already there at base is pre-existing when the plan is touched',
      base: drifted,
      head: { ...drifted, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done', owner: 'QA' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: null, file: INDEX, line: 3, introduced: false }],
    },
    {
      name: 'a lag that grows is introduced',
      base: drifted,
      head: { ...drifted, [PLAN_B]: plan('B', bothDone) },
      findings: [{ taskId: null, file: INDEX, line: 3, introduced: true, message: /is \(0\/2 Done\) but its Active work table has 2 of 2 done/ }],
    },
    {
      name: 'only the lagging line of several is reported',
      base: { ...base, [INDEX]: planIndex([{ letter: 'A', progress: '(0/0 Done)' }, { letter: 'B', progress: '(1/2 Done)' }]) },
      head: { ...base, [INDEX]: planIndex([{ letter: 'A', progress: '(0/0 Done)' }, { letter: 'B', progress: '(0/2 Done)' }]) },
      findings: [{ taskId: null, file: INDEX, line: 4, introduced: true, message: /PlanB_Work\.md is \(0\/2 Done\)/ }],
    },
    {
      name: 'the count is read case-insensitively and with spaces (a wrong one is still reported)',
      base,
      head: { ...base, [INDEX]: planIndex([{ letter: 'B', progress: '(0 / 2 done)' }]) },
      findings: [{ taskId: null, file: INDEX, line: 3, introduced: true, message: /is \(0\/2 Done\) but its Active work table has 1 of 2 done/ }],
    },
    {
      name: '--all audits every index line',
      head: drifted,
      findings: [{ taskId: null, file: INDEX, line: 3, introduced: true, message: /is \(0\/2 Done\) but its Active work table has 1 of 2 done/ }],
    },
  ],
});
