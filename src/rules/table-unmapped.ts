import { problemFindings } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

export default defineRule({
  id: 'table-unmapped',
  description:
    'A task table (board, CSV, plan) has an ID column but no status or title column doc-sync recognises, or a planning document has tables but none with an ID column, or lists tasks with no table.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['unmapped-table', 'no-task-table']),
});
