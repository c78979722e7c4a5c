import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { ColumnName, Config, StatusCategory } from './schema.js';
import { STATUS_CATEGORIES } from './defaults.js';
import { presetNamed, type Preset, type PresetSource } from '../presets/index.js';

/** A preset source with the config's `sources.<name>` applied and its globs compiled. */
export interface SourceSettings extends PresetSource {
  /** True for a file of this source. */
  matches(path: string): boolean;
}

/** A parsed status cell: `Done - 2025-12-22` is category `done` with date `2025-12-22`. */
export interface Status {
  text: string;
  category: StatusCategory | 'unknown';
  date: string | null;
}

/** What the documents are, compiled once from the config: matchers, regexes, vocabularies. */
export interface Settings {
  readonly config: Config;
  /** The config file a message tells the user to edit: the one in use, else where one would go. */
  readonly configFile: string;
  /** The preset in use (`preset:`), and its sources with the config's paths applied. */
  readonly preset: Preset;
  readonly sources: readonly SourceSettings[];
  /** The source whose files `path` belongs to (graph sources of presets other than statetrace), if any. */
  sourceOf(path: string): SourceSettings | undefined;
  /** Finds IDs in free text (global). */
  readonly idScanner: RegExp;
  isBoard(path: string): boolean;
  isCsv(path: string): boolean;
  isBacklog(path: string): boolean;
  isPlan(path: string): boolean;
  isPlanIndex(path: string): boolean;
  isSessionLog(path: string): boolean;
  /** True for any file doc-sync reads. */
  isTracked(path: string): boolean;
  /** The whole cell as an ID (`ST-B-001`, or a range `ST-Z-001-006`), else null. */
  exactId(cell: string): { id: string; range: boolean } | null;
  /** The first single ID in a text (`ST-Z-001` for the range `ST-Z-001-006`), else the text. */
  firstId(text: string): string;
  /** The single IDs an ID stands for: itself, or each member of a range (`ST-Z-001-003` is ST-Z-001, ST-Z-002, ST-Z-003). */
  membersOf(id: string): string[];
  /** The plan letters an ID names (`B` for `ST-B-001`). */
  planOfId(id: string): string | null;
  /** The plan letters a plan file names (`B` for `PlanB_Performance.md`). */
  planOfFile(path: string): string | null;
  /**
   * A table cell's status: the longest configured word it starts with (a cell says
   * `Done (2024-05-01)` or `In progress — blocked`), with the date it names.
   */
  parseStatus(text: string): Status;
  /**
   * How a task source's status field (a ledger value, a frontmatter `status`, a checkbox)
   * reads: the field is the word alone, so it must be a configured word exactly (ignoring
   * case and spacing). `extra`: Backlog.md's own columns (`backlog/config.yml`) the config
   * lacks: the first is where work waits, the last where it is done, the ones between are
   * work in progress.
   */
  sourceStatus(extra?: readonly string[]): (status: string) => StatusCategory | 'unknown';
  /** Index of the column in `header`, by configured aliases; -1 when absent. */
  columnIndex(header: readonly string[], column: ColumnName): number;
  /** Matches a heading against a configured list of section names. */
  sectionMatches(heading: string, section: keyof Config['sections']): boolean;
}

const normalizeWord = (value: string): string =>
  value
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** Strips emoji, bullets and numbering in front of a heading or status ("✅ Done", "2. Active work"). */
const stripLeadingMarks = (value: string): string => value.replace(/^[^\p{L}\p{N}]+/u, '').replace(/^\d+(\.\d+)*[.)]?\s+/, '');

/** A source's status word as compared: ignoring case and spacing; checkbox markers (no letter) as written. */
const sourceStatusKey = (status: string): string => (/\p{L}/u.test(status.replace(/^\[.\]$/, '')) ? normalizeWord(status) : status.trim());

/** Where a repository's config goes when it has none. */
const DEFAULT_CONFIG_FILE = '.github/doc-sync.yml';

/** The file named by a config source: "path at abc1234" is the path; no file (the defaults) is where one would go. */
export function configFileOf(configSource: string | null): string {
  if (configSource === null || !/[\\/.]/.test(configSource)) return DEFAULT_CONFIG_FILE;
  return configSource.replace(/ at [0-9a-f]{7,40}$/, '');
}

/**
 * Compiles the config. `configSource` is where it came from ("path at abc1234", a path,
 * or null for the defaults); messages name that file.
 */
