import { isMap, isScalar, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../parse/text.js';
import { blankFrontmatter, readFrontmatter } from './frontmatter.js';
import { countCheckboxes, readMarkdownOutline, sectionUnder, type CheckCount, type LineSpan, type MarkdownOutline } from './markdown-outline.js';
import { readTaskCard, type TaskCard } from './task-card.js';
import type { SourceProblem, SourceRead, SourceTask } from './types.js';
import { yamlErrorText } from './yaml-error.js';

export type { CheckCount } from './markdown-outline.js';

/** A task from one file of its own (Backlog.md `backlog/tasks/<id> - <title>.md`). */
export interface TaskFileTask extends SourceTask {
  /** The ID the file name starts with (`back-12 - Title.md` → `back-12`), to compare with `id`. */
  fileId?: string;
  acceptanceCriteria: CheckCount;
  definitionOfDone: CheckCount;
  /** Assignees, labels and dates: what the exported board shows and sorts by. */
  card: TaskCard;
}

/** Frontmatter keys whose `@user` values Backlog.md quotes before parsing, so they are not errors there. */
const AT_MENTION_KEYS = new Set(['assignee', 'reporter']);

/** `back-12`, `task-4.1`, `task-epic-11.152`, `draft-3` at the start of a file name. */
/** Backlog.md names task files `<id> - <title>.md`: what comes before the first ` - ` is the ID, whatever it holds. */
const ID_TITLE_SEPARATOR = ' - ';

function fileIdOf(name: string): string | undefined {
  const separator = name.indexOf(ID_TITLE_SEPARATOR);
  if (separator > 0 && FILE_ID.test(name)) return name.slice(0, separator);
  return FILE_ID.exec(name)?.[0];
}

const FILE_ID = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*-\d+(?:\.\d+)*(?=$|[\s.-])/;

interface CheckSection {
  /** The comment pair Backlog.md writes around the list, e.g. `AC`. */
  marker: string;
  /** The heading that holds the list in files written before the markers. */
  heading: RegExp;
}
const ACCEPTANCE: CheckSection = { marker: 'AC', heading: /^acceptance criteria$/i };
const DEFINITION_OF_DONE: CheckSection = { marker: 'DOD', heading: /^definition of done$/i };

/**
 * Reads a task kept as one Markdown file with YAML frontmatter: `id`, `title`, `status` and
 * `parent_task_id` from the frontmatter, and how many acceptance-criteria and Definition of
 * Done checkboxes are ticked. A file that is not such a task (no frontmatter, YAML errors, no
 * `id`) is a problem naming the line, never a skip.
 */
export function readTaskFile(file: string, text: string): SourceRead<TaskFileTask> {
  const problems: SourceProblem[] = [];
  const problem = (line: number, message: string): SourceRead<TaskFileTask> => {
    problems.push({ file, line, message });
    return { tasks: [], problems };
  };

  const frontmatter = readFrontmatter(text);
  if (frontmatter.kind === 'none') {
    return problem(1, 'this file has no YAML frontmatter (a `---` block with id, title and status on line 1), so it is not read as a task; add the block or move the file out of the task folder.');
  }
  const lines = new LineIndex(text);
  if (frontmatter.kind === 'unclosed') {
    const [error] = frontmatter.document?.errors ?? [];
    if (error) {
      return problem(
        errorLine(lines, frontmatter.document!.contents, error.pos[0]),
        `the frontmatter is not valid YAML (${yamlErrorText(error)}), and the closing \`---\` is read as part of it, so the task cannot be read; fix this line.`,
      );
    }
    return problem(1, 'the frontmatter opened by `---` on line 1 is never closed by a second `---` line, so the task cannot be read; close it after the last field.');
  }

  const { document } = frontmatter;
  const contents = document.contents;
  const map = isMap(contents) ? contents : null;
  for (const error of document.errors) {
    const field = map ? fieldAt(map, error.pos[0]) : undefined;
    if (error.code === 'BAD_SCALAR_START' && field && AT_MENTION_KEYS.has(field.key)) continue;
    problems.push({
      file,
      line: errorLine(lines, contents, error.pos[0]),
      message: `the frontmatter is not valid YAML (${yamlErrorText(error)}); fix this line so the task can be read.`,
    });
  }
  if (!map) {
    if (problems.length > 0) return { tasks: [], problems };
    return problem(1, 'the frontmatter is not a list of `key: value` fields, so the task cannot be read; write id, title and status as fields.');
  }

  const idNode = map.get('id', true);
  const id = scalarText(idNode);
  if (id === undefined || id === '') {
    return problem(
      idNode?.range ? lines.lineAt(idNode.range[0]) : 2,
      'the frontmatter has no `id`, so this task cannot be matched with anything; add `id:` with the ID its file name starts with.',
    );
  }
  const line = lines.lineAt((idNode?.range ?? [0])[0]);
  const status = scalarText(map.get('status', true));
  if (status === undefined || status === '') {
    problems.push({ file, line, message: `task ${id} has no \`status\` in its frontmatter; add one of the statuses the board uses.` });
  }

  const task: TaskFileTask = withLazyCounts(
    {
      id,
      title: scalarText(map.get('title', true)) ?? '',
      status: status ?? '',
      file,
      line,
      card: readTaskCard(map),
    },
    () => readMarkdownOutline(blankFrontmatter(text, frontmatter)),
  );
  const parent = scalarText(map.get('parent_task_id', true)) ?? scalarText(map.get('parent', true));
  if (parent) task.parent = parent;
  const fileId = fileIdOf(file.slice(file.lastIndexOf('/') + 1));
  if (fileId) task.fileId = fileId;
  return { tasks: [task], problems };
}

/**
 * The task with its two checkbox counts read from the body on first use, once. The body is most
 * of the cost of a task file (remark over the Markdown): a change judges a few tasks' criteria,
 * not those of the hundreds of files it did not touch, and a cold run should not parse them.
 * The counts are ordinary enumerable properties to every reader (spread and `toEqual` see them).
 */
function withLazyCounts(fields: Omit<TaskFileTask, 'acceptanceCriteria' | 'definitionOfDone'>, body: () => MarkdownOutline): TaskFileTask {
  let outline: MarkdownOutline | undefined;
  const counted = (section: CheckSection) => {
    let count: CheckCount | undefined;
    return { enumerable: true, configurable: true, get: () => (count ??= countChecks((outline ??= body()), section)) };
  };
  return Object.defineProperties(fields, { acceptanceCriteria: counted(ACCEPTANCE), definitionOfDone: counted(DEFINITION_OF_DONE) }) as TaskFileTask;
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null || node.value === undefined) return undefined;
  return String(node.value).trim();
}

