import { parseMarkdownTables } from '../../src/parse/markdown-table.js';

const texts = (row: { cells: { text: string }[] }) => row.cells.map((cell) => cell.text);

describe('parseMarkdownTables', () => {
  test('finds a table by its header and keeps 1-based lines and the heading above it', () => {
    const doc = parseMarkdownTables(['# Board', '', '## Snapshot', '| ID | Title |', '|----|-------|', '| ST-B-001 | One |', '| ST-B-002 | Two |', ''].join('\n'));
    expect(doc.tables).toHaveLength(1);
    const [table] = doc.tables;
    expect(table!.heading).toMatchObject({ text: 'Snapshot', depth: 2, line: 3 });
    expect(texts(table!.header)).toEqual(['ID', 'Title']);
    expect(table!.rows.map((row) => [row.line, ...texts(row)])).toEqual([
      [6, 'ST-B-001', 'One'],
      [7, 'ST-B-002', 'Two'],
    ]);
  });

  test('revisions that differ only in rows after the first read their own rows, lines and headings', () => {
    // Both hand micromark the same text (later rows are read on the fast path), so the
    // second read reuses the first's tree: everything row- and line-specific must still be its own.
    const revision = (rows: string[]) =>
      ['# Board', '', '## Now', '| ID | Status |', '|----|--------|', '| ST-1 | Done |', ...rows, '', '## Later', '', '| ID | Note |', '|----|------|', '| ST-9 | x |', ''].join('\n');
    const before = revision(['| ST-2 | Ready |']);
    const after = revision(['| ST-2 | Done |', '| ST-3 | Ready |', '| ST-4 | Backlog |']);
    const read = (source: string) => {
      const doc = parseMarkdownTables(source);
      expect(doc).toEqual(parseMarkdownTables(source, { fastPath: false }));
      return doc;
    };
    const first = read(before);
    const second = read(after);
    expect(read(before)).toEqual(first);
    expect(first.tables[0]!.rows.map((row) => [row.line, ...texts(row)])).toEqual([
      [6, 'ST-1', 'Done'],
      [7, 'ST-2', 'Ready'],
    ]);
    expect(second.tables[0]!.rows.map((row) => [row.line, ...texts(row)])).toEqual([
      [6, 'ST-1', 'Done'],
      [7, 'ST-2', 'Done'],
      [8, 'ST-3', 'Ready'],
      [9, 'ST-4', 'Backlog'],
    ]);
    expect(first.headings.map((heading) => heading.line)).toEqual([1, 3, 9]);
    expect(second.headings.map((heading) => heading.line)).toEqual([1, 3, 11]);
    expect(second.tables[1]!.rows[0]!.line).toBe(15);
  });

  test('HTML comment lines between rows and right under the separator do not end the table', () => {
    const source = [
      '| ID | Column |',
      '|----|--------|',
      '<!-- LANDMARK: ST-B-001 evidence -->',
      '| ST-B-001 | Done |',
      '<!-- LANDMARK: ST-B-002 one -->',
      '<!-- LANDMARK: ST-B-002 two -->',
      '| ST-B-002 | Ready |',
      '<!--',
      '  a comment over two lines',
      '-->',
      '| ST-B-003 | Backlog |',
    ].join('\n');
    const [table, ...rest] = parseMarkdownTables(source).tables;
    expect(rest).toHaveLength(0);
    expect(table!.rows.map((row) => [row.line, texts(row)[0]])).toEqual([
      [4, 'ST-B-001'],
      [7, 'ST-B-002'],
      [11, 'ST-B-003'],
    ]);
  });

  test('a single blank line inside a table keeps the rows after it, two tables stay two', () => {
    const source = [
      '| ID | Column |',
      '|----|--------|',
      '| ST-B-001 | Done |',
      '',
      '| ST-B-002 | Ready |',
      '',
      '| Date | Summary |',
      '|------|---------|',
      '| 2025-12-22 | shipped |',
    ].join('\n');
    const tables = parseMarkdownTables(source).tables;
    expect(tables.map((t) => t.rows.map((row) => row.line))).toEqual([[3, 5], [9]]);
    expect(texts(tables[1]!.header)).toEqual(['Date', 'Summary']);
  });

  test('CRLF, lone CR runs and a BOM-less mix keep git line numbers', () => {
    const source = '| ID | Column |\r\n|----|--------|\r\r\r\r\n| ST-B-001 | Done |\n| ST-B-002 | Ready |\r\n';
    const [table] = parseMarkdownTables(source).tables;
    expect(table!.rows.map((row) => [row.line, texts(row)[0]])).toEqual([
      [3, 'ST-B-001'],
      [4, 'ST-B-002'],
    ]);
  });

  test('pipe lines inside fenced code blocks are not tables', () => {
    const source = ['```text', '| ID | Mock |', '|----|------|', '| ST-B-009 | not a row |', '```', '', '| ID | Column |', '|----|--------|', '| ST-B-001 | Done |'].join('\n');
    const tables = parseMarkdownTables(source).tables;
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((row) => texts(row)[0])).toEqual(['ST-B-001']);
    expect(tables[0]!.line).toBe(7);
  });

  test('cells: <br> becomes a space, inline code keeps its text, escaped pipes stay in the cell, links are collected', () => {
    const source = [
      '| ID | Deliverable | Links |',
      '|----|-------------|-------|',
      '| ST-B-001 | first<br>second `Tools\\Run.ps1` a \\| b | [plan](docs/plans/PlanB_Work.md) <br> docs/plans/PlanC_Other.md |',
    ].join('\n');
    const [row] = parseMarkdownTables(source).tables[0]!.rows;
    expect(texts(row!)).toEqual(['ST-B-001', 'first second Tools\\Run.ps1 a | b', 'plan docs/plans/PlanC_Other.md']);
    expect(row!.cells[2]!.links).toEqual(['docs/plans/PlanB_Work.md']);
    expect(row!.cells[1]!.raw).toContain('<br>');
  });

  test('text or a comment after the last pipe becomes an extra cell, not a lost row', () => {
    const source = ['| ID | Column |', '|----|--------|', '| ST-B-001 | Done | <!-- moved from Ready -->', '| ST-B-002 | Ready | extra |'].join('\n');
    const rows = parseMarkdownTables(source).tables[0]!.rows;
    expect(rows.map((row) => texts(row).slice(0, 2))).toEqual([
      ['ST-B-001', 'Done'],
      ['ST-B-002', 'Ready'],
    ]);
    expect(rows[1]!.cells).toHaveLength(3);
  });

  test('an 8,000-character cell and ??? mojibake are read as they are', () => {
    const giant = `${'evidence '.repeat(1000)}<br>${'more '.repeat(200)}`;
    const source = ['| ID | Title | Deliverable |', '|----|-------|-------------|', `| ST-B-001 | Queue ??? delay | ${giant} |`].join('\n');
    const [row] = parseMarkdownTables(source).tables[0]!.rows;
    expect(row!.cells[1]!.text).toBe('Queue ??? delay');
    expect(row!.cells[2]!.text.length).toBeGreaterThan(9000);
  });
});

