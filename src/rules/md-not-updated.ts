import { checkMirror, mirrorOptions } from './support/mirror.js';
import { defineRule } from '../core/rule.js';

export default defineRule({
  id: 'md-not-updated',
  description: "A task's CSV record changed (or a second one was added) but its Markdown board row did not.",
  defaultSeverity: 'warning',
  kind: 'change',
  options: mirrorOptions,
  check: (context) => checkMirror(context, 'csv'),
});
