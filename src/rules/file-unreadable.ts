import { problemFindings } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'file-unreadable',
  description: 'A planning document is binary or too large to check.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['unreadable']),
});
