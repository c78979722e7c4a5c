import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { firstStatements, judged, nameOf, placeOf, relationsOf } from './graph/relations.js';

export default defineRule({
  id: 'done-with-open-criteria',
  description: 'A task is done while some of its checkbox criteria (Backlog.md acceptance criteria or Definition of Done, a BMAD story\'s tasks) are unticked.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check(context) {
    const { head } = context;
    const findings: RuleFinding[] = [];
    for (const relation of relationsOf(head, 'rollup')) {
      if (relation.over !== 'criteria') continue;
      const source = head.graph.sources.get(relation.source);
      if (!source) continue;
      for (const task of firstStatements(source)) {
        if (task.category !== 'done' || !judged(context, task.key)) continue;
        const open = (task.criteria ?? []).filter(({ count }) => count.checked < count.total);
        if (open.length === 0) continue;
        const what = open.map(({ name, count }) => `${name}: ${count.total - count.checked} of ${count.total} open`).join('; ');
        findings.push({
          taskId: task.key,
          file: task.file,
          line: task.line,
          message: `${nameOf(source, task)} is "${task.status}" (${placeOf(task)}) but has unticked checkboxes in ${task.file} (${what}); tick what was done, and move the task back to an open status if something was not`,
          key: `${source.name}:${task.key}:open-criteria`,
        });
      }
    }
    return findings;
  },
});
