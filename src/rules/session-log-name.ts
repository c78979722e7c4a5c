import { posix } from 'node:path';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'session-log-name',
  description: 'An added session log does not follow the naming pattern (YYYY-MM-DD_session-NNNN.md).',
  defaultSeverity: 'warning',
  kind: 'change',
  needs: 'session-logs',
  options: noOptions,
  check({ changes, settings }) {
    const pattern = new RegExp(settings.config.sessionLogs.namePattern, 'u');
    return changes.files
      .filter((file) => file.status === 'added' && settings.isSessionLog(file.path))
      .filter((file) => !pattern.test(posix.basename(file.path)))
      .map((file) => ({
        taskId: null,
        file: file.path,
        line: 1,
        message: `the session log name ${posix.basename(file.path)} does not match ${settings.config.sessionLogs.namePattern}; rename it (e.g. 2025-12-22_session-0001.md)`,
        key: file.path,
      }));
  },
});
