import { posix } from 'node:path';
import { planIndexLineFix } from './support/plan-index-fix.js';
import { withFix } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'plan-index-missing',
  description: 'The change adds a plan file that the plan index does not mention.',
  defaultSeverity: 'warning',
  kind: 'change',
  options: noOptions,
  check({ head, changes, settings }) {
    const index = head.planIndex;
    if (!index) return [];
    const listed = new Set(index.entries.flatMap((entry) => entry.targets));
    return changes.files
      .filter((file) => file.status === 'added' && settings.isPlan(file.path))
      .filter((file) => !listed.has(file.path) && !index.text.includes(posix.basename(file.path)))
      .map((file) => ({
        taskId: null,
        file: index.file,
        line: Math.max(1, (index.entries.at(-1)?.line ?? 0) + 1),
        message: `the new plan ${file.path} is not listed in ${index.file}; add a line linking to it`,
        key: file.path,
        ...withFix(planIndexLineFix(head, settings, file.path)),
      }));
  },
});
