/** "1 task", "2 tasks", "3 fixes": a count with its noun, the one plural every message uses. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;
}

/**
 * Where a revision is, in messages: "at <short SHA>" for a commit. A caller whose revision
 * is not a commit (the CLI's working tree and index) passes its own words instead
 * ("in the working tree"), so the core writes the right ones first.
 */
export const atCommit = (commit: string): string => `at ${commit.slice(0, 7)}`;
