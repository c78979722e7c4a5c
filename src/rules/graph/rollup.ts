import type { RuleContext } from '../../core/rule.js';
import type { Task, TaskSource } from '../../model/tasks.js';
import { firstStatements, judged, parentKeyOf, relationsOf } from './relations.js';

/** A parent task with its required (non-optional) children, one statement per key. */
export interface Family {
  source: TaskSource;
  parent: Task;
  required: Task[];
}

/**
 * The families of every `rollup` relation over `children` that the rule judges: the parent or
 * one of its children is a judged task. Children with an unknown status are left out (they are
 * task-status-unknown's findings), and so is a parent whose status is unknown.
 */
export function judgedFamilies(context: RuleContext<unknown>): Family[] {
  const families: Family[] = [];
  for (const relation of relationsOf(context.head, 'rollup')) {
    if (relation.over !== 'children') continue;
    const source = context.head.graph.sources.get(relation.source);
    if (!source) continue;
    const children = new Map<string, Task[]>();
    for (const task of firstStatements(source)) {
      const parentKey = parentKeyOf(source, task);
      if (parentKey === undefined) continue;
      const list = children.get(parentKey);
      if (list) list.push(task);
      else children.set(parentKey, [task]);
    }
    for (const [parentKey, kids] of children) {
      const parent = source.byKey.get(parentKey)?.[0];
      if (!parent || parent.category === 'unknown') continue;
      if (!judged(context, parentKey) && !kids.some((kid) => judged(context, kid.key))) continue;
      const required = kids.filter((kid) => !kid.optional && kid.category !== 'unknown');
      families.push({ source, parent, required });
    }
  }
  return families;
}
