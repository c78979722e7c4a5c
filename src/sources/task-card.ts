import { isScalar, isSeq, type YAMLMap } from 'yaml';

/**
 * What a Backlog.md task shows on its exported board card beyond ID, title and status: who is
 * assigned, its labels, and the dates the exporter sorts a column by. Read from the frontmatter
 * the way Backlog.md reads it (`src/markdown/parser.ts`): a list or one value for `assignee`,
 * a list for `labels`, `updated_date` and `created_date` as written.
 */
export interface TaskCard {
  assignees: string[];
  labels: string[];
  /** `created_date` as written (`2025-06-04` or `2025-06-04 14:22`); undefined when absent. */
  createdDate?: string;
  updatedDate?: string;
}

/** The text of a scalar as Backlog.md's `String(value)` gives it (a number stays its digits). */
function scalarValue(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

function listOf(node: unknown): string[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => {
    const value = scalarValue(item);
    return value === undefined ? [] : [value];
  });
}

/** The board-card fields of a task file's frontmatter map. */
export function readTaskCard(frontmatter: YAMLMap): TaskCard {
  const assignee = frontmatter.get('assignee', true);
  const single = scalarValue(assignee);
  const card: TaskCard = {
    assignees: isSeq(assignee) ? listOf(assignee) : single ? [single] : [],
    labels: listOf(frontmatter.get('labels', true)),
  };
  const created = scalarValue(frontmatter.get('created_date', true))?.trim();
  const updated = scalarValue(frontmatter.get('updated_date', true))?.trim();
  if (created) card.createdDate = created;
  if (updated) card.updatedDate = updated;
  return card;
}
