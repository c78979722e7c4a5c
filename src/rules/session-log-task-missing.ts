import { boardStatusChanges } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'session-log-task-missing',
  description: 'A board status changed and none of the changed session logs mentions the task.',
  defaultSeverity: 'warning',
  kind: 'change',
  needs: 'session-logs',
  options: noOptions,
  check(context) {
    const logs = context.changes.files
      .filter((file) => file.status !== 'deleted' && context.settings.isSessionLog(file.path))
      .map((file) => context.head.sessionLogs.get(file.path))
      .filter((log) => log !== undefined);
    if (logs.length === 0) return [];
    const findings = [];
    for (const id of context.tasks) {
      const change = boardStatusChanges(context, id)[0];
      const single = context.settings.firstId(id);
      if (!change || logs.some((log) => log.mentions.has(id) || log.mentions.has(single))) continue;
      findings.push({
        taskId: id,
        file: change.file,
        line: change.line,
        message: `the board status of ${id} changed but none of the changed session logs (${logs.map((log) => log.file).join(', ')}) mentions ${id}`,
      });
    }
    return findings;
  },
});
