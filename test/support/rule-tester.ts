import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import { runCheck } from '../../src/core/check.js';
import type { Finding, Fix } from '../../src/core/finding.js';
import { enabledRules, RULES } from '../../src/rules/index.js';
import { MemoryRepo, type Tree } from './memory-repo.js';

/** One case: the documents before and after a change (or one tree for `all` mode). */
export interface RuleCase {
  name: string;
  /** Documents at base; omit for an `all`-mode audit of `head`. */
  base?: Tree;
  head: Tree;
  /** Config besides `rules` (paths, columns, statuses…). */
  config?: Omit<ConfigInput, 'rules'>;
  /** Options for the rule under test. */
  options?: Record<string, unknown>;
}

export interface ExpectedFinding {
  taskId?: string | null;
  taskIds?: string[];
  file?: string;
  line?: number;
  introduced?: boolean;
  /** Part of the message (regular expression). */
  message?: RegExp;
  /** The fix it carries (matched as a subset); `undefined` for none. */
  fix?: Partial<Fix>;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** Runs the whole engine with only `ruleId` enabled and returns its findings. */
export async function findingsOf(ruleId: string, testCase: RuleCase): Promise<Finding[]> {
  const rules = Object.fromEntries(
    RULES.map((rule) => [rule.id, rule.id === ruleId ? { severity: rule.defaultSeverity, options: testCase.options ?? {} } : ('off' as const)]),
  );
  const config = configSchema.parse({ ...testCase.config, rules });
  const trees: Record<string, Tree> = { head: testCase.head };
  if (testCase.base) trees.base = testCase.base;
  const { report } = await runCheck({
    reader: new MemoryRepo(trees),
    config,
    rules: enabledRules(config),
    base: testCase.base ? 'base' : undefined,
    head: 'head',
    mode: testCase.base ? 'change' : 'all',
  });
  return report.findings;
}

/** One finding against its expectation: the listed fields, the message pattern, the fix (or its absence). */
export function expectFinding(actual: Pick<Finding, 'message' | 'fix'>, expected: ExpectedFinding): void {
  const { message, fix, ...fields } = expected;
  expect(actual).toMatchObject(fields);
  if (message) expect(actual.message).toMatch(message);
  if ('fix' in expected) {
    if (fix === undefined) expect(actual.fix).toBeUndefined();
    else expect(actual.fix).toMatchObject(fix);
  }
}

/**
 * eslint's RuleTester shape: every valid case yields no finding of the rule; every
 * invalid case yields exactly the listed findings, in report order.
 */
export function testRule(ruleId: string, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    test('is registered', () => {
      expect(RULES.map((rule) => rule.id)).toContain(ruleId);
    });
    if (cases.valid.length > 0) {
      test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', async (_name, testCase) => {
        expect(await findingsOf(ruleId, testCase)).toEqual([]);
      });
    }
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', async (_name, testCase) => {
      const findings = await findingsOf(ruleId, testCase);
      expect(findings.map((f) => `${f.taskId ?? '-'} ${f.file}:${f.line}`)).toHaveLength(testCase.findings.length);
      testCase.findings.forEach((expected, index) => {
        const actual = findings[index]!;
        expect(actual.rule).toBe(ruleId);
        expectFinding(actual, expected);
      });
    });
  });
}
