import { problemFindings, quoteList, type ProblemSentence } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

const CSV_KINDS = ['csv-syntax', 'csv-field-count', 'csv-plan-link', 'csv-header'] as const;

/** What is wrong with the CSV record (or its header), and what likely caused it. */
export const csvSentence: ProblemSentence<(typeof CSV_KINDS)[number]> = (problem, settings) => {
  switch (problem.kind) {
    case 'csv-syntax': {
      const ids = problem.taskIds;
      if (ids.length === 0) return problem.parserMessage;
      const glued = ids.length > 1 ? `; ${ids.slice(1).join(', ')} starts right after a closing quote, so a line break is missing before it` : '';
      return `the CSV record of ${ids.join(' and ')} cannot be read: ${problem.parserMessage}${glued}`;
    }
    case 'csv-field-count':
      if (problem.cause === 'not-an-id') {
        return `the CSV record at this line has "${problem.idText.slice(0, 40)}" in its ID field, which is not a task ID; its fields may be shifted`;
      }
      return `the CSV record of ${problem.label} has ${problem.fields} fields but the header has ${problem.headerFields}; ${
        problem.fields > problem.headerFields ? 'a line break may be missing (two records glued together) or a comma needs quoting' : 'fields are missing or shifted'
      }`;
    case 'csv-plan-link':
      return `the PlanLink of ${problem.taskId} ("${problem.planLinkText.slice(0, 80)}") is not a plan file; expected a path matching ${settings.config.paths.plans.join(', ')}`;
    case 'csv-header':
      if (problem.cause === 'empty') return `${problem.file} has no header record (it is empty); restore the header and the records`;
      return `the CSV header has no ID column (looked for ${quoteList(settings.config.columns.id)}); fix the header or set columns.id in ${settings.configFile}`;
  }
};

export default defineRule({
  id: 'csv-malformed-row',
  description: 'A CSV record cannot be read, has the wrong number of fields, or has a PlanLink that is not a plan path.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, CSV_KINDS, csvSentence),
});
