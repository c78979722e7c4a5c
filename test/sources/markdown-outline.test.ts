import { countCheckboxes, readMarkdownOutline, sectionUnder } from '../../src/sources/markdown-outline.js';

const lines = (...text: string[]) => text.join('\n');

describe('readMarkdownOutline', () => {
  test.each([
    ['a dash bullet', '- [ ] a', '[ ]'],
    ['a star bullet', '* [x] a', '[x]'],
    ['a plus bullet', '+ [X] a', '[X]'],
    ['an ordered item', '1. [-] a', '[-]'],
    ['a tab after the box', '- [x]\ta', '[x]'],
    ['a box with nothing after it', '- [ ]', '[ ]'],
    ['an item in a blockquote', '> - [x] a', '[x]'],
  ])('%s is a checkbox', (_name, text, box) => {
    expect(readMarkdownOutline(text).checkboxes.map((item) => item.box)).toEqual([box]);
  });

  test.each([
    ['a tag', '- [P] parallel'],
    ['two characters', '- [xx] not a box'],
    ['no space after the box', '- [x]done'],
    ['a link', '- [x](https://example.com) link'],
    ['a box that is not at the start', '- see [x] here'],
    ['a box outside a list', '[ ] a paragraph'],
    ['a box in a code fence', lines('```', '- [ ] T001', '```')],
    ['a box in indented code', lines('para', '', '    - [ ] T001')],
    ['a box in an HTML comment', lines('<!--', '- [ ] T001', '-->')],
  ])('%s is not a checkbox', (_name, text) => {
    expect(readMarkdownOutline(text).checkboxes).toEqual([]);
  });

  test('nesting skips plain bullets: a box under a plain bullet under a box belongs to the outer box', () => {
    const { checkboxes } = readMarkdownOutline(lines('- [ ] outer', '  - plain note', '    - [x] inner', '- [ ] next'));
    expect(checkboxes.map((item) => [item.line, item.text, item.parentIndex ?? null])).toEqual([
      [1, 'outer', null],
      [3, 'inner', 0],
      [4, 'next', null],
    ]);
  });

  test('headings, top-level paragraphs (lines kept) and comment blocks, with lines; sections and counts', () => {
    const outline = readMarkdownOutline(
      lines('# Story 1.1: Title', '', 'Status: done', 'Branch: feat/x', '', '<!-- AC:BEGIN -->', '## Tasks', '', '- [x] one', '- [ ] two', '## Notes', '- [x] three'),
    );
    expect(outline.headings).toEqual([
      { depth: 1, text: 'Story 1.1: Title', line: 1 },
      { depth: 2, text: 'Tasks', line: 7 },
      { depth: 2, text: 'Notes', line: 11 },
    ]);
    expect(outline.paragraphs).toEqual([{ text: 'Status: done\nBranch: feat/x', line: 3 }]);
    expect(outline.comments).toEqual([{ text: '<!-- AC:BEGIN -->', line: 6 }]);
    expect(outline.checkboxes.map((item) => item.section)).toEqual(['Tasks', 'Tasks', 'Notes']);
    expect(countCheckboxes(outline, sectionUnder(outline, /^tasks$/i))).toEqual({ checked: 1, total: 2 });
    expect(countCheckboxes(outline, sectionUnder(outline, /^missing$/i))).toEqual({ checked: 0, total: 0 });
  });
});