/** The top-level field whose value holds `offset`: its key and where its value starts. */
function fieldAt(map: YAMLMap, offset: number): { key: string; valueStart: number } | undefined {
  for (const pair of map.items as Pair<YamlNode, YamlNode>[]) {
    const range = pair.value?.range;
    if (range && range[0] <= offset && offset <= range[1] && isScalar(pair.key)) return { key: String(pair.key.value), valueStart: range[0] };
  }
  return undefined;
}

/**
 * The line to blame for a YAML error: where the field's value starts when the error is inside
 * one (the parser notices an unclosed quote only where the input ends), else the error's own.
 */
function errorLine(lines: LineIndex, contents: unknown, offset: number): number {
  const field = isMap(contents) ? fieldAt(contents, offset) : undefined;
  return lines.lineAt(field?.valueStart ?? offset);
}


/**
 * Counts the checkboxes of a section: between Backlog.md's `<!-- AC:BEGIN -->` and
 * `<!-- AC:END -->` comments when present, else under the section's own heading.
 */
function countChecks(outline: MarkdownOutline, section: CheckSection): CheckCount {
  const begin = outline.comments.find((comment) => comment.text.includes(`${section.marker}:BEGIN`));
  if (!begin) return countCheckboxes(outline, sectionUnder(outline, section.heading));
  const end = outline.comments.find((comment) => comment.line > begin.line && comment.text.includes(`${section.marker}:END`));
  const span: LineSpan = { from: begin.line, to: end?.line ?? Number.POSITIVE_INFINITY };
  return countCheckboxes(outline, span);
}
