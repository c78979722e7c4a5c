import type { RuleContext } from '../../core/rule.js';
import type { DocModel } from '../../model/model.js';
import type { Task, TaskSource } from '../../model/tasks.js';
import { firstStatements, judged, parentKeyOf, relationsOf } from './relations.js';

/** A parent task with its required (non-optional) children, one statement per key. */
export interface Family {
  source: TaskSource;
  parent: Task;
  required: Task[];
}

/**
 * The families of every `rollup` relation over `children` in a model that `include` accepts
 * (given the parent's key and its children's). Children with an unknown status are left out
 * (they are task-status-unknown's findings), and so is a parent whose status is unknown.
 */
function familiesOf(model: DocModel, include: (parentKey: string, children: readonly Task[]) => boolean): Family[] {
  const families: Family[] = [];
  for (const relation of relationsOf(model, 'rollup')) {
    if (relation.over !== 'children') continue;
    const source = model.graph.sources.get(relation.source);
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
      if (!parent || parent.category === 'unknown' || !include(parentKey, kids)) continue;
      families.push({ source, parent, required: kids.filter((kid) => !kid.optional && kid.category !== 'unknown') });
    }
  }
  return families;
}

/** The families the rule judges at head: the parent or one of its children is a judged task. */
export function judgedFamilies(context: RuleContext<unknown>): Family[] {
  return familiesOf(context.head, (parentKey, kids) => judged(context, parentKey) || kids.some((kid) => judged(context, kid.key)));
}

/**
 * Whether the base had the same problem with this parent. The engine's re-run at base judges the
 * keys the change touched, and a child the change added is not there to make the family judged,
 * so the rollup rules decide "introduced" themselves, as duplicate-id does.
 */
export function hadAtBase(context: RuleContext<unknown>, family: Family, problem: (family: Family) => boolean): boolean {
  if (context.mode === 'all') return false;
  return familiesOf(context.base, (parentKey) => parentKey === family.parent.key).some(
    (before) => before.source.name === family.source.name && problem(before),
  );
}
