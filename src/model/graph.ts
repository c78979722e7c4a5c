import { posix } from 'node:path';
import type { Settings, SourceSettings } from '../config/settings.js';
import { DEFAULT_TASK_PREFIX, readBacklogConfig } from '../sources/backlog-config.js';
import { BOARD_START, readBoardExport } from '../sources/board-export.js';
import { KIRO_CHECKLIST, readChecklist, SPEC_KIT_CHECKLIST } from '../sources/checklist.js';
import { readLedger } from '../sources/ledger.js';
import { readMarkdownOutline } from '../sources/markdown-outline.js';
import { readStoryFile } from '../sources/story-file.js';
import { readTaskFile, type TaskFileTask } from '../sources/task-file.js';
import type { CheckCount, LineSpan } from '../sources/markdown-outline.js';
import type { SourceProblem, SourceTask } from '../sources/types.js';
import type { DocModel, TaskTable } from './model.js';
import { indexTasks, taskKey, type GeneratedRegion, type Task, type TaskCriteria, type TaskGraph, type TaskSource } from './tasks.js';

export interface SourceFileRead {
  tasks: (SourceTask & { fileId?: string; criteria?: TaskCriteria[]; entry?: string })[];
  problems: SourceProblem[];
  /** Ledgers: where they say the story files are. */
  storyLocation?: string;
  /** Board exports: the lines of each board table (what a new export rewrites). */
  tables?: LineSpan[];
}

