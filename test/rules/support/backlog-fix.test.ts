import { configSchema } from '../../../src/config/schema.js';
import { loadModelAt } from '../../../src/core/check.js';
import { applyFixes } from '../../../src/fix/apply.js';
import { backlogRowFixes } from '../../../src/rules/support/backlog-fix.js';
import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv } from '../../support/docs.js';
import { MemoryRepo, type Tree } from '../../support/memory-repo.js';

const tasks = [{ id: 'ST-B-001' }, { id: 'ST-B-002', title: 'Split \\| pipes' }, { id: 'ST-D-001', plan: 'docs/plans/PlanD_Work.md' }];
const tree: Tree = { ...consistentTree(tasks), [BACKLOG]: `${backlog([{ id: 'ST-B-001' }])}<!-- rows above -->\n\nTrailing notes.\n` };

async function modelOf(files: Tree) {
  return loadModelAt(new MemoryRepo({ head: files }), configSchema.parse({}), 'head');
}

describe('backlogRowFixes (the bot\'s /doc-sync backlog)', () => {
  test('opens rows in the order given, after the table\'s last row; refuses the IDs it cannot open, each with a reason', async () => {
    const { model, settings } = await modelOf(tree);
    const result = backlogRowFixes(model, settings, ['ST-D-001', 'ST-B-002', 'ST-B-001', 'ST-X-404', 'nonsense', 'ST-D-001'], 'Opened by doc-sync from #7');
    expect(result.ids).toEqual(['ST-D-001', 'ST-B-002']);
    expect(result.fixes.map((fix) => [fix.line, fix.expected, fix.text])).toEqual([
      [5, '| ST-B-001 | Plan B | Title of ST-B-001 | none | it works | |', '| ST-D-001 | Plan D | Title of ST-D-001 | | Deliverable of ST-D-001 | Opened by doc-sync from #7 |'],
      [5, '| ST-B-001 | Plan B | Title of ST-B-001 | none | it works | |', '| ST-B-002 | Plan B | Split \\| pipes | | Deliverable of ST-B-002 | Opened by doc-sync from #7 |'],
    ]);
    expect(result.refused).toEqual([
      { id: 'ST-B-001', reason: `ST-B-001 already has a backlog row (${BACKLOG} line 5)` },
      { id: 'ST-X-404', reason: 'ST-X-404 is on neither the Markdown board nor the CSV; every backlog row needs a board row, so add it to the board first' },
      { id: 'nonsense', reason: '"nonsense" is not a task ID (expected the pattern ST-(?<plan>[A-Z]{1,2})-\\d{3})' },
    ]);

    // Applied: the rows sit between the last row and the comment line under it; nothing else moves.
    const outcome = applyFixes(new Map([[BACKLOG, new TextEncoder().encode(tree[BACKLOG] as string)]]), result.fixes);
    expect(new TextDecoder().decode(outcome.files.get(BACKLOG))).toBe(
      (tree[BACKLOG] as string).replace('| it works | |\n', `| it works | |\n${result.fixes.map((fix) => `${fix.text}\n`).join('')}`),
    );
  });

  test('a task on the CSV only is opened from its CSV record; a missing backlog file or table is a reason, not a crash', async () => {
    const csvOnly = { ...tree, [BOARD]: board([{ id: 'ST-B-001' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-009', title: 'From the CSV' }]) };
    const csvModel = await modelOf(csvOnly);
    const fromCsv = backlogRowFixes(csvModel.model, csvModel.settings, ['ST-B-009'], 'n');
    expect(fromCsv.fixes[0]!.text).toBe('| ST-B-009 | Plan B | From the CSV | | Deliverable of ST-B-009 | n |');

    const withoutBacklog = await modelOf(Object.fromEntries(Object.entries(tree).filter(([path]) => path !== BACKLOG)));
    expect(backlogRowFixes(withoutBacklog.model, withoutBacklog.settings, ['ST-B-002'], 'n').refused).toEqual([
      { id: 'ST-B-002', reason: `there is no backlog: ${BACKLOG} does not exist` },
    ]);
    const noTable = await modelOf({ ...tree, [BACKLOG]: '# Backlog\n\nNothing queued.\n' });
    expect(backlogRowFixes(noTable.model, noTable.settings, ['ST-B-002'], 'n').refused).toEqual([
      { id: 'ST-B-002', reason: `${BACKLOG} has no table with an ID column to add a row to` },
    ]);
  });

  test('the Plan cell follows how the backlog writes it (the bare letter here), not a fixed "Plan X"', async () => {
    const bare = await modelOf({ ...tree, [BACKLOG]: backlog([{ id: 'ST-B-001', plan: 'B' }]) });
    expect(backlogRowFixes(bare.model, bare.settings, ['ST-D-001'], 'n').fixes[0]!.text).toBe('| ST-D-001 | D | Title of ST-D-001 | | Deliverable of ST-D-001 | n |');
    const worded = await modelOf({ ...tree, [BACKLOG]: backlog([{ id: 'ST-B-001', plan: 'Plan B (perf)' }]) });
    expect(backlogRowFixes(worded.model, worded.settings, ['ST-D-001'], 'n').fixes[0]!.text).toBe('| ST-D-001 | Plan D (perf) | Title of ST-D-001 | | Deliverable of ST-D-001 | n |');
  });
});
