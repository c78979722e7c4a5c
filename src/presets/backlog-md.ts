import { TABLE_RULES } from './rule-sets.js';
import type { Preset } from './types.js';

/**
 * Backlog.md: one Markdown file per task with YAML frontmatter in `backlog/tasks/` (and
 * `backlog/completed/`), the statuses listed in `backlog/config.yml`, and the board that
 * `backlog board export --readme` writes into README.md between markers.
 */
export const BACKLOG_MD: Preset = {
  name: 'backlog-md',
  description: 'Backlog.md: one file per task in backlog/tasks/, statuses from backlog/config.yml, the board exported into README.md.',
  markers: ['backlog/config.yml'],
  tables: false,
  sources: [
    {
      name: 'tasks',
      kind: 'task-files',
      paths: ['backlog/tasks/*.md', 'backlog/completed/*.md'],
      scope: 'repository',
      description: 'the task files (<prefix>-<n> - <title>.md)',
    },
    {
      name: 'board',
      kind: 'board-export',
      paths: ['README.md'],
      scope: 'repository',
      description: 'the board exported between <!-- BOARD_START --> and <!-- BOARD_END --> (read only when the markers are there)',
    },
  ],
  statuses: { ready: ['To Do'], 'in-progress': ['In Progress'], done: ['Done'] },
  statusFile: 'backlog/config.yml',
  relations: [
    { kind: 'mirror', left: 'tasks', right: 'board', judgedBy: ['mirror-status-mismatch'] },
    { kind: 'rollup', source: 'tasks', over: 'criteria', judgedBy: ['done-with-open-criteria'] },
    { kind: 'membership', from: 'board', to: 'tasks', judgedBy: ['membership-missing'] },
  ],
  rulesOff: TABLE_RULES,
};
