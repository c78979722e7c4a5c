import { renderCompact } from '../../src/report/compact.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportFinding } from '../../src/report/report.js';

const ESC = '\u001b';

function reportWith(findings: ReportFinding[]): Report {
  const count = (severity: ReportFinding['severity']) => findings.filter((finding) => finding.severity === severity).length;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'doc-sync', version: '0.0.0' },
    mode: 'change',
    result: findings.some((finding) => finding.severity === 'error' && finding.introduced) ? 'fail' : 'pass',
    base: 'a'.repeat(40),
    head: 'working-tree',
    summary: { errors: count('error'), warnings: count('warning'), notices: count('notice'), failing: count('error'), tasksTouched: 1, filesChanged: 1, filesParsed: 2 },
    tasks: [],
    findings,
    durationMs: 1,
  };
}

const finding = (overrides: Partial<ReportFinding>): ReportFinding => ({
  rule: 'status-mismatch-md-csv',
  severity: 'error',
  message: 'ST-B-001 is "Done" on the board but "Ready" in the CSV',
  taskId: 'ST-B-001',
  file: 'docs/taskboard/TaskBoard.csv',
  line: 2,
  introduced: true,
  ...overrides,
});

describe('renderCompact', () => {
  const failing = 'doc-sync: FAIL. 1 error, 0 warnings; 1 finding fails the gate.';
  test.each([
    [finding({}), 'docs/taskboard/TaskBoard.csv:2: error status-mismatch-md-csv ST-B-001 is "Done" on the board but "Ready" in the CSV', failing],
    [
      finding({ severity: 'warning', rule: 'csv-not-updated', introduced: false, message: 'stale' }),
      'docs/taskboard/TaskBoard.csv:2: warning csv-not-updated stale (pre-existing)',
      'doc-sync: pass. 0 errors, 1 warning, none failing the gate.',
    ],
    // A cell's line breaks and escape sequences cannot break the line or rewrite the terminal.
    // They are shown as the text format shows them (\x1b, \u202e), so a reader sees what the cell holds.
    [finding({ message: `cell "a\nb\r\nc" ${ESC}[2J${ESC}[1A\u0007 \u202eright` }), 'docs/taskboard/TaskBoard.csv:2: error status-mismatch-md-csv cell "a b c" \\x1b[2J\\x1b[1A\\x07 \\u202eright', failing],
    [finding({ file: `docs/${ESC}]8;;x\u0007.md`, line: 7 }), 'docs/\\x1b]8;;x\\x07.md:7: error status-mismatch-md-csv ST-B-001 is "Done" on the board but "Ready" in the CSV', failing],
  ])('%j', (input, line, verdict) => {
    expect(renderCompact(reportWith([input]))).toBe(`${line}\n${verdict}\n`);
  });

  test('colour paints the severity and the rule, never the path and line', () => {
    const out = renderCompact(reportWith([finding({}), finding({ severity: 'notice', rule: 'backlog-entry-missing', line: 9 })]), { color: true });
    expect(out.split('\n')[0]).toBe(`docs/taskboard/TaskBoard.csv:2: ${ESC}[31merror${ESC}[0m ${ESC}[2mstatus-mismatch-md-csv${ESC}[0m ST-B-001 is "Done" on the board but "Ready" in the CSV`);
    expect(out.split('\n')[1]).toMatch(new RegExp(`^docs/taskboard/TaskBoard\\.csv:9: \\u001b\\[36mnotice`));
  });

  test('no findings: the verdict alone', () => {
    expect(renderCompact(reportWith([]))).toBe('doc-sync: pass. The planning docs changed consistently.\n');
  });
});
