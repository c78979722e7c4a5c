// Bundles the CLI (and the action, when present) into dist/: one ESM file each, no node_modules needed.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli-entry.ts', out: 'cli' },
  { in: 'src/api.ts', out: 'api' },
  ...(existsSync('src/index.ts') ? [{ in: 'src/index.ts', out: 'index' }] : []),
];

/**
 * zod re-exports its 40-odd message locales (a quarter of the bundle) though only
 * English, which it installs itself, is ever used: the bundle gets English alone.
 * Start-up time is mostly V8 compiling the bundle, so bytes not shipped are time saved.
 */
const englishZodLocalesOnly = {
  name: 'english-zod-locales-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: 'zod-locales-en', namespace: 'zod-locales' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Whitespace and syntax only: names stay, so error classes and stack traces read as in the source.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [englishZodLocalesOnly],
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
