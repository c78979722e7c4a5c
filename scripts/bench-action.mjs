// Bundles bench/action.ts (it uses the TypeScript fake GitHub from test/support) and runs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// Inside node_modules, so the bundle's bare imports (ajv, yaml…) resolve.
const dir = join('node_modules', '.cache', 'doc-sync-bench');
mkdirSync(dir, { recursive: true });
const out = join(dir, 'action-bench.mjs');
// The fake GitHub reads its pruned description next to itself.
copyFileSync('test/support/github-openapi.json', join(dir, 'github-openapi.json'));
await build({
  entryPoints: ['bench/action.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [out], { stdio: 'inherit', cwd: process.cwd() });
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
