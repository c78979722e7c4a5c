import type { Config } from '../config/schema.js';
import { formatIssues } from '../config/format-issues.js';
import { ConfigError } from './errors.js';
import type { Severity } from './finding.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';

export interface EnabledRule {
  rule: Rule<object>;
  severity: Severity;
  options: object;
}

/** Applies `rules:` from the config to the registry; unknown ids and bad options are config errors. */
export function enabledRules(config: Config, source = 'configuration'): EnabledRule[] {
  const known = new Set(RULES.map((rule) => rule.id));
  const unknown = Object.keys(config.rules).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${source}: unknown rule ${unknown.map((id) => `"${id}"`).join(', ')} under "rules"; run "doc-sync explain" to list the rules`,
    );
  }
  const enabled: EnabledRule[] = [];
  for (const rule of RULES) {
    const setting = config.rules[rule.id];
    const severity = typeof setting === 'string' ? setting : (setting?.severity ?? rule.defaultSeverity);
    const parsed = rule.options.safeParse(typeof setting === 'object' ? (setting.options ?? {}) : {});
    if (!parsed.success) {
      throw new ConfigError(formatIssues(source, parsed.error.issues.map((issue) => ({ ...issue, path: ['rules', rule.id, 'options', ...issue.path] }))));
    }
    if (severity === 'off') continue;
    enabled.push({ rule, severity, options: parsed.data });
  }
  return enabled;
}
