import { configSchema } from '../../src/config/schema.js';
import { runCheck } from '../../src/core/check.js';
import { enabledRules } from '../../src/rules/index.js';
import type { Fix } from '../../src/core/finding.js';
import { applyFixes } from '../../src/fix/apply.js';
import { BACKLOG, BOARD, CSV, backlog, board, boardRow, consistentTree, csvRecord, sessionLog, sessionPath, type Task } from '../support/docs.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

/**
 * Round trips on realistic bytes: check a partly synced change, apply its fixes, and
 * require that (1) each file differs from head in the intended rows only, byte for byte,
 * (2) the check of the fixed tree is clean, (3) applying the fixes again changes nothing,
 * (4) a fix whose row was edited since is refused.
 */

const before: Task[] = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002', status: 'In Progress' }];
const after: Task[] = [{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002', status: 'In Progress' }, { id: 'ST-B-003' }];

type Eol = '\n' | '\r\n';
/** Joins lines, giving each its own ending (the last one too, unless `final` is false). */
const lines = (items: readonly (readonly [string, Eol])[], final = true): string =>
  items.map(([text, eol], index) => (index < items.length - 1 || final ? text + eol : text)).join('');
const withEol = (text: string, eol: Eol | 'mixed'): string => {
  const split = text.replace(/\r\n/g, '\n').split('\n');
  const last = split.pop();
  return lines(split.map((line, index) => [line, eol === 'mixed' ? (index % 2 === 0 ? '\r\n' : '\n') : eol] as const)) + (last ?? '');
};
const BOM = '\uFEFF';

/** The board with HTML comment lines between rows, as real boards have them. */
function commentedBoard(tasks: Task[]): string {
  return board(tasks)
    .replace(`${boardRow(tasks[1]!)}\n`, `<!-- LANDMARK: ${tasks[1]!.id} evidence -->\n${boardRow(tasks[1]!)}\n<!-- LANDMARK: next -->\n`);
}

/** A CSV that quotes only where needed (LF). */
function unquotedCsv(tasks: Task[]): string {
  const header = 'ID,Title,Column,OwnerRole,Deliverable,PlanLink,Notes';
  return [header, ...tasks.map((task) => csvRecord(task).replace(/"([^",]*)"/g, '$1'))].join('\n') + '\n';
}
const quotedCsv = (tasks: Task[], eol: Eol | 'mixed', final = true): string => {
  const body = withEol(['"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', ...tasks.map(csvRecord), ''].join('\n'), eol);
  return final ? body : body.replace(/\r?\n$/, '');
};

/** Everything consistent with `after` except the files a case replaces; a session log that cites the moved tasks. */
const headTree = (files: Tree): Tree => ({
  ...consistentTree(after),
  [BACKLOG]: backlog([{ id: 'ST-B-003' }]),
  [sessionPath(1)]: sessionLog(['ST-B-001', 'ST-B-003']),
  ...files,
});
const baseTree = (files: Tree): Tree => ({ ...consistentTree(before), ...files });

interface RoundTrip {
  name: string;
  base: Tree;
  head: Tree;
  /** Files the fixes must produce, exactly; every other file must stay as it is. */
  fixed: Record<string, string>;
  /** Fixes expected (rule ids of the findings carrying them). */
  rules: string[];
}

const giant = Array.from({ length: 160 }, (_, i) => `step ${i}: ran \`Tools/Invoke-${i}.ps1\` and captured telemetry`).join(' <br> ');

const cases: RoundTrip[] = [
  {
    name: 'Markdown-side edit; board and CSV with a BOM and CRLF, comment lines in the table, a CSV that quotes every field',
    base: baseTree({ [BOARD]: BOM + withEol(commentedBoard(before), '\r\n'), [CSV]: BOM + quotedCsv(before, '\r\n') }),
    head: headTree({ [BOARD]: BOM + withEol(commentedBoard(after), '\r\n'), [CSV]: BOM + quotedCsv(before, '\r\n'), [BACKLOG]: backlog([]) }),
    fixed: {
      [CSV]: BOM + quotedCsv(after, '\r\n'),
      [BACKLOG]: backlog([]).replace(/(\|-+\|.*\n)/, '$1| ST-B-003 | Plan B | Title of ST-B-003 | | Deliverable of ST-B-003 | Opened by doc-sync |\n'),
    },
    rules: ['backlog-entry-missing', 'csv-not-updated', 'csv-row-missing', 'status-mismatch-md-csv'],
  },
  {
    name: 'CSV-side edit; LF, a CSV that quotes only where needed, comment lines around the row the new one follows',
    base: baseTree({ [BOARD]: commentedBoard(before), [CSV]: unquotedCsv(before) }),
    head: headTree({ [BOARD]: commentedBoard(before), [CSV]: unquotedCsv(after) }),
    fixed: {
      // The status cell is rewritten in place; the new row goes right after ST-B-002's, above the comment that follows it.
      [BOARD]: commentedBoard(before)
        .replace(boardRow(before[0]!), boardRow(after[0]!))
        .replace(`${boardRow(before[1]!)}\n`, `${boardRow(before[1]!)}\n${boardRow(after[2]!)}\n`),
    },
    rules: ['md-not-updated', 'md-row-missing', 'status-mismatch-md-csv'],
  },
  {
    name: 'mixed line endings per line: a rewritten line keeps its own ending, a new line takes the one of the line it follows',
    base: baseTree({ [BOARD]: withEol(board(before), 'mixed'), [CSV]: lines([['"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', '\r\n'], [csvRecord(before[0]!), '\n'], [csvRecord(before[1]!), '\r\n']]) }),
    head: headTree({ [BOARD]: withEol(board(after), 'mixed'), [CSV]: lines([['"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', '\r\n'], [csvRecord(before[0]!), '\n'], [csvRecord(before[1]!), '\r\n']]) }),
    fixed: {
      [CSV]: lines([['"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', '\r\n'], [csvRecord(after[0]!), '\n'], [csvRecord(before[1]!), '\r\n'], [csvRecord(after[2]!), '\r\n']]),
    },
    rules: ['csv-not-updated', 'csv-row-missing', 'status-mismatch-md-csv'],
  },
  {
    name: 'a CSV with no line break after its last record keeps none',
    base: baseTree({ [CSV]: quotedCsv(before, '\n', false) }),
    head: headTree({ [CSV]: quotedCsv(before, '\n', false) }),
    fixed: { [CSV]: quotedCsv(after, '\n', false) },
    rules: ['csv-not-updated', 'csv-row-missing', 'status-mismatch-md-csv'],
  },
  {
    name: 'a CSV record with a line break inside a quoted field is rewritten as a whole, its inner CRLF kept',
    base: baseTree({ [BOARD]: board([{ ...before[0]!, deliverable: 'line one<br>line two' }, before[1]!]), [CSV]: quotedCsv([{ ...before[0]!, deliverable: 'line one\r\nline two' }, before[1]!], '\r\n') }),
    head: headTree({
      [BOARD]: board([{ ...after[0]!, deliverable: 'line one<br>line two' }, after[1]!, after[2]!]),
      [CSV]: quotedCsv([{ ...before[0]!, deliverable: 'line one\r\nline two' }, before[1]!, after[2]!], '\r\n'),
    }),
    fixed: { [CSV]: quotedCsv([{ ...after[0]!, deliverable: 'line one\r\nline two' }, before[1]!, after[2]!], '\r\n') },
    rules: ['csv-not-updated', 'status-mismatch-md-csv'],
  },
  {
    name: 'a giant cell with <br> and backticks is copied verbatim, the record quoted as the file quotes',
    base: baseTree({}),
    head: headTree({ [BOARD]: board([{ ...after[0]!, deliverable: giant }, after[1]!, after[2]!]), [CSV]: quotedCsv([before[0]!, before[1]!, after[2]!], '\r\n') }),
    fixed: { [CSV]: quotedCsv([{ ...after[0]!, deliverable: giant }, before[1]!, after[2]!], '\r\n') },
    rules: ['csv-not-updated', 'status-mismatch-md-csv'],
  },
];

const config = configSchema.parse({});
const check = async (base: Tree, head: Tree) =>
  (await runCheck({ reader: new MemoryRepo({ base, head }), config, rules: enabledRules(config), base: 'base', head: 'head', mode: 'change' })).report;
const toBytes = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);
const bytesOf = (tree: Tree) => new Map(Object.entries(tree).map(([path, content]) => [path, toBytes(content)]));
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe.each(cases.map((c) => [c.name, c] as const))('round trip: %s', (_name, testCase) => {
  let fixes: Fix[];
  let fixedTree: Tree;

  beforeAll(async () => {
    const report = await check(testCase.base, testCase.head);
    expect(report.findings.filter((finding) => finding.fix).map((finding) => finding.rule).sort()).toEqual(testCase.rules);
    fixes = report.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []));
    const outcome = applyFixes(bytesOf(testCase.head), fixes);
    expect(outcome.refused).toEqual([]);
    fixedTree = { ...testCase.head, ...Object.fromEntries(outcome.files) };
  });

  test('apply: each file differs from head only in the intended rows, byte for byte', () => {
    for (const [path, content] of Object.entries(fixedTree)) {
      const expected = testCase.fixed[path] ?? testCase.head[path]!;
      expect([path, Buffer.from(toBytes(content)).toString('hex')]).toEqual([path, Buffer.from(toBytes(expected)).toString('hex')]);
    }
  });

  test('check: the fixed change is clean', async () => {
    expect((await check(testCase.base, fixedTree)).findings).toEqual([]);
  });

  test('apply again: nothing changes', () => {
    const again = applyFixes(bytesOf(fixedTree), fixes);
    expect(again.files.size).toBe(0);
    expect(again.unchanged).toHaveLength(fixes.length);
  });

  test('a target edited since the fix was computed is refused, and nothing else in its file moves', () => {
    const fix = fixes[0]!;
    const original = decode(toBytes(testCase.head[fix.file]!));
    const target = fix.expected.split('\n')[0]!;
    const edited = original.replace(target, `${target} (edited)`);
    const outcome = applyFixes(new Map([[fix.file, toBytes(edited)]]), fixes.filter((other) => other.file === fix.file));
    expect(outcome.refused.map((refusal) => refusal.fix)).toContain(fix);
    expect(outcome.refused.find((refusal) => refusal.fix === fix)!.reason).toMatch(/the target moved since the fix was computed/);
  });
});
