import { isMap, isScalar } from 'yaml';
import { LineIndex } from '../parse/text.js';
import { blankFrontmatter, readFrontmatter } from './frontmatter.js';
import { countCheckboxes, readMarkdownOutline, sectionUnder, type CheckCount, type MarkdownOutline } from './markdown-outline.js';
import type { SourceRead, SourceTask } from './types.js';

/** A BMAD story file (`_bmad-output/implementation-artifacts/1-2-story-slug.md`). */
export interface StoryFileTask extends SourceTask {
  /** The story's `Tasks / Subtasks` checkboxes (all of them, sub-tasks included). */
  subtasks: CheckCount;
}

/**
 * `status:` in frontmatter (BMAD 6.12 specs); `Status: review` as a paragraph (v6 stories,
 * bold or not); the paragraph under a `## Status` heading (v4 stories).
 */
const STATUS_LINE = /^status\s*:\s*(.+)$/i;
const STATUS_HEADING = /^status$/i;
const TASKS_HEADING = /^tasks\s*(?:\/\s*subtasks)?$/i;
/** `Story 1.2: Create the model` → `Create the model`. */
const STORY_TITLE = /^story\s+[\w.-]+\s*:\s*/i;

/**
 * Reads a BMAD story file: its ID is the file name (the key `sprint-status.yaml` uses for it),
 * its title the first heading, its status the `Status:` line under it (or the paragraph under
 * a `## Status` heading), and how many of its task checkboxes are ticked. A story without a
 * status is a problem, never a skip.
 */
export function readStoryFile(file: string, text: string): SourceRead<StoryFileTask> {
  const frontmatter = readFrontmatter(text);
  const outline = readMarkdownOutline(blankFrontmatter(text, frontmatter));
  const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const heading = outline.headings.find((candidate) => candidate.depth === 1) ?? outline.headings[0];
  let status = statusOf(outline);
  if (frontmatter.kind === 'closed' && isMap(frontmatter.document.contents)) {
    const field = frontmatter.document.contents.get('status', true);
    if (isScalar(field) && field.value !== null && String(field.value).trim() !== '') {
      status = { text: String(field.value).trim(), line: new LineIndex(text).lineAt(field.range?.[0] ?? 0) };
    }
  }
  if (!status) {
    return {
      tasks: [],
      problems: [{ file, line: heading?.line ?? 1, message: `story ${id} has no \`Status:\` line, so its status cannot be compared with sprint-status.yaml; add \`Status: <status>\` under its title.` }],
    };
  }
  const task: StoryFileTask = {
    id,
    title: (heading?.text ?? id).replace(STORY_TITLE, ''),
    status: status.text,
    file,
    line: status.line,
    subtasks: countCheckboxes(outline, sectionUnder(outline, TASKS_HEADING)),
  };
  return { tasks: [task], problems: [] };
}

function statusOf(outline: MarkdownOutline): { text: string; line: number } | undefined {
  for (const paragraph of outline.paragraphs) {
    const lines = paragraph.text.split('\n');
    for (const [index, line] of lines.entries()) {
      const match = STATUS_LINE.exec(line);
      if (match) return { text: match[1]!.trim(), line: paragraph.line + index };
    }
  }
  const heading = outline.headings.find((candidate) => STATUS_HEADING.test(candidate.text));
  const next = heading && outline.paragraphs.find((paragraph) => paragraph.line > heading.line);
  const after = heading && outline.headings.find((candidate) => candidate.line > heading.line);
  if (next && (!after || next.line < after.line)) return { text: next.text.split('\n')[0]!, line: next.line };
  return undefined;
}
