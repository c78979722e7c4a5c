import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { commonOptions } from '../scripts/bundle-options.mjs';

// Entries live under the (git-ignored) .tmp/ of the repository, so they resolve its node_modules.
let sources: string;
let dir: string;
beforeAll(() => {
  mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
  sources = mkdtempSync(join(process.cwd(), '.tmp', 'bundle-options-'));
  dir = mkdtempSync(join(tmpdir(), 'doc-sync-bundle-options-'));
});
afterAll(() => {
  rmSync(sources, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Builds the given entry files (written inline) with the shared options, split like dist/. */
async function bundle(entries: Record<string, string>): Promise<Metafile> {
  const entryPoints = Object.entries(entries).map(([name, source]) => {
    const file = join(sources, `${name}.mjs`);
    writeFileSync(file, source);
    return { in: file, out: name };
  });
  const result = await build({ ...commonOptions, entryPoints, outdir: dir, splitting: true, metafile: true, logLevel: 'silent' });
  return result.metafile;
}

/** The inputs an entry evaluates when it starts: its static imports, transitively. */
function staticGraph(metafile: Metafile, name: string): string[] {
  const entry = Object.keys(metafile.inputs).find((path) => path.endsWith(`/${name}.mjs`))!;
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    for (const edge of metafile.inputs[queue.shift()!]?.imports ?? []) {
      if (edge.external || edge.kind === 'dynamic-import' || seen.has(edge.path)) continue;
      seen.add(edge.path);
      queue.push(edge.path);
    }
  }
  return [...seen];
}

const runBuilt = (name: string) => execFileSync(process.execPath, [join(dir, `${name}.js`)], { encoding: 'utf8', env: { PATH: process.env.PATH } }).trim();

describe('the shared esbuild options', () => {
  test('englishZodLocalesOnly: full zod carries English alone, and speaks it', async () => {
    const metafile = await bundle({ full: "import { z } from 'zod';\nconsole.log(z.string().safeParse(1).error.issues[0].message);" });
    const locales = Object.keys(metafile.inputs).filter((path) => /zod\/v4\/locales\/(?!index)/.test(path));
    expect(locales.map((path) => path.replace(/^.*zod\/v4\/locales\//, ''))).toEqual(['en.js']);
    expect(runBuilt('full')).toBe('Invalid input: expected string, received number');
  });

  test("ownZodCoreForMini: zod/mini beside full zod evaluates its own core, not full zod's, and says the same", async () => {
    const metafile = await bundle({
      mini: "import * as z from 'zod/mini';\nz.config(z.locales.en());\nconsole.log(z.safeParse(z.object({ a: z.enum(['x', 'y']) }), { a: 'z' }).error.issues[0].message);\nawait import('./later.mjs');",
      later: "import { z } from 'zod';\nconsole.log(z.object({ a: z.enum(['x', 'y']) }).safeParse({ a: 'z' }).error.issues[0].message);",
    });
    const start = staticGraph(metafile, 'mini');
    expect(start.filter((path) => /^node_modules\/zod\/v4\/(core|classic)\//.test(path))).toEqual([]);
    expect(start.some((path) => path.startsWith('zod-mini-core:') && path.endsWith('zod/v4/core/schemas.js'))).toBe(true);
    expect(runBuilt('mini').split('\n')).toEqual(['Invalid option: expected one of "x"|"y"', 'Invalid option: expected one of "x"|"y"']);
  });

  test('deferActionsOidcClient: @actions/core starts without an HTTP client, and still offers getIDToken', async () => {
    // Outside a runner the real client refuses for want of its variables: proof that it loaded.
    const metafile = await bundle({ core: "import * as core from '@actions/core';\nconsole.log(typeof core.info);\nawait core.getIDToken().catch((error) => console.log(error.message));" });
    const start = staticGraph(metafile, 'core');
    expect(start.filter((path) => /node_modules\/(undici|@actions\/http-client)\//.test(path) || path.endsWith('@actions/core/lib/oidc-utils.js'))).toEqual(['deferred-oidc-client:node_modules/@actions/core/lib/oidc-utils.js']);
    expect(Object.keys(metafile.inputs)).toContain('node_modules/@actions/core/lib/oidc-utils.js');
    expect(runBuilt('core').split('\n')).toEqual(['function', expect.stringMatching(/Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable/)]);
  });

  test('no module is named by where the checkout lies, so every clone builds the same chunk names', async () => {
    // Chunk names are content hashes that include each module's name: an absolute name makes
    // dist/ differ between the clone that committed it and the clone CI builds in.
    const metafile = await bundle({
      anywhere: "import * as z from 'zod/mini';\nimport * as core from '@actions/core';\nconsole.log(typeof z.string, typeof core.getIDToken);",
    });
    expect(Object.keys(metafile.inputs).filter((path) => path.includes(process.cwd()))).toEqual([]);
    expect(runBuilt('anywhere')).toBe('function function');
  });
});
