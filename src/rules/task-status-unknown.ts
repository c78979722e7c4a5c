import { STATUS_CATEGORIES } from '../config/defaults.js';
import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import type { TaskSource } from '../model/tasks.js';
import { judged, nameOf } from './graph/relations.js';

/**
 * The words a source's statuses may use: the configured vocabulary, then the words its tasks
 * use that the graph knew (Backlog.md's own `backlog/config.yml` statuses), each once.
 */
function vocabularyOf(configured: readonly string[], source: TaskSource): string[] {
  const words = new Map<string, string>();
  for (const word of [...configured, ...source.tasks.filter((task) => task.category !== 'unknown').map((task) => task.status)]) {
    if (!words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()];
}

export default defineRule({
  id: 'task-status-unknown',
  description: 'A task of a task source has a status that is not in the status vocabulary, so no relation can judge it.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { head, settings } = context;
    const configured = STATUS_CATEGORIES.flatMap((category) => settings.config.statuses[category]);
    const statusFile = settings.preset.statusFile;
    const findings: RuleFinding[] = [];
    for (const source of head.graph.sources.values()) {
      const vocabulary = vocabularyOf(configured, source).map((word) => `"${word}"`).join(', ');
      for (const task of source.tasks) {
        // No status at all is the reader's problem (task-source-unreadable), not an unknown word.
        if (task.category !== 'unknown' || task.status.trim() === '' || !judged(context, task.key)) continue;
        const status = task.status.slice(0, 60);
        const where = `under \`statuses.<category>\` (${STATUS_CATEGORIES.join(', ')}) in ${settings.configFile}${statusFile ? `, or to \`statuses\` in ${statusFile}` : ''}`;
        findings.push({
          taskId: task.key,
          file: task.file,
          line: task.line,
          message: `${nameOf(source, task)} has the status "${status}", which is not in the status vocabulary (${vocabulary}), so it cannot be compared; write one of those words, or add "${status}" to the category it means ${where}`,
          key: `${source.name}:${task.key}:${task.status}`,
        });
      }
    }
    return findings;
  },
});
