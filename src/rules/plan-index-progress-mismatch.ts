import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'plan-index-progress-mismatch',
  description: "The plan index's (k/n Done) for a plan differs from the plan's own Active-work count.",
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check({ head, changes, mode }) {
    const index = head.planIndex;
    if (!index) return [];
    const changed = new Set(changes.files.map((file) => file.path));
    const indexChanged = changed.has(index.file);
    const findings = [];
    for (const entry of index.entries) {
      if (!entry.progress) continue;
      for (const target of entry.targets) {
        const plan = head.plans.get(target);
        if (!plan?.activeProgress) continue;
        if (mode === 'change' && !changed.has(target) && !indexChanged) continue;
        const { done, total } = plan.activeProgress;
        if (done === entry.progress.done && total === entry.progress.total) continue;
        findings.push({
          taskId: null,
          file: index.file,
          line: entry.line,
          message: `${index.file} says ${target} is (${entry.progress.done}/${entry.progress.total} Done) but its Active work table has ${done} of ${total} done; update the index line`,
          key: `${target}:${done}/${total}:${entry.progress.done}/${entry.progress.total}`,
        });
      }
    }
    return findings;
  },
});
