/** "1 task", "2 tasks", "3 fixes": a count with its noun, the one plural every message uses. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;
}
