import type { GatePolicy } from './check.js';

/** The values `fail-on` accepts, in the action input and the CLI option alike. */
export const FAIL_ON_LEVELS = ['error', 'warning', 'never'] as const satisfies readonly GatePolicy['failOn'][];

/**
 * The gate for a `fail-on` level, on a strict branch (release branches, the CLI's
 * --strict) or not: strict makes warnings fail too, unless nothing may fail, and counts
 * pre-existing findings in touched tasks. The one place the action and the CLI decide it.
 */
export function gatePolicy(failOn: GatePolicy['failOn'], strict: boolean): GatePolicy {
  if (!strict) return { failOn, strict: false };
  return { failOn: failOn === 'never' ? 'never' : 'warning', strict: true };
}
