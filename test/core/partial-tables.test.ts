import { generateTasks, planningTree, type GeneratedTask } from '../../scripts/gen-board.mjs';
import { seededRandom } from '../../scripts/seeded-random.mjs';
import { defaultConfig } from '../../src/config/load.js';
import { BlobStore } from '../../src/core/blob-store.js';
import { runCheck } from '../../src/core/check.js';
import { PARTIAL_MIN_BYTES } from '../../src/model/partial.js';
import { enabledRules } from '../../src/rules/index.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

const config = defaultConfig();
const rules = enabledRules(config);
const BOARD = 'docs/StateTrace_TaskBoard.md';
const CSV = 'docs/taskboard/TaskBoard.csv';
/** Two full parses of a 1,000-row board per edit are slow on a loaded runner: room, not a timing assertion. */
const SLOW = 600_000;

/** A check of the change from `base` to `head`, partial route on or off; its timing left out. */
async function check(repo: MemoryRepo, partialTables: boolean, store?: BlobStore) {
  const result = await runCheck({ reader: repo, config, rules, base: 'base', head: 'head', mode: 'change', partialTables, store });
  return { report: { ...result.report, durationMs: 0 }, readInPart: result.readInPart, boardRows: result.head.board?.rows.length ?? 0, csvRows: result.head.csv?.rows.length ?? 0 };
}

type Edit = (tree: Tree, tasks: GeneratedTask[], index: number, random: () => number) => Tree;

const text = (tree: Tree, path: string): string => tree[path] as string;
/** The tree with line `line` (0-based) of one file replaced by what `edit` makes of it. */
const editLine = (tree: Tree, path: string, line: number, edit: (text: string) => string | string[]): Tree => {
  const lines = text(tree, path).split(/(?<=\n)/);
  const eol = lines[line]!.endsWith('\r\n') ? '\r\n' : '\n';
  const edited = edit(lines[line]!.replace(/\r?\n$/, ''));
  lines[line] = (Array.isArray(edited) ? edited : [edited]).map((value) => value + eol).join('');
  return { ...tree, [path]: lines.join('') };
};
/** The board line of the task at `index` (the table starts at line 7, after the header and delimiter). */
const boardLine = (index: number) => 7 + index;
/** The CSV line of the task at `index` (after the header). */
const csvLine = (index: number) => 1 + index;
const moved = (tasks: GeneratedTask[], index: number, change: Partial<GeneratedTask>) => planningTree(tasks.map((task, at) => (at === index ? { ...task, ...change } : task)));

