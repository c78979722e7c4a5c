// The GitHub Action's entry point (bundled to dist/index.js, run by the runner on node24).
import { runAction } from './action/main.js';
import { actionsRuntime } from './action/runtime.js';

await runAction(actionsRuntime(), process.env);
