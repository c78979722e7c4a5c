import { OverlayReader } from '../../src/fix/overlay.js';
import { MemoryRepo } from '../support/memory-repo.js';

describe('OverlayReader', () => {
  test('lays new bytes over a commit and passes every other revision through', async () => {
    const inner = new MemoryRepo({ head: { 'a.md': 'old a', 'b.md': 'b' }, base: { 'a.md': 'base a' } });
    const reader = new OverlayReader(inner, 'head', new Map([['a.md', new TextEncoder().encode('new a')], ['c.md', new TextEncoder().encode('c')]]));
    expect(await reader.resolveRevision(OverlayReader.REVISION)).toBe(OverlayReader.REVISION);
    expect(await reader.resolveRevision('base')).toBe('base');
    const files = await reader.listFiles(OverlayReader.REVISION, (path) => path !== 'c.md');
    expect([...files.keys()].sort()).toEqual(['a.md', 'b.md']);
    const blobs = await reader.readBlobs([...files.values()]);
    const text = (oid: string) => new TextDecoder().decode(blobs.get(oid));
    expect([text(files.get('a.md')!), text(files.get('b.md')!)]).toEqual(['new a', 'b']);
    // The overlaid blob is never asked of the inner reader.
    expect(inner.blobReads).toEqual([files.get('b.md')]);
    expect([...(await reader.listFiles('base', () => true)).keys()]).toEqual(['a.md']);
  });
});
