import { seededRandom } from '../../scripts/seeded-random.mjs';
import { changedLines, idsOnChangedLines } from '../../src/model/partial.js';

/** The window as it was first written: both texts split into lines, matched from the start and from the end. */
function referenceWindow(before: string, after: string): [string[], string[]] {
  const a = before.split('\n');
  const b = after.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  let lastA = a.length - 1;
  let lastB = b.length - 1;
  while (lastA >= first && lastB >= first && a[lastA] === b[lastB]) {
    lastA--;
    lastB--;
  }
  return [a.slice(first, lastA + 1), b.slice(first, lastB + 1)];
}

/** Few distinct lines, so repeats (where a window can be placed more than one way) are common. */
const LINES = ['', '| T-1 | a |', '| T-2 | b |', 'T-3', '\r', 'x'];

function randomText(random: () => number, lines: number): string {
  return Array.from({ length: lines }, () => LINES[Math.floor(random() * LINES.length)]).join('\n');
}

function edited(random: () => number, text: string): string {
  let result = text;
  for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
    const at = Math.floor(random() * (result.length + 1));
    const removed = Math.floor(random() * 6);
    const inserted = ['', '\n', 'T-4', '| T-1 | a |\n', 'y'][Math.floor(random() * 5)]!;
    result = result.slice(0, at) + inserted + result.slice(at + removed);
  }
  return result;
}

describe('changedLines: the window of lines that differ, found by comparing characters first', () => {
  test.each([
    ['', ''],
    ['a', 'a'],
    ['a\n', 'a'],
    ['a', 'a\nb'],
    ['a\nb\n', 'a\n'],
    ['\nx', 'x'],
    ['a\nb\nc', 'a\nB\nc'],
    ['A\nA\n', 'A\n'],
    ['x\ny\nz\n', 'x\nz\n'],
  ])('%j → %j is the line-by-line window', (before, after) => {
    expect(changedLines(before, after)).toEqual(referenceWindow(before, after));
    expect(changedLines(after, before)).toEqual(referenceWindow(after, before));
  });

  test('random texts and edits: the same window as line by line', () => {
    const random = seededRandom(13);
    for (let round = 0; round < 3000; round++) {
      const before = randomText(random, Math.floor(random() * 12));
      const after = edited(random, before);
      expect([round, changedLines(before, after)]).toEqual([round, referenceWindow(before, after)]);
    }
  });

  test('random long texts (many chunks) and edits: the same window as line by line', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      const before = randomText(random, 1000 + Math.floor(random() * 2000));
      const after = edited(random, before);
      expect([round, changedLines(before, after)]).toEqual([round, referenceWindow(before, after)]);
    }
  });

  test('long texts, compared a chunk at a time, with the difference near either end or in the middle', () => {
    const rows = Array.from({ length: 5000 }, (_, index) => `| T-${index} | row ${index % 7} |`);
    const base = rows.join('\n');
    for (const at of [0, 1, 2500, 4998, 4999]) {
      const changed = [...rows];
      changed[at] = `| T-${at} | edited |`;
      expect(changedLines(base, changed.join('\n'))).toEqual([[rows[at]], [changed[at]]]);
      expect(idsOnChangedLines(base, changed.join('\n'), /T-\d+/g)).toEqual(new Set([`T-${at}`]));
    }
    expect(changedLines(base, `${base}\n| T-9999 | new |`)).toEqual(referenceWindow(base, `${base}\n| T-9999 | new |`));
    expect(changedLines(`${rows[0]}\n${base}`, base)).toEqual(referenceWindow(`${rows[0]}\n${base}`, base));
  });
});
