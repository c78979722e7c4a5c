import type { Fix } from '../../core/finding.js';
import type { DocModel } from '../../model/model.js';
import type { Task, TaskSource } from '../../model/tasks.js';
import { renderBoardTable, type BoardTask } from '../../sources/board-render.js';
import { placeOf } from './relations.js';

/** The exported board written again from the task files, or why that would copy from a damaged source. */
export type BoardRepair = { fix: Fix } | { refused: string };

/** Backlog.md exports the tasks of `backlog/tasks/`; `backlog cleanup` moves done ones to `completed/`, off the board. */
const COMPLETED_FOLDER = /(?:^|\/)completed\//;

/** Why the task files cannot be trusted to write the board from, or undefined when they can. */
function damaged(tasks: TaskSource, board: TaskSource): string | undefined {
  const [problem] = tasks.problems;
  if (problem) return `${placeOf(problem)} cannot be read (task-source-unreadable says why), and a board written without it would be wrong`;
  const unknown = tasks.tasks.find((task) => task.category === 'unknown');
  if (unknown) return `${unknown.id} has the status "${unknown.status}" (${placeOf(unknown)}), which is not one of the board's statuses`;
  const byId = new Map<string, Task[]>();
  for (const task of tasks.tasks) byId.set(task.id.toLowerCase(), [...(byId.get(task.id.toLowerCase()) ?? []), task]);
  const duplicate = [...byId.values()].find((statements) => statements.length > 1);
  if (duplicate) return `${duplicate[0]!.id} is the ID of ${duplicate.length} task files (${duplicate.map(placeOf).join(', ')}), so the board cannot tell them apart`;
  // Backlog.md also exports tasks it finds on other branches: a card without a file here is not ours to drop.
  const orphan = board.tasks.find((card) => !byId.has(card.id.toLowerCase()));
  if (orphan) return `the board shows ${orphan.id} (${placeOf(orphan)}), which has no task file here (another branch's task, or a deleted file)`;
  return undefined;
}

const boardTask = (task: Task): BoardTask => ({
  id: task.id,
  title: task.title,
  status: task.status,
  ...(task.parent ? { parent: task.parent } : {}),
  assignees: task.card?.assignees ?? [],
  labels: task.card?.labels ?? [],
  ...(task.card?.createdDate ? { createdDate: task.card.createdDate } : {}),
  ...(task.card?.updatedDate ? { updatedDate: task.card.updatedDate } : {}),
});

/** The board table Backlog.md would export from these task files (those not in `completed/`), line by line. */
export function exportedTable(tasks: TaskSource, statuses: readonly string[]): string[] | null {
  return renderBoardTable(tasks.tasks.filter((task) => !COMPLETED_FOLDER.test(task.file)).map(boardTask), statuses);
}

/**
 * The fix for an exported board that disagrees with the task files: its table (header to last
 * row, between `<!-- BOARD_START -->` and `<!-- BOARD_END -->`) replaced by the table
 * `backlog board export --readme` would write from the task files at head; the heading, the
 * `Generated on:` line and the rest of the README stay as they are. Refused, with the reason,
 * when the task side is damaged (an unreadable file, an unknown status, a duplicate ID) or the
 * board holds what the files cannot account for.
 */
export function boardRepair(head: DocModel, tasks: TaskSource, board: TaskSource): BoardRepair {
  const regions = board.generated ?? [];
  if (regions.length !== 1) return { refused: `the README holds ${regions.length} board tables between its markers, so which one to write is unclear` };
  const [region] = regions;
  const reason = damaged(tasks, board);
  if (reason) return { refused: reason };
  const statuses = head.graph.statusOrder;
  if (!statuses) return { refused: 'there is no backlog/config.yml to take the columns from' };
  const table = exportedTable(tasks, statuses);
  if (table === null || table.length <= 2) return { refused: 'no task would be on the board' };
  const readme = head.texts.get(region!.file);
  if (readme === undefined) return { refused: `${region!.file} was not read` };
  const expected = readme.split('\n').slice(region!.line - 1, region!.endLine).map((line) => line.replace(/\r$/, ''));
  if (expected.join('\n') === table.join('\n')) return { refused: 'the board already reads as the task files would export it' };
  return {
    fix: {
      file: region!.file,
      kind: 'replace',
      line: region!.line,
      expected: expected.join('\n'),
      text: table.join('\n'),
      description: `export the board in ${region!.file} again from the task files, as \`backlog board export --readme\` writes it`,
    },
  };
}
