import type { ColumnName } from '../config/schema.js';
import { taskTables, type DocModel, type SourceKind, type TaskRow, type TaskTable } from '../model/model.js';
import { isTableSourceKind, type Task, type TaskGraph } from '../model/tasks.js';

export type FileStatus = 'added' | 'modified' | 'deleted';

export interface FileChange {
  path: string;
  status: FileStatus;
}

/** How one row of a task changed between base and head. */
export interface RowChange {
  source: SourceKind;
  file: string;
  /** Line at head (at base for a removed row). */
  line: number;
  kind: 'added' | 'removed' | 'modified';
  /** A status cell changed, or the row is new. */
  statusChanged: boolean;
  statusBefore: string | null;
  statusAfter: string | null;
  /** Columns whose text changed (modified rows only). */
  changedFields: ColumnName[];
  before: TaskRow | null;
  after: TaskRow | null;
}

/** How one statement of a graph task (a preset source other than the StateTrace tables) changed. */
export interface TaskChange {
  /** The source's name, as the preset names it. */
  source: string;
  file: string;
  /** Line at head (at base for a removed task). */
  line: number;
  kind: 'added' | 'removed' | 'modified';
  statusBefore: string | null;
  statusAfter: string | null;
  /** The status's category moved (or the task is new). */
  categoryChanged: boolean;
  /** A checkbox count of the task's criteria moved. */
  criteriaChanged: boolean;
  before: Task | null;
  after: Task | null;
}

/** What a change did to the planning documents. */
export interface ChangeSet {
  files: FileChange[];
  /** Touched tasks: ID → row changes, in document order. */
  tasks: Map<string, RowChange[]>;
  /**
   * Touched graph tasks of a preset's sources (not the StateTrace tables, which `tasks` holds):
   * task key → changes. A task is touched when it is added or removed, or its status category
   * or a criteria count moved; rewording it is no change to judge.
   */
  graphTasks: Map<string, TaskChange[]>;
}

/** An empty change (an audit has none). */
export function noChanges(): ChangeSet {
  return { files: [], tasks: new Map(), graphTasks: new Map() };
}

/** Tracked files whose blob differs between two revisions. */
export function diffFiles(base: Map<string, string>, head: Map<string, string>): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, oid] of head) {
    const before = base.get(path);
    if (before === undefined) changes.push({ path, status: 'added' });
    else if (before !== oid) changes.push({ path, status: 'modified' });
  }
  for (const path of base.keys()) if (!head.has(path)) changes.push({ path, status: 'deleted' });
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

const statusKey = (row: TaskRow | null): string => (row?.status?.text ?? row?.fields.status ?? '').replace(/\s+/g, ' ').trim();

function changedFields(before: TaskRow, after: TaskRow): ColumnName[] {
  const names = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)] as ColumnName[]);
  return [...names].filter((name) => (before.fields[name] ?? '') !== (after.fields[name] ?? ''));
}

/**
 * Pairs the rows of one ID at base and head. Identical rows cancel out, so moving or
 * re-padding a row is no change; what remains pairs up in order as modifications.
 */
function diffRows(baseRows: TaskRow[], headRows: TaskRow[]): RowChange[] {
  const remainingBase = [...baseRows];
  const unmatchedHead: TaskRow[] = [];
  // An unparsed row (a record csv-parse rejected, read leniently) says nothing reliable about
  // an edit: it stands for the task's row at base, so its syntax finding is the only one.
  const readable: TaskRow[] = [];
  for (const row of headRows) {
    if (row.damage !== 'unparsed' || remainingBase.length === 0) readable.push(row);
    else remainingBase.splice(Math.max(0, remainingBase.findIndex((candidate) => candidate.line === row.line)), 1);
  }
  for (const row of readable) {
    const same = remainingBase.findIndex((candidate) => candidate.content === row.content);
    if (same === -1) unmatchedHead.push(row);
    else remainingBase.splice(same, 1);
  }
  const changes: RowChange[] = [];
  const pairs = Math.min(remainingBase.length, unmatchedHead.length);
  for (let i = 0; i < pairs; i++) {
    const before = remainingBase[i]!;
    const after = unmatchedHead[i]!;
    const statusChanged = statusKey(before) !== statusKey(after);
    changes.push({
      source: after.source,
      file: after.file,
      line: after.line,
      kind: 'modified',
      statusChanged,
      statusBefore: statusKey(before) || null,
      statusAfter: statusKey(after) || null,
      changedFields: changedFields(before, after),
      before,
      after,
    });
  }
  for (const after of unmatchedHead.slice(pairs)) {
    changes.push({
      source: after.source,
      file: after.file,
      line: after.line,
      kind: 'added',
      statusChanged: true,
      statusBefore: null,
      statusAfter: statusKey(after) || null,
      changedFields: [],
      before: null,
      after,
    });
  }
  for (const before of remainingBase.slice(pairs)) {
    changes.push({
      source: before.source,
      file: before.file,
      line: before.line,
      kind: 'removed',
      statusChanged: false,
      statusBefore: statusKey(before) || null,
      statusAfter: null,
      changedFields: [],
      before,
      after: null,
    });
  }
  return changes;
}

