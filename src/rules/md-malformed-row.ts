import { problemFindings, type ProblemSentence } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

/** What is wrong with the row's cells, and how to write them. */
export const mdRowSentence: ProblemSentence<'md-row'> = (problem, settings) => {
  switch (problem.cause) {
    case 'cell-count': {
      const cause =
        problem.cells < problem.headerCells
          ? 'a `|` is missing or a cell was split'
          : 'a `|` inside a code span splits the cell (GFM), so the cells after it are shifted; write it `\\|`';
      return `the row of ${problem.taskId} has ${problem.cells} cells but the table header has ${problem.headerCells}; ${cause}`;
    }
    case 'id-and-more':
      return `the ID cell of ${problem.taskId} reads "${problem.cell.slice(0, 60)}"; write the ID alone in the "${problem.column}" column (move the rest to another column), since doc-sync fix does not copy from this row`;
    case 'not-an-id': {
      const suggestion = problem.suggestion !== null ? `; did you mean "${problem.suggestion}"? The row` : '; the row';
      return `the row at line ${problem.line} has "${problem.cell}" in its ID column, which is not a task ID (it does not match ids.pattern in ${settings.configFile})${suggestion} is not read until its ID is fixed`;
    }
  }
};

export default defineRule({
  id: 'md-malformed-row',
  description: 'A Markdown board or backlog row has fewer cells than its table header (or more, split by a `|` in a code span), or an ID cell that is not exactly a task ID.',
  defaultSeverity: 'warning',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['md-row'], mdRowSentence),
});
