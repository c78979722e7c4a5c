import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { SourceProblem } from './types.js';
import { yamlErrorText } from './yaml-error.js';

/** What a Backlog.md project's `backlog/config.yml` says about its tasks. */
export interface BacklogConfig {
  /** The board's statuses in column order (`statuses:`), the preset's status vocabulary. */
  statuses: string[];
  /** The ID prefix of task files (`task_prefix:`, `task` when absent): Backlog.md reads `<prefix>-*.md`. */
  taskPrefix: string;
  /** The Definition of Done items new tasks get (`definition_of_done:`). */
  definitionOfDone: string[];
}

/** Backlog.md's own defaults (`backlog init`). */
const DEFAULT_STATUSES = ['To Do', 'In Progress', 'Done'];
/** Backlog.md's `task_prefix` when the config does not set one. */
export const DEFAULT_TASK_PREFIX = 'task';

/**
 * Reads `backlog/config.yml`. Missing keys take Backlog.md's defaults; a key that is there but
 * not of its shape, or YAML errors, are problems with their line (the defaults then apply).
 */
export function readBacklogConfig(file: string, text: string): { config: BacklogConfig; problems: SourceProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problems: SourceProblem[] = document.errors.map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    message: `the config is not valid YAML (${yamlErrorText(error)}); fix this line so its statuses can be read.`,
  }));
  const root = isMap(document.contents) ? document.contents : undefined;

  const list = (key: string, fallback: string[]): string[] => {
    const node = root?.get(key, true);
    if (node === undefined || node === null) return fallback;
    if (isSeq(node) && node.items.every((item) => isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '')) {
      return node.items.map((item) => String((item as { value: string }).value).trim());
    }
    problems.push({ file, line: lineAt((node as { range?: [number, number, number] }).range?.[0]), message: `\`${key}\` should be a list of words, like ["To Do", "In Progress", "Done"].` });
    return fallback;
  };
  const statuses = list('statuses', DEFAULT_STATUSES);
  const definitionOfDone = list('definition_of_done', []);
  const prefixNode = root?.get('task_prefix', true);
  const prefix: unknown = isScalar(prefixNode) ? prefixNode.value : undefined;
  let taskPrefix = DEFAULT_TASK_PREFIX;
  if (typeof prefix === 'string' && /^[A-Za-z][A-Za-z0-9]*$/.test(prefix.trim())) {
    taskPrefix = prefix.trim().toLowerCase();
  } else if (prefixNode !== undefined && prefixNode !== null) {
    problems.push({ file, line: lineAt((prefixNode as { range?: [number, number, number] }).range?.[0]), message: '`task_prefix` should be a word of letters and digits, like "task".' });
  }
  return { config: { statuses, taskPrefix, definitionOfDone }, problems };
}
