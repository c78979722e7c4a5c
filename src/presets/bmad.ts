import { TABLE_RULES } from './rule-sets.js';
import type { Preset } from './types.js';

/**
 * BMAD Method: `sprint-status.yaml` (the ledger: epics, stories, retrospectives with a status
 * each) and one story file per ledger story, found by its key (`{story_location}/{key}.md`),
 * never by globbing names (reports are named like stories).
 */
export const BMAD: Preset = {
  name: 'bmad',
  description: 'BMAD Method: the sprint-status.yaml ledger and the story file of each ledger story.',
  markers: ['_bmad/**', '**/sprint-status.yaml'],
  tables: false,
  sources: [
    {
      name: 'ledger',
      kind: 'ledger',
      paths: ['**/sprint-status.yaml'],
      exclude: ['_bmad/**', '**/node_modules/**'],
      scope: 'repository',
      description: 'the sprint-status.yaml ledger',
    },
    {
      name: 'stories',
      kind: 'story-files',
      // Only files named by a ledger key are read; these globs say where they may be.
      paths: ['_bmad-output/**/*.md', 'docs/stories/**/*.md', 'docs/sprint-artifacts/**/*.md'],
      scope: 'repository',
      description: 'the story file of each ledger story ({story_location}/{key}.md)',
    },
  ],
  statuses: {
    backlog: ['backlog', 'draft', 'optional'],
    ready: ['ready-for-dev', 'drafted', 'approved'],
    'in-progress': ['in-progress', 'contexted'],
    blocked: ['awaiting-operator', 'blocked'],
    'ready-for-review': ['review', 'ready for review'],
    done: ['done'],
  },
  relations: [
    { kind: 'mirror', left: 'ledger', right: 'stories', judgedBy: ['mirror-status-mismatch'] },
    { kind: 'rollup', source: 'ledger', over: 'children', judgedBy: ['rollup-parent-open-children', 'rollup-parent-not-closed'] },
    { kind: 'rollup', source: 'stories', over: 'criteria', judgedBy: ['done-with-open-criteria'] },
    { kind: 'membership', from: 'ledger', to: 'stories', categories: ['in-progress', 'ready-for-review', 'done'], judgedBy: ['membership-missing'] },
  ],
  rulesOff: TABLE_RULES,
};
