import { CHECKBOX_STATUSES } from './checkbox-statuses.js';
import { TABLE_RULES } from './rule-sets.js';
import type { Preset } from './types.js';

/**
 * spec-kit (`github/spec-kit`): one `specs/NNN-feature/tasks.md` per feature, tasks as
 * `- [ ] T001 [P] [US1] text`. Each file stands alone (IDs restart per feature), so the
 * source's scope is the file; no relation between files by default.
 */
export const SPEC_KIT: Preset = {
  name: 'spec-kit',
  description: 'spec-kit: checkbox tasks (`- [ ] T001 …`) in specs/<feature>/tasks.md.',
  markers: ['.specify/**', 'specs/[0-9][0-9][0-9]-*/tasks.md'],
  tables: false,
  sources: [
    {
      name: 'tasks',
      kind: 'checklist',
      checklist: 'spec-kit',
      paths: ['specs/*/tasks.md', '.specify/specs/*/tasks.md'],
      scope: 'file',
      description: 'the tasks.md checklist of each feature',
    },
  ],
  statuses: CHECKBOX_STATUSES,
  relations: [],
  rulesOff: TABLE_RULES,
};
