import type { Finding } from '../../src/core/finding.js';
import { terminalText } from '../../src/report/escape.js';
import { renderText } from '../../src/report/text.js';
import { cleanChange, largeChange, reportOf, smallChange } from './scenarios.js';

const ESC = '\u001b';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  rule: 'status-mismatch-md-csv',
  severity: 'error',
  message: 'ST-B-001 is "Done" on the Markdown board but "Ready" in the CSV; make them agree',
  taskId: 'ST-B-001',
  file: 'docs/taskboard/TaskBoard.csv',
  line: 2,
  introduced: true,
  ...overrides,
});

describe('the terminal text, snapshots of real checks', () => {
  test.each([
    ['small', smallChange],
    ['large (60 tasks added to the board only)', largeChange],
    ['clean', cleanChange],
  ])('%s', async (_name, change) => {
    expect(renderText(await change())).toMatchSnapshot();
  });
});

describe('renderText', () => {
  test('after the findings: the count per rule, and how many doc-sync fix repairs', async () => {
    const text = renderText(await largeChange());
    const tail = text.slice(text.indexOf('Findings per rule:'));
    expect(tail).toContain('  error   csv-row-missing          60  (60 fixable)');
    expect(tail).toContain('  error   plan-entry-missing       60\n');
    expect(tail).toContain('  notice  backlog-entry-missing    60  (60 fixable)');
    expect(tail).toContain('\n120 findings can be fixed: run doc-sync fix\n');
  });

  test('no fixable finding, no fix line; a clean check, no counts', async () => {
    expect(renderText(reportOf([finding()]))).not.toContain('can be fixed');
    expect(renderText(await cleanChange())).not.toContain('Findings per rule');
  });

  test('the working tree and the index are named, not cut to seven characters like a SHA', () => {
    expect(renderText(reportOf([finding()], { head: 'working-tree' }))).toContain(`${'a'.repeat(7)}..working-tree:`);
    expect(renderText(reportOf([finding()], { head: 'index' }))).toContain(`${'a'.repeat(7)}..index:`);
    expect(renderText(reportOf([finding()]))).toContain(`${'a'.repeat(7)}..${'b'.repeat(7)}:`);
  });

  test('terminal lines: a CRLF is a line break, an escape sequence is shown', () => {
    expect(terminalText('a\r\nb\rc\nd')).toBe('a b\\x0dc d');
    expect(terminalText('red \x1b[31m')).toBe('red \\x1b[31m');
  });

  test('the whole text of a change with one introduced and one pre-existing finding, line by line', () => {
    const introduced = finding({ message: 'ST-B-001 differs' });
    const text = renderText(reportOf([introduced, { ...introduced, introduced: false, line: 3, taskId: 'ST-B-002', message: 'ST-B-002 differs' }]));
    expect(text.split('\n')).toEqual([
      'doc-sync: FAIL. 2 errors, 0 warnings; 1 finding fails the gate.',
      'aaaaaaa..bbbbbbb: 2 tasks touched, 3 files changed; 9 documents read in 120 ms',
      '',
      'docs/taskboard/TaskBoard.csv',
      '    2  error   ST-B-001 differs  [status-mismatch-md-csv]',
      '    3  error   ST-B-002 differs (pre-existing)  [status-mismatch-md-csv]',
      '',
      'Findings per rule:',
      '  error   status-mismatch-md-csv     2  (1 pre-existing)',
      '',
      'Pre-existing findings were already there at base; they do not fail the gate.',
      'Run "doc-sync explain <rule>" for what a rule checks and how to fix it.',
      '',
    ]);
  });

  test('pre-existing findings are counted apart', () => {
    const text = renderText(reportOf([finding(), finding({ introduced: false, line: 3, taskId: 'ST-B-002' })]));
    expect(text).toContain('  error   status-mismatch-md-csv     2  (1 pre-existing)');
  });

  test('colour is off unless asked for; when on, severities and the verdict are coloured', () => {
    const report = reportOf([finding(), finding({ severity: 'warning', rule: 'csv-not-updated' }), finding({ severity: 'notice', rule: 'backlog-entry-missing' })]);
    expect(renderText(report)).not.toContain(ESC);
    expect(renderText(report, { color: false })).toBe(renderText(report));
    const coloured = renderText(report, { color: true });
    expect(coloured).toContain(`${ESC}[31merror  ${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[33mwarning${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[36mnotice ${ESC}[39m`);
    expect(coloured.split('\n')[0]).toBe(`${ESC}[31mdoc-sync: FAIL. 1 error, 1 warning, 1 notice; 1 finding fails the gate.${ESC}[39m`);
    // Without the escapes it is the plain text.
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderText(report));
  });

  test('control characters from the documents are shown, never obeyed (issue 9.10)', () => {
    // Erase the line, move up, rewrite: a cell that would hide the lines above it.
    const message = `ST-B-001 is "${ESC}[2K${ESC}[1A${ESC}[2Kall good\u0007\r" on the board\u202e but "Ready" in the CSV`;
    const text = renderText(reportOf([finding({ message, file: `docs/${ESC}]0;title\u0007board.csv` })]));
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('ST-B-001 is "\\x1b[2K\\x1b[1A\\x1b[2Kall good\\x07\\x0d" on the board\\u202e but "Ready" in the CSV');
    expect(text).toContain('docs/\\x1b]0;title\\x07board.csv');
    expect(renderText(reportOf([finding({ message, file: `docs/${ESC}x` })]), { color: true })).not.toContain(`${ESC}[2K`);
  });
});
