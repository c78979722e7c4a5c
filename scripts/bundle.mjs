// Bundles the CLI, the action and the in-process API into dist/, no node_modules needed:
//   dist/cli.js    the CLI's entry (package.json "bin"): tiny, answers --version by itself
//   dist/cli/      the CLI's chunks, loaded when a command needs them
//   dist/index.js  the action's entry (action.yml "main"), its chunks in dist/action/
//   dist/api.js    one file, for scripts that run the engine in process
// Start-up time is mostly V8 compiling what is loaded, so code a command does not reach
// (zod and yaml without a config file, the CLI without a command) stays in a chunk that is
// never read. Chunk names carry a content hash: any change renames a chunk, which changes
// the entry that imports it, so the dist freshness check (git diff) sees every change.
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { commonOptions } from './bundle-options.mjs';

const common = { ...commonOptions, outdir: 'dist' };

/** One program: its entry in dist/, its chunks (stale ones removed first) in dist/<chunks>/. */
async function bundleSplit(entry, out, chunks) {
  rmSync(`dist/${chunks}`, { recursive: true, force: true });
  await build({ ...common, entryPoints: [{ in: entry, out }], splitting: true, chunkNames: `${chunks}/[name]-[hash]` });
}

// Separate builds: the npm package ships the CLI's files only, never a chunk the action shares.
await bundleSplit('src/cli-entry.ts', 'cli', 'cli');
if (existsSync('src/index.ts')) await bundleSplit('src/index.ts', 'index', 'action');
await build({ ...common, entryPoints: [{ in: 'src/api.ts', out: 'api' }] });
