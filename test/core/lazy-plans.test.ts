import { generateTasks, planningTree, type GeneratedTask } from '../../scripts/gen-board.mjs';
import { seededRandom } from '../../scripts/seeded-random.mjs';
import { defaultConfig } from '../../src/config/load.js';
import { runCheck } from '../../src/core/check.js';
import { enabledRules } from '../../src/rules/index.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

const config = defaultConfig();
const rules = enabledRules(config);
const BOARD = 'docs/StateTrace_TaskBoard.md';
const CSV = 'docs/taskboard/TaskBoard.csv';

/** A report without its timing: what two checks of the same change must agree on. */
async function report(repo: MemoryRepo, deferPlans: boolean) {
  const { report: result } = await runCheck({ reader: repo, config, rules, base: 'base', head: 'head', mode: 'change', deferPlans });
  return { ...result, durationMs: 0 };
}

/** One-row edits a pull request makes, each to some of the documents only (so the rules find something). */
const EDITS: ((tree: Tree, tasks: GeneratedTask[], index: number, random: () => number) => Tree)[] = [
  // Status moved everywhere.
  (_, tasks, index) => planningTree(tasks.map((task, at) => (at === index ? { ...task, status: 'Done - 2026-01-04' } : task))),
  // Status moved on the Markdown board only.
  (tree, tasks, index) => ({ ...tree, [BOARD]: planningTree(tasks.map((task, at) => (at === index ? { ...task, status: 'Blocked' } : task)))[BOARD]! }),
  // Status moved in its plan only.
  (tree, tasks, index) => {
    const plan = tasks[index]!.planFile;
    return { ...tree, [plan]: planningTree(tasks.map((task, at) => (at === index ? { ...task, status: 'Done - 2026-01-05' } : task)))[plan]! };
  },
  // Row removed from the CSV.
  (tree, tasks, index) => ({ ...tree, [CSV]: planningTree(tasks.filter((_, at) => at !== index))[CSV]! }),
  // A new task on both boards that no plan lists, or another plan's ID.
  (tree, tasks, index, random) => {
    const id = random() < 0.5 ? `ST-ZZ-${String(index).padStart(3, '0')}` : tasks[(index + 7) % tasks.length]!.id;
    const extra = { ...tasks[index]!, id, title: 'brand new work' };
    const both = planningTree([...tasks, extra]);
    return { ...tree, [BOARD]: both[BOARD]!, [CSV]: both[CSV]! };
  },
  // A title edited on the board only.
  (tree, tasks, index) => ({ ...tree, [BOARD]: planningTree(tasks.map((task, at) => (at === index ? { ...task, title: `${task.title} (renamed)` } : task)))[BOARD]! }),
];

describe('lazy plan parsing gives the findings of a full parse', () => {
  test('on generated boards with random one-row changes', async () => {
    const random = seededRandom(13);
    const tasks = generateTasks(240, 5);
    const base = planningTree(tasks);
    let findings = 0;
    for (let trial = 0; trial < 24; trial++) {
      const index = Math.floor(random() * tasks.length);
      const head = EDITS[trial % EDITS.length]!(base, tasks, index, random);
      const repo = new MemoryRepo({ base, head });
      const lazy = await report(repo, true);
      expect(lazy).toEqual(await report(repo, false));
      findings += lazy.findings.length;
    }
    // The edits are not all consistent: the comparison covered real findings.
    expect(findings).toBeGreaterThan(10);
  });

  test('parses only the plans the change needs', async () => {
    const tasks = generateTasks(240, 5);
    const base = planningTree(tasks);
    const moved = tasks.findIndex((task) => task.status === 'In Progress');
    const head = EDITS[0]!(base, tasks, moved, () => 0);
    const { head: model } = await runCheck({ reader: new MemoryRepo({ base, head }), config, rules, base: 'base', head: 'head', mode: 'change' });
    const parsed = [...model.plans.values()].filter((plan) => plan.rows.length > 0).map((plan) => plan.file);
    expect(parsed).toEqual([tasks[moved]!.planFile]);
    // The others still know their letter and mentions.
    expect([...model.plans.values()].every((plan) => plan.plan !== null && plan.mentions.size > 0)).toBe(true);
  });
});
