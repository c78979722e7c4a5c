import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { judgedFamilies } from './graph/rollup.js';
import { nameOf, placeOf, plural, statusFix, statusShape } from './graph/relations.js';

export default defineRule({
  id: 'rollup-parent-not-closed',
  description: 'Every required sub-task of a parent task is done, but the parent is not.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { source, parent, required } of judgedFamilies(context)) {
      if (parent.category === 'done' || required.length === 0 || required.some((child) => child.category !== 'done')) continue;
      // The children's own word for done (`[x]`, `[X]`, `done`), so the parent reads like them.
      const doneWord = required[0]!.status;
      const fix = statusFix(context.head, parent, doneWord, statusShape(source), `mark ${parent.id} ${doneWord}: all its required sub-tasks are done`);
      findings.push({
        taskId: parent.key,
        file: parent.file,
        line: parent.line,
        message: `all ${plural(required.length, 'required sub-task')} of ${nameOf(source, parent)} ${required.length === 1 ? 'is' : 'are'} done (${required.map((child) => child.id).join(', ')}) but ${parent.id} is still "${parent.status}" (${placeOf(parent)}); mark it "${doneWord}"`,
        key: `${source.name}:${parent.key}:not-closed`,
        ...(fix ? { fix } : {}),
      });
    }
    return findings;
  },
});
