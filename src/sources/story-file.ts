import { countCheckboxes, readMarkdownOutline, sectionUnder, type CheckCount, type MarkdownOutline } from './markdown-outline.js';
import type { SourceRead, SourceTask } from './types.js';

/** A BMAD story file (`_bmad-output/implementation-artifacts/1-2-story-slug.md`). */
export interface StoryFileTask extends SourceTask {
  /** The story's `Tasks / Subtasks` checkboxes (all of them, sub-tasks included). */
  subtasks: CheckCount;
}

/** `Status: review` as a paragraph (BMAD v6, bold or not); a `## Status` heading in v4 stories. */
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
  const outline = readMarkdownOutline(text);
  const id = file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  const heading = outline.headings.find((candidate) => candidate.depth === 1) ?? outline.headings[0];
  const status = statusOf(outline);
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
