import type { ActionRuntime } from './runtime.js';

/** The action's outputs, as action.yml declares them (a test ties the two together). */
export const OUTPUT_NAMES = ['result', 'errors', 'warnings', 'report', 'report-path', 'comment-id', 'comment-url'] as const;
export type ActionOutputs = Record<(typeof OUTPUT_NAMES)[number], string>;

/** The outputs of a run that checked nothing and passes (an event doc-sync does not handle). */
export const PASS_OUTPUTS: ActionOutputs = { result: 'pass', errors: '0', warnings: '0', report: '', 'report-path': '', 'comment-id': '', 'comment-url': '' };

/** Sets every output at once, so no run leaves one unset. */
export function setOutputs(runtime: Pick<ActionRuntime, 'setOutput'>, outputs: ActionOutputs): void {
  for (const name of OUTPUT_NAMES) runtime.setOutput(name, outputs[name]);
}
