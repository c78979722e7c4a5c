import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { loadSarifRules } from '../../src/adapters/sarif-rules.js';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/index.js';
import { largeChange, reportOf, smallChange } from './scenarios.js';

// The SARIF 2.1.0 JSON Schema (rtm.5, the one the OASIS standard froze) as Microsoft's SARIF SDK ships it.
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// unicodeRegExp off: the schema's `language` pattern is not valid with the u flag.
// CommonJS default exports, as ESM sees them.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const errorsOf = (log: unknown) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));

describe('renderSarif', () => {
  test('the schema rejects what is not SARIF (the validation can fail)', () => {
    expect(errorsOf({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).not.toEqual([]);
    expect(errorsOf({ version: '2.0.0', runs: [] })).not.toEqual([]);
    const result = { ruleId: 'x', level: 'notice', message: { text: 'm' } };
    expect(errorsOf({ version: '2.1.0', runs: [{ tool: { driver: { name: 'doc-sync' } }, results: [result] }] })).not.toEqual([]);
    expect(errorsOf({ version: '2.1.0', runs: [{ tool: { driver: { name: 'doc-sync' } }, results: [{ ...result, level: 'note' }] }] })).toEqual([]);
  });

  test.each([
    ['a change with pre-existing findings', smallChange],
    ['a change with 181 findings', largeChange],
  ])('%s validates against the SARIF 2.1.0 schema', async (_name, change) => {
    const report = await change();
    const log = renderSarif(report, await loadSarifRules(RULES));
    expect(errorsOf(JSON.parse(JSON.stringify(log)))).toEqual([]);
    expect(log.runs[0]!.results).toHaveLength(report.findings.length);
  });

  test('every rule carries its docs page as help; each result points at its rule, file and line', async () => {
    const report = await smallChange();
    const log = renderSarif(report, await loadSarifRules(RULES, 'https://github.com/acme/doc-sync/blob/v1/docs/rules/'));
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules!;
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const csvRule = rules.find((rule) => rule.id === 'csv-row-missing')!;
    expect(csvRule.help!.markdown).toBe(readFileSync('docs/rules/csv-row-missing.md', 'utf8'));
    expect(csvRule.help!.text).toContain('A task has a Markdown board row but no CSV record.');
    expect(csvRule.helpUri).toBe('https://github.com/acme/doc-sync/blob/v1/docs/rules/csv-row-missing.md');
    expect(csvRule.defaultConfiguration).toEqual({ level: 'error' });
    for (const [position, result] of run.results!.entries()) {
      const finding = report.findings[position]!;
      expect(rules[result.ruleIndex!]!.id).toBe(finding.rule);
      expect(result.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' }, region: { startLine: finding.line } } }]);
      expect(result.baselineState).toBe(finding.introduced ? 'new' : 'unchanged');
    }
    expect(run.results!.map((result) => result.level)).toEqual(report.findings.map((finding) => ({ error: 'error', warning: 'warning', notice: 'note' })[finding.severity]));
  });

  test('partialFingerprints stay when rows move, and tell two findings apart', () => {
    const finding = { rule: 'csv-row-missing', severity: 'error' as const, message: 'ST-B-004 has no CSV record (line 9)', taskId: 'ST-B-004', file: 'docs/StateTrace_TaskBoard.md', line: 9, introduced: true };
    const before = renderSarif(reportOf([finding, { ...finding, taskId: 'ST-B-005', line: 10 }]), []);
    // Three rows were added above: lines and the line in the message move.
    const after = renderSarif(reportOf([{ ...finding, line: 12, message: 'ST-B-004 has no CSV record (line 12)' }, { ...finding, taskId: 'ST-B-005', line: 13 }]), []);
    const keys = (log: typeof before) => log.runs[0]!.results!.map((result) => result.partialFingerprints![FINGERPRINT_KEY]);
    expect(keys(after)).toEqual(keys(before));
    expect(new Set(keys(before)).size).toBe(2);
    // A finding without a task is known by its message with the counts taken out.
    const session = { ...finding, rule: 'session-log-missing', taskId: null };
    const one = keys(renderSarif(reportOf([{ ...session, message: 'the board status of 2 tasks changed' }]), []));
    expect(keys(renderSarif(reportOf([{ ...session, message: 'the board status of 3 tasks changed', line: 40 }]), []))).toEqual(one);
    expect(keys(renderSarif(reportOf([session, session]), []))).toEqual([expect.stringMatching(/:1$/), expect.stringMatching(/:2$/)]);
  });

  test('an audit has no baseline state; a rule without metadata still gets a descriptor', () => {
    const log = renderSarif(reportOf([{ rule: 'from-a-plugin', severity: 'notice', message: 'm', taskId: null, file: 'a.md', line: 1, introduced: true }], { mode: 'all', base: null }), []);
    expect(log.runs[0]!.results![0]!.baselineState).toBeUndefined();
    expect(log.runs[0]!.tool.driver.rules!.map((rule) => rule.id)).toEqual(['from-a-plugin']);
    expect(errorsOf(JSON.parse(JSON.stringify(log)))).toEqual([]);
  });
});
