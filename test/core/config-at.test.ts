import { loadGateConfig } from '../../src/core/config-at.js';
import { ConfigError } from '../../src/errors.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';
import { consistentTree } from '../support/docs.js';

/** loadGateConfig: which config judges a change, for the action and the CLI alike. */
const CONFIG = '.github/doc-sync.yml';
const docs = consistentTree([{ id: 'ST-B-001' }]);
const strict = 'rules:\n  duplicate-id: error\n';
const lenient = 'rules:\n  duplicate-id: off\n';

const gate = (base: Tree, head: Tree, explicitPath: string | null = null) =>
  loadGateConfig(new MemoryRepo({ base, head }), { trusted: 'base', proposed: 'head' }, explicitPath);
const duplicateSetting = (config: { rules: Record<string, unknown> }) => config.rules['duplicate-id'];

describe('loadGateConfig', () => {
  test.each([
    ['base and head agree', { ...docs, [CONFIG]: strict }, { ...docs, [CONFIG]: strict }, 'base', 'error', []],
    ['the change edits the config: the base one applies', { ...docs, [CONFIG]: strict }, { ...docs, [CONFIG]: lenient }, 'base', 'error', [/edits \.github\/doc-sync\.yml; the config at the base \(base\) applies until the change is merged/]],
    ['the change deletes the config: the base one applies', { ...docs, [CONFIG]: strict }, docs, 'base', 'error', [/removes \.github\/doc-sync\.yml/]],
    ['the change adds a config where documents exist: the defaults apply', docs, { ...docs, [CONFIG]: lenient }, 'defaults', undefined, [/adds \.github\/doc-sync\.yml; it applies once the change is merged/]],
    ['the first change (no config, no documents at the base): its own config applies', { 'README.md': 'hi\n' }, { ...docs, [CONFIG]: lenient }, 'head', 'off', [/no gate yet to loosen/]],
    ['no config anywhere: the defaults, nothing to say', docs, docs, 'defaults', undefined, []],
  ] as const)('%s', async (_name, base, head, origin, setting, notes) => {
    const result = await gate(base, head);
    expect(result.origin).toBe(origin);
    expect(duplicateSetting(result.config)).toBe(setting);
    expect(result.notes).toHaveLength(notes.length);
    notes.forEach((note, index) => expect(result.notes[index]).toMatch(note));
  });

  test('a named config must exist at the base, unless it is the first change', async () => {
    await expect(gate(docs, { ...docs, 'ci/doc-sync.yml': lenient }, 'ci/doc-sync.yml')).rejects.toThrow(ConfigError);
    await expect(gate(docs, docs, 'ci/doc-sync.yml')).rejects.toThrow(/the config file ci\/doc-sync\.yml \(the "config" input\) does not exist at base/);
    const first = await gate({ 'README.md': 'hi\n' }, { ...docs, 'ci/doc-sync.yml': lenient }, 'ci/doc-sync.yml');
    expect(first).toMatchObject({ origin: 'head', source: 'ci/doc-sync.yml at head' });
  });

  test('a broken config at the base is an error naming it, even when the change repairs it', async () => {
    await expect(gate({ ...docs, [CONFIG]: 'rules: [' }, { ...docs, [CONFIG]: strict })).rejects.toThrow(/\.github\/doc-sync\.yml \(at base\)/);
  });
});
