import { problemFindings } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'csv-malformed-row',
  description: 'A CSV record cannot be read, has the wrong number of fields, or has a PlanLink that is not a plan path.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['csv-syntax', 'csv-field-count', 'csv-plan-link', 'csv-header']),
});
