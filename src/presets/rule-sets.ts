/**
 * Rule ids grouped by what they judge, so presets can turn whole groups off. The table rules
 * judge the StateTrace tables (board, CSV, plans, backlog, plan index, session logs); the
 * relation rules judge a preset's task graph. `file-unreadable` and `mojibake-introduced`
 * judge any tracked file's bytes and stay on everywhere.
 */
export const TABLE_RULES = [
  'status-mismatch-md-csv',
  'csv-row-missing',
  'md-row-missing',
  'csv-not-updated',
  'md-not-updated',
  'plan-entry-missing',
  'status-mismatch-plan',
  'board-not-updated',
  'plan-only-id',
  'backlog-only-id',
  'backlog-entry-missing',
  'plan-index-missing',
  'plan-index-progress-mismatch',
  'session-log-missing',
  'session-log-task-missing',
  'duplicate-id',
  'row-deleted',
  'csv-malformed-row',
  'md-malformed-row',
  'table-unmapped',
  'table-unread',
  'plan-section-unknown',
  'doc-missing',
  'dead-plan-link',
  'plan-letter-mismatch',
  'session-log-name',
  'unknown-status',
  'status-missing',
] as const;

/** The graph rules (written on the `relations` branch); a preset may name them before the registry has them. */
export const RELATION_RULES = [
  'task-source-unreadable',
  'task-id-duplicate',
  'task-id-file-mismatch',
  'task-status-unknown',
  'mirror-status-mismatch',
  'membership-missing',
  'rollup-parent-open-children',
  'rollup-parent-not-closed',
  'done-with-open-criteria',
] as const;

/** Relation rule ids a preset may list although the registry lacks them until the relations branch lands. */
export const PRESET_RULES_PENDING: ReadonlySet<string> = new Set(RELATION_RULES);
