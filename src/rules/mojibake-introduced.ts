import { defineRule, noOptions } from '../core/rule.js';
import { lineTexts } from '../parse/text.js';

const REPLACEMENT_RUN = /\?{3,}|\uFFFD/;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7F]/g;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

export default defineRule({
  id: 'mojibake-introduced',
  description: 'A changed document gains U+FFFD replacement characters, or "???" runs or single "?" marks where it lost non-ASCII characters.',
  defaultSeverity: 'error',
  kind: 'change',
  options: noOptions,
  check({ base, head, changes }) {
    const findings = [];
    for (const file of changes.files) {
      if (file.status === 'deleted') continue;
      const after = head.texts.get(file.path);
      if (after === undefined) continue;
      const before = base.texts.get(file.path) ?? '';
      const gainedReplacement = count(after, /\uFFFD/g) > count(before, /\uFFFD/g);
      const gainedQuestionRuns = count(after, /\?{3,}/g) > count(before, /\?{3,}/g);
      const lost = count(before, NON_ASCII) - count(after.replace(/\uFFFD/g, ''), NON_ASCII);
      const lostNonAscii = lost > 0;
      // A lossy re-encoding to ASCII (`Set-Content -Encoding ascii`) turns each non-ASCII character into one `?`.
      const gainedSingleMarks = lostNonAscii && count(after, /\?/g) - count(before, /\?/g) >= lost;
      if (!gainedReplacement && !(gainedQuestionRuns && lostNonAscii) && !gainedSingleMarks) continue;
      // Point at the first line whose replacement marks are new.
      const baseLines = new Set(lineTexts(before));
      const lines = lineTexts(after);
      const marks = gainedReplacement || gainedQuestionRuns ? REPLACEMENT_RUN : /\?/;
      const index = lines.findIndex((line) => marks.test(line) && !baseLines.has(line));
      const line = index === -1 ? 1 : index + 1;
      findings.push({
        taskId: null,
        file: file.path,
        line,
        message: `${file.path} gained ${
          gainedReplacement
            ? 'U+FFFD replacement characters (bytes that are not UTF-8)'
            : gainedQuestionRuns
              ? '"???" runs where it lost non-ASCII characters'
              : `"?" marks where it lost ${lost} non-ASCII character${lost === 1 ? '' : 's'}`
        } (first at line ${line}): a tool saved it in the wrong encoding; restore the original characters and save as UTF-8`,
        key: file.path,
      });
    }
    return findings;
  },
});
