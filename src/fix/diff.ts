import type { FixEdit } from './apply.js';

const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${start},${count}`);

/** How document text is shown (fix and report are peers, so the caller passes the escaping). */
type Show = (text: string) => string;

/** Inserts one after another after the same line: one hunk. */
function renderInserts(edits: readonly FixEdit[], show: Show): string[] {
  const first = edits[0]!;
  const added = edits.flatMap((edit) => edit.added);
  return [
    `@@ -${range(first.oldLine, 1)} +${range(first.newLine - 1, added.length + 1)} @@ ${show(edits.map((edit) => edit.fix.description).join('; '))}`,
    ` ${show(first.after ?? first.fix.expected)}`,
    ...added.map((line) => `+${show(line)}`),
  ];
}

/** A replace or delete: the removed and added lines. */
function renderHunk(edit: FixEdit, show: Show): string[] {
  const newStart = edit.added.length === 0 ? edit.newLine - 1 : edit.newLine;
  return [
    `@@ -${range(edit.oldLine, edit.removed.length)} +${range(newStart, edit.added.length)} @@ ${show(edit.fix.description)}`,
    ...edit.removed.map((line) => `-${show(line)}`),
    ...edit.added.map((line) => `+${show(line)}`),
  ];
}

/**
 * A unified-style diff of the edits the fix engine made: per file, one hunk per edit
 * with the changed rows (and the row an insert follows as context), the fix's
 * description after each hunk header. Line endings are not shown: each new line took
 * the ending of the line it replaces or follows. Document text goes through
 * `show` (the CLI passes report/escape's terminalText, as `check` does: control characters shown, not obeyed).
 */
export function renderFixDiff(edits: readonly FixEdit[], show: Show = (text) => text): string {
  const byFile = new Map<string, FixEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const out: string[] = [];
  for (const [file, fileEdits] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`--- a/${show(file)}`, `+++ b/${show(file)}`);
    let inserts: FixEdit[] = [];
    const flush = () => {
      if (inserts.length > 0) out.push(...renderInserts(inserts, show));
      inserts = [];
    };
    for (const edit of [...fileEdits].sort((a, b) => a.oldLine - b.oldLine)) {
      if (edit.removed.length > 0) {
        flush();
        out.push(...renderHunk(edit, show));
        continue;
      }
      const previous = inserts.at(-1);
      if (previous && (previous.oldLine !== edit.oldLine || previous.newLine + previous.added.length !== edit.newLine)) flush();
      inserts.push(edit);
    }
    flush();
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
