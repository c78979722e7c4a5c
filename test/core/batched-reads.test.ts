import { defaultConfig } from '../../src/config/load.js';
import { runCheck } from '../../src/core/check.js';
import { enabledRules } from '../../src/rules/index.js';
import { CSV, consistentTree, csv } from '../support/docs.js';
import { MemoryRepo } from '../support/memory-repo.js';

/** Counts the reads the core asks for: each is one `git cat-file --batch` (or one API round). */
class CountingRepo extends MemoryRepo {
  batches: string[][] = [];
  override async readBlobs(oids: readonly string[]): Promise<Map<string, Uint8Array>> {
    this.batches.push([...oids]);
    return super.readBlobs(oids);
  }
}

describe('runCheck reads blobs in batches', () => {
  const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
  const base = consistentTree(tasks);
  const head = { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) };

  test('one read for both revisions of a change, each blob once', async () => {
    const repo = new CountingRepo({ base, head });
    const config = defaultConfig();
    await runCheck({ reader: repo, config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change' });
    expect(repo.batches).toHaveLength(1);
    // Every file at head plus the CSV's base version, none twice.
    expect(repo.batches[0]).toHaveLength(Object.keys(head).length + 1);
    expect(new Set(repo.batches[0]).size).toBe(repo.batches[0]!.length);
  });

  test('one read for an audit', async () => {
    const repo = new CountingRepo({ head });
    const config = defaultConfig();
    await runCheck({ reader: repo, config, rules: enabledRules(config), head: 'head', mode: 'all' });
    expect(repo.batches).toHaveLength(1);
  });
});
