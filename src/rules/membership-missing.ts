import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import type { Task, TaskSource } from '../model/tasks.js';
import { firstStatements, judged, keyIn, nameOf, placeOf, relationsOf } from './graph/relations.js';

/** Ledger entries that are not work items of their own: an epic groups stories, a retrospective is a meeting; neither has a story file. */
const CONTAINER_ENTRIES: ReadonlySet<string> = new Set(['epic', 'retrospective']);

/** What to do when `to` lacks the task, in the words of that source's format. */
function remedy(to: TaskSource, task: Task): string {
  switch (to.kind) {
    case 'story-files':
      return `write its story file (${task.id}.md in the story folder), or move it back to a status before work starts`;
    case 'task-files':
      return 'restore its task file, or export the board again if the task was removed (`backlog board export --readme`)';
    case 'board-export':
      return 'export the board again (`backlog board export --readme`)';
    case 'ledger':
      return `add \`${task.id}: <status>\` to the ledger, or remove the file if the story was dropped`;
    default:
      return `add it to ${to.name}, or remove it from ${task.source}`;
  }
}

/** True when `to` has a file for this task that its reader could not read: that problem is the finding, not a missing task. */
function unreadableFileFor(to: TaskSource, id: string): boolean {
  const lower = id.toLowerCase();
  return to.problems.some((problem) => {
    const name = problem.file.slice(problem.file.lastIndexOf('/') + 1).toLowerCase();
    return name.startsWith(lower) && !/[\p{L}\p{N}]/u.test(name.charAt(lower.length));
  });
}

export default defineRule({
  id: 'membership-missing',
  description: 'A task of one source has no counterpart in the source it must also be in (a ledger story without a story file, an exported task without a task file).',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { head } = context;
    const findings: RuleFinding[] = [];
    for (const relation of relationsOf(head, 'membership')) {
      const from = head.graph.sources.get(relation.from);
      const to = head.graph.sources.get(relation.to);
      if (!from || !to) continue;
      for (const task of firstStatements(from)) {
        if (!judged(context, task.key) || keyIn(to, task.key) !== undefined) continue;
        if (task.entry !== undefined && CONTAINER_ENTRIES.has(task.entry)) continue;
        if (relation.categories && !(task.category !== 'unknown' && relation.categories.includes(task.category))) continue;
        if (unreadableFileFor(to, task.id)) continue;
        const status = relation.categories ? ` with status "${task.status}"` : '';
        findings.push({
          taskId: task.key,
          file: task.file,
          line: task.line,
          message: `${nameOf(from, task)} is in ${relation.from} (${placeOf(task)})${status} but not in ${relation.to}; ${remedy(to, task)}`,
          key: `${relation.from}->${relation.to}:${task.key}`,
        });
      }
    }
    return findings;
  },
});
