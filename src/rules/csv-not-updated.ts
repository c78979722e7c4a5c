import { checkMirror, mirrorOptions } from './support/mirror.js';
import { defineRule } from '../core/rule.js';

export default defineRule({
  id: 'csv-not-updated',
  description: "A task's Markdown board row changed but its CSV record did not.",
  defaultSeverity: 'warning',
  kind: 'change',
  options: mirrorOptions,
  check: (context) => checkMirror(context, 'board'),
});
