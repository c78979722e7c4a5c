import { BACKLOG, backlog, consistentTree, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const PLAN_B = planPath('B');
const base = { ...consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]), [BACKLOG]: backlog([{ id: 'ST-B-002' }]) };
const planText = plan('B', [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]);
/** The plan with a line inserted right after its "## Active work" heading. */
const withLineAfterHeading = (line: string) => planText.replace('## Active work\n', `## Active work\n${line}\n`);

testRule('table-unread', {
  valid: [
    { name: 'an edit that keeps the table readable', base, head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) } },
    { name: 'a closed comment above the table', base, head: { ...base, [PLAN_B]: withLineAfterHeading('<!-- reviewed -->\n') } },
    { name: 'rows deleted outright are not hidden rows', base, head: { ...base, [PLAN_B]: plan('B', [{ id: 'ST-B-002' }]) } },
    {
      name: 'a row whose ID was renamed while the old ID is still cited in another table and in prose',
      base,
      head: {
        ...base,
        [PLAN_B]: `${plan('B', [{ id: 'ST-B-009' }, { id: 'ST-B-002' }])}\n## Timeline\n| Date | Summary |\n|------|---------|\n| 2025-12-22 | ST-B-001 became ST-B-009 |\n\nST-B-001 is retired.\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'an unclosed <!-- after the section heading hides every row',
      base,
      head: { ...base, [PLAN_B]: withLineAfterHeading('<!-- draft') },
      findings: [{ taskId: null, file: PLAN_B, line: 10, message: /^2 task rows of docs\/plans\/PlanB_Work\.md \(ST-B-001, ST-B-002\) are still in the file but no longer read as a table from line 10: line 7 adds "<!-- draft", which ends the table/ }],
    },
    {
      name: 'a <details> line',
      base,
      head: { ...base, [PLAN_B]: withLineAfterHeading('<details>') },
      findings: [{ file: PLAN_B, message: /line 7 adds "<details>"/ }],
    },
    {
      name: 'an unclosed fence',
      base,
      head: { ...base, [PLAN_B]: withLineAfterHeading('```') },
      findings: [{ file: PLAN_B, message: /line 7 adds "```"/ }],
    },
    {
      name: 'a deleted header row',
      base,
      head: { ...base, [PLAN_B]: planText.replace('| ID | Title | Owner | Status | Notes |\n', '') },
      findings: [{ file: PLAN_B, line: 8, message: /no longer read as a table from line 8: something above them ends the table \(an unclosed <!--, <details>, <div> or code fence, or a deleted header row\)/ }],
    },
    {
      name: 'the backlog table hidden by a <div>',
      base,
      head: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-002' }]).replace('# Backlog\n\n', '# Backlog\n\n<div>\n') },
      findings: [{ taskId: 'ST-B-002', file: BACKLOG, message: /1 task row of docs\/CODEX_BACKLOG\.md \(ST-B-002\) is still in the file/ }],
    },
  ],
});
