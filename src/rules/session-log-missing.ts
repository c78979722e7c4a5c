import { boardStatusChanges, listSome, plural } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'session-log-missing',
  description: 'A board status changed and no session log was added or changed.',
  defaultSeverity: 'error',
  kind: 'change',
  needs: 'session-logs',
  options: noOptions,
  check(context) {
    const logChanged = context.changes.files.some((file) => file.status !== 'deleted' && context.settings.isSessionLog(file.path));
    if (logChanged) return [];
    const moved = [...context.tasks].filter((id) => boardStatusChanges(context, id).length > 0);
    if (moved.length === 0) return [];
    const first = boardStatusChanges(context, moved[0]!)[0]!;
    return [
      {
        taskId: moved.length === 1 ? moved[0]! : null,
        taskIds: moved,
        file: first.file,
        line: first.line,
        message: `the board status of ${plural(moved.length, 'task')} changed (${listSome(moved)}) but no session log under ${context.settings.config.paths.sessionLogs.join(', ')} was added or updated; record the session`,
      },
    ];
  },
});
