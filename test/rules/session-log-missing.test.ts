import { BOARD, CSV, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';
import { configSchema } from '../../src/config/schema.js';
import { runCheck } from '../../src/core/check.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { reportSchema } from '../../src/report/report.js';
import { renderText } from '../../src/report/text.js';
import { enabledRules } from '../../src/rules/index.js';

/** The StateTrace case: the head's .gitignore gains the session-log folder. */
const IGNORED = '# local files\n*.log\ndocs/agents/sessions/\n';
const base = { ...consistentTree([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-000']) };
/** Both boards move ST-B-001 to Done. */
const moved = {
  [BOARD]: board([{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }]),
  [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]),
};

testRule('session-log-missing', {
  valid: [
    {
      name: 'a layout without session logs (paths.sessionLogs: []) turns the rule off',
      base,
      head: { ...base, ...moved },
      config: { paths: { sessionLogs: [] } },
    },
    {
      name: 'the head ignores the session-log folder in .gitignore (logs tracked at base)',
      base,
      head: { ...base, ...moved, '.gitignore': IGNORED },
    },
    {
      name: 'a nested .gitignore ignores the folder relative to its own directory',
      base,
      head: { ...base, ...moved, 'docs/.gitignore': 'agents/sessions/\n' },
    },
    {
      name: 'an unanchored folder name ignores the folder at any depth, as in git',
      base,
      head: { ...base, ...moved, '.gitignore': 'sessions/\n' },
    },
    {
      name: 'a parent folder of the session logs is ignored',
      base,
      head: { ...base, ...moved, '.gitignore': 'docs/agents\n' },
    },
    {
      name: 'a status change with a new session log',
      base,
      head: { ...base, ...moved, [sessionPath(2)]: sessionLog(['ST-B-001']) },
    },
    {
      name: 'a status change with an existing session log updated',
      base,
      head: { ...base, ...moved, [sessionPath(1)]: sessionLog(['ST-B-000', 'ST-B-001']) },
    },
    {
      name: 'a board edit that leaves every status alone',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress', title: 'Renamed' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', title: 'Renamed' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'a status change in a plan only (board-not-updated covers it)',
      base,
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
    },
    {
      name: 'removing a row is not a status change',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }]), [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }]) },
    },
    {
      name: '--all does not run change rules',
      head: { ...base, ...moved },
    },
  ],
  invalid: [
    {
      name: 'both boards moved a task and no log changed: points at the first board change',
      base,
      head: { ...base, ...moved },
      findings: [
        {
          taskId: 'ST-B-001',
          taskIds: ['ST-B-001'],
          file: BOARD,
          line: 6,
          introduced: true,
          message: /^the board status of 1 task changed \(ST-B-001\) but no session log under docs\/agents\/sessions\/\*\.md was added or updated; record the session$/,
        },
      ],
    },
    {
      name: 'several tasks moved: one finding with no single task',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Blocked' }]),
        [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002', status: 'Blocked' }]),
      },
      findings: [{ taskId: null, taskIds: ['ST-B-001', 'ST-B-002'], file: BOARD, line: 6, introduced: true, message: /the board status of 2 tasks changed \(ST-B-001, ST-B-002\)/ }],
    },
    {
      name: 'a status change in the CSV only points at the CSV record',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'Blocked' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /1 task changed \(ST-B-002\)/ }],
    },
    {
      name: 'a new board row counts as a status change',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-003', file: BOARD, line: 8, message: /\(ST-B-003\)/ }],
    },
    {
      name: 'the folder was ignored at base and the head un-ignores it: the head decides',
      base: { ...base, '.gitignore': IGNORED },
      head: { ...base, ...moved },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6 }],
    },
    {
      name: 'a later negation re-includes the folder',
      base,
      head: { ...base, ...moved, '.gitignore': `${IGNORED}!docs/agents/sessions/\n` },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6 }],
    },
    {
      name: 'a deeper .gitignore overrides the root one, as in git',
      base,
      head: { ...base, ...moved, '.gitignore': IGNORED, 'docs/agents/.gitignore': '!sessions/\n' },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6 }],
    },
    {
      name: 'a .gitignore that ignores other paths (/sessions/ is the root one), or sits beside the folder, keeps the rule on',
      base,
      head: { ...base, ...moved, '.gitignore': '*.log\n/sessions/\n', 'docs/plans/.gitignore': 'agents/\n' },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6 }],
    },
    {
      name: 'deleting a session log does not record the session',
      base,
      head: Object.fromEntries(Object.entries({ ...base, ...moved }).filter(([path]) => path !== sessionPath(1))),
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true }],
    },
    {
      name: 'a log outside the session-log globs does not count',
      base,
      head: { ...base, ...moved, 'docs/agents/notes/2025-12-22_session-0002.md': sessionLog(['ST-B-001']) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6 }],
    },
    {
      name: 'more than five moved tasks are summarised',
      base: { ...base, [BOARD]: board(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}` }))), [CSV]: csv(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}` }))) },
      head: { ...base, [BOARD]: board(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}`, status: 'Done' }))), [CSV]: csv(['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ id: `ST-B-00${n}` }))) },
      findings: [{ taskId: null, taskIds: ['1', '2', '3', '4', '5', '6', '7'].map((n) => `ST-B-00${n}`), file: BOARD, line: 6, message: /7 tasks changed \(ST-B-001, ST-B-002, ST-B-003, ST-B-004, ST-B-005 and 2 more\)/ }],
    },
  ],
});

describe('session logs kept out of git at head', () => {
  const config = configSchema.parse({});
  const check = (head: Tree) =>
    runCheck({ reader: new MemoryRepo({ base, head }), config, rules: enabledRules(config), configSource: 'the defaults', rulesOff: [], base: 'base', head: 'head', mode: 'change' });

  test('the report says which rules are off and why, in JSON, text and the comment', async () => {
    const { report } = await check({ ...base, ...moved, '.gitignore': IGNORED });
    expect(report.findings.filter((finding) => finding.rule.startsWith('session-log'))).toEqual([]);
    const reason = 'docs/agents/sessions/ is git-ignored (.gitignore line 3: docs/agents/sessions/) at head: session logs are kept out of git, so no change can add one';
    expect(report.config).toEqual({
      source: 'the defaults',
      rulesOff: ['session-log-missing', 'session-log-task-missing', 'session-log-name'],
      offByLayout: ['session-log-missing', 'session-log-task-missing', 'session-log-name'].map((rule) => ({ rule, reason })),
    });
    expect(reportSchema.parse(report)).toEqual(report);
    expect(renderText(report)).toContain(`Rules off: session-log-missing, session-log-task-missing, session-log-name. ${reason}.`);
    expect(renderMarkdown(report)).toContain('Rules off: session-log-missing, session-log-task-missing, session-log-name.');
  });

  test('with the folder tracked the report has no layout reason and the finding lists its tasks', async () => {
    const { report } = await check({ ...base, ...moved });
    expect(report.config).toEqual({ source: 'the defaults', rulesOff: [] });
    expect(renderText(report)).not.toContain('Rules off');
    const [finding] = report.findings.filter((entry) => entry.rule === 'session-log-missing');
    expect(finding).toMatchObject({ taskId: 'ST-B-001', taskIds: ['ST-B-001'] });
    expect(reportSchema.parse(report)).toEqual(report);
  });
});
