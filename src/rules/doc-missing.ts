import { defineRule, noOptions } from './rule.js';

export default defineRule({
  id: 'doc-missing',
  description: 'The change deletes the Markdown board, the CSV or the backlog.',
  defaultSeverity: 'error',
  kind: 'change',
  options: noOptions,
  check({ changes, settings }) {
    const { board, boardCsv, backlog } = settings.config.paths;
    const required = new Set([board, boardCsv, backlog]);
    return changes.files
      .filter((file) => file.status === 'deleted' && required.has(file.path))
      .map((file) => ({
        taskId: null,
        file: file.path,
        line: 1,
        message: `the change deletes ${file.path}; doc-sync checks it on every change, so restore it or change paths in the config`,
        key: file.path,
      }));
  },
});
