import type { FixEdit } from './apply.js';

const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${start},${count}`);

function renderHunk(edit: FixEdit): string[] {
  if (edit.removed.length === 0) {
    // An insert: the line it follows is the context.
    const anchor = edit.after ?? edit.fix.expected;
    return [
      `@@ -${range(edit.oldLine, 1)} +${range(edit.newLine - 1, edit.added.length + 1)} @@ ${edit.fix.description}`,
      ` ${anchor}`,
      ...edit.added.map((line) => `+${line}`),
    ];
  }
  const newStart = edit.added.length === 0 ? edit.newLine - 1 : edit.newLine;
  return [
    `@@ -${range(edit.oldLine, edit.removed.length)} +${range(newStart, edit.added.length)} @@ ${edit.fix.description}`,
    ...edit.removed.map((line) => `-${line}`),
    ...edit.added.map((line) => `+${line}`),
  ];
}

/**
 * A unified-style diff of the edits the fix engine made: per file, one hunk per edit
 * with the changed rows (and the row an insert follows as context), the fix's
 * description after each hunk header. Line endings are not shown: each new line took
 * the ending of the line it replaces or follows.
 */
export function renderFixDiff(edits: readonly FixEdit[]): string {
  const byFile = new Map<string, FixEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const out: string[] = [];
  for (const [file, fileEdits] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`--- a/${file}`, `+++ b/${file}`);
    for (const edit of [...fileEdits].sort((a, b) => a.oldLine - b.oldLine)) out.push(...renderHunk(edit));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
