import { problemFindings } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'md-malformed-row',
  description: 'A Markdown board or backlog row has fewer or more cells than its table header, or an ID cell that is not exactly a task ID.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['md-row']),
});
