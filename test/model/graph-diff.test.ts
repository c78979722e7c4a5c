import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import { runCheck } from '../../src/core/check.js';
import type { RuleContext } from '../../src/core/rule.js';
import { defineRule, noOptions } from '../../src/core/rule.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

/** A rule that records the context it was given, to see what the engine hands rules. */
function recorder() {
  const seen: RuleContext[] = [];
  const rule = defineRule({ id: 'record', description: 'records', defaultSeverity: 'notice', kind: 'change', options: noOptions, check: (context) => (seen.push(context), []) });
  return { seen, enabled: [{ rule, severity: 'notice' as const, options: {} }] };
}

async function check(base: Tree, head: Tree, config: ConfigInput, mode: 'change' | 'all' = 'change') {
  const { seen, enabled } = recorder();
  const { report } = await runCheck({ reader: new MemoryRepo({ base, head }), config: configSchema.parse(config), rules: enabled, base: 'base', head: 'head', mode });
  return { report, context: seen[0] };
}

const KIRO = '.kiro/specs/auth/tasks.md';

describe('the diff over the task graph', () => {
  test('kiro: a ticked box and a new task are touched; a reworded task is not', async () => {
    const { report, context } = await check(
      { [KIRO]: '- [ ] 1. Login\n- [ ] 2. Logout\n- [ ] 3. Help\n' },
      { [KIRO]: '- [x] 1. Login\n- [ ] 2. Log out of the app\n- [ ] 3. Help\n- [ ] 4. New\n' },
      { preset: 'kiro' },
    );
    expect([...context!.tasks].sort()).toEqual([`${KIRO}#1`, `${KIRO}#4`]);
    expect(report.summary.tasksTouched).toBe(2);
    expect(report.tasks).toEqual([
      { id: `${KIRO}#1`, changes: [{ source: 'tasks', file: KIRO, line: 1, kind: 'modified', statusBefore: '[ ]', statusAfter: '[x]' }], sources: [{ source: 'tasks', file: KIRO, line: 1 }] },
      { id: `${KIRO}#4`, changes: [{ source: 'tasks', file: KIRO, line: 4, kind: 'added', statusBefore: null, statusAfter: '[ ]' }], sources: [{ source: 'tasks', file: KIRO, line: 4 }] },
    ]);
  });

  test('a removed task is touched; criteria counts moving touch a Backlog.md task whose status stayed', async () => {
    const task = (id: string, ac: string) => `---\nid: ${id}\ntitle: T\nstatus: Done\n---\n\n## Acceptance Criteria\n\n- [${ac}] #1 works\n`;
    const { context } = await check(
      { 'backlog/config.yml': 'task_prefix: task\n', 'backlog/tasks/task-1 - A.md': task('task-1', ' '), 'backlog/tasks/task-2 - B.md': task('task-2', 'x') },
      { 'backlog/config.yml': 'task_prefix: task\n', 'backlog/tasks/task-1 - A.md': task('task-1', 'x') },
      { preset: 'backlog-md' },
    );
    expect([...context!.tasks].sort()).toEqual(['task-1', 'task-2']);
    expect(context!.changes.graphTasks.get('task-1')![0]).toMatchObject({ kind: 'modified', categoryChanged: false, criteriaChanged: true });
    expect(context!.changes.graphTasks.get('task-2')![0]).toMatchObject({ kind: 'removed', statusBefore: 'Done', statusAfter: null });
  });


  test('--all hands state rules every graph key', async () => {
    const seen: RuleContext[] = [];
    const rule = defineRule({ id: 'record', description: 'records', defaultSeverity: 'notice', kind: 'state', options: noOptions, check: (context) => (seen.push(context), []) });
    await runCheck({ reader: new MemoryRepo({ head: { [KIRO]: '- [ ] 1. A\n  - [ ] 1.1 B\n' } }), config: configSchema.parse({ preset: 'kiro' }), rules: [{ rule, severity: 'notice', options: {} }], head: 'head', mode: 'all' });
    expect([...seen[0]!.tasks].sort()).toEqual([`${KIRO}#1`, `${KIRO}#1.1`]);
  });

  test('statetrace: the graph adds no touched task of its own (the tables are diffed row by row)', async () => {
    const { context } = await check({ 'docs/StateTrace_TaskBoard.md': '| ID | Title | Status |\n| --- | --- | --- |\n| ST-B-001 | A | Ready |\n' }, { 'docs/StateTrace_TaskBoard.md': '| ID | Title | Status |\n| --- | --- | --- |\n| ST-B-001 | A | Done |\n' }, {});
    expect(context!.changes.graphTasks.size).toBe(0);
    expect([...context!.tasks]).toEqual(['ST-B-001']);
  });

  test('no file of the preset at either end names the preset\'s paths', async () => {
    await expect(check({ 'x.md': '' }, { 'x.md': '' }, { preset: 'kiro' })).rejects.toThrow(/looked for \.kiro\/specs\/\*\/tasks\.md\); set "sources" \(the kiro preset's\)/);
  });
});
