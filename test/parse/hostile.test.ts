import { defaultConfig } from '../../src/config/load.js';
import { BlobStore } from '../../src/core/blob-store.js';
import { runCheck } from '../../src/core/check.js';
import { DocumentTooComplexError } from '../../src/parse/limits.js';
import { markdownLines } from '../../src/parse/lines.js';
import { parseMarkdownTables } from '../../src/parse/markdown-table.js';
import { isDelimiterRow } from '../../src/parse/row-syntax.js';
import { decodeDocument } from '../../src/parse/text.js';
import { enabledRules } from '../../src/rules/index.js';
import { BOARD, consistentTree, plan, planPath } from '../support/docs.js';
import { MemoryRepo } from '../support/memory-repo.js';

/**
 * Issue 9 item 3 and 12: documents a pull request can add must not stall, crash or
 * silently pass the check. Time limits here are generous bounds against minutes-long
 * regressions (the quadratic cases took 30-200 s), not benchmarks, and they count CPU
 * time, so a busy machine does not make them fail.
 */
const elapsed = (run: () => unknown): number => {
  const started = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / 1000;
};

const tooComplex = (run: () => unknown): DocumentTooComplexError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentTooComplexError) return error;
    throw error;
  }
  throw new Error('expected DocumentTooComplexError');
};

const table = (rows: string[]) => ['| ID | Title |', '|----|-------|', ...rows].join('\n');

describe('linear line handling', () => {
  test('a run of 200,000 \\r without a line end is split in linear time', () => {
    const source = `| ID |\n|---|\n| ST-B-001 ${'\r'.repeat(200_000)}x`;
    let lines = 0;
    expect(elapsed(() => (lines = markdownLines(source).length))).toBeLessThan(2000);
    expect(lines).toBe(200_003);
  });

  test('the delimiter-row test is linear: |- then 200,000 spaces and a letter', () => {
    const line = `|-${' '.repeat(200_000)}a`;
    let result = true;
    expect(elapsed(() => (result = isDelimiterRow(line)))).toBeLessThan(500);
    expect(result).toBe(false);
    expect(isDelimiterRow(`| --- |${' '.repeat(1000)}:-: |`)).toBe(true);
  });

  test('a line over the length limit is refused with its line, not parsed', () => {
    const error = tooComplex(() => parseMarkdownTables(`# Plan\n\n${'x'.repeat(70_000)}\n`));
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/line 3 is 70000 characters long/);
  });
});

