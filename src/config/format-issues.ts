import type { z } from 'zod';

/**
 * A union (a value or a list, a list or `{ only }`) reports one issue for all its
 * branches. When a branch got past the value's type (an invalid glob inside the list),
 * its issues say what is wrong; otherwise the union's own message (what the key takes).
 */
function unfoldUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const deeper = issue.errors.find((branch) => branch.some((inner) => inner.path.length > 0 || (inner.code !== 'invalid_type' && inner.code !== 'invalid_union')));
    if (!deeper) return [issue];
    return unfoldUnions(deeper.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
  });
}

/** Turns zod issues into one readable sentence per problem, naming the key. */
export function formatIssues(source: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = unfoldUnions(issues).map((issue) => {
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
