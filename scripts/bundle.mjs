// Bundles the CLI (and the action, when present) into dist/: one ESM file each, no node_modules needed.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli-entry.ts', out: 'cli' },
  { in: 'src/api.ts', out: 'api' },
  ...(existsSync('src/index.ts') ? [{ in: 'src/index.ts', out: 'index' }] : []),
];

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