describe('prose on the fast path (shortened, loose list items left out of what micromark reads)', () => {
  const items = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix}item ${index + 1}: some prose, a [link](x.md) and \`code\``);
  const looseList = (count: number, prefix = '- ') => items(count, prefix).join('\n\n');
  const table = (indent = '') => [`${indent}| ID | Title |`, `${indent}|----|-------|`, `${indent}| ST-B-001 | One |`, `${indent}| ST-B-002 | Two |`].join('\n');
  test.each([
    ['a loose list, then a table', `# Board\n\n${looseList(300)}\n\n${table()}\n`],
    ['a nested loose list, then a table inside the last item', `- top\n\n${looseList(50, '  - ')}\n\n${table('  ')}\n\n${table()}\n`],
    ['a lazy continuation line repeated after a blank line, then an indented table', `- item\nlazy line\n\n\nlazy line\n\n  lazy line\n\n${table('  ')}\n`],
    ['block quotes repeated between blank lines, then a table', `${items(40, '> ').join('\n\n')}\n\n${table()}\n`],
    ['a repeated item right before a table (no blank line after it)', `${looseList(20)}\n- item 20: some prose\n${table()}\n`],
    ['repeated items inside a fenced block and an indented code block', `\`\`\`\n${looseList(10)}\n\`\`\`\n\n    code\n\n    code\n\n${table()}\n`],
    ['ordered items and a heading between repeats', `${looseList(10, '1. ')}\n\n## Section\n\n${looseList(10, '1. ')}\n\n${table()}\n`],
    ['prose starting with inline code, and real fences', `\`pwsh -File x.ps1\` runs it\n\n\`\`not a fence\`\`\n\n\`\`\`\n${table()}\n\`\`\`\n\n~~~\n${table()}\n~~~\n\n${table()}\n`],
    ['arrows in prose, and an HTML comment ended by a line with prose', `- WLLS->BOYO gap > 8 s\n\n<!--\n${table()}\n- still a comment -> here\nends --> here\n\n${table()}\n`],
  ])('%s: the same tables, rows and headings as micromark reading every line', (_, source) => {
    expect(parseMarkdownTables(source)).toEqual(parseMarkdownTables(source, { fastPath: false }));
  });

  test('a long loose list costs micromark a few lines, not one per item', () => {
    const source = `${looseList(3000)}\n\n${table()}\n`;
    const limits = { maxRemarkLines: 50 };
    expect(() => parseMarkdownTables(source, { fastPath: false, limits })).toThrow(/more than 50 lines/);
    expect(parseMarkdownTables(source, { limits }).tables[0]!.rows.map(texts)).toEqual([
      ['ST-B-001', 'One'],
      ['ST-B-002', 'Two'],
    ]);
  });
});
