import { build, type Metafile } from 'esbuild';
import { commonOptions } from '../scripts/bundle-options.mjs';

/**
 * What the action evaluates before it knows whether the run applies: the entry's static
 * import graph, plus the modules the entry itself awaits at once (src/index.ts imports
 * main and the runtime dynamically, unconditionally). Every other dynamic import is a
 * door the start does not open.
 */
function startGraph(metafile: Metafile, entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const from = queue.shift()!;
    for (const edge of metafile.inputs[from]?.imports ?? []) {
      if (edge.external || (edge.kind === 'dynamic-import' && from !== entry)) continue;
      if (!seen.has(edge.path)) {
        seen.add(edge.path);
        queue.push(edge.path);
      }
    }
  }
  return seen;
}

const ENTRY = 'src/index.ts';
let start: string[] = [];

beforeAll(async () => {
  const result = await build({ ...commonOptions, entryPoints: [ENTRY], outdir: 'dist-start-path-test', splitting: true, write: false, metafile: true, logLevel: 'silent' });
  start = [...startGraph(result.metafile, ENTRY)];
}, 60000);

describe("the action's start path", () => {
  it('reaches the action main, the inputs, the event and the runtime', () => {
    expect(start).toEqual(expect.arrayContaining(['src/action/main.ts', 'src/action/inputs.ts', 'src/action/event.ts', 'src/action/runtime.ts']));
  });

  it.each([
    ['Octokit', /node_modules\/@octokit\//],
    ['@actions/github', /node_modules\/@actions\/github\//],
    ['an HTTP client (undici, @actions/http-client)', /node_modules\/(undici|@actions\/http-client)\//],
    ['remark or micromark', /node_modules\/(remark-[^/]+|micromark[^/]*|mdast-util-[^/]+|unified)\//],
    ['full zod (classic)', /node_modules\/zod\/v4\/classic\//],
    ["full zod's core (the file-namespace copy)", /^node_modules\/zod\/v4\/core\//],
    ['yaml', /node_modules\/yaml\//],
    ['the bot', /^src\/action\/bot\.ts$/],
    ['the pipeline', /^src\/action\/pipeline\.ts$/],
    ['the core check', /^src\/core\/check\.ts$/],
    ['the GitHub adapters', /^src\/adapters\/github\//],
  ])('does not load %s', (_what, pattern) => {
    expect(start.filter((path) => pattern.test(path))).toEqual([]);
  });
});
