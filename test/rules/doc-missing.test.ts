import { BACKLOG, BOARD, CSV, INDEX, consistentTree, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = { ...consistentTree([{ id: 'ST-B-001' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
const without = (tree: Record<string, string>, ...paths: string[]) => Object.fromEntries(Object.entries(tree).filter(([path]) => !paths.includes(path)));

testRule('doc-missing', {
  valid: [
    { name: 'nothing deleted', base, head: base },
    { name: 'a plan, the plan index and a session log deleted', base, head: without(base, planPath('B'), INDEX, sessionPath(1)) },
    {
      name: 'a board moved where the config says it now lives',
      config: { paths: { board: 'docs/Board.md' } },
      base,
      head: { ...without(base, BOARD), 'docs/Board.md': base[BOARD]! },
    },
    { name: '--all on a complete tree', head: base },
  ],
  invalid: [
    {
      name: 'the Markdown board deleted',
      base,
      head: without(base, BOARD),
      findings: [{ taskId: null, file: BOARD, line: 1, introduced: true, message: /^docs\/StateTrace_TaskBoard\.md does not exist, so the rules that need it were skipped; restore it, or set its path under "paths"/ }],
    },
    {
      name: 'the CSV deleted',
      base,
      head: without(base, CSV),
      findings: [{ taskId: null, file: CSV, line: 1, introduced: true, message: /^docs\/taskboard\/TaskBoard\.csv does not exist/ }],
    },
    {
      name: 'all three required documents deleted',
      base,
      head: without(base, BOARD, CSV, BACKLOG),
      findings: [
        { taskId: null, file: BACKLOG, line: 1, introduced: true },
        { taskId: null, file: BOARD, line: 1, introduced: true },
        { taskId: null, file: CSV, line: 1, introduced: true },
      ],
    },
    {
      name: 'a configured board path deleted',
      config: { paths: { backlog: 'planning/Backlog.md' } },
      base: { ...base, 'planning/Backlog.md': '# Backlog\n' },
      head: base,
      findings: [{ taskId: null, file: 'planning/Backlog.md', line: 1, introduced: true, message: /planning\/Backlog\.md/ }],
    },
    {
      name: 'a backlog the repository never had is shown as pre-existing, not failing',
      base: without(base, BACKLOG),
      head: without(base, BACKLOG),
      findings: [{ taskId: null, file: BACKLOG, line: 1, introduced: false }],
    },
    {
      name: '--all reports a missing document',
      head: without(base, CSV),
      findings: [{ taskId: null, file: CSV, line: 1, introduced: true }],
    },
  ],
});
