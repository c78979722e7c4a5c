/**
 * What every task-source reader returns: the tasks it recognised and the problems it met.
 * A reader never drops what it could not read: anything it skipped is a problem with the
 * file and 1-based line, so the model can say "not understood" instead of "consistent".
 */

/** One task as a source states it. `status` is the status as written; its meaning is the preset's vocabulary. */
export interface SourceTask {
  id: string;
  title: string;
  /** As written: a checkbox marker such as `[ ]`, `[x]`, `[-]`, or a status word such as `In Progress`. */
  status: string;
  /** The ID of the task this one belongs to (nesting, dotted ID, `parent_task_id`, the epic of a story). */
  parent?: string;
  /** Marked optional by its source (Kiro `[ ]*`, a BMAD retrospective): not required for its parent to be done. */
  optional?: boolean;
  /** The closest heading above the task, for sources grouped in sections (spec-kit phases). */
  section?: string;
  /** Bracketed tags after the ID, such as spec-kit `[P]` and `[US1]`, without brackets. */
  tags?: string[];
  file: string;
  /** 1-based line where the task is stated. */
  line: number;
}

export interface SourceProblem {
  file: string;
  /** 1-based line the problem is about. */
  line: number;
  /** A sentence saying what is wrong and what to do about it. */
  message: string;
}

export interface SourceRead<Task extends SourceTask = SourceTask> {
  tasks: Task[];
  problems: SourceProblem[];
}
