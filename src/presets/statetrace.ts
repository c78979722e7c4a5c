import { RELATION_RULES } from './rule-sets.js';
import type { Preset, StatusCategory } from './types.js';

/** StateTrace's status words per category (also the `statuses:` defaults the config template shows). */
export const STATUS_DEFAULTS: Record<StatusCategory, readonly string[]> = {
  backlog: ['Backlog', 'Pending', 'Deferred', 'Planned', 'Proposed', 'Not started'],
  ready: ['Ready', 'Todo', 'To Do', 'Next'],
  'in-progress': ['In Progress', 'In-Progress', 'WIP', 'Active', 'Doing'],
  blocked: ['Blocked', 'On Hold'],
  'ready-for-review': ['Ready for Review', 'In Review', 'Review'],
  done: ['Done', 'Complete', 'Completed', 'Delivered', 'Closed', 'Shipped'],
};

/**
 * The StateTrace layout (the default): a Markdown board mirrored by a CSV, plan files with task
 * tables, a backlog table, a plan index with `(k/n Done)` counters and session logs. Its paths,
 * columns and ID pattern come from `paths`, `columns` and `ids` in the config; the sources below
 * name them in the graph's terms, and each relation names the table rules that judge it.
 */
export const STATETRACE: Preset = {
  name: 'statetrace',
  description: 'StateTrace: a Markdown task board mirrored by a CSV, plans, a backlog, a plan index and session logs.',
  markers: ['docs/taskboard/TaskBoard.csv', 'docs/StateTrace_TaskBoard.md'],
  tables: true,
  statuses: STATUS_DEFAULTS,
  sources: [
    { name: 'board', kind: 'table', paths: ['docs/StateTrace_TaskBoard.md'], scope: 'repository', description: 'the Markdown task board (paths.board)' },
    { name: 'board-csv', kind: 'csv', paths: ['docs/taskboard/TaskBoard.csv'], scope: 'repository', description: 'the CSV mirror of the board (paths.boardCsv)' },
    { name: 'plans', kind: 'table', paths: ['docs/plans/Plan*.md'], scope: 'repository', description: 'the plan files (paths.plans)' },
    { name: 'backlog', kind: 'table', paths: ['docs/CODEX_BACKLOG.md'], scope: 'repository', description: 'the backlog table (paths.backlog)' },
    { name: 'plan-index', kind: 'plan-index', paths: ['docs/plans/PlanIndex.md'], scope: 'repository', description: 'the plan index (paths.planIndex)' },
    { name: 'session-logs', kind: 'session-logs', paths: ['docs/agents/sessions/*.md'], scope: 'repository', description: 'the session logs (paths.sessionLogs)' },
  ],
  relations: [
    {
      kind: 'mirror',
      left: 'board',
      right: 'board-csv',
      judgedBy: ['status-mismatch-md-csv', 'md-row-missing', 'csv-row-missing', 'csv-not-updated', 'md-not-updated', 'row-deleted', 'duplicate-id'],
    },
    { kind: 'mirror', left: 'plans', right: 'board', judgedBy: ['status-mismatch-plan', 'board-not-updated'] },
    { kind: 'membership', from: 'board', to: 'plans', judgedBy: ['plan-entry-missing', 'plan-only-id', 'plan-letter-mismatch', 'dead-plan-link'] },
    { kind: 'membership', from: 'board', to: 'backlog', categories: ['ready', 'backlog'], judgedBy: ['backlog-entry-missing', 'backlog-only-id'] },
    { kind: 'rollup', source: 'plan-index', over: 'counter', judgedBy: ['plan-index-progress-mismatch', 'plan-index-missing'] },
  ],
  // The graph rules judge the other presets; StateTrace's tables have rules of their own.
  rulesOff: RELATION_RULES,
};
