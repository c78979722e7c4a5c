import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { hadAtBase, judgedFamilies, type Family } from './graph/rollup.js';
import { nameOf, placeOf, plural } from './graph/relations.js';

/** Done, with a required child that is not. */
function hasOpenChildren({ parent, required }: Family): boolean {
  return parent.category === 'done' && required.some((child) => child.category !== 'done');
}

export default defineRule({
  id: 'rollup-parent-open-children',
  description: 'A parent task is done while one of its required sub-tasks (a Kiro sub-task, a BMAD epic\'s story) is not.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const findings: RuleFinding[] = [];
    for (const family of judgedFamilies(context)) {
      if (!hasOpenChildren(family)) continue;
      const { source, parent, required } = family;
      const open = required.filter((child) => child.category !== 'done');
      const listed = open.map((child) => `${child.id} "${child.status}" (line ${child.line}${child.file === parent.file ? '' : ` of ${child.file}`})`).join(', ');
      findings.push({
        taskId: parent.key,
        file: parent.file,
        line: parent.line,
        message: `${nameOf(source, parent)} is "${parent.status}" (${placeOf(parent)}) but ${plural(open.length, 'required sub-task is', 'required sub-tasks are')} not done: ${listed}; finish ${open.length === 1 ? 'it' : 'them'} or set ${parent.id} back to an open status (mark a sub-task optional if it need not block ${parent.id})`,
        key: `${source.name}:${parent.key}:open-children`,
        introduced: !hadAtBase(context, family, hasOpenChildren),
      });
    }
    return findings;
  },
});