/** Where a BMAD ledger says its story files are, repository-relative; the ledger's folder when it does not say. */
function storyFolder(ledgerFile: string, location: string | undefined): string {
  const folder = posix.dirname(ledgerFile);
  if (!location) return folder === '.' ? '' : folder;
  const relative = location.replace(/^\{project-root\}\/?/, '').replace(/^\.\//, '').replace(/\/+$/, '');
  // Another variable (`{output_folder}`) or an absolute path cannot be resolved here: fall back to the ledger's folder.
  if (relative.includes('{') || relative.startsWith('/')) return folder === '.' ? '' : folder;
  return relative;
}

/** `story-1.2` or `1.2`: a ledger story named by its number (the `epics:` list shape), not by its file. */
const NUMBERED_STORY = /^(?:story-)?(\d+)\.(\d+)$/i;
/** `Story 1.2: Title` (also `Story 1.2 - Title`); reports titled `Story 1.2 Code Review` are told apart by the ledger's title. */
const STORY_HEADING = (epic: string, story: string) => new RegExp(`^story\\s+${epic}\\.${story}\\b`, 'i');

/**
 * The story file of a ledger key: `{folder}/{key}.md` when the key is a file name (BMAD's
 * `development_status` keys); for a numbered key (`story-1.2`), the one `{folder}/1-2-*.md` titled
 * `Story 1.2` with a status (the folder also holds reports named, even titled, like the story).
 * Story files read while choosing are kept in `reads`, so none is read twice.
 */
function storyFileOf(
  { id: key, title: ledgerTitle }: Pick<SourceTask, 'id' | 'title'>,
  folder: string,
  paths: readonly string[],
  texts: ReadonlyMap<string, string>,
  reads: Map<string, SourceFileRead>,
): string | undefined {
  const prefix = folder === '' ? '' : `${folder}/`;
  const byName = `${prefix}${key}.md`;
  if (texts.has(byName)) return byName;
  const numbered = NUMBERED_STORY.exec(key);
  if (!numbered) return byName;
  const [, epic, story] = numbered;
  const stem = `${prefix}${epic}-${story}-`;
  const stories = paths.filter((path) => path.startsWith(stem) && path.endsWith('.md') && !path.slice(prefix.length).includes('/')).filter((path) => {
    const text = texts.get(path)!;
    const title = readMarkdownOutline(text).headings.find((heading) => heading.depth === 1);
    if (title === undefined || !STORY_HEADING(epic!, story!).test(title.text)) return false;
    const read = reads.get(path) ?? storyRead(path, text);
    reads.set(path, read);
    return read.tasks.length > 0;
  });
  if (stories.length <= 1) return stories[0] ?? byName;
  // Reports can carry a status too: the story is the one titled as the ledger titles it.
  const plain = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const same = stories.filter((path) => plain(reads.get(path)!.tasks[0]!.title) === plain(ledgerTitle));
  return same.length === 1 ? same[0] : byName;
}

function storyRead(file: string, text: string): SourceFileRead {
  const read = readStoryFile(file, text);
  return { tasks: read.tasks.map(({ subtasks, ...task }) => ({ ...task, criteria: [{ name: 'tasks', count: subtasks }] })), problems: read.problems };
}

function readSourceFile(source: SourceSettings, file: string, text: string): SourceFileRead {
  switch (source.kind) {
    case 'checklist': {
      const read = readChecklist(file, text, source.checklist === 'kiro' ? KIRO_CHECKLIST : SPEC_KIT_CHECKLIST);
      return { tasks: read.tasks, problems: read.problems };
    }
    case 'task-files': {
      const read = readTaskFile(file, text);
      return { tasks: read.tasks.map(withLazyCriteria), problems: read.problems };
    }
    case 'ledger': {
      const read = readLedger(file, text);
      return { tasks: read.tasks.map(({ kind, ...task }) => ({ ...task, entry: kind })), problems: read.problems, storyLocation: read.storyLocation };
    }
    case 'story-files':
      return storyRead(file, text);
    case 'board-export':
      return readBoardExport(file, text);
    default:
      return { tasks: [], problems: [] };
  }
}

/**
 * A task file's task with its criteria, whose counts stay unread until a rule asks (the reader
 * parses the Markdown body then): copying the task must not touch the two count getters.
 */
function withLazyCriteria(read: TaskFileTask): SourceFileRead['tasks'][number] {
  const fields = Object.getOwnPropertyDescriptors(read) as Partial<Record<keyof TaskFileTask, PropertyDescriptor>>;
  delete fields.acceptanceCriteria;
  delete fields.definitionOfDone;
  const task = Object.defineProperties({}, fields) as Omit<TaskFileTask, 'acceptanceCriteria' | 'definitionOfDone'>;
  const criterion = (name: string, count: () => CheckCount): TaskCriteria => ({
    name,
    get count() {
      return count();
    },
  });
  return { ...task, criteria: [criterion('acceptance criteria', () => read.acceptanceCriteria), criterion('Definition of Done', () => read.definitionOfDone)] };
}

function taskSource(source: Pick<SourceSettings, 'name' | 'kind' | 'scope'>, files: string[], tasks: Task[], problems: SourceProblem[]): TaskSource {
  return { name: source.name, kind: source.kind, scope: source.scope, files, tasks, byKey: indexTasks(tasks), problems };
}

/**
 * StateTrace: the tables the table model read, as graph sources (one task per row). Built on
 * first use: no StateTrace rule reads the graph yet, plans parse lazily after the model is
 * built (so the rows must be taken late), and a 100k-row board should not be copied for nothing.
 */
function tableGraph(model: DocModel, settings: Settings): TaskGraph {
  let sources: Map<string, TaskSource> | undefined;
  return {
    get sources() {
      return (sources ??= tableSources(model, settings));
    },
    relations: settings.preset.relations,
    fromTables: true,
  };
}

function tableSources(model: DocModel, settings: Settings): Map<string, TaskSource> {
  const tablesOf: Record<string, TaskTable[]> = {
    board: model.board ? [model.board] : [],
    'board-csv': model.csv ? [model.csv] : [],
    plans: [...model.plans.values()],
    backlog: model.backlog ? [model.backlog] : [],
  };
  const sources = new Map<string, TaskSource>();
  for (const source of settings.sources) {
    const tables = tablesOf[source.name];
    if (tables) {
      const tasks: Task[] = tables.flatMap((table) =>
        table.rows.map((row) => ({
          id: row.id,
          title: row.fields.title ?? '',
          status: row.status?.text ?? row.fields.status ?? '',
          file: row.file,
          line: row.line,
          key: row.id,
          source: source.name,
          category: row.status?.category ?? 'unknown',
        })),
      );
      sources.set(source.name, taskSource(source, tables.map((table) => table.file), tasks, []));
    } else if (source.kind === 'plan-index') {
      sources.set(source.name, taskSource(source, model.planIndex ? [model.planIndex.file] : [], [], []));
    } else if (source.kind === 'session-logs') {
      sources.set(source.name, taskSource(source, [...model.sessionLogs.keys()], [], []));
    }
  }
  return sources;
}

/** Keeps a reader's result by file and blob, so a file unchanged by the change is read once (the core passes its blob store's). */
export type SourceReadMemo = (key: string, read: () => SourceFileRead) => SourceFileRead;

/**
 * The task graph at one revision: each preset source's reader over the decoded texts the table
 * model already holds (so no file is read twice), statuses mapped to the preset's categories,
 * keys, parents and criteria set. StateTrace's graph is its tables, row by row. BMAD story files
 * are the ones the ledger names by key, never every `N-N-*.md` (reports are named like stories).
 */
export function buildTaskGraph(model: DocModel, settings: Settings, memo: SourceReadMemo = (_key, read) => read()): TaskGraph {
  if (settings.preset.tables) return tableGraph(model, settings);
  const statusFile = settings.preset.statusFile;
  const extraStatuses: string[] = [];
  const statusProblems: SourceProblem[] = [];
  const statusText = statusFile ? model.texts.get(statusFile) : undefined;
  let taskPrefix = DEFAULT_TASK_PREFIX;
  let statusOrder: readonly string[] | undefined;
  if (statusFile && statusText !== undefined) {
    const read = readBacklogConfig(statusFile, statusText);
    taskPrefix = read.config.taskPrefix;
    statusOrder = read.config.statuses;
    extraStatuses.push(...read.config.statuses);
    statusProblems.push(...read.problems);
  }
  const category = settings.sourceStatus(extraStatuses);
  const paths = [...model.texts.keys()].sort();

  const sources = new Map<string, TaskSource>();
  // Story file path → the ledger key it is the story of (the file name, or `story-1.1` in the `epics:` list shape).
  const storyPaths = new Map<string, string>();
  const storyReads = new Map<string, SourceFileRead>();
  // Ledgers first: they name the story files.
  const ordered = [...settings.sources].sort((a, b) => Number(a.kind === 'story-files') - Number(b.kind === 'story-files'));
  for (const source of ordered) {
    let files = paths.filter((path) => source.matches(path));
    if (source.kind === 'story-files') files = files.filter((path) => storyPaths.has(path));
    // Backlog.md reads only `<task_prefix>-*.md` there (a readme.md beside the tasks is no task).
    if (source.kind === 'task-files') files = files.filter((path) => isTaskFileName(path, taskPrefix));
    // README.md without the export markers simply has no exported board.
    if (source.kind === 'board-export') files = files.filter((path) => model.texts.get(path)!.includes(BOARD_START));
    const tasks: Task[] = [];
    const problems: SourceProblem[] = source.kind === 'task-files' ? [...statusProblems] : [];
    const generated: GeneratedRegion[] = [];
    for (const file of files) {
      const text = model.texts.get(file)!;
      // An unchanged file is the same blob at base and head: read it once per check.
      const readKey = `${source.kind}\u0000${source.checklist ?? ''}\u0000${file}\u0000${model.files.get(file) ?? ''}`;
      const read = (source.kind === 'story-files' ? storyReads.get(file) : undefined) ?? memo(readKey, () => readSourceFile(source, file, text));
      problems.push(...read.problems);
      for (const table of read.tables ?? []) generated.push({ file, line: table.from, endLine: table.to });
      // A story found by its number (`story-1.1` → `1-1-slug.md`) is the ledger's task under the ledger's key.
      const ledgerKey = source.kind === 'story-files' ? storyPaths.get(file) : undefined;
      // (No fileId: the name is BMAD's, not a second ID that could disagree.)
      for (const task of read.tasks) {
        const id = ledgerKey ?? task.id;
        tasks.push({ ...task, id, key: taskKey(source.scope, file, id), source: source.name, category: category(task.status) });
      }
      if (source.kind === 'ledger') {
        const folder = storyFolder(file, read.storyLocation);
        for (const task of read.tasks) {
          if (task.entry !== 'story') continue;
          const path = storyFileOf(task, folder, paths, model.texts, storyReads);
          if (path) storyPaths.set(path, task.id);
        }
      }
    }
    sources.set(source.name, { ...taskSource(source, files, tasks, problems), ...(source.kind === 'board-export' ? { generated } : {}) });
  }
  // Keep the preset's order of sources for reports.
  const inOrder = new Map(settings.sources.flatMap((source) => (sources.has(source.name) ? [[source.name, sources.get(source.name)!] as const] : [])));
  return { sources: inOrder, relations: settings.preset.relations, ...(statusOrder ? { statusOrder } : {}) };
}

/** `backlog/tasks/task-12 - Title.md` for prefix `task`, in any case, as Backlog.md lists them. */
function isTaskFileName(path: string, prefix: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  return name.startsWith(`${prefix.toLowerCase()}-`);
}

/** Every task key of the graph's sources (the `--all` set). */
export function graphTaskKeys(graph: TaskGraph): Set<string> {
  return new Set([...graph.sources.values()].flatMap((source) => [...source.byKey.keys()]));
}

