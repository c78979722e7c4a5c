import { defaultConfig } from '../../src/config/load.js';
import { loadModelAt } from '../../src/core/check.js';
import { OPENED_RECORD, planBacklogRows } from '../../src/fix/backlog-rows.js';
import { BACKLOG, BOARD, CSV, board, consistentTree, csv } from '../support/docs.js';
import { MemoryRepo } from '../support/memory-repo.js';

/** The pure backlog-rows planner: bytes and a model in, the changed files and an account out. */
const tasks = [{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Ready' }, { id: 'ST-B-003', status: 'Ready' }];
const tree: Record<string, string> = { ...consistentTree([tasks[0]!]), [BOARD]: board(tasks), [CSV]: csv(tasks) };
const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

async function plan(record: string | null, ids: string[]) {
  const { model, settings } = await loadModelAt(new MemoryRepo({ head: tree }), defaultConfig(), 'head');
  return planBacklogRows({ model, settings, backlog: encode(tree[BACKLOG]!), record: record === null ? null : encode(record), ids, notes: 'Opened by doc-sync', stamp: '#7' });
}

describe('planBacklogRows', () => {
  test('opens rows for new IDs and records them; an ID recorded before stays out', async () => {
    const { files, detail } = await plan('{"opened": {"ST-B-002": "#3"}}', ['ST-B-002', 'ST-B-003']);
    expect(detail.opened).toEqual(['ST-B-003']);
    expect(detail.refused).toEqual([{ id: 'ST-B-002', reason: expect.stringContaining('doc-sync opened its backlog row before (#3') }]);
    expect(decode(files.get(BACKLOG))).toContain('| ST-B-003 |');
    expect(decode(files.get(BACKLOG))).not.toContain('| ST-B-002 |');
    expect(JSON.parse(decode(files.get(OPENED_RECORD)))).toEqual({ opened: { 'ST-B-002': '#3', 'ST-B-003': '#7' } });
    expect(detail.diff).toContain('+| ST-B-003 |');
  });

  test('nothing to open writes nothing, not even the record', async () => {
    const { files, detail } = await plan(null, ['ST-Z-999']);
    expect(files.size).toBe(0);
    expect(detail.opened).toEqual([]);
    expect(detail.refused[0]!.reason).toMatch(/ST-Z-999 is on neither the Markdown board nor the CSV/);
  });
});
