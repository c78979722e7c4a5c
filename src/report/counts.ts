import { SEVERITY_RANK } from '../core/finding.js';
import type { Report, RuleCount } from './report.js';

/**
 * The findings counted per rule, the most severe rules first, then the most
 * frequent. A trimmed report (`omitted`) carries the counts of every finding.
 */
export function countByRule(report: Pick<Report, 'findings' | 'omitted'>): RuleCount[] {
  if (report.omitted) return report.omitted.rules;
  const counts = new Map<string, RuleCount>();
  for (const finding of report.findings) {
    let count = counts.get(finding.rule);
    if (!count) {
      count = { rule: finding.rule, severity: finding.severity, introduced: 0, preExisting: 0, fixable: 0 };
      counts.set(finding.rule, count);
    }
    if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[count.severity]) count.severity = finding.severity;
    if (finding.introduced) count.introduced += 1;
    else count.preExisting += 1;
    if (finding.fix) count.fixable += 1;
  }
  return [...counts.values()].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.introduced + b.preExisting - (a.introduced + a.preExisting) || a.rule.localeCompare(b.rule),
  );
}

/** How many findings `doc-sync fix` would repair, and the rules they belong to. */
export function fixableOf(counts: readonly RuleCount[]): { findings: number; rules: string[] } {
  const rules = counts.filter((count) => count.fixable > 0);
  return { findings: rules.reduce((sum, count) => sum + count.fixable, 0), rules: rules.map((count) => count.rule) };
}
