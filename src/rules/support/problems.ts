import type { RuleFinding } from '../../core/finding.js';
import type { DocProblem } from '../../model/model.js';
import type { RuleContext } from '../../core/rule.js';

/**
 * Problems that leave a changed document unjudged (a CSV that cannot be read at all, a
 * task table with no status column): they hide every other finding about it, so they
 * always fail, even when the base had them too.
 */
const BLINDING: ReadonlySet<DocProblem['kind']> = new Set(['csv-header', 'unmapped-table', 'no-task-table']);

/**
 * Findings for model problems of the given kinds: those of judged tasks, and those
 * tied to no task when their file changed (or always, in `all` mode).
 */
export function problemFindings(context: RuleContext<unknown>, kinds: readonly DocProblem['kind'][]): RuleFinding[] {
  const changed = new Set(context.changes.files.map((file) => file.path));
  return context.head.problems
    .filter((problem) => kinds.includes(problem.kind))
    .filter((problem) => {
      const fileJudged = context.mode === 'all' || changed.has(problem.file);
      if (problem.taskId === null) return fileJudged || (problem.unreadTasks ?? []).some((id) => context.tasks.has(id));
      // A broken record's task is kept but its edits cannot be read, so the task may look untouched.
      return context.tasks.has(problem.taskId) || (problem.kind === 'csv-syntax' && fileJudged);
    })
    .map((problem) => ({
      taskId: problem.taskId,
      file: problem.file,
      line: problem.line,
      message: problem.message,
      key: `${problem.file}:${problem.key}`,
      ...(BLINDING.has(problem.kind) && !problem.failsOnlyWhenNew ? { introduced: true } : {}),
    }));
}
