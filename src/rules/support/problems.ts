import type { RuleFinding } from '../../core/finding.js';
import type { DocProblem } from '../../model/model.js';
import type { RuleContext } from '../../core/rule.js';

/**
 * Findings for model problems of the given kinds: those of judged tasks, and those
 * tied to no task when their file changed (or always, in `all` mode).
 */
export function problemFindings(context: RuleContext<unknown>, kinds: readonly DocProblem['kind'][]): RuleFinding[] {
  const changed = new Set(context.changes.files.map((file) => file.path));
  return context.head.problems
    .filter((problem) => kinds.includes(problem.kind))
    .filter((problem) =>
      problem.taskId !== null ? context.tasks.has(problem.taskId) : context.mode === 'all' || changed.has(problem.file),
    )
    .map((problem) => ({
      taskId: problem.taskId,
      file: problem.file,
      line: problem.line,
      message: problem.message,
      key: `${problem.file}:${problem.key}`,
      // A CSV that cannot be read at all hides every other CSV finding: it always fails.
      ...(problem.kind === 'csv-header' ? { introduced: true } : {}),
    }));
}
