import { listSome, plural } from './support/helpers.js';
import { defineRule, noOptions } from '../core/rule.js';
import { lineTexts } from '../parse/text.js';
import type { TaskTable } from '../model/model.js';

/** Lines that end a GFM table or hide what follows when left open. */
const TABLE_BREAKER = /^\s{0,3}(<!--|<details|<div|<table|```|~~~)/i;

/**
 * The line where a lost row still is, and the line above it (new in this change) that
 * most likely stopped the table being read.
 */
/** The first cell of a line written as a table row (`| ST-B-001 | …`), else null. */
const firstCellOf = (line: string): string | null => /^\s{0,3}(?:>\s*)*\|?\s*([^|\s][^|]*?)\s*\|/.exec(line)?.[1] ?? null;

/** 0-based lines written as rows whose first cell is one of `ids`. */
function rowLinesOf(text: string, ids: ReadonlySet<string>): number[] {
  return lineTexts(text).flatMap((line, index) => (ids.has(firstCellOf(line) ?? '') ? [index] : []));
}

function whereReadingStopped(text: string, baseText: string, at: number): { line: number; culprit: { line: number; text: string } | null } {
  const lines = lineTexts(text);
  const baseLines = new Set(lineTexts(baseText).map((line) => line.trim()));
  for (let index = at - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (TABLE_BREAKER.test(line) && !baseLines.has(line.trim())) return { line: at + 1, culprit: { line: index + 1, text: line.trim().slice(0, 40) } };
    if (/^\s{0,3}#{1,6}\s/.test(line)) break;
  }
  return { line: at + 1, culprit: null };
}

export default defineRule({
  id: 'table-unread',
  description: 'Rows of a plan or backlog table are still in the file but no longer read as a table (something above them ends it).',
  defaultSeverity: 'error',
  kind: 'change',
  options: noOptions,
  check({ base, head, changes, settings }) {
    const findings = [];
    for (const file of changes.files) {
      if (file.status !== 'modified') continue;
      const [before, after]: (TaskTable | null | undefined)[] = settings.isBacklog(file.path) ? [base.backlog, head.backlog] : [base.plans.get(file.path), head.plans.get(file.path)];
      const text = head.texts.get(file.path);
      if (!before || text === undefined) continue;
      const readNow = new Set(after?.byId.keys() ?? []);
      // Still written as a row (its ID the first cell), no longer in a table doc-sync reads: hidden, not deleted.
      const gone = new Set([...before.byId.keys()].filter((id) => !readNow.has(id)));
      const hiddenLines = rowLinesOf(text, gone);
      if (hiddenLines.length === 0) continue;
      const lines = lineTexts(text);
      const lost = [...new Set(hiddenLines.map((index) => firstCellOf(lines[index]!)!))];
      const { line, culprit } = whereReadingStopped(text, base.texts.get(file.path) ?? '', hiddenLines[0]!);
      findings.push({
        taskId: lost.length === 1 ? lost[0]! : null,
        file: file.path,
        line,
        message: `${plural(lost.length, 'task row')} of ${file.path} (${listSome(lost)}) ${lost.length === 1 ? 'is' : 'are'} still in the file but no longer read as a table from line ${line}: ${
          culprit ? `line ${culprit.line} adds "${culprit.text}", which ends the table or hides what follows` : 'something above them ends the table (an unclosed <!--, <details>, <div> or code fence, or a deleted header row)'
        }; close or remove it so the rows are checked again`,
      });
    }
    return findings;
  },
});