export function compileSettings(config: Config, configSource: string | null = null): Settings {
  const id = config.ids.pattern;
  const idScanner = new RegExp(`(?<![A-Za-z0-9])(?:${id})(?![A-Za-z0-9])`, 'gu');
  const firstIdPattern = new RegExp(idScanner.source, 'u');
  const exact = new RegExp(`^(?:${id})(?:-\\d+)?$`, 'u');
  const exactSingle = new RegExp(`^(?:${id})$`, 'u');
  const idWithGroups = new RegExp(`^(?:${id})`, 'u');
  const planFile = new RegExp(config.ids.planFilePattern, 'u');

  const matcher = (patterns: readonly string[]) => picomatch(patterns as string[], { dot: true });
  const planMatcher = matcher(config.paths.plans);
  const sessionMatcher = config.paths.sessionLogs.length > 0 ? matcher(config.paths.sessionLogs) : () => false;
  const { board, boardCsv, backlog, planIndex } = config.paths;

  const preset = presetNamed(config.preset);
  // A preset that reads no StateTrace tables tracks none of their paths.
  const tables = preset.tables;
  const isPlanIndex = (path: string) => tables && planIndex !== null && path === planIndex;
  const isPlan = (path: string) => tables && planMatcher(path) && !isPlanIndex(path) && path !== board && path !== backlog;
  const isSessionLog = (path: string) => tables && sessionMatcher(path);
  const sources: SourceSettings[] = preset.sources.map((source) => {
    const own = config.sources[source.name];
    const paths = own?.paths ?? source.paths;
    const exclude = own?.exclude ?? source.exclude ?? [];
    const included = matcher(paths);
    const excluded = exclude.length > 0 ? matcher(exclude) : () => false;
    return { ...source, paths, exclude, matches: (path: string) => included(path) && !excluded(path) };
  });
  // StateTrace's sources are its tables, read by the table model from `paths`; the graph sources of other presets are matched here.
  const graphSources = tables ? [] : sources;
  const sourceOf = (path: string) => graphSources.find((source) => source.matches(path));

  const vocabulary = STATUS_CATEGORIES.flatMap((category) =>
    config.statuses[category].map((word) => ({ category, word: normalizeWord(word) })),
  ).sort((a, b) => b.word.length - a.word.length);

  const columnAliases = new Map<ColumnName, string[]>(
    (Object.keys(config.columns) as ColumnName[]).map((name) => [name, config.columns[name].map(normalizeWord)]),
  );

  return {
    config,
    configFile: configFileOf(configSource),
    preset,
    sources,
    sourceOf,
    idScanner,
    isBoard: (path) => tables && path === board,
    isCsv: (path) => tables && path === boardCsv,
    isBacklog: (path) => tables && path === backlog,
    isPlan,
    isPlanIndex,
    isSessionLog,
    isTracked: (path) =>
      (tables && (path === board || path === boardCsv || path === backlog || isPlanIndex(path) || isPlan(path) || isSessionLog(path))) ||
      path === preset.statusFile ||
      sourceOf(path) !== undefined,
    exactId(cell) {
      const text = cell.trim();
      if (!exact.test(text)) return null;
      return { id: text, range: !exactSingle.test(text) };
    },
    firstId(text) {
      return firstIdPattern.exec(text)?.[0] ?? text;
    },
    membersOf(value) {
      const first = firstIdPattern.exec(value)?.[0];
      if (!first || first === value || !value.startsWith(`${first}-`)) return [value];
      const digits = /\d+$/.exec(first)?.[0];
      const end = Number(value.slice(first.length + 1));
      if (!digits) return [value];
      const start = Number(digits);
      // A reversed or huge range is a typo, not a thousand tasks: it stands for itself.
      if (!(end > start) || end - start > 200) return [value];
      const stem = first.slice(0, first.length - digits.length);
      return Array.from({ length: end - start + 1 }, (_, offset) => `${stem}${String(start + offset).padStart(digits.length, '0')}`);
    },
    planOfId(value) {
      const match = idWithGroups.exec(value);
      return match?.groups?.plan ?? null;
    },
    planOfFile(path) {
      return planFile.exec(posix.basename(path))?.groups?.plan ?? null;
    },
    parseStatus(text) {
      const clean = normalizeWord(stripLeadingMarks(text.replace(/[*_`~]/g, '')));
      const date = /\b(\d{4}-\d{2}-\d{2})\b/.exec(text)?.[1] ?? null;
      for (const { category, word } of vocabulary) {
        if (clean === word || (clean.startsWith(word) && !/[\p{L}\p{N}]/u.test(clean.charAt(word.length)))) {
          return { text, category, date };
        }
      }
      return { text, category: 'unknown', date };
    },
    sourceStatus(extra = []) {
      const categories = new Map<string, StatusCategory>();
      for (const category of STATUS_CATEGORIES) {
        for (const word of config.statuses[category]) if (!categories.has(sourceStatusKey(word))) categories.set(sourceStatusKey(word), category);
      }
      extra.forEach((word, index) => {
        if (categories.has(sourceStatusKey(word))) return;
        categories.set(sourceStatusKey(word), index === 0 ? 'ready' : index === extra.length - 1 ? 'done' : 'in-progress');
      });
      return (status) => categories.get(sourceStatusKey(status)) ?? 'unknown';
    },
    columnIndex(header, column) {
      const aliases = columnAliases.get(column) ?? [];
      const normalized = header.map(normalizeWord);
      for (const alias of aliases) {
        const index = normalized.indexOf(alias);
        if (index !== -1) return index;
      }
      return -1;
    },
    sectionMatches(heading, section) {
      const clean = normalizeWord(stripLeadingMarks(heading));
      return config.sections[section].some((name) => {
        const word = normalizeWord(name);
        return clean === word || (clean.startsWith(word) && !/[\p{L}\p{N}]/u.test(clean.charAt(word.length)));
      });
    },
  };
}
