/**
 * What a preset is. These types sit below the config and the model (both build on them):
 * the status categories, the kinds of task source and the relations between sources.
 */

/** Categories in workflow order; the order also breaks ties between equally long status words. */
export const STATUS_CATEGORIES = ['backlog', 'ready', 'in-progress', 'blocked', 'ready-for-review', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** How a source is read: which reader in `src/sources/` (or the table model) turns its files into tasks. */
export type TaskSourceKind =
  /** A Markdown task table (StateTrace board, plans, backlog). */
  | 'table'
  /** A CSV mirror of a table (StateTrace `TaskBoard.csv`). */
  | 'csv'
  /** The StateTrace plan index: one `(k/n Done)` counter per plan, no tasks of its own. */
  | 'plan-index'
  /** StateTrace session logs: they name tasks, they state none. */
  | 'session-logs'
  /** Checkbox items with an ID (spec-kit and Kiro `tasks.md`). */
  | 'checklist'
  /** One Markdown file per task with YAML frontmatter (Backlog.md `backlog/tasks/`). */
  | 'task-files'
  /** A YAML status ledger (BMAD `sprint-status.yaml`). */
  | 'ledger'
  /** One Markdown story file per ledger story (BMAD). */
  | 'story-files'
  /** A board table generated between markers (Backlog.md README export). */
  | 'board-export';

/**
 * A declared link between sources, judged by rules.
 * - `mirror`: both sources state each task with the same status category.
 * - `rollup`: a parent is done exactly when its required children are (`children`), a task
 *   is done only with its checkbox criteria all ticked (`criteria`), or a counter such as
 *   `(k/n Done)` agrees with what it counts (`counter`).
 * - `membership`: a task of `from` (in `categories`, when given) also occurs in `to`.
 */
export type Relation =
  | { kind: 'mirror'; left: string; right: string }
  | { kind: 'rollup'; source: string; over: 'children' | 'criteria' | 'counter' }
  | { kind: 'membership'; from: string; to: string; categories?: readonly StatusCategory[] };

/** The preset names `preset:` accepts, the default first. */
export const PRESET_NAMES = ['statetrace', 'spec-kit', 'kiro', 'bmad', 'backlog-md'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** Which reader options a checklist source uses (`src/sources/checklist.ts`). */
export type ChecklistFormat = 'spec-kit' | 'kiro';

/** One task source of a preset: where its files are and how they are read. */
export interface PresetSource {
  /** The source's name in relations, reports and `sources.<name>` in the config. */
  name: string;
  kind: TaskSourceKind;
  /** Repository-relative globs of the source's files. */
  paths: readonly string[];
  /** Globs of files under `paths` that are not part of the source (Kiro's `_archived` specs). */
  exclude?: readonly string[];
  /** `file`: IDs are unique within one file (checklists); `repository`: one ID space. */
  scope: 'file' | 'repository';
  /** Checklist sources: which checklist format the items follow. */
  checklist?: ChecklistFormat;
  /** What the source is, for `doctor` and the README. */
  description: string;
}

/** A relation of a preset, naming the rules that judge it. */
export type PresetRelation = Relation & { judgedBy: readonly string[] };

/** A planning format as doc-sync reads it: its sources, status vocabulary, relations and rules. */
export interface Preset {
  name: PresetName;
  description: string;
  /** Globs of files whose presence marks a repository as using this format (`doc-sync init`). */
  markers: readonly string[];
  sources: readonly PresetSource[];
  /**
   * Status words as written, per category: the preset's defaults for `statuses:` (words the
   * config writes are added to them, or replace them with `{ only }`). Undefined: the
   * Categories the preset does not name have no words.
   */
  statuses: Readonly<Partial<Record<StatusCategory, readonly string[]>>>;
  /**
   * A file in the repository that lists the statuses in use (Backlog.md `backlog/config.yml`);
   * its words join the vocabulary at each revision.
   */
  statusFile?: string;
  relations: readonly PresetRelation[];
  /** Registered rules this preset turns off by default; `rules.<id>` in the config turns one back on. */
  rulesOff: readonly string[];
  /** True when the preset reads the StateTrace tables (`paths`, `columns`, `sections`, `ids`). */
  tables: boolean;
}
