import type { BuildOptions, Plugin } from 'esbuild';

/** zod's locales: English only. */
export declare const englishZodLocalesOnly: Plugin;
/** zod/mini's own copy of zod/v4/core, apart from full zod's. */
export declare const ownZodCoreForMini: Plugin;
/** @actions/core's OIDC client, loaded on first use. */
export declare const deferActionsOidcClient: Plugin;
/** The options every doc-sync bundle is built with. */
export declare const commonOptions: BuildOptions;
