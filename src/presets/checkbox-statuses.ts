import type { Preset } from './types.js';

/** Checkbox lists: `[ ]` is ready, `[-]` (Kiro) in progress, `[x]`/`[X]` done. */
export const CHECKBOX_STATUSES: NonNullable<Preset['statuses']> = {
  ready: ['[ ]'],
  'in-progress': ['[-]'],
  done: ['[x]', '[X]'],
};
