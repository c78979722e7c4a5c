import { CHECKBOX_STATUSES } from './checkbox-statuses.js';
import { TABLE_RULES } from './rule-sets.js';
import type { Preset } from './types.js';

/**
 * Kiro specs (`.kiro/specs/<feature>/tasks.md`): numbered checkbox tasks (`- [ ] 1.`, `- [x] 1.1`),
 * `[-]` in progress, `[ ]*` optional; a parent is done exactly when its required sub-tasks are.
 * Archived specs (`_archived/`) are history, not work, so they are left out.
 */
export const KIRO: Preset = {
  name: 'kiro',
  description: 'Kiro specs: numbered checkbox tasks in .kiro/specs/<feature>/tasks.md, parents rolled up from their sub-tasks.',
  markers: ['.kiro/specs/*/tasks.md'],
  tables: false,
  sources: [
    {
      name: 'tasks',
      kind: 'checklist',
      checklist: 'kiro',
      paths: ['.kiro/specs/*/tasks.md'],
      exclude: ['.kiro/specs/_archived/**'],
      scope: 'file',
      description: 'the tasks.md checklist of each spec',
    },
  ],
  statuses: CHECKBOX_STATUSES,
  relations: [{ kind: 'rollup', source: 'tasks', over: 'children', judgedBy: ['rollup-parent-open-children', 'rollup-parent-not-closed'] }],
  rulesOff: TABLE_RULES,
};
