import { problemFindings, quoteList, type ProblemSentence } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

const TABLE_KINDS = ['unmapped-table', 'no-task-table'] as const;

/** Which columns (or tables) doc-sync looked for and did not find, and the config key to set. */
export const tableSentence: ProblemSentence<(typeof TABLE_KINDS)[number]> = (problem, settings) => {
  const { columns } = settings.config;
  const { file, line } = problem;
  if (problem.kind === 'unmapped-table') {
    const missing = problem.missing.map((entry) => entry.column);
    const advice = problem.missing.map(({ column, likely }) => `columns.${column}: ["${likely ?? `<the header of your ${column} column>`}"]`);
    const looked = missing.map((column) => `${column} as ${quoteList(columns[column])}`).join('; ');
    return `the task table at line ${line} has an ID column but no ${missing.join(' and no ')} column (its header is ${quoteList(problem.header)}; doc-sync looked for ${looked}), so its rows cannot be compared; set ${advice.join(' and ')} in ${settings.configFile}`;
  }
  const unrecognised = `doc-sync recognised no task table in ${file}`;
  switch (problem.cause) {
    case 'no-id-column': {
      const headers = problem.headers.map((header) => `line ${header.line}: ${quoteList(header.cells)}`);
      const tables = problem.tables === 1 ? 'table' : `${problem.tables} tables`;
      return `${unrecognised}: none of its ${tables} (${headers.join('; ')}) has an ID column (looked for ${quoteList(columns.id)}); set columns.id: ["<your ID header>"] in ${settings.configFile}`;
    }
    case 'no-table':
      return `${unrecognised}: it has no Markdown table, so no task on the board is read; restore the board's table (a header with an ID column such as "${columns.id[0]}" and a status column such as "${columns.status[0]}", one row per task), or set paths.board in ${settings.configFile} if the board moved`;
    case 'list-items': {
      const ids = problem.unreadTasks;
      const tasks = ids.length === 1 ? 'task its list items name' : `${ids.length} tasks its list items name`;
      return `${unrecognised}: it has no Markdown table, so the ${tasks} (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}) ${ids.length === 1 ? 'is' : 'are'} not read; doc-sync reads tasks only from table rows: write them as a table with an ID and a status column (for example | ${columns.id[0]} | ${columns.title[0]} | ${columns.status[0]} |) under an active heading`;
    }
  }
};

export default defineRule({
  id: 'table-unmapped',
  description:
    'A task table (board, CSV, plan) has an ID column but no status or title column doc-sync recognises, or a planning document has tables but none with an ID column, or lists tasks with no table.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, TABLE_KINDS, tableSentence),
});
