import type { StatusCategory } from '../config/schema.js';
import type { Fix, RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import type { Task, TaskSource } from '../model/tasks.js';
import { boardRepair, type BoardRepair } from './graph/board-fix.js';
import { judged, keyIn, nameOf, placeOf, relationsOf, statementOf, statusFix, statusShape } from './graph/relations.js';

/**
 * BMAD's story order. Its workflow writes the ledger after the story and never moves a story
 * back (`sync-sprint-status.md`), so the side that is behind takes the later status.
 */
const STORY_ORDER: readonly StatusCategory[] = ['backlog', 'ready', 'in-progress', 'ready-for-review', 'done'];

/** A BMAD ledger mirrored by its story files: the one mirror whose repair is mechanical. */
function neverRegresses(left: TaskSource, right: TaskSource): boolean {
  const kinds = new Set([left.kind, right.kind]);
  return kinds.has('ledger') && kinds.has('story-files');
}

interface Side {
  source: TaskSource;
  task: Task;
  /** The change moved this side's status (or added the task here). */
  moved: boolean;
}

export default defineRule({
  id: 'mirror-status-mismatch',
  description: 'Two sources that mirror each other (a BMAD story and the ledger, Backlog.md task files and the README board) give a task different statuses.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { base, head } = context;
    const findings: RuleFinding[] = [];
    for (const relation of relationsOf(head, 'mirror')) {
      const left = head.graph.sources.get(relation.left);
      const right = head.graph.sources.get(relation.right);
      if (!left || !right) continue;
      // One export for the whole board, computed when a card first disagrees.
      let repair: BoardRepair | undefined;
      const boardFix = (tasks: TaskSource, board: TaskSource): BoardRepair => (repair ??= boardRepair(head, tasks, board));
      const side = (source: TaskSource, key: string | undefined): Side | undefined => {
        const task = key === undefined ? undefined : statementOf(source, key);
        if (!task) return undefined;
        const before = statementOf(base.graph.sources.get(source.name), task.key);
        return { source, task, moved: before?.category !== task.category };
      };
      for (const key of left.byKey.keys()) {
        const rightKey = keyIn(right, key);
        if (!judged(context, key) && !judged(context, rightKey ?? key)) continue;
        const l = side(left, key);
        const r = side(right, rightKey);
        // An unknown word is task-status-unknown's finding; a task on one side only is membership's.
        if (!l || !r || l.task.category === 'unknown' || r.task.category === 'unknown' || l.task.category === r.task.category) continue;

        // A generated board is never the place to edit: the finding is there, saying to export it again.
        const generated = [l, r].find((candidate) => candidate.source.kind === 'board-export');
        let target: Side = generated ?? (l.moved && !r.moved ? r : l);
        let advice = 'make them agree';
        let fix: Fix | undefined;
        if (neverRegresses(left, right)) {
          const order = (s: Side) => STORY_ORDER.indexOf(s.task.category as StatusCategory);
          if (order(l) !== -1 && order(r) !== -1) {
            const [behind, ahead] = order(l) < order(r) ? [l, r] : [r, l];
            target = behind;
            advice = `BMAD never moves a story back, so set it to "${ahead.task.status}" in ${behind.task.file}`;
            fix = statusFix(head, behind.task, ahead.task.status, statusShape(behind.source), `set ${key} to ${ahead.task.status} in ${behind.task.file}, as ${ahead.task.file} says`);
          }
        } else if (target.source.kind === 'board-export') {
          const tasks = target === l ? right : left;
          const exported = boardFix(tasks, target.source);
          if ('fix' in exported) {
            advice = 'the board is generated from the task files: the fix exports it again as `backlog board export --readme` does (if the board was right, fix the status in the task file instead)';
            fix = exported.fix;
          } else {
            advice = `the board is generated from the task files: run \`backlog board export --readme\` (after fixing the status in the task file, if the board was right); no fix here, because ${exported.refused}`;
          }
        }
        findings.push({
          taskId: key,
          file: target.task.file,
          line: target.task.line,
          message: `${nameOf(left, l.task)} is "${l.task.status}" in ${relation.left} (${placeOf(l.task)}) but "${r.task.status}" in ${relation.right} (${placeOf(r.task)}); ${advice}`,
          // Same task, same disagreement: only then is it the drift that was already there.
          key: `${relation.left}/${relation.right}:${key}:${l.task.category}/${r.task.category}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return findings;
  },
});
