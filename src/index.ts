// The GitHub Action's entry point (bundled to dist/index.js, run by the runner on node24).
import module from 'node:module';

// Node ≥ 22 caches compiled code on disk (the runner's temp dir): later steps and jobs on the same runner start faster.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const { runAction } = await import('./action/main.js');
const { actionsRuntime } = await import('./action/runtime.js');
await runAction(actionsRuntime(), process.env);