describe('old-Mac line endings (lone \\r)', () => {
  test('keep every table row, on git line 1, with each row as its own source', () => {
    const doc = parseMarkdownTables(['## Tasks', '| ID | Title |', '|----|-------|', '| ST-B-001 | One |', '| ST-B-002 | Two |', ''].join('\r'));
    expect(doc.headings.map((heading) => heading.text)).toEqual(['Tasks']);
    // The heading is above the table although both are on git line 1.
    expect(doc.tables[0]!.heading?.text).toBe('Tasks');
    const rows = doc.tables[0]!.rows;
    expect(rows.map((row) => [row.line, row.source, row.cells[0]!.text])).toEqual([
      [1, '| ST-B-001 | One |', 'ST-B-001'],
      [1, '| ST-B-002 | Two |', 'ST-B-002'],
    ]);
  });

  test('converting the board to lone-CR endings deletes no row, and a lone-CR plan is still read', async () => {
    const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
    const base = consistentTree(tasks);
    const toCr = (text: string) => text.replace(/\r?\n/g, '\r');
    const head = { ...base, [BOARD]: toCr(base[BOARD]!) };
    const config = defaultConfig();
    const { report, head: model } = await runCheck({ reader: new MemoryRepo({ base, head }), config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change' });
    expect(report.findings.filter((finding) => finding.rule === 'row-deleted')).toEqual([]);
    expect(model.board?.rows.map((row) => row.id)).toEqual(['ST-B-001', 'ST-B-002']);

    // A plan saying Done while the board says In Progress is a finding, whatever its line endings.
    const planHead = { ...base, [planPath('B')]: toCr(plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }])) };
    const planCheck = await runCheck({ reader: new MemoryRepo({ base, head: planHead }), config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change' });
    expect(planCheck.head.plans.get(planPath('B'))?.rows.map((row) => row.id)).toEqual(['ST-B-001', 'ST-B-002']);
    // One finding for the one cause (the plan moved, the board did not), and its section is known.
    expect(planCheck.report.findings.map((finding) => finding.rule)).toEqual(['board-not-updated']);
  });
});

describe('binary detection', () => {
  test('a NUL byte after the first 8,000 bytes makes the document binary', () => {
    const text = new TextEncoder().encode(`${'a'.repeat(20_000)}\0tail`);
    expect(decodeDocument(text, 1 << 20).kind).toBe('binary');
    expect(decodeDocument(new TextEncoder().encode('a'.repeat(20_000)), 1 << 20).kind).toBe('text');
  });
});

describe('bounded work per document', () => {
  test('6,000 nested > is refused with its line, not a stack overflow', () => {
    const error = tooComplex(() => parseMarkdownTables(`# Title\n${'>'.repeat(6000)} x\n`));
    expect(error.line).toBe(2);
    expect(error.reason).toMatch(/6000 nested/);
  });

  test('deep but allowed nesting is walked without recursion', () => {
    const source = `${'> '.repeat(90)}| ID | Title |\n${'> '.repeat(90)}|---|---|\n${'> '.repeat(90)}| ST-B-001 | deep |\n`;
    const doc = parseMarkdownTables(source);
    expect(doc.tables[0]!.rows[0]!.cells.map((cell) => cell.text)).toEqual(['ST-B-001', 'deep']);
  });

  test('80 KB of *a or [a] in prose costs no inline parsing', () => {
    for (const unit of ['*a', '[a]']) {
      const prose = Array.from({ length: 40 }, () => `Text ${unit.repeat(1000)}`).join('\n');
      let doc = parseMarkdownTables('');
      expect(elapsed(() => (doc = parseMarkdownTables(`# Plan\n\n${prose}\n\n${table(['| ST-B-001 | a |'])}\n`)))).toBeLessThan(5000);
      expect(doc.tables[0]!.rows).toHaveLength(1);
    }
  });

  test('inline syntax micromark would match quadratically, inside a table cell, is refused', () => {
    const error = tooComplex(() => parseMarkdownTables(table([`| ST-B-001 | ${'*a'.repeat(20_000)} |`])));
    expect(error.line).toBe(3);
    expect(error.reason).toMatch(/characters that start inline Markdown/);
  });

  test('a 40,000-row table (plain cells, links, code) is read on the fast path, every row kept', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `| ST-B-${i} | [plan](docs/plans/Plan${i % 7}.md) \`code\` <br> title ${i} |`);
    let doc = parseMarkdownTables('');
    let path = '';
    expect(elapsed(() => (doc = parseMarkdownTables(table(rows), { onPath: (taken) => (path = taken) })))).toBeLessThan(20_000);
    expect(path).toBe('fast');
    const last = doc.tables[0]!.rows.at(-1)!;
    expect(doc.tables[0]!.rows).toHaveLength(40_000);
    expect([last.line, last.cells[1]!.text, last.cells[1]!.links]).toEqual([40_002, 'plan code title 39999', ['docs/plans/Plan1.md']]);
  });

  test('a 1 MB list, flat or nested, finishes or is refused within bounds', () => {
    const flat = Array.from({ length: 100_000 }, (_, i) => `- item ${i} with *some* [inline](x)`).join('\n');
    expect(elapsed(() => expect(parseMarkdownTables(flat).tables).toEqual([]))).toBeLessThan(20_000);
    const nested = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect(elapsed(() => tooComplex(() => parseMarkdownTables(nested)))).toBeLessThan(20_000);
  });

  test('6 MB of long pipe lines is refused quickly instead of running out of memory', () => {
    const source = Array.from({ length: 100 }, () => '|'.repeat(60_000)).join('\n');
    expect(elapsed(() => tooComplex(() => parseMarkdownTables(source)))).toBeLessThan(10_000);
  });

  test('a table row with more cells than the limit is refused with its line', () => {
    const error = tooComplex(() => parseMarkdownTables(table(['| ST-B-001 | a |', `|${' x |'.repeat(5000)}`])));
    expect(error.line).toBe(4);
    expect(error.reason).toMatch(/5000 cells/);
  });
});

describe('the check names the file it could not read', () => {
  const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
  const base = consistentTree(tasks);
  const config = defaultConfig();

  test('a document over its limits ends the check with one sentence naming file, revision and line', async () => {
    const head = { ...base, [planPath('B')]: `${base[planPath('B')] ?? '# Plan B\n'}\n${'>'.repeat(6000)} x\n` };
    const check = runCheck({ reader: new MemoryRepo({ base, head }), config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change' });
    await expect(check).rejects.toThrow(DocumentTooComplexError);
    await expect(check).rejects.toThrow(new RegExp(`^${planPath('B')} at head is too complex to check: line \\d+ opens 6000 nested`));
  });

  test('past the whole check’s parse-time budget, the next document is refused by name', async () => {
    let now = 0;
    // Every parse "takes" 10 s on this clock; the budget is 15 s.
    const store = new BlobStore(1 << 20, { maxParseMs: 15_000, clock: () => (now += 5_000) });
    const check = runCheck({ reader: new MemoryRepo({ head: base }), config, rules: enabledRules(config), head: 'head', mode: 'all', store });
    await expect(check).rejects.toThrow(/at head is too complex to check: parsing the documents before it took \d+ ms, over the check's budget of 15000 ms/);
  });

  test('past the heap budget, the next document is refused instead of running out of memory', async () => {
    const store = new BlobStore(1 << 20, { heapUsed: () => 900, heapLimit: 1000, maxHeapShare: 0.7 });
    const check = runCheck({ reader: new MemoryRepo({ head: base }), config, rules: enabledRules(config), head: 'head', mode: 'all', store });
    await expect(check).rejects.toThrow(/is too complex to check: the documents before it filled 90% of the memory/);
  });
});
