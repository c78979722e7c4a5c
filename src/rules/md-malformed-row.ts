import { problemFindings } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'md-malformed-row',
  description: 'A Markdown board or backlog row has fewer cells than its table header (or more, split by a `|` in a code span), or an ID cell that is not exactly a task ID.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['md-row']),
});
