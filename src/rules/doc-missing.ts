import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'doc-missing',
  description: 'The Markdown board, the CSV or the backlog does not exist (or the change deletes it).',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check({ head, settings }) {
    const { board, boardCsv, backlog } = settings.config.paths;
    // Judged at head and re-run at base: a deletion is introduced, a document the
    // repository never had is pre-existing, shown but not failing.
    return [board, boardCsv, backlog]
      .filter((path) => !head.files.has(path))
      .map((path) => ({
        taskId: null,
        file: path,
        line: 1,
        message: `${path} does not exist, so the rules that need it were skipped; restore it, or set its path under "paths" in ${settings.configFile}`,
        key: path,
      }));
  },
});