/** One-row edits a pull request makes, consistent or not, and structure edits that must send the file to the full parse. */
const EDITS: [string, Edit][] = [
  ['status moved everywhere', (_, tasks, index) => moved(tasks, index, { status: 'Done - 2026-01-04' })],
  ['status moved on the board only', (tree, tasks, index) => ({ ...tree, [BOARD]: moved(tasks, index, { status: 'Blocked' })[BOARD]! })],
  ['status moved in the CSV only', (tree, tasks, index) => ({ ...tree, [CSV]: moved(tasks, index, { status: 'Ready' })[CSV]! })],
  ['title edited on the board only', (tree, tasks, index) => ({ ...tree, [BOARD]: moved(tasks, index, { title: 'renamed work' })[BOARD]! })],
  ['row removed from the CSV', (tree, tasks, index) => ({ ...tree, [CSV]: planningTree(tasks.filter((_, at) => at !== index))[CSV]! })],
  ['row removed from the board', (tree, tasks, index) => ({ ...tree, [BOARD]: planningTree(tasks.filter((_, at) => at !== index))[BOARD]! })],
  [
    'new task on both boards, or a duplicated ID',
    (tree, tasks, index, random) => {
      const id = random() < 0.5 ? `ST-ZZ-${String(index % 1000).padStart(3, '0')}` : tasks[(index + 7) % tasks.length]!.id;
      const both = planningTree([...tasks, { ...tasks[index]!, id, title: 'brand new work' }]);
      return { ...tree, [BOARD]: both[BOARD]!, [CSV]: both[CSV]! };
    },
  ],
  ['duplicated row on the board', (tree, _, index) => editLine(tree, BOARD, boardLine(index), (row) => [row, row])],
  ['new row on the board only', (tree, tasks, index) => editLine(tree, BOARD, boardLine(index), (row) => [row, row.replace(tasks[index]!.id, 'ST-ZY-001')])],
  ['board row missing a cell', (tree, _, index) => editLine(tree, BOARD, boardLine(index), (row) => row.replace(/ \| [^|]*\|$/, ''))],
  ['board ID mistyped', (tree, tasks, index) => editLine(tree, BOARD, boardLine(index), (row) => row.replace(tasks[index]!.id, tasks[index]!.id.toLowerCase()))],
  ['board ID cell with more than the ID', (tree, tasks, index) => editLine(tree, BOARD, boardLine(index), (row) => row.replace(tasks[index]!.id, `${tasks[index]!.id} (p1)`))],
  ['CSV record with an unclosed quote', (tree, _, index) => editLine(tree, CSV, csvLine(index), (record) => record.replace(/"$/, ''))],
  ['CSV record with a field missing', (tree, _, index) => editLine(tree, CSV, csvLine(index), (record) => record.replace(/,"[^"]*"$/, ''))],
  ['CSV record with a line break in a field', (tree, _, index) => editLine(tree, CSV, csvLine(index), (record) => record.replace('","', '\n","'))],
  ['board header renamed', (tree) => editLine(tree, BOARD, 5, (header) => header.replace('Column', 'State'))],
  ['CSV header renamed', (tree) => editLine(tree, CSV, 0, (header) => header.replace('"Column"', '"State"'))],
  ['fence opened inside the board table', (tree, _, index) => editLine(tree, BOARD, boardLine(index), (row) => ['```', row])],
  ['HTML comment opened inside the board table', (tree, _, index) => editLine(tree, BOARD, boardLine(index), (row) => ['<!--', row])],
  ['blank line splits the board table', (tree, _, index) => editLine(tree, BOARD, boardLine(index), (row) => ['', '', row])],
  ['board row indented into a quote', (tree, _, index) => editLine(tree, BOARD, boardLine(index), (row) => `> ${row}`)],
];

describe('the partial route for large tables gives the report of a full parse', () => {
  test.each([1200, 1700])('on a generated board of %i tasks with seeded one-row changes', async (size) => {
    const random = seededRandom(size);
    const tasks = generateTasks(size, 3);
    const base = planningTree(tasks);
    expect(text(base, BOARD).length).toBeGreaterThan(PARTIAL_MIN_BYTES);
    let findings = 0;
    // One store for the whole run: the base is read once (a store keeps whole parses only, never partial ones).
    const store = new BlobStore(config.limits.maxFileBytes);
    for (const [name, edit] of EDITS) {
      // Never the first or last rows: the partial route keeps those anyway.
      const index = 2 + Math.floor(random() * (tasks.length - 4));
      const repo = new MemoryRepo({ base, head: edit(base, tasks, index, random) });
      const partial = await check(repo, true, store);
      const full = await check(repo, false, store);
      expect({ name, index, report: partial.report }).toEqual({ name, index, report: full.report });
      findings += partial.report.findings.length;
    }
    // Most edits are inconsistent: the comparison covered real findings, not empty reports.
    expect(findings).toBeGreaterThan(EDITS.length);
  }, SLOW);

  test('reads only the rows the change needs from a large board and CSV', async () => {
    const tasks = generateTasks(1300, 3);
    const base = planningTree(tasks);
    const index = tasks.findIndex((task) => task.status === 'In Progress');
    const repo = new MemoryRepo({ base, head: moved(tasks, index, { status: 'Done - 2026-01-04' }) });
    const partial = await check(repo, true);
    const full = await check(repo, false);
    expect(full.boardRows).toBe(1300);
    expect(full.csvRows).toBe(1300);
    // The moved task, the first and last rows (layout), whatever names the task: a handful, not the board.
    expect(partial.boardRows).toBeLessThan(10);
    expect(partial.csvRows).toBeLessThan(10);
    // Callers that ask about other tasks (the bot's /doc-sync backlog) are told to reload.
    expect([partial.readInPart, full.readInPart]).toEqual([true, false]);
    expect(partial.report.tasks.map((task) => task.id)).toEqual([tasks[index]!.id]);
  }, SLOW);

  test('a small board is read whole', async () => {
    const tasks = generateTasks(200, 3);
    const base = planningTree(tasks);
    const repo = new MemoryRepo({ base, head: moved(tasks, 5, { status: 'Blocked' }) });
    const small = await check(repo, true);
    expect([small.boardRows, small.readInPart]).toEqual([200, false]);
  });

  // The backlog fix learns its Plan-cell style from every backlog row, and the bot plans
  // backlog rows from the check's own model: a large backlog is always read whole.
  test('a large backlog is read whole', async () => {
    const tasks = generateTasks(200, 3);
    const rows = Array.from({ length: 3000 }, (_, at) => `| ST-${'QRSU'[at % 4]}-${String(Math.floor(at / 4) + 1).padStart(3, '0')} | Plan Q | queued work ${at} | none | ${'shipped and checked; '.repeat(4)} | notes |`);
    const backlog = ['# Backlog', '', '| ID | Plan | Title | Preconditions | Definition of done | Notes |', '|----|------|-------|---------------|--------------------|-------|', ...rows, ''].join('\n');
    expect(backlog.length).toBeGreaterThan(PARTIAL_MIN_BYTES);
    const base = { ...planningTree(tasks), 'docs/CODEX_BACKLOG.md': backlog };
    const repo = new MemoryRepo({ base, head: { ...moved(tasks, 5, { status: 'Blocked' }), 'docs/CODEX_BACKLOG.md': backlog } });
    const result = await runCheck({ reader: repo, config, rules, base: 'base', head: 'head', mode: 'change' });
    const whole = await runCheck({ reader: repo, config, rules, base: 'base', head: 'head', mode: 'change', partialTables: false });
    expect(whole.head.backlog?.rows.length).toBe(3000);
    expect(result.head.backlog?.rows.length).toBe(3000);
  }, SLOW);
});
