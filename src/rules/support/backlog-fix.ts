import type { ColumnName } from '../../config/schema.js';
import type { Settings } from '../../config/settings.js';
import type { Fix } from '../../core/finding.js';
import { boardRowsOf, planLetterOf, rowsOf, type DocModel, type TableLayout } from '../../model/model.js';
import { toMarkdownCell } from '../../parse/markdown-table.js';
import { insertAfter, renderRow, valuesFor } from './row-fixes.js';

/** Backlog rows to open, and the IDs that cannot have one, with the reason. */
export interface BacklogRowFixes {
  fixes: Fix[];
  /** The task of each fix: `ids[i]` is the row `fixes[i]` opens. */
  ids: string[];
  refused: { id: string; reason: string }[];
}

/** The backlog table new rows go in: the one holding the last backlog row, else the first. */
function backlogLayout(model: DocModel): TableLayout | undefined {
  return model.backlog?.rows.at(-1)?.written.table ?? model.backlog?.layouts[0];
}

/**
 * The backlog row of a board task, in the backlog table's own columns and cell style:
 * ID, `Plan B` (from its plan link, else its ID), title, empty preconditions, the
 * board's deliverable as the definition of done, `notes`; other columns the board has
 * (status, owner) are copied.
 */
/**
 * How the backlog writes its Plan cells, learnt from an existing row whose cell holds its
 * plan letters once (`Plan B`, `B`, `alerts`); `Plan {}` when no row shows it.
 */
function planCellTemplate(model: DocModel, settings: Settings, layout: TableLayout): string {
  const index = layout.columns.plan;
  for (const row of model.backlog?.rows ?? []) {
    if (row.written.table !== layout || index === undefined) continue;
    const cell = (row.written.cells[index] ?? '').trim();
    const letter = planLetterOf(model, settings, row.id);
    if (!letter || cell === '' || cell.split(letter).length !== 2) continue;
    return cell.replace(letter, '{}');
  }
  return 'Plan {}';
}

function backlogRow(model: DocModel, settings: Settings, layout: TableLayout, id: string, notes: string): string {
  const values: Partial<Record<ColumnName, string>> = {};
  // Markdown first (its cells are already Markdown), reversed so its cells win over the CSV's.
  for (const row of boardRowsOf(model, id, 'board').reverse()) Object.assign(values, valuesFor(row, 'markdown'));
  const letter = planLetterOf(model, settings, id);
  return renderRow(layout, {
    ...values,
    id,
    plan: letter ? planCellTemplate(model, settings, layout).replace('{}', letter) : '',
    preconditions: '',
    definitionOfDone: values.deliverable ?? '',
    notes: toMarkdownCell(notes),
  });
}

/**
 * Opens backlog rows for board tasks (the `/doc-sync backlog ID …` command and the
 * backlog-entry-missing rule): one insert after the backlog table's last row per ID, in
 * the order given. IDs that are not task IDs, are on neither board or already have a
 * backlog row are refused with a reason. Pure: reads the model, writes nothing.
 */
export function backlogRowFixes(model: DocModel, settings: Settings, ids: readonly string[], notes: string): BacklogRowFixes {
  const result: BacklogRowFixes = { fixes: [], ids: [], refused: [] };
  const layout = backlogLayout(model);
  const backlogFile = settings.config.paths.backlog;
  for (const id of new Set(ids)) {
    const refuse = (reason: string) => result.refused.push({ id, reason });
    const existing = rowsOf(model.backlog, id)[0];
    if (!settings.exactId(id)) refuse(`"${id}" is not a task ID (expected the pattern ${settings.config.ids.pattern})`);
    else if (boardRowsOf(model, id).some((row) => row.damage !== null)) refuse(`a board row of ${id} is malformed (see its csv-malformed-row or md-malformed-row finding); repair it first, so the backlog row does not copy the damage`)
    else if (boardRowsOf(model, id, 'board').length === 0) refuse(`${id} is on neither the Markdown board nor the CSV; every backlog row needs a board row, so add it to the board first`);
    else if (existing) refuse(`${id} already has a backlog row (${existing.file} line ${existing.line})`);
    else if (!model.backlog) refuse(`there is no backlog: ${backlogFile} does not exist`);
    else if (!layout) refuse(`${backlogFile} has no table with an ID column to add a row to`);
    else {
      const fix = insertAfter(layout.file, layout.end, backlogRow(model, settings, layout, id, notes), `open a backlog row for ${id}`);
      if (fix) {
        result.fixes.push(fix);
        result.ids.push(id);
      } else refuse(`the board row of ${id} holds U+FFFD replacement characters; copy it by hand`);
    }
  }
  return result;
}
