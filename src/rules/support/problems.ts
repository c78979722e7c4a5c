import type { Settings } from '../../config/settings.js';
import type { RuleFinding } from '../../core/finding.js';
import type { DocProblem, ProblemOf } from '../../model/model.js';
import type { RuleContext } from '../../core/rule.js';

/** The sentence a rule writes for one of its problems; the doctor lists the same sentence. */
export type ProblemSentence<K extends DocProblem['kind']> = (problem: ProblemOf<K>, settings: Settings) => string;

/** `"a", "b"`: how a sentence quotes header cells and config words. */
export const quoteList = (values: readonly string[]): string => values.map((value) => `"${value}"`).join(', ');

/**
 * Problems that leave a changed document unjudged (a CSV that cannot be read at all, a
 * task table with no status column): they hide every other finding about it, so they
 * always fail, even when the base had them too.
 */
const BLINDING: ReadonlySet<DocProblem['kind']> = new Set(['csv-header', 'unmapped-table', 'no-task-table']);

/**
 * Findings for model problems of the given kinds, worded by the reporting rule's
 * `sentence`: those of judged tasks, and those tied to no task when their file changed
 * (or always, in `all` mode).
 */
export function problemFindings<K extends DocProblem['kind']>(context: RuleContext<unknown>, kinds: readonly K[], sentence: ProblemSentence<K>): RuleFinding[] {
  const changed = new Set(context.changes.files.map((file) => file.path));
  const ofKinds = (problem: DocProblem): problem is ProblemOf<K> => (kinds as readonly DocProblem['kind'][]).includes(problem.kind);
  return context.head.problems
    .filter(ofKinds)
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
      message: sentence(problem, context.settings),
      key: `${problem.file}:${problem.key}`,
      ...(BLINDING.has(problem.kind) && !problem.failsOnlyWhenNew ? { introduced: true } : {}),
    }));
}
