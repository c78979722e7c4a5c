import type { BacklogRequirement } from '../config/schema.js';
import type { Settings } from '../config/settings.js';
import { backlogRowFixes } from './support/backlog-fix.js';
import { boardRowsOf, planLetterOf, rowsOf, type DocModel } from '../model/model.js';
import { boardStatus, isOnBoard, withFix } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';

/** Owner, plan and marker criteria of `backlog.require`; each one set must hold. */
function matchesCriteria(model: DocModel, settings: Settings, id: string, requirement: BacklogRequirement): boolean {
  const rows = boardRowsOf(model, id, 'board');
  if (requirement.owners.length > 0) {
    const owners = rows.map((row) => (row.fields.owner ?? '').toLowerCase());
    if (!requirement.owners.some((owner) => owners.some((text) => text.includes(owner.toLowerCase())))) return false;
  }
  if (requirement.plans.length > 0) {
    const letter = planLetterOf(model, settings, id);
    if (!letter || !requirement.plans.includes(letter)) return false;
  }
  const marker = requirement.marker;
  // The marker is matched as the row writes it (it may be Markdown, in any cell).
  return marker === null || rows.some((row) => row.written.cells.some((cell) => cell.includes(marker)));
}

export default defineRule({
  id: 'backlog-entry-missing',
  description: 'A task the change adds to the board needs a backlog row (backlog.require) and has none.',
  defaultSeverity: 'notice',
  kind: 'change',
  options: noOptions,
  check({ base, head, tasks, settings }) {
    const backlog = head.backlog;
    if (!backlog) return [];
    const { require: requirement, notes } = settings.config.backlog;
    const findings = [];
    for (const id of tasks) {
      const row = boardRowsOf(head, id, 'board')[0];
      const status = boardStatus(head, id)?.status;
      if (!row || !status || rowsOf(backlog, id).length > 0) continue;
      if (requirement.tasks === 'added' && isOnBoard(base, id)) continue;
      if (status.category === 'unknown' || !requirement.columns.includes(status.category)) continue;
      if (!matchesCriteria(head, settings, id, requirement)) continue;
      findings.push({
        taskId: id,
        file: row.file,
        line: row.line,
        message: `${id} is in ${status.text.trim()} on the board but has no row in ${backlog.file}, and backlog.require says it needs one; add it`,
        ...withFix(backlogRowFixes(head, settings, [id], notes).fixes[0] ?? null),
      });
    }
    return findings;
  },
});
