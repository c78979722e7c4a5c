import type { Config } from '../config/schema.js';
import { formatIssues } from '../config/format-issues.js';
import type { EnabledRule, Rule } from '../core/rule.js';
import { ConfigError } from '../errors.js';
import { presetNamed } from '../presets/index.js';
import backlogEntryMissing from './backlog-entry-missing.js';
import backlogOnlyId from './backlog-only-id.js';
import boardNotUpdated from './board-not-updated.js';
import csvMalformedRow from './csv-malformed-row.js';
import csvNotUpdated from './csv-not-updated.js';
import csvRowMissing from './csv-row-missing.js';
import deadPlanLink from './dead-plan-link.js';
import docMissing from './doc-missing.js';
import duplicateId from './duplicate-id.js';
import fileUnreadable from './file-unreadable.js';
import mdMalformedRow from './md-malformed-row.js';
import mdNotUpdated from './md-not-updated.js';
import mdRowMissing from './md-row-missing.js';
import mojibakeIntroduced from './mojibake-introduced.js';
import planEntryMissing from './plan-entry-missing.js';
import planIndexMissing from './plan-index-missing.js';
import planIndexProgressMismatch from './plan-index-progress-mismatch.js';
import planLetterMismatch from './plan-letter-mismatch.js';
import planOnlyId from './plan-only-id.js';
import planSectionUnknown from './plan-section-unknown.js';
import rowDeleted from './row-deleted.js';
import sessionLogMissing from './session-log-missing.js';
import sessionLogName from './session-log-name.js';
import sessionLogTaskMissing from './session-log-task-missing.js';
import statusMismatchMdCsv from './status-mismatch-md-csv.js';
import statusMismatchPlan from './status-mismatch-plan.js';
import statusMissing from './status-missing.js';
import tableUnmapped from './table-unmapped.js';
import tableUnread from './table-unread.js';
import unknownStatus from './unknown-status.js';
// The relation rules: they judge a preset's task graph (`DocModel.graph`).
import taskSourceUnreadable from './task-source-unreadable.js';
import taskIdDuplicate from './task-id-duplicate.js';
import taskIdFileMismatch from './task-id-file-mismatch.js';
import taskStatusUnknown from './task-status-unknown.js';
import mirrorStatusMismatch from './mirror-status-mismatch.js';
import membershipMissing from './membership-missing.js';
import rollupParentOpenChildren from './rollup-parent-open-children.js';
import rollupParentNotClosed from './rollup-parent-not-closed.js';
import doneWithOpenCriteria from './done-with-open-criteria.js';

/** Every rule, in the order reports list them. Adding a rule means adding it here, a docs page and a test. */
export const RULES: readonly Rule<object>[] = [
  statusMismatchMdCsv,
  csvRowMissing,
  mdRowMissing,
  csvNotUpdated,
  mdNotUpdated,
  planEntryMissing,
  statusMismatchPlan,
  boardNotUpdated,
  planOnlyId,
  backlogOnlyId,
  backlogEntryMissing,
  planIndexMissing,
  planIndexProgressMismatch,
  sessionLogMissing,
  sessionLogTaskMissing,
  duplicateId,
  rowDeleted,
  csvMalformedRow,
  mojibakeIntroduced,
  mdMalformedRow,
  fileUnreadable,
  tableUnmapped,
  tableUnread,
  planSectionUnknown,
  docMissing,
  deadPlanLink,
  planLetterMismatch,
  sessionLogName,
  unknownStatus,
  statusMissing,
  taskSourceUnreadable,
  taskIdDuplicate,
  taskIdFileMismatch,
  taskStatusUnknown,
  mirrorStatusMismatch,
  membershipMissing,
  rollupParentOpenChildren,
  rollupParentNotClosed,
  doneWithOpenCriteria,
];

/** Rules about session logs: a layout without session logs (`paths.sessionLogs: []`) has nothing for them to judge. */
export const SESSION_LOG_RULES: readonly string[] = RULES.filter((rule) => rule.needs === 'session-logs').map((rule) => rule.id);

/** Rules the layout turns off whatever their severity, with the reason (for reports and `doctor`). */
export function rulesOffByLayout(config: Config): { id: string; reason: string }[] {
  if (config.paths.sessionLogs.length > 0) return [];
  return SESSION_LOG_RULES.map((id) => ({ id, reason: 'paths.sessionLogs is empty: this layout keeps no session logs' }));
}

export function findRule(id: string): Rule<object> | undefined {
  return RULES.find((rule) => rule.id === id);
}

/**
 * Applies `rules:` from the config to a registry (by default every rule); unknown ids
 * and bad options are config errors naming `source`. What it returns is what runCheck runs.
 */
export function enabledRules(config: Config, source = 'configuration', registry: readonly Rule<object>[] = RULES): EnabledRule[] {
  const known = new Set(registry.map((rule) => rule.id));
  const unknown = Object.keys(config.rules).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${source}: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} under "rules"; run "doc-sync explain" to list the rules`,
    );
  }
  const enabled: EnabledRule[] = [];
  const offByLayout = new Set(rulesOffByLayout(config).map((entry) => entry.id));
  // The preset turns off the rules that do not judge its sources; a rule the config names is the config's.
  const offByPreset = new Set(presetNamed(config.preset).rulesOff);
  for (const rule of registry) {
    const setting = config.rules[rule.id];
    const presetDefault = offByPreset.has(rule.id) ? 'off' : rule.defaultSeverity;
    const severity = typeof setting === 'string' ? setting : setting === undefined ? presetDefault : (setting.severity ?? rule.defaultSeverity);
    const parsed = rule.options.safeParse(typeof setting === 'object' ? (setting.options ?? {}) : {});
    if (!parsed.success) {
      throw new ConfigError(formatIssues(source, parsed.error.issues.map((issue) => ({ ...issue, path: ['rules', rule.id, 'options', ...issue.path] }))));
    }
    if (severity === 'off' || offByLayout.has(rule.id)) continue;
    enabled.push({ rule, severity, options: parsed.data });
  }
  return enabled;
}

/**
 * The registered rules that `enabledRules` left out (set `off`, or off for want of the documents
 * they judge), for the report. Given the config, rules its preset does not apply (the relation
 * rules for StateTrace, the table rules for the other presets) are not listed unless the config
 * names them: they judge documents of another format, and listing them would bury what the config turned off.
 */
export function rulesOff(enabled: readonly EnabledRule[], config?: Config, registry: readonly Rule<object>[] = RULES): string[] {
  const on = new Set(enabled.map((entry) => entry.rule.id));
  const notApplied = new Set(config ? presetNamed(config.preset).rulesOff.filter((id) => config.rules[id] === undefined) : []);
  return registry.filter((rule) => !on.has(rule.id) && !notApplied.has(rule.id)).map((rule) => rule.id);
}
