import { problemFindings } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'plan-section-unknown',
  description: 'A plan task table sits under a heading that is neither an active nor a delivered section.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['plan-section']),
});
