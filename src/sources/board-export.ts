import { parseMarkdownTables } from '../parse/markdown-table.js';
import { readMarkdownOutline } from './markdown-outline.js';
import type { LineSpan } from './markdown-outline.js';
import type { SourceProblem, SourceRead, SourceTask } from './types.js';

/** The board as read, with the lines its table takes (what a new export rewrites). */
export interface BoardExportRead extends SourceRead {
  /** The board tables between the markers, first line (header) to last row. */
  tables: LineSpan[];
}

/** The comments `backlog board export --readme` writes around the board in README.md. */
export const BOARD_START = '<!-- BOARD_START -->';
export const BOARD_END = '<!-- BOARD_END -->';

/**
 * A cell as Backlog.md exports it: `**TASK-7** - Title [@ada]<br>*#cli*`, a sub-task with
 * `└─ ` in front, older exports with `<br>(Assignees: …, Labels: …)`. The table parser has
 * already removed the Markdown (bold, `<br>`), so this sees `TASK-7 - Title [@ada] #cli`.
 */
const CELL = /^(?:└─\s*)?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-\d+(?:\.\d+)*)\s+-\s+(.*)$/;
const CELL_TAIL = /\s*(?:\(Assignees: [^)]*\)|\[@[^\]]*\])[\s\S]*$/;

/**
 * Reads the board that Backlog.md exports into a README between `<!-- BOARD_START -->` and
 * `<!-- BOARD_END -->`: one task per non-empty cell, its status the column's header (a
 * configured status such as `In Progress`). Markers without an end, no table between them,
 * or a cell that is not `ID - title` are problems with their line.
 */
export function readBoardExport(file: string, text: string): BoardExportRead {
  const problems: SourceProblem[] = [];
  const { comments } = readMarkdownOutline(text);
  const start = comments.find((comment) => comment.text === BOARD_START);
  if (!start) {
    return { tasks: [], tables: [], problems: [{ file, line: 1, message: `no ${BOARD_START} marker, so there is no exported board to compare; run \`backlog board export --readme\` or drop this source.` }] };
  }
  const end = comments.find((comment) => comment.line > start.line && comment.text === BOARD_END);
  if (!end) {
    problems.push({ file, line: start.line, message: `${BOARD_START} has no ${BOARD_END} after it, so the board's end is unknown; restore the end marker.` });
  }
  const last = end?.line ?? Number.POSITIVE_INFINITY;

  const tables = parseMarkdownTables(text).tables.filter((table) => table.line > start.line && table.endLine < last);
  if (tables.length === 0) {
    problems.push({ file, line: start.line, message: 'there is no board table between the board markers, so no status in it can be compared; export the board again.' });
    return { tasks: [], tables: [], problems };
  }

  const tasks: SourceTask[] = [];
  for (const table of tables) {
    const statuses = table.header.cells.map((cell) => cell.text.trim());
    for (const row of table.rows) {
      row.cells.forEach((cell, column) => {
        const content = cell.text.trim();
        if (content === '') return;
        const status = statuses[column];
        const match = CELL.exec(content);
        if (!match || status === undefined) {
          problems.push({
            file,
            line: row.line,
            message: status === undefined
              ? `this board row has more cells than the header has statuses; export the board again.`
              : `the cell "${content.slice(0, 60)}" under ${status} is not \`ID - title\` as Backlog.md exports it; export the board again.`,
          });
          return;
        }
        tasks.push({ id: match[1]!, title: match[2]!.replace(CELL_TAIL, '').trim(), status, file, line: row.line });
      });
    }
  }
  return { tasks, problems, tables: tables.map((table) => ({ from: table.line, to: Math.max(table.endLine, table.delimiter.line) })) };
}
