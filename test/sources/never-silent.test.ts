import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { KIRO_CHECKLIST, readChecklist, SPEC_KIT_CHECKLIST } from '../../src/sources/checklist.js';
import { readLedger } from '../../src/sources/ledger.js';
import { readStoryFile } from '../../src/sources/story-file.js';
import { readTaskFile } from '../../src/sources/task-file.js';
import type { SourceRead } from '../../src/sources/types.js';

/**
 * The promise every reader makes: whatever the text (here every fixture cut off after each of
 * its lines, as a bad merge or an interrupted agent leaves files), it returns tasks or a problem
 * on a real line, never nothing and never a throw.
 */
const ROOT = join(process.cwd(), 'fixtures', 'presets');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

const readers: [RegExp, (file: string, text: string) => SourceRead][] = [
  [/^spec-kit\/specs\/.*\/tasks\.md$/, (file, text) => readChecklist(file, text, SPEC_KIT_CHECKLIST)],
  [/^kiro\/.*\/tasks\.md$/, (file, text) => readChecklist(file, text, KIRO_CHECKLIST)],
  [/^bmad\/.*sprint-status\.yaml$/, readLedger],
  [/^bmad\/.*\/\d+-\d+-[^/]*\.md$/, readStoryFile],
  [/^backlog-md\/backlog\/(tasks|completed)\/.*\.md$/, readTaskFile],
];

const cases = files(ROOT).flatMap((path) => {
  const file = relative(ROOT, path);
  const reader = readers.find(([pattern]) => pattern.test(file))?.[1];
  return reader ? [{ file, reader }] : [];
});

describe('readers are never silent', () => {
  test('every reader has fixtures to be tried on', () => {
    expect(new Set(cases.map((entry) => entry.reader)).size).toBe(readers.length);
  });

  test.each(cases)('$file, cut after each line', ({ file, reader }) => {
    const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
    for (let end = 0; end <= lines.length; end++) {
      const text = lines.slice(0, end).join('\n');
      const read = reader(file, text);
      const said = read.tasks.length + read.problems.length;
      if (said === 0) throw new Error(`${file} cut after line ${end}: no task and no problem`);
      for (const problem of read.problems) {
        expect(problem.file).toBe(file);
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.line).toBeLessThanOrEqual(Math.max(end, 1));
      }
    }
  });
});
