import type { Fix } from '../../src/core/finding.js';
import { applyFixes } from '../../src/fix/apply.js';
import { renderFixDiff } from '../../src/fix/diff.js';

const FILE = 'docs/board.md';
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => (data ? Buffer.from(data).toString('latin1') : undefined);
const files = (content: string | Uint8Array) => new Map([[FILE, typeof content === 'string' ? bytes(content) : content]]);
const utf8 = (data: Uint8Array | undefined) => (data ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(data) : undefined);

const insert = (line: number, expected: string, newText: string): Fix => ({ file: FILE, kind: 'insert', line, expected, text: newText, description: `insert after ${line}` });
const replace = (line: number, expected: string, newText: string): Fix => ({ file: FILE, kind: 'replace', line, expected, text: newText, description: `replace ${line}` });
const remove = (line: number, expected: string): Fix => ({ file: FILE, kind: 'delete', line, expected, description: `delete ${line}` });

/** Applies, then applies the same fixes to the result: the second pass must change nothing. */
function applyTwice(content: string | Uint8Array, fixes: Fix[]) {
  const first = applyFixes(files(content), fixes);
  const after = first.files.get(FILE);
  const second = applyFixes(files(after ?? (typeof content === 'string' ? bytes(content) : content)), fixes);
  expect(second.files.size).toBe(0);
  expect(second.applied).toEqual([]);
  expect(second.refused).toEqual([]);
  expect(second.unchanged).toHaveLength(fixes.length);
  return first;
}

