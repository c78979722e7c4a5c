import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, publish, selectAnnotations, ANNOTATIONS_PER_LEVEL } from '../../src/action/publish.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { RecordingRuntime } from '../support/action-harness.js';
import { csvRowMissing, reportOf } from '../report/scenarios.js';

const finding = csvRowMissing;
const report = reportOf;

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

describe('publish', () => {
  test('the job summary lists the findings with links to the lines on the runner\'s server, and the report file holds the JSON', async () => {
    const runtime = new RecordingRuntime();
    const dir = mkdtempSync(join(tmpdir(), 'doc-sync-publish-'));
    const failing = report([finding(1), finding(2, { rule: 'status-mismatch-plan', severity: 'warning', introduced: false, taskId: 'ST-C-002' })]);
    try {
      await publish({ runtime, report: failing, inputs: { comment: 'always' }, reportPath: join(dir, 'report.json'), github: null, where: { owner: 'acme', repo: 'plans' }, pull: null, serverUrl: 'https://ghe.example.com' });
      expect(runtime.summary).toContain(`- ❌ [\`docs/StateTrace_TaskBoard.md:7\`](https://ghe.example.com/acme/plans/blob/${'b'.repeat(40)}/docs/StateTrace_TaskBoard.md?plain=1#L7) \`csv-row-missing\` ST-B-001 is on the Markdown board`);
      expect(runtime.summary).toContain('<b>Pre-existing</b> (1)');
      expect(runtime.summary).not.toContain(COMMENT_MARKER);
      expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(failing);
      expect(runtime.outputs.result).toBe('fail');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sarif-path', () => {
  test('writes the findings as SARIF, with help links to the rule docs of the running version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-sync-publish-'));
    try {
      const sarifPath = join(dir, 'out', 'doc-sync.sarif');
      const runtime = new RecordingRuntime();
      await publish({ runtime, report: report([finding(1)]), inputs: { comment: 'never', 'sarif-path': sarifPath }, reportPath: join(dir, 'report.json'), github: null, where: { owner: 'acme', repo: 'plans' }, pull: null, docsBaseUrl: 'https://github.com/acme/doc-sync/blob/v1/docs/rules/' });
      const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; locations: unknown[] }[] }[] };
      expect(log.runs[0]!.results.map((result) => result.ruleId)).toEqual(['csv-row-missing']);
      expect(log.runs[0]!.tool.driver.rules.find((rule) => rule.id === 'csv-row-missing')!.helpUri).toBe('https://github.com/acme/doc-sync/blob/v1/docs/rules/csv-row-missing.md');
      expect(runtime.lines).toContain(`Wrote the SARIF log to ${sarifPath}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the fingerprint', () => {
  test('the fingerprint ignores the run time but not the findings', () => {
    const one = report([finding(1)]);
    expect(fingerprint(one)).toBe(fingerprint({ ...one, durationMs: 999 }));
    expect(fingerprint(one)).not.toBe(fingerprint(report([finding(2)])));
    expect(fingerprint(one)).not.toBe(fingerprint(one, ['backlog rows to add']));
  });
});