function diffTable(base: TaskTable | null | undefined, head: TaskTable | null | undefined, into: Map<string, RowChange[]>): void {
  const ids = new Set([...(base?.byId.keys() ?? []), ...(head?.byId.keys() ?? [])]);
  for (const id of ids) {
    const changes = diffRows(base?.byId.get(id) ?? [], head?.byId.get(id) ?? []);
    if (changes.length === 0) continue;
    const list = into.get(id);
    if (list) list.push(...changes);
    else into.set(id, changes);
  }
}

/** Diffs two models: which files changed and which tasks' rows changed. */
export function diffModels(base: DocModel, head: DocModel): ChangeSet {
  const files = diffFiles(base.files, head.files);
  const changed = new Set(files.map((file) => file.path));
  const tasks = new Map<string, RowChange[]>();
  // Pair tables by file; an unchanged blob parses to the same rows, so only changed files are diffed.
  const baseTables = new Map(taskTables(base).map((table) => [table.file, table]));
  const headTables = new Map(taskTables(head).map((table) => [table.file, table]));
  for (const file of new Set([...baseTables.keys(), ...headTables.keys()])) {
    if (changed.has(file)) diffTable(baseTables.get(file), headTables.get(file), tasks);
  }
  return { files, tasks, graphTasks: diffGraphs(base.graph, head.graph, changed) };
}

const criteriaKey = (task: Task): string => (task.criteria ?? []).map((list) => `${list.count.checked}/${list.count.total}`).join(',');

/**
 * Diffs the tasks of each preset source in the changed files: statements of one key pair up in
 * order; a key only at head is added, only at base removed.
 */
export function diffGraphs(base: TaskGraph, head: TaskGraph, changedFiles: ReadonlySet<string>): Map<string, TaskChange[]> {
  const changes = new Map<string, TaskChange[]>();
  const add = (key: string, change: TaskChange) => {
    const list = changes.get(key);
    if (list) list.push(change);
    else changes.set(key, [change]);
  };
  // The StateTrace tables are diffed row by row above; their graph view stays unbuilt.
  const sourceNames = (graph: TaskGraph) => (graph.fromTables ? [] : [...graph.sources.keys()]);
  for (const name of new Set([...sourceNames(base), ...sourceNames(head)])) {
    const before = base.sources.get(name);
    const after = head.sources.get(name);
    // The StateTrace tables are diffed row by row above.
    if (isTableSourceKind((after ?? before)!.kind)) continue;
    const inChanged = (task: Task) => changedFiles.has(task.file);
    const keys = new Set([...(before?.tasks ?? []), ...(after?.tasks ?? [])].filter(inChanged).map((task) => task.key));
    for (const key of keys) {
      const was = (before?.byKey.get(key) ?? []).filter(inChanged);
      const now = (after?.byKey.get(key) ?? []).filter(inChanged);
      for (let index = 0; index < Math.max(was.length, now.length); index++) {
        const old = was[index] ?? null;
        const task = now[index] ?? null;
        const categoryChanged = old?.category !== task?.category;
        const criteriaChanged = old !== null && task !== null && criteriaKey(old) !== criteriaKey(task);
        if (old && task && !categoryChanged && !criteriaChanged) continue;
        const at = (task ?? old)!;
        add(key, {
          source: name,
          file: at.file,
          line: at.line,
          kind: old === null ? 'added' : task === null ? 'removed' : 'modified',
          statusBefore: old?.status ?? null,
          statusAfter: task?.status ?? null,
          categoryChanged,
          criteriaChanged,
          before: old,
          after: task,
        });
      }
    }
  }
  return changes;
}
