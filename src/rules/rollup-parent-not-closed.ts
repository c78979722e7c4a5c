import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { hadAtBase, judgedFamilies, type Family } from './graph/rollup.js';
import { nameOf, placeOf, plural, statusFix, statusShape } from './graph/relations.js';

/** Every required child done (at least one), the parent not. */
function isNotClosed({ parent, required }: Family): boolean {
  return parent.category !== 'done' && required.length > 0 && required.every((child) => child.category === 'done');
}

export default defineRule({
  id: 'rollup-parent-not-closed',
  description: 'Every required sub-task of a parent task is done, but the parent is not.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check(context) {
    const findings: RuleFinding[] = [];
    for (const family of judgedFamilies(context)) {
      if (!isNotClosed(family)) continue;
      const { source, parent, required } = family;
      // The children's own word for done (`[x]`, `[X]`, `done`), so the parent reads like them.
      const doneWord = required[0]!.status;
      const fix = statusFix(context.head, parent, doneWord, statusShape(source), `mark ${parent.id} ${doneWord}: all its required sub-tasks are done`);
      findings.push({
        taskId: parent.key,
        file: parent.file,
        line: parent.line,
        message: `all ${plural(required.length, 'required sub-task')} of ${nameOf(source, parent)} ${required.length === 1 ? 'is' : 'are'} done (${required.map((child) => child.id).join(', ')}) but ${parent.id} is still "${parent.status}" (${placeOf(parent)}); mark it "${doneWord}"`,
        key: `${source.name}:${parent.key}:not-closed`,
        introduced: !hadAtBase(context, family, isNotClosed),
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
});
