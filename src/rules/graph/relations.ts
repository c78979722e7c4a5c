import type { Fix } from '../../core/finding.js';
import type { RuleContext } from '../../core/rule.js';
import type { DocModel } from '../../model/model.js';
import { splitLines } from '../../parse/text.js';
import { taskKey, type Relation, type Task, type TaskSource } from '../../model/tasks.js';

/**
 * What the relation rules share: which sources a relation names, the statement of a task that
 * counts, places for messages, and the one-line status edits their fixes make. Rules judge
 * `head.graph`; the engine re-runs them at base to tell introduced findings from old ones.
 */

/** The relations of one kind in the graph the rule judges, with their sources (a relation whose source is absent is skipped). */
export function relationsOf<Kind extends Relation['kind']>(model: DocModel, kind: Kind): Extract<Relation, { kind: Kind }>[] {
  return model.graph.relations.filter((relation): relation is Extract<Relation, { kind: Kind }> => relation.kind === kind);
}

/** The statement that gives a task's status: the first one (task-id-duplicate reports the others). */
export function statementOf(source: TaskSource | undefined, key: string): Task | undefined {
  return source?.byKey.get(key)?.[0];
}

/** Each key of a source once, with its first statement, in file then line order. */
export function firstStatements(source: TaskSource): Task[] {
  return [...source.byKey.values()].map((statements) => statements[0]!);
}

/** Per source, its keys by their lower case (the last key wins when two differ only in case). */
const keysByLowerCase = new WeakMap<TaskSource, Map<string, string>>();

/**
 * The key under which `source` has the task `key` names, whatever the case, or undefined:
 * Backlog.md exports `TASK-7` for a file whose id is `task-7`, and that is one task. The one
 * place a relation between two sources matches IDs; within a source keys stay exact, so
 * task-id-duplicate and the graph diff see `TASK-7` and `task-7` in one source as two.
 */
export function keyIn(source: TaskSource, key: string): string | undefined {
  let keys = keysByLowerCase.get(source);
  if (!keys) {
    keys = new Map([...source.byKey.keys()].map((own) => [own.toLowerCase(), own]));
    keysByLowerCase.set(source, keys);
  }
  return keys.get(key.toLowerCase());
}

/** `file:line`, how messages name a place. */
export function placeOf(task: Pick<Task, 'file' | 'line'>): string {
  return `${task.file}:${task.line}`;
}

/** The task as messages name it: its ID, and its file when IDs are per file (two specs both have a task 1.1). */
export function nameOf(source: TaskSource, task: Task): string {
  return source.scope === 'file' ? `task ${task.id} of ${task.file}` : task.id;
}

/** Whether the rule judges this task: a touched key in a change, every key in `--all`. */
export function judged(context: RuleContext<unknown>, key: string): boolean {
  return context.tasks.has(key);
}

/** The key of a task's parent, in the scope of its source. */
export function parentKeyOf(source: TaskSource, task: Task): string | undefined {
  return task.parent === undefined ? undefined : taskKey(source.scope, task.file, task.parent);
}

/** The text of a 1-based line of a file at head, without its line ending; undefined when the file was not read. */
export function lineText(model: DocModel, file: string, line: number): string | undefined {
  const text = model.texts.get(file);
  if (text === undefined) return undefined;
  return splitLines(text)[line - 1]?.text;
}

const WORD_CHAR = /[\p{L}\p{N}_-]/u;

/**
 * The line with the status as written replaced, or null when the line does not hold it exactly
 * once where a status stands: after the first colon (`key: review`, `Status: review`,
 * `**Status:** review`) for `field` lines, as the item's box for `box` lines (`- [ ] 2. Title`).
 */
export function withStatus(line: string, from: string, to: string, shape: 'field' | 'box'): string | null {
  if (shape === 'box') {
    const at = line.indexOf(from);
    if (at === -1 || !/^\s*(?:[-*+]|\d+[.)])\s+$/.test(line.slice(0, at))) return null;
    return line.slice(0, at) + to + line.slice(at + from.length);
  }
  const colon = line.indexOf(':');
  if (colon === -1) return null;
  const value = line.slice(colon + 1);
  const occurrences: number[] = [];
  for (let at = value.indexOf(from); at !== -1; at = value.indexOf(from, at + 1)) {
    const before = value.charAt(at - 1);
    const after = value.charAt(at + from.length);
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) occurrences.push(at);
  }
  if (occurrences.length !== 1) return null;
  const start = colon + 1 + occurrences[0]!;
  return line.slice(0, start) + to + line.slice(start + from.length);
}

/** A one-line `replace` fix setting a task's status as written to `to`, or undefined when its line does not read as expected. */
export function statusFix(model: DocModel, task: Task, to: string, shape: 'field' | 'box', description: string): Fix | undefined {
  const expected = lineText(model, task.file, task.line);
  if (expected === undefined) return undefined;
  const text = withStatus(expected, task.status, to, shape);
  if (text === null || text === expected) return undefined;
  return { file: task.file, kind: 'replace', line: task.line, expected, text, description };
}

/** How a source's status edits look: checklists carry a box, the other sources a `key: value` field. */
export function statusShape(source: TaskSource): 'field' | 'box' {
  return source.kind === 'checklist' ? 'box' : 'field';
}

/** `1 file` / `2 files`. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
