import { decodeDocument, lineTexts, startsWithBom, UTF8_BOM } from '../../src/parse/text.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('the one BOM decision', () => {
  test.each([
    ['a BOM then text', bytes(0xef, 0xbb, 0xbf, 0x61), true],
    ['a BOM alone', UTF8_BOM, true],
    ['two of its three bytes', bytes(0xef, 0xbb), false],
    ['its bytes out of order', bytes(0xbb, 0xef, 0xbf, 0x61), false],
    ['plain text', bytes(0x61, 0x62), false],
    ['nothing', bytes(), false],
  ])('%s', (_, input, expected) => {
    expect(startsWithBom(input)).toBe(expected);
  });

  test('decoding strips exactly the BOM and says it was there', () => {
    expect(decodeDocument(bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61), 100)).toEqual({ kind: 'text', text: '\uFEFFa', hasBom: true });
    expect(decodeDocument(bytes(0x61), 100)).toEqual({ kind: 'text', text: 'a', hasBom: false });
  });
});

describe('lineTexts: the lines as git counts them, without their endings', () => {
  test.each([
    ['LF with a final break', 'a\nb\n', ['a', 'b']],
    ['CRLF', 'a\r\nb\r\n', ['a', 'b']],
    ['a lone CR stays text', 'a\rb\nc', ['a\rb', 'c']],
    ['a blank line inside', 'a\n\nb', ['a', '', 'b']],
    ['nothing', '', []],
  ])('%s', (_name, text, lines) => {
    expect(lineTexts(text)).toEqual(lines);
  });
});
