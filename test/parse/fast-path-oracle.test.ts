import { parseMarkdownTables } from '../../src/parse/markdown-table.js';
import { corpusMarkdownBlobs, findCorpusBundle } from './corpus-blobs.js';
import { fuzzTableDocument, mutateDocument } from './table-fuzz.js';

/**
 * The fast path is a second reading of table syntax, so micromark (the reference, every
 * line handed over as written) is its oracle: both must give the same tables, rows,
 * cells, spans, links and headings on every document.
 */
function expectSameAsReference(source: string, label: string, paths: Record<string, number>): void {
  let path = '';
  const fast = parseMarkdownTables(source, { onPath: (taken) => (path = taken) });
  const reference = parseMarkdownTables(source, { fastPath: false });
  paths[path] = (paths[path] ?? 0) + 1;
  try {
    expect(fast).toEqual(reference);
  } catch (error) {
    throw new Error(`${label}: fast path differs from micromark\n${(error as Error).message.slice(0, 3000)}\n--- source ---\n${JSON.stringify(source).slice(0, 1500)}`);
  }
}

describe('fast path = micromark', () => {
  test('on 2,000 fuzzed table documents, most of them read on the fast path', () => {
    const paths: Record<string, number> = {};
    for (let seed = 1; seed <= 2000; seed++) expectSameAsReference(fuzzTableDocument(seed), `fuzz seed ${seed}`, paths);
    expect(paths.fast ?? 0).toBeGreaterThan(1000);
  }, 600_000);

  const bundle = findCorpusBundle();
  // The corpus is a shared fixture outside the repository; without it this case has nothing to read.
  (bundle ? test : test.skip)('on every Markdown blob of the corpus history, and on mutations of each', () => {
    const blobs = corpusMarkdownBlobs(bundle!);
    expect(blobs.length).toBeGreaterThan(100);
    const paths: Record<string, number> = {};
    blobs.forEach(({ oid, path, text }, index) => {
      expectSameAsReference(text, `${path} ${oid}`, paths);
      if (!path.includes('/sessions/')) expectSameAsReference(mutateDocument(text, index + 1), `${path} ${oid} mutated (seed ${index + 1})`, paths);
    });
    expect(paths.fast ?? 0).toBeGreaterThan(blobs.length / 2);
  }, 900_000);
});
