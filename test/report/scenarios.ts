import { defaultConfig } from '../../src/config/load.js';
import { runCheck } from '../../src/core/check.js';
import type { Finding } from '../../src/core/finding.js';
import { reportSchema, type Report } from '../../src/report/report.js';
import { enabledRules } from '../../src/rules/index.js';
import { BOARD, CSV, board, consistentTree, csv, planPath, plan, sessionLog, sessionPath, type Task } from '../support/docs.js';
import { MemoryRepo } from '../support/memory-repo.js';

/** Real checks of three changes, for snapshots: named revisions and a fixed clock keep them stable. */
const tasks: Task[] = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }];
// One pre-existing drift: the plan never followed ST-B-001 into In Progress.
const base = { ...consistentTree(tasks), [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: 'Ready' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) };

async function check(head: Record<string, string>): Promise<Report> {
  const config = defaultConfig();
  const result = await runCheck({ reader: new MemoryRepo({ base, head }), config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change', clock: () => 0 });
  return result.report;
}

/** ST-B-001 done on the Markdown board only. */
export const smallChange = () => check({ ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) });

/** 60 tasks added to the Markdown board only (as agents do in bulk). */
export const largeChange = () => {
  const added = Array.from({ length: 60 }, (_, index): Task => ({ id: `ST-B-${String(index + 4).padStart(3, '0')}` }));
  return check({ ...base, [BOARD]: board([...tasks, ...added]) });
};

/** ST-B-002 starts on the board, the CSV and its plan, with a session log. */
export const cleanChange = () => {
  const started = tasks.map((task) => (task.id === 'ST-B-002' ? { ...task, status: 'In Progress' } : task));
  const planned = started.map((task) => (task.id === 'ST-B-001' ? { ...task, status: 'Ready' } : task));
  return check({ ...base, [BOARD]: board(started), [CSV]: csv(started), [planPath('B')]: plan('B', planned), [sessionPath(1)]: sessionLog(['ST-B-002']) });
};

/** The n-th of a run of csv-row-missing findings on the Markdown board. */
export const csvRowMissing = (index: number, overrides: Partial<Finding> = {}): Finding => ({
  rule: 'csv-row-missing',
  severity: 'error',
  message: `ST-B-${String(index).padStart(3, '0')} is on the Markdown board but has no record in docs/taskboard/TaskBoard.csv`,
  taskId: `ST-B-${String(index).padStart(3, '0')}`,
  file: 'docs/StateTrace_TaskBoard.md',
  line: 6 + index,
  introduced: true,
  ...overrides,
});

/** A synthetic report of `findings`, counted as the engine counts them. */
export function reportOf(findings: Finding[], overrides: Partial<Report> = {}): Report {
  const count = (severity: Finding['severity']) => findings.filter((item) => item.severity === severity).length;
  const failing = findings.filter((item) => item.introduced && item.severity === 'error').length;
  return reportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'doc-sync', version: '0.1.0' },
    mode: 'change',
    result: failing > 0 ? 'fail' : 'pass',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    summary: { errors: count('error'), warnings: count('warning'), notices: count('notice'), failing, tasksTouched: 2, filesChanged: 3, filesParsed: 9 },
    tasks: [],
    findings,
    durationMs: 120,
    ...overrides,
  });
}