describe('applyFixes', () => {
  test('replaces one line of a CRLF file; every other byte stays', () => {
    const outcome = applyTwice('a\r\nb\r\nc\r\n', [replace(2, 'b', 'B')]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\r\nB\r\nc\r\n');
    expect(outcome.applied).toHaveLength(1);
  });

  test('a line added after a line takes that line\'s ending, in a file with mixed endings', () => {
    const outcome = applyTwice('a\nb\r\nc\nd\r\n', [insert(2, 'b', 'new'), insert(3, 'c', 'newer')]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\nb\r\nnew\r\nc\nnewer\nd\r\n');
  });

  test('a replaced line keeps its own ending; extra lines take it too', () => {
    const outcome = applyTwice('a\nb\r\nc\n', [replace(2, 'b', 'b1\nb2')]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\nb1\r\nb2\r\nc\n');
  });

  test('after a last line with no line break: that line gets one, the new last line none', () => {
    const outcome = applyTwice('a\r\nb', [insert(2, 'b', 'c'), insert(2, 'b', 'd')]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\r\nb\r\nc\r\nd');
  });

  test('keeps a BOM, also when the first line is rewritten', () => {
    const bom = '\uFEFF';
    expect(utf8(applyTwice(`${bom}head\nrow\n`, [replace(1, 'head', 'HEAD')]).files.get(FILE))).toBe(`${bom}HEAD\nrow\n`);
    expect(utf8(applyTwice(`${bom}head\nrow\n`, [insert(1, 'head', 'new')]).files.get(FILE))).toBe(`${bom}head\nnew\nrow\n`);
    expect(utf8(applyTwice(`${bom}head\nrow\n`, [remove(1, 'head')]).files.get(FILE))).toBe(`${bom}row\n`);
  });

  test('a lone CR inside a line is text: it is compared and kept', () => {
    const outcome = applyTwice('a\rb\nc\n', [insert(1, 'a\rb', 'x')]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\rb\nx\nc\n');
  });

  test('a target that no longer reads as expected is refused, not forced, with the reason', () => {
    const outcome = applyFixes(files('a\nB edited\nc\n'), [replace(2, 'b', 'B'), insert(3, 'd', 'x')]);
    expect(outcome.files.size).toBe(0);
    expect(outcome.applied).toEqual([]);
    expect(outcome.refused.map((refusal) => refusal.reason)).toEqual([
      'line 2 was expected to read "b" but reads "B edited"; the target moved since the fix was computed',
      'line 3 was expected to read "d" but reads "c"; the target moved since the fix was computed',
    ]);
  });

  test('a row that moved down (a line added above it) is refused', () => {
    const outcome = applyFixes(files('added\na\nb\n'), [replace(2, 'b', 'B')]);
    expect(outcome.refused).toHaveLength(1);
    expect(outcome.files.size).toBe(0);
  });

  test('inserts after one anchor keep their order; with the first already there, the second goes after it', () => {
    const fixes = [insert(1, 'a', 'x'), insert(1, 'a', 'y')];
    expect(utf8(applyTwice('a\nb\n', fixes).files.get(FILE))).toBe('a\nx\ny\nb\n');
    const half = applyFixes(files('a\nx\nb\n'), fixes);
    expect(utf8(half.files.get(FILE))).toBe('a\nx\ny\nb\n');
    expect([half.unchanged, half.applied]).toEqual([[fixes[0]], [fixes[1]]]);
  });

  test('edits further down find their lines after edits above them were already made', () => {
    const fixes = [insert(1, 'a', 'x'), replace(3, 'c', 'C'), insert(4, 'd', 'y'), remove(5, 'e'), replace(6, 'f', 'F')];
    const outcome = applyTwice('a\nb\nc\nd\ne\nf\n', fixes);
    expect(utf8(outcome.files.get(FILE))).toBe('a\nx\nb\nC\nd\ny\nF\n');
  });

  test('an insert after a row another fix rewrites: both apply, and both are found applied the second time', () => {
    const fixes = [replace(2, 'b', 'B'), insert(2, 'b', 'new')];
    expect(utf8(applyTwice('a\nb\nc\n', fixes).files.get(FILE))).toBe('a\nB\nnew\nc\n');
  });

  test('identical fixes (two findings, one repair) are made once and both count as applied', () => {
    const twin = { ...replace(2, 'b', 'B'), description: 'the other finding' };
    const outcome = applyFixes(files('a\nb\n'), [replace(2, 'b', 'B'), twin]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\nB\n');
    expect(outcome.applied).toHaveLength(2);
    expect(outcome.edits).toHaveLength(1);
  });

  test('a rewrite to the same text changes nothing', () => {
    const outcome = applyFixes(files('a\nb\n'), [replace(2, 'b', 'b')]);
    expect([outcome.files.size, outcome.unchanged.length, outcome.edits.length]).toEqual([0, 1, 0]);
  });

  test('two different rewrites of one line: the second is refused', () => {
    const outcome = applyFixes(files('a\nb\n'), [replace(2, 'b', 'B'), replace(2, 'b', 'b!')]);
    expect(utf8(outcome.files.get(FILE))).toBe('a\nB\n');
    expect(outcome.refused).toEqual([{ fix: replace(2, 'b', 'b!'), reason: 'another fix already rewrites line 2; apply one, re-run the check, then the other' }]);
  });

  test('a multi-line target (a CSV record with a line break in a quoted field) is replaced as a whole', () => {
    const outcome = applyTwice('"ID","Notes"\r\n"ST-B-001","two\r\nlines"\r\n"ST-B-002",""\r\n', [replace(2, '"ST-B-001","two\nlines"', '"ST-B-001","one line"')]);
    expect(utf8(outcome.files.get(FILE))).toBe('"ID","Notes"\r\n"ST-B-001","one line"\r\n"ST-B-002",""\r\n');
  });

  test('invalid UTF-8 elsewhere is copied byte for byte; on the target line it is refused', () => {
    const broken = Uint8Array.from([...bytes('a\n'), 0xff, 0xfe, ...bytes('\nc\n')]);
    const outcome = applyFixes(files(broken), [insert(3, 'c', 'd')]);
    expect(text(outcome.files.get(FILE))).toBe(text(Uint8Array.from([...broken, ...bytes('d\n')])));
    const target = applyFixes(files(broken), [replace(2, '\uFFFD\uFFFD', 'x')]);
    expect(target.refused[0]!.reason).toMatch(/line 2 is not valid UTF-8/);
  });

  test('a fix for a file that is not there, or with no line 1, is refused', () => {
    const outcome = applyFixes(new Map(), [replace(1, 'a', 'b'), { ...insert(0, 'a', 'b'), file: 'other.md' }]);
    expect(outcome.refused.map((refusal) => refusal.reason)).toEqual([`${FILE} does not exist`, 'line 0 is not a 1-based line number']);
  });

  test('the diff shows the changed rows, the row an insert follows, and line numbers before and after', () => {
    const outcome = applyFixes(files('a\r\nb\r\nc\r\n'), [insert(1, 'a', 'x'), replace(3, 'c', 'C')]);
    expect(renderFixDiff(outcome.edits)).toBe(
      [`--- a/${FILE}`, `+++ b/${FILE}`, '@@ -1 +1,2 @@ insert after 1', ' a', '+x', '@@ -3 +4 @@ replace 3', '-c', '+C', ''].join('\n'),
    );
  });

  test('the diff shows rows added after one line as one hunk, with the rewritten row they follow as context', () => {
    const outcome = applyFixes(files('a\nb\n'), [replace(2, 'b', 'B'), insert(2, 'b', 'x'), { ...insert(2, 'b', 'y'), description: 'and y' }]);
    expect(renderFixDiff(outcome.edits)).toBe(
      [`--- a/${FILE}`, `+++ b/${FILE}`, '@@ -2 +2 @@ replace 2', '-b', '+B', '@@ -2 +2,3 @@ insert after 2; and y', ' B', '+x', '+y', ''].join('\n'),
    );
  });
});
