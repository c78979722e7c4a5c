import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { judged } from './graph/relations.js';

export default defineRule({
  id: 'task-id-file-mismatch',
  description: 'A task file is named for one ID but its frontmatter states another.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const findings: RuleFinding[] = [];
    for (const source of context.head.graph.sources.values()) {
      for (const task of source.tasks) {
        // Case is not a mismatch: Backlog.md writes `task-7` file names for `TASK-7` ids.
        if (task.fileId === undefined || task.fileId.toLowerCase() === task.id.toLowerCase() || !judged(context, task.key)) continue;
        findings.push({
          taskId: task.key,
          file: task.file,
          line: task.line,
          message: `${task.file} is named for ${task.fileId} but its frontmatter says \`id: ${task.id}\` (line ${task.line}), so tools that go by the name and tools that go by the id see two different tasks; rename the file to start with ${task.id}, or set \`id: ${task.fileId}\``,
          key: `${source.name}:${task.file}:${task.fileId}/${task.id}`,
        });
      }
    }
    return findings;
  },
});
