import type { Relation, StatusCategory, TaskSourceKind } from '../presets/types.js';
import type { CheckCount } from '../sources/markdown-outline.js';
import type { TaskCard } from '../sources/task-card.js';
import type { SourceProblem, SourceTask } from '../sources/types.js';

// The kinds of source and relation are what presets declare; they live with the presets.
export type { Relation, TaskSourceKind } from '../presets/types.js';

/**
 * The generalised task model (issue 12): every planning format is a set of task *sources*
 * (a Markdown table, a CSV, a checklist, one file per task, a ledger, an exported board),
 * each stating tasks with an ID, title, status, parent, file and line, and declared
 * *relations* between sources that the rules judge. A preset names the sources and
 * relations; the StateTrace layout is the default preset in the same terms.
 */

/** Checkbox criteria a task carries: Backlog.md acceptance criteria and Definition of Done, a BMAD story's tasks. */
export interface TaskCriteria {
  /** What the list is, for messages: `acceptance criteria`, `Definition of Done`, `tasks`. */
  name: string;
  count: CheckCount;
}

/** One task as the model holds it: what its source states, and what the status means in the preset's vocabulary. */
export interface Task extends SourceTask {
  /**
   * The task's identity across sources and revisions: the ID, or `file#ID` in a source whose IDs
   * are per file (two Kiro specs both have a task `1.1`). Diffs, relations and `RuleContext.tasks` use it.
   */
  key: string;
  /** The name of the source (as the preset or config names it) that states the task. */
  source: string;
  /** The status's category; `unknown` when the word is not in the preset's vocabulary. */
  category: StatusCategory | 'unknown';
  /** The ID a one-task-per-file source reads from the file name, to compare with the stated ID. */
  fileId?: string;
  /** Checkbox lists the task carries, judged by rollup relations over `criteria`. */
  criteria?: TaskCriteria[];
  /** Ledger entries: what the key names (`epic`, `story`, `retrospective`). */
  entry?: string;
  /** Backlog.md task files: assignees, labels and dates, what the exported board shows and sorts by. */
  card?: TaskCard;
}

/** One source as read at one revision. */
export interface TaskSource {
  name: string;
  kind: TaskSourceKind;
  /** `file`: IDs are unique only within one file (checklists), so task keys are `file#ID`; `repository`: one ID space. */
  scope: 'file' | 'repository';
  /** The files read for this source, repository-relative, in path order. */
  files: string[];
  /** Every task stated, in file then line order; a duplicated ID appears once per statement. */
  tasks: Task[];
  /** Tasks by `key`. */
  byKey: Map<string, Task[]>;
  /** What a reader could not read: each one becomes a finding, never a skip. */
  problems: SourceProblem[];
  /** Generated sources (the Backlog.md README board): the lines of each file the generator writes, for the fix that writes them again. */
  generated?: GeneratedRegion[];
}

/** Lines of a file that a tool generates (the board table between the README markers), 1-based and inclusive. */
export interface GeneratedRegion {
  file: string;
  line: number;
  endLine: number;
}

/** The sources and relations at one revision. */
export interface TaskGraph {
  sources: ReadonlyMap<string, TaskSource>;
  relations: readonly Relation[];
  /** The statuses the repository's status file lists, in its order (Backlog.md `backlog/config.yml`: the board's columns). */
  statusOrder?: readonly string[];
  /**
   * The sources are a view of the table model (StateTrace), built on first use: the table
   * diff and rules already cover them, so graph diffs and key lists skip them unbuilt.
   */
  fromTables?: true;
}

export function emptyTaskGraph(relations: readonly Relation[] = []): TaskGraph {
  return { sources: new Map(), relations };
}

/** A task's key in a source of the given scope. */
export function taskKey(scope: TaskSource['scope'], file: string, id: string): string {
  return scope === 'file' ? `${file}#${id}` : id;
}

/** Indexes a source's tasks by key, keeping every statement of a duplicated ID. */
export function indexTasks(tasks: readonly Task[]): Map<string, Task[]> {
  const byKey = new Map<string, Task[]>();
  for (const task of tasks) {
    const list = byKey.get(task.key);
    if (list) list.push(task);
    else byKey.set(task.key, [task]);
  }
  return byKey;
}

/** Kinds that are the StateTrace tables: the table model reads and diffs them row by row; the graph mirrors them. */
export function isTableSourceKind(kind: TaskSourceKind): boolean {
  return kind === 'table' || kind === 'csv' || kind === 'plan-index' || kind === 'session-logs';
}
