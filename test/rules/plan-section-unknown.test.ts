import { consistentTree, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]);
const PLAN_B = planPath('B');
const shippedPlan = [
  '# Plan B',
  '',
  '## Active work',
  '| ID | Title | Owner | Status | Notes |',
  '|----|-------|-------|--------|-------|',
  '| ST-B-002 | Title of ST-B-002 | Docs | Ready | |',
  '',
  '## Shipped',
  '| ID | Date | Summary |',
  '|----|------|---------|',
  '| ST-B-001 | 2025-12-22 | Title of ST-B-001 |',
  '',
].join('\n');

testRule('plan-section-unknown', {
  valid: [
    { name: 'active and delivered headings', base, head: { ...base, [PLAN_B]: shippedPlan.replace('## Shipped', '## Recently delivered') } },
    { name: 'sections.delivered names the heading (extending the defaults)', base, head: { ...base, [PLAN_B]: shippedPlan }, config: { sections: { delivered: ['Shipped'] } } },
  ],
  invalid: [
    {
      name: 'a task table under "## Shipped": a warning naming the heading and sections.*',
      base,
      head: { ...base, [PLAN_B]: shippedPlan },
      findings: [
        {
          taskId: null,
          file: PLAN_B,
          line: 9,
          introduced: true,
          message:
            /^the task table at line 9 is under the heading "Shipped", which is neither an active section \("Active work", .*\) nor a delivered one \("Recently delivered", .*\), so its rows count as neither done nor in progress; add the heading to sections\.delivered or sections\.active in \.github\/doc-sync\.yml$/,
        },
      ],
    },
    {
      name: 'already there at base: pre-existing',
      base: { ...base, [PLAN_B]: shippedPlan },
      head: { ...base, [PLAN_B]: shippedPlan.replace('| Ready |', '| Blocked |') },
      findings: [{ file: PLAN_B, line: 9, introduced: false }],
    },
  ],
});
