import { readMarkdownOutline, type CheckboxItem } from './markdown-outline.js';
import { blankFrontmatter, readFrontmatter } from './frontmatter.js';
import type { SourceProblem, SourceRead, SourceTask } from './types.js';

/** How one checklist format names its tasks. */
export interface ChecklistOptions {
  /** A task ID at the start of an item's text (bold removed). The reader anchors it; do not. */
  idPattern: RegExp;
  /** An ID to quote in messages, e.g. `T001`. */
  idExample: string;
  /**
   * Kiro often writes sub-tasks flat (`- [x] 1.1` right after `- [ ] 1.`): with this set, an
   * item not nested under another task belongs to the earlier task whose ID is its dotted prefix.
   */
  parentFromDottedId?: boolean;
}

/** spec-kit `specs/NNN-feature/tasks.md`: `- [ ] T001 [P] [US1] text`, also `**T001**`, `[X]`, `T015a`, `T046-MIN`. */
export const SPEC_KIT_CHECKLIST: ChecklistOptions = { idPattern: /T\d+[a-z]?(?:-[A-Z]+)?/, idExample: 'T001' };

/** Kiro `.kiro/specs/<feature>/tasks.md`: `- [ ] 1. text`, `- [x] 1.1 text`, `- [ ]* 2.3 text`. */
export const KIRO_CHECKLIST: ChecklistOptions = {
  idPattern: /\d+(?:\.\d+)*[a-z]?/,
  idExample: '1.1',
  parentFromDottedId: true,
};

/** What may follow an ID: the end, a space, or the punctuation people put after it (`1.`, `T001:`). */
const AFTER_ID = String.raw`(?=$|[\s.:,;)\]—–-])`;
const LEADING_PUNCTUATION = /^[\s.:,;)\]—–-]+/;
const TAG = /^\[([^\]\s]+)\]\s*/;
/** A capitalised word and colon some teams put before the ID: `- [X] SKIP: T048 (fuzzing)`. */
const LABEL = /^([A-Z][A-Z-]{1,15}):\s+/;

/** A checklist's tasks, plus the checkboxes that are not tasks (no ID), kept visible. */
export interface ChecklistRead extends SourceRead {
  /** Checkboxes without an ID, such as spec-kit's validation checklists (`- [ ] All tests pass`). */
  untracked: Pick<CheckboxItem, 'box' | 'text' | 'line'>[];
}

/**
 * Reads the tasks of a Markdown checklist: each list item that opens with a checkbox and an
 * ID is a task; its status is the box as written (`[ ]`, `[x]`, `[X]`, `[-]`), its parent the
 * task it is nested under (or, with `parentFromDottedId`, the task its dotted ID extends).
 * A checkbox without an ID is not a task (real tasks.md files end with validation
 * checklists) and is returned as `untracked`; a file without any task is a problem.
 */
export function readChecklist(file: string, text: string, options: ChecklistOptions): ChecklistRead {
  const anchoredId = new RegExp(`^(?:${options.idPattern.source})${AFTER_ID}`, options.idPattern.flags.replace('g', ''));
  const items = readMarkdownOutline(blankFrontmatter(text, readFrontmatter(text))).checkboxes;
  const tasks: SourceTask[] = [];
  const problems: SourceProblem[] = [];
  const untracked: ChecklistRead['untracked'] = [];
  const taskOfItem = new Map<number, SourceTask>();
  const seenIds = new Set<string>();

  items.forEach((item, index) => {
    const label = LABEL.exec(item.text);
    const afterLabel = label ? item.text.slice(label[0].length) : item.text;
    const idMatch = anchoredId.exec(afterLabel);
    if (!idMatch) {
      untracked.push({ box: item.box, text: item.text, line: item.line });
      return;
    }
    const id = idMatch[0];
    let rest = afterLabel.slice(id.length).replace(LEADING_PUNCTUATION, '');
    const tags: string[] = label ? [label[1]!] : [];
    for (let tag = TAG.exec(rest); tag; tag = TAG.exec(rest)) {
      tags.push(tag[1]!);
      rest = rest.slice(tag[0].length);
    }

    const task: SourceTask = { id, title: rest.trim(), status: item.box, file, line: item.line };
    const nestedUnder = item.parentIndex === undefined ? undefined : taskOfItem.get(item.parentIndex);
    const parent = nestedUnder?.id ?? (options.parentFromDottedId ? dottedParent(id, seenIds) : undefined);
    if (parent !== undefined) task.parent = parent;
    if (item.optional) task.optional = true;
    if (item.section !== undefined) task.section = item.section;
    if (tags.length > 0) task.tags = tags;
    tasks.push(task);
    taskOfItem.set(index, task);
    seenIds.add(id);
  });

  if (tasks.length === 0) {
    const found = untracked.length > 0 ? `${untracked.length} checkboxes but none with a task ID` : 'no checkbox tasks';
    problems.push({
      file,
      line: untracked[0]?.line ?? 1,
      message: `${found} found (expected list items like \`- [ ] ${options.idExample} text\`); nothing in this file can be checked.`,
    });
  }
  return { tasks, problems, untracked };
}

/** `1.2.3` → `1.2`, `3.2a` → `3`, if that task came earlier in the file. */
function dottedParent(id: string, seenIds: ReadonlySet<string>): string | undefined {
  const cut = id.lastIndexOf('.');
  if (cut <= 0) return undefined;
  const candidate = id.slice(0, cut);
  return seenIds.has(candidate) ? candidate : undefined;
}
