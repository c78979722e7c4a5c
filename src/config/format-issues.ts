import type { z } from 'zod';

/** Turns zod issues into one readable sentence per problem, naming the key. */
export function formatIssues(source: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length > 0 ? `under "${key}"` : 'at the top level';
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} ${where}`;
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      return `"${key}" must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    return `"${key}" ${issue.message.replace(/^Invalid input: /, '')}`;
  });
  return `${source}: invalid configuration: ${lines.join('; ')}. See schemas/config.schema.json or run "doc-sync init" for a commented example.`;
}
