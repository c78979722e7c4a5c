// The esbuild options every bundle of doc-sync shares (scripts/bundle.mjs builds with them;
// test/start-path.test.ts builds the action's entry with them to check what its start loads).
// Start-up time is mostly V8 compiling and evaluating what is loaded: these plugins keep code
// that a run may never reach out of the modules evaluated at start.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * zod re-exports its 40-odd message locales (a quarter of the bundle) though only
 * English, which it installs itself, is ever used: the bundle gets English alone.
 */
export const englishZodLocalesOnly = {
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

const ZOD_MINI_CORE = 'zod-mini-core';
const IN_ZOD_MINI = /[\\/]zod[\\/]v4[\\/]mini[\\/]/;
const IN_ZOD_SHARED = /[\\/]zod[\\/]v4[\\/](core|locales)[\\/]/;
const LOCALES_INDEX = /[\\/]locales[\\/]index\.js$/;

/**
 * A module outside the file namespace keeps the name its plugin gives it, and chunk names
 * hash module names: named by its absolute path, a module would make every clone build
 * other chunk names. Plugins name their modules relative to the build's working directory.
 */
const workingDirOf = (pluginBuild) => pluginBuild.initialOptions.absWorkingDir ?? process.cwd();

/**
 * zod/mini and full zod share zod/v4/core and the locales. In a split build a shared
 * module lands in a chunk with everything either of them uses, so the action's start
 * (zod/mini only) would evaluate the core code of full zod too. zod/mini gets its own
 * copy of those files (namespace `zod-mini-core`, English the only locale), tree-shaken
 * to what zod/mini reaches. Both copies keep their state in globalThis
 * (`__zod_globalConfig`, `__zod_globalRegistry`): they share the locale and the registry.
 */
export const ownZodCoreForMini = {
  name: 'own-zod-core-for-mini',
  setup(pluginBuild) {
    const workingDir = workingDirOf(pluginBuild);
    pluginBuild.onResolve({ filter: /^\.\.?\// }, (args) => {
      const fromMini = args.namespace === 'file' && IN_ZOD_MINI.test(args.importer);
      if (!fromMini && args.namespace !== ZOD_MINI_CORE) return undefined;
      const path = resolve(args.resolveDir, args.path);
      return IN_ZOD_SHARED.test(path) ? { path: relative(workingDir, path), namespace: ZOD_MINI_CORE, sideEffects: false } : { path };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: ZOD_MINI_CORE }, (args) => {
      const path = resolve(workingDir, args.path);
      return {
        contents: LOCALES_INDEX.test(path) ? "export { default as en } from './en.js';" : readFileSync(path, 'utf8'),
        resolveDir: dirname(path),
        loader: 'js',
      };
    });
  },
};

/**
 * @actions/core imports its OIDC client (and with it @actions/http-client and undici)
 * for getIDToken alone, which doc-sync never calls: the import becomes a stand-in that
 * loads the real client on first use, so the start does not evaluate an HTTP stack.
 */
export const deferActionsOidcClient = {
  name: 'defer-actions-oidc-client',
  setup(pluginBuild) {
    const workingDir = workingDirOf(pluginBuild);
    pluginBuild.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      args.namespace === 'file' && /[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? { path: relative(workingDir, resolve(args.resolveDir, args.path)), namespace: 'deferred-oidc-client' }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'deferred-oidc-client' }, (args) => ({
      contents: [
        // Relative to resolveDir below: the module's own directory.
        "const load = () => import('./oidc-utils.js');",
        'export const OidcClient = {',
        '  getIDToken: async (audience) => (await load()).OidcClient.getIDToken(audience),',
        '};',
      ].join('\n'),
      resolveDir: dirname(resolve(workingDir, args.path)),
      loader: 'js',
    }));
  },
};

/** The options every doc-sync bundle is built with (entry points and output are each build's own). */
export const commonOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Whitespace and syntax only: names stay, so error classes and stack traces read as in the source.
  minifyWhitespace: true,
  minifySyntax: true,
  // ownZodCoreForMini first: zod/mini's locales are its own copy, English only too.
  plugins: [ownZodCoreForMini, englishZodLocalesOnly, deferActionsOidcClient],
  // Some CommonJS dependencies call require(); give every ESM file one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};
