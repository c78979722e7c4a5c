import type { Config } from './schema.js';
import { DEFAULT_PRESET, presetNamed, STATUS_CATEGORIES, STATUS_DEFAULTS, type Preset, type StatusCategory } from '../presets/index.js';

/**
 * The config's default values, and the config a repository without a config file gets,
 * built without zod or yaml: a check with no config file never loads either (they are a
 * third of the CLI's code, and compiling them cost more than starting node). The zod
 * schema (schema.ts) takes its defaults from here, and a test checks that parsing `{}`
 * with it gives exactly `defaultConfig()`.
 */

export { STATUS_CATEGORIES, STATUS_DEFAULTS };

/** Where the config lives unless `--config` says otherwise. */
export const DEFAULT_CONFIG_PATHS = ['.github/doc-sync.yml', '.github/doc-sync.yaml'] as const;

/** Default header names of each column, in preference order. */
export const COLUMN_DEFAULTS = {
  id: ['ID', 'Task ID', 'Task'],
  title: ['Title', 'Description', 'Task title'],
  status: ['Column', 'Status', 'State'],
  owner: ['Owner/Role', 'OwnerRole', 'Owner', 'Role'],
  deliverable: ['Deliverable', 'Deliverables'],
  planLink: ['PlanLink', 'Plan link', 'Links', 'Link'],
  notes: ['Notes', 'Note'],
  plan: ['Plan'],
  preconditions: ['Preconditions', 'Precondition'],
  definitionOfDone: ['Definition of done', 'DoD'],
} as const satisfies Record<string, readonly string[]>;

/** Every other key's default, as the schema's `.default(...)` calls use them. */
export const CONFIG_DEFAULTS = {
  paths: {
    board: 'docs/StateTrace_TaskBoard.md',
    boardCsv: 'docs/taskboard/TaskBoard.csv',
    backlog: 'docs/CODEX_BACKLOG.md',
    plans: ['docs/plans/Plan*.md'],
    planIndex: 'docs/plans/PlanIndex.md',
    sessionLogs: ['docs/agents/sessions/*.md'],
  },
  ids: {
    pattern: 'ST-(?<plan>[A-Z]{1,2})-\\d{3}',
    planFilePattern: '^Plan(?<plan>[A-Z]{1,2})(?=[_.-])',
  },
  sessionLogs: { namePattern: '^\\d{4}-\\d{2}-\\d{2}_session-\\d{4}\\.md$' },
  sections: {
    delivered: ['Recently delivered', 'Delivered', 'Completed', 'Done'],
    active: ['Active work', 'Active', 'Current work', 'In flight'],
  },
  backlog: {
    require: {
      tasks: 'added' as 'added' | 'touched',
      columns: ['ready', 'backlog'] as readonly StatusCategory[],
      owners: [] as readonly string[],
      plans: [] as readonly string[],
      marker: null as string | null,
    },
    notes: 'Opened by doc-sync',
  },
  limits: { maxFileBytes: 8 * 1024 * 1024 },
} as const;

/** Words written in the config first, then the defaults not already among them (ignoring case). */
export function extendWords(own: readonly string[], defaults: readonly string[]): string[] {
  const seen = new Set(own.map((value) => value.toLowerCase()));
  return [...own, ...defaults.filter((value) => !seen.has(value.toLowerCase()))];
}

/**
 * Each category: its own words, then its defaults except those the config gives to
 * another category (moving "Review" to `done` must not leave it in `ready-for-review` too).
 */
export function mergeStatuses(
  input: Partial<Record<StatusCategory, string[] | { only: string[] }>>,
  vocabulary: Preset['statuses'] = STATUS_DEFAULTS,
): Record<StatusCategory, string[]> {
  const own = (category: StatusCategory): string[] => {
    const value = input[category];
    return value === undefined ? [] : Array.isArray(value) ? value : value.only;
  };
  const claimed = new Map<string, StatusCategory>();
  for (const category of STATUS_CATEGORIES) for (const value of own(category)) claimed.set(value.toLowerCase(), category);
  const merged = {} as Record<StatusCategory, string[]>;
  for (const category of STATUS_CATEGORIES) {
    const value = input[category];
    const defaults = value !== undefined && !Array.isArray(value) ? [] : (vocabulary[category] ?? []).filter((item) => (claimed.get(item.toLowerCase()) ?? category) === category);
    merged[category] = extendWords(own(category), defaults);
  }
  return merged;
}

/**
 * A header the config writes under one column leaves the other columns' defaults, as a
 * status word does: `planLink: ["Plan"]` must not leave the board's Plan column read as
 * the backlog's plan letter. A word is the config's when it is not that column's default.
 */
export function releaseClaimedHeaders<Columns extends Record<keyof typeof COLUMN_DEFAULTS, string[]>>(columns: Columns): Columns {
  const names = Object.keys(COLUMN_DEFAULTS) as (keyof typeof COLUMN_DEFAULTS)[];
  const isDefault = (name: keyof typeof COLUMN_DEFAULTS, value: string) => COLUMN_DEFAULTS[name].some((item) => item.toLowerCase() === value.toLowerCase());
  const claimed = new Map<string, Set<string>>();
  for (const name of names) {
    for (const value of columns[name].filter((item) => !isDefault(name, item))) {
      const key = value.toLowerCase();
      claimed.set(key, (claimed.get(key) ?? new Set()).add(name));
    }
  }
  const released = { ...columns };
  for (const name of names) {
    released[name] = columns[name].filter((value) => !isDefault(name, value) || [...(claimed.get(value.toLowerCase()) ?? [name])].includes(name));
  }
  return released;
}

/** The defaults: a StateTrace-layout repository needs no config file. A new object each call. */
export function defaultConfig(): Config {
  const { paths, ids, sessionLogs, sections, backlog, limits } = CONFIG_DEFAULTS;
  const columns = Object.fromEntries(Object.entries(COLUMN_DEFAULTS).map(([name, words]) => [name, [...words]])) as Config['columns'];
  // Key order as the schema's output, so a printed config reads the same either way.
  return {
    preset: DEFAULT_PRESET,
    sources: {},
    paths: { ...paths, plans: [...paths.plans], sessionLogs: [...paths.sessionLogs] },
    ids: { ...ids },
    sessionLogs: { ...sessionLogs },
    columns: releaseClaimedHeaders(columns),
    statuses: mergeStatuses({}, presetNamed(DEFAULT_PRESET).statuses),
    sections: { delivered: [...sections.delivered], active: [...sections.active] },
    backlog: {
      require: { ...backlog.require, columns: [...backlog.require.columns], owners: [...backlog.require.owners], plans: [...backlog.require.plans] },
      notes: backlog.notes,
    },
    limits: { ...limits },
    rules: {},
  };
}
