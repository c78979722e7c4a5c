import { fingerprint, selectAnnotations, ANNOTATIONS_PER_LEVEL } from '../../src/action/publish.js';
import type { Finding } from '../../src/core/finding.js';
import { COMMENT_MARKER, GITHUB_COMMENT_LIMIT, parseMarkdownReport, renderMarkdown } from '../../src/report/markdown.js';
import { reportSchema, type Report } from '../../src/report/report.js';

const finding = (index: number, overrides: Partial<Finding> = {}): Finding => ({
  rule: 'csv-row-missing',
  severity: 'error',
  message: `ST-B-${String(index).padStart(3, '0')} is on the Markdown board but has no record in docs/taskboard/TaskBoard.csv`,
  taskId: `ST-B-${String(index).padStart(3, '0')}`,
  file: 'docs/StateTrace_TaskBoard.md',
  line: 6 + index,
  introduced: true,
  ...overrides,
});

function report(findings: Finding[], overrides: Partial<Report> = {}): Report {
  const count = (severity: Finding['severity']) => findings.filter((item) => item.severity === severity).length;
  return reportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'doc-sync', version: '0.1.0' },
    mode: 'change',
    result: findings.some((item) => item.introduced && item.severity === 'error') ? 'fail' : 'pass',
    base: 'a'.repeat(40),
    head: 'b'.repeat(40),
    summary: { errors: count('error'), warnings: count('warning'), notices: count('notice'), failing: findings.filter((item) => item.introduced && item.severity === 'error').length, tasksTouched: 2, filesChanged: 3, filesParsed: 9 },
    tasks: [],
    findings,
    durationMs: 120,
    ...overrides,
  });
}

describe('annotations', () => {
  test('at most 10 per level, most important first; pre-existing findings are notices', () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, index) => finding(index)),
      ...Array.from({ length: 3 }, (_, index) => finding(50 + index, { severity: 'warning' })),
      ...Array.from({ length: 12 }, (_, index) => finding(80 + index, { introduced: false })),
    ];
    const { shown, left } = selectAnnotations(findings);
    const levels = (level: string) => shown.filter((item) => item.level === level);
    expect(levels('error').map((item) => item.finding)).toEqual(findings.slice(0, ANNOTATIONS_PER_LEVEL));
    expect(levels('warning')).toHaveLength(3);
    expect(levels('notice').every((item) => !item.finding.introduced)).toBe(true);
    expect(levels('notice')).toHaveLength(10);
    expect(left).toBe(4 + 2);
  });
});

describe('the comment', () => {
  test('a failing report: verdict, a findings table with docs links and origin, the JSON in a collapsed block', () => {
    const failing = report([finding(1), finding(2, { rule: 'status-mismatch-plan', severity: 'warning', introduced: false, taskId: 'ST-C-002' })]);
    const body = renderMarkdown(failing, { docsBaseUrl: 'https://github.example/acme/doc-sync/blob/v1/docs/rules/', fingerprint: fingerprint(failing) });
    const lines = body.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toMatch(/^<!-- doc-sync:fingerprint [0-9a-f]{16} -->$/);
    expect(lines[2]).toBe('### ❌ doc-sync: FAIL. 1 error, 1 warning; 1 finding fails the gate.');
    expect(body).toContain('| ❌ error | [`csv-row-missing`](https://github.example/acme/doc-sync/blob/v1/docs/rules/csv-row-missing.md) | ST-B-001 | `docs/StateTrace_TaskBoard.md:7` |');
    expect(body).toMatch(/\| ST-C-002 \| .* \| pre-existing \|/);
    expect(body).toContain('<details><summary>JSON report</summary>');
    expect(parseMarkdownReport(body)).toEqual(failing);
  });

  test('a clean report is a one-line verdict (and the hidden JSON)', () => {
    const body = renderMarkdown(report([]));
    const visible = body.replace(/<!--.*?-->/g, '').replace(/<details>[\s\S]*<\/details>/, '').trim().split('\n').filter((line) => line.trim() !== '');
    expect(visible).toEqual(['### ✅ doc-sync: pass. The planning docs changed consistently.', expect.stringMatching(/^<sub>a{7}\.\.b{7}: 2 tasks touched/)]);
  });

  test('a skipped report says who skipped it', () => {
    const body = renderMarkdown(report([finding(1)], { result: 'pass', skipped: { label: 'doc-sync:skip', by: 'maintainer' } }));
    expect(body).toContain('doc-sync: skipped. @maintainer added the "doc-sync:skip" label, so 1 finding fail nothing.');
  });

  test('a report too big for a comment keeps the most important findings, says how many are left out, and stays under 65,536 characters', () => {
    const many = report(Array.from({ length: 3000 }, (_, index) => finding(index, { message: `${'long message '.repeat(20)}${index}` })));
    const body = renderMarkdown(many, { fingerprint: fingerprint(many) });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    const shown = body.split('\n').filter((line) => line.startsWith('| ❌')).length;
    expect(shown).toBeGreaterThan(50);
    expect(body).toContain(`…and ${3000 - shown} more findings`);
    expect(body).toContain('in the job summary');
    expect(body).not.toContain('```json');
  });

  test('the fingerprint ignores the run time but not the findings', () => {
    const one = report([finding(1)]);
    expect(fingerprint(one)).toBe(fingerprint({ ...one, durationMs: 999 }));
    expect(fingerprint(one)).not.toBe(fingerprint(report([finding(2)])));
    expect(fingerprint(one)).not.toBe(fingerprint(one, ['backlog rows to add']));
  });
});
