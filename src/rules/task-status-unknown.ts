import { STATUS_CATEGORIES } from '../config/schema.js';
import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { judged, nameOf } from './graph/relations.js';

export default defineRule({
  id: 'task-status-unknown',
  description: 'A task of a task source has a status that is not in the status vocabulary, so no relation can judge it.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { head, settings } = context;
    const words = STATUS_CATEGORIES.flatMap((category) => settings.config.statuses[category]);
    const vocabulary = words.map((word) => `"${word}"`).join(', ');
    const findings: RuleFinding[] = [];
    for (const source of head.graph.sources.values()) {
      for (const task of source.tasks) {
        // No status at all is the reader's problem (task-source-unreadable), not an unknown word.
        if (task.category !== 'unknown' || task.status.trim() === '' || !judged(context, task.key)) continue;
        const status = task.status.slice(0, 60);
        findings.push({
          taskId: task.key,
          file: task.file,
          line: task.line,
          message: `${nameOf(source, task)} has the status "${status}", which is not in the status vocabulary (${vocabulary}), so it cannot be compared; write one of those words, or add "${status}" to the category it means under \`statuses.<category>\` (${STATUS_CATEGORIES.join(', ')}) in ${settings.configFile}`,
          key: `${source.name}:${task.key}:${task.status}`,
        });
      }
    }
    return findings;
  },
});
