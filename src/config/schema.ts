import picomatch from 'picomatch';
import { z } from 'zod';
import { closestWord } from '../presets/did-you-mean.js';
import { DEFAULT_PRESET, isPresetName, PRESET_NAMES, presetNamed, type Preset, type StatusCategory as StatusCategoryName } from '../presets/index.js';
import { COLUMN_DEFAULTS, CONFIG_DEFAULTS, extendWords, mergeStatuses, releaseClaimedHeaders, STATUS_CATEGORIES, STATUS_DEFAULTS } from './defaults.js';

// The defaults live in defaults.ts (no zod there): a check without a config file never builds this schema.
export { extendWords, STATUS_CATEGORIES, STATUS_DEFAULTS };

/** A JavaScript regular expression given as a string; compiled once when config is resolved. */
const regexString = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression (JavaScript syntax, e.g. "ST-(?<plan>[A-Z]{1,2})-\\d{3}")' },
);

/** A repository-relative glob such as `docs/plans/Plan*.md`. */
const glob = z.string().min(1).refine(
  (pattern) => {
    if (pattern.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(pattern) || pattern.includes('\\')) return false;
    try {
      picomatch.makeRe(pattern);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid glob: use a repository-relative path with forward slashes, e.g. "docs/plans/Plan*.md"' },
);

const repoPath = glob.refine((value) => !/[*?[\]{}]/.test(value), { message: 'must be a file path, not a glob' });

/** A list where one value may be written without brackets (`plans: docs/plans/*.md`). */
const listOf = <T extends z.ZodType<string>>(item: T, what: string) =>
  z.union([item.transform((value) => [value]), z.array(item)], { error: `must be ${what} or a list of them` });

const atLeastOne = { error: 'must list at least one value' };

const word = z.string().trim().min(1);

/** `{ only: [...] }`: the explicit way to replace a default word list instead of extending it. */
const replaceWords = z.strictObject({ only: listOf(word, 'a word').pipe(z.array(word).min(1, atLeastOne)) }).describe('Replaces the default words instead of adding to them.');

/**
 * A word list (column header names, section headings) that extends its defaults: the
 * config's words come first (they are preferred), then the defaults. `{ only: [...] }`
 * replaces the defaults.
 */
const aliases = (defaults: readonly string[]) =>
  z
    .union([listOf(word, 'a word').pipe(z.array(word).min(1, atLeastOne)), replaceWords], {
      error: 'must be a word or a list of words (added to the defaults), or { only: [words] } to replace the defaults',
    })
    .optional()
    .transform((value) => (value === undefined ? [...defaults] : Array.isArray(value) ? extendWords(value, defaults) : value.only))
    .describe(`Added to the defaults (${defaults.map((value) => `"${value}"`).join(', ')}); write { only: [...] } to replace them.`);

/** A category's words as written: a list (added to the defaults) or { only } (replacing them). */
const ownWords = (defaults: readonly string[]) =>
  z
    .union([listOf(word, 'a word').pipe(z.array(word).min(1, atLeastOne)), replaceWords], {
      error: 'must be a word or a list of words (added to the defaults), or { only: [words] } to replace the defaults',
    })
    .optional()
    .describe(`Added to the defaults (${defaults.map((value) => `"${value}"`).join(', ')}); write { only: [...] } to replace them.`);

export const severitySetting = z
  .enum(['error', 'warning', 'warn', 'notice', 'off'])
  .transform((value) => (value === 'warn' ? 'warning' : value));

export const ruleSetting = z.union(
  [
  severitySetting,
  z.strictObject({
    severity: severitySetting.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  }),
  ],
  { error: 'must be error, warning (or warn), notice, off, or { severity, options }' },
);

/** `preset:` names one of the presets; a typo gets the nearest name. */
const presetName = z
  .string()
  .default(DEFAULT_PRESET)
  .superRefine((name, context) => {
    if (isPresetName(name)) return;
    const near = closestWord(name, PRESET_NAMES);
    context.addIssue({
      code: 'custom',
      message: `must be one of ${PRESET_NAMES.join(', ')}, not "${name}"${near ? ` (did you mean "${near}"?)` : ''}`,
    });
  })
  .transform((name) => name as Preset['name'])
  .meta({ enum: [...PRESET_NAMES] })
  .describe('The planning format: statetrace (default), spec-kit, kiro, bmad or backlog-md. It gives the defaults of every other key.');

/** `sources.<name>`: where one of the preset's task sources is, replacing the preset's globs. */
const sourceSetting = z.strictObject({
  paths: listOf(glob, 'a glob (e.g. ".kiro/specs/*/tasks.md")').pipe(z.array(glob).min(1, atLeastOne)).optional().describe("Globs of the source's files; replaces the preset's."),
  exclude: listOf(glob, 'a glob').optional().describe("Globs of files under paths that are not part of the source; replaces the preset's."),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    preset: presetName,
    sources: z
      .record(z.string(), sourceSetting)
      .default({})
      .describe('Per task source of the preset (e.g. "tasks"; "doc-sync doctor" lists them): its paths and exclusions.'),
    paths: z
      .strictObject({
        board: repoPath.default(CONFIG_DEFAULTS.paths.board).describe('The Markdown task board.'),
        boardCsv: repoPath.default(CONFIG_DEFAULTS.paths.boardCsv).describe('The CSV mirror of the task board.'),
        backlog: repoPath.default(CONFIG_DEFAULTS.paths.backlog).describe('The backlog table.'),
        plans: listOf(glob, 'a glob (e.g. "docs/plans/Plan*.md")').pipe(z.array(glob).min(1, atLeastOne)).default([...CONFIG_DEFAULTS.paths.plans]).describe('Globs of plan files (one glob or a list).'),
        planIndex: repoPath.nullable().default(CONFIG_DEFAULTS.paths.planIndex).describe('The plan index; null if there is none.'),
        sessionLogs: listOf(glob, 'a glob (e.g. "docs/plans/Plan*.md")')
          .default([...CONFIG_DEFAULTS.paths.sessionLogs])
          .describe('Globs of session logs (one glob or a list); [] when the team keeps none, which turns the session-log rules off.'),
      })
      .prefault({}),
    ids: z
      .strictObject({
        pattern: regexString
          .default(CONFIG_DEFAULTS.ids.pattern)
          .describe('A task ID; the named group `plan` captures the plan letters.'),
        planFilePattern: regexString
          .default(CONFIG_DEFAULTS.ids.planFilePattern)
          .describe('Matched against a plan file name; the group `plan` names the plan it belongs to.'),
      })
      .prefault({}),
    sessionLogs: z
      .strictObject({
        namePattern: regexString
          .default(CONFIG_DEFAULTS.sessionLogs.namePattern)
          .describe('File name a session log must have.'),
      })
      .prefault({}),
    columns: z
      .strictObject({
        id: aliases(COLUMN_DEFAULTS.id),
        title: aliases(COLUMN_DEFAULTS.title),
        status: aliases(COLUMN_DEFAULTS.status),
        owner: aliases(COLUMN_DEFAULTS.owner),
        deliverable: aliases(COLUMN_DEFAULTS.deliverable),
        planLink: aliases(COLUMN_DEFAULTS.planLink),
        notes: aliases(COLUMN_DEFAULTS.notes),
        plan: aliases(COLUMN_DEFAULTS.plan),
        preconditions: aliases(COLUMN_DEFAULTS.preconditions),
        definitionOfDone: aliases(COLUMN_DEFAULTS.definitionOfDone),
      })
      .prefault({})
      .transform(releaseClaimedHeaders)
      .describe('Header names (case-insensitive) that identify each column, in preference order.'),
    statuses: z
      .strictObject(
        Object.fromEntries(STATUS_CATEGORIES.map((category) => [category, ownWords(STATUS_DEFAULTS[category])])) as Record<
          StatusCategoryName,
          ReturnType<typeof ownWords>
        >,
      )
      .prefault({})
      .describe(
        'Words that open a status cell, per category; the longest match wins ("Ready for Review" beats "Ready"). Words are added to the preset\'s words (a word given for one category leaves the others); { only: [...] } replaces a category\'s words. The defaults shown are the statetrace preset\'s.',
      ),
    sections: z
      .strictObject({
        delivered: aliases(CONFIG_DEFAULTS.sections.delivered).describe(
          'Headings of plan sections whose rows count as done.',
        ),
        active: aliases(CONFIG_DEFAULTS.sections.active).describe(
          'Headings of the plan section counted for index progress.',
        ),
      })
      .prefault({}),
    backlog: z
      .strictObject({
        require: z
          .strictObject({
            tasks: z
              .enum(['added', 'touched'])
              .default(CONFIG_DEFAULTS.backlog.require.tasks)
              .describe('Which tasks are judged: those the change newly adds to a board, or every task it touches.'),
            columns: z
              .array(z.enum(STATUS_CATEGORIES))
              .min(1)
              .default([...CONFIG_DEFAULTS.backlog.require.columns])
              .describe('Board columns (status categories) whose tasks need a backlog row.'),
            owners: z
              .array(z.string().min(1))
              .default([...CONFIG_DEFAULTS.backlog.require.owners])
              .describe('Only tasks whose Owner/Role contains one of these (ignoring case); empty: any owner.'),
            plans: z.array(z.string().min(1)).default([...CONFIG_DEFAULTS.backlog.require.plans]).describe('Only tasks of these plans (letters such as "B"); empty: any plan.'),
            marker: z
              .string()
              .min(1)
              .nullable()
              .default(CONFIG_DEFAULTS.backlog.require.marker)
              .describe('Only tasks whose board row contains this text (e.g. "[auto]"); null: no marker needed.'),
          })
          .prefault({})
          .describe('Which board tasks need a backlog row (rule backlog-entry-missing); every criterion given must hold.'),
        notes: z
          .string()
          .default(CONFIG_DEFAULTS.backlog.notes)
          .describe('Notes cell of a backlog row doc-sync opens; the bot puts a link to the pull request here.'),
      })
      .prefault({}),
    limits: z
      .strictObject({
        maxFileBytes: z.number().int().positive().default(CONFIG_DEFAULTS.limits.maxFileBytes).describe('Larger documents are reported, not parsed.'),
      })
      .prefault({}),
    rules: z.record(z.string(), ruleSetting).default({}).describe('Per-rule severity or { severity, options }.'),
  })
  .superRefine((config, context) => {
    if (!isPresetName(config.preset)) return;
    const names = presetNamed(config.preset).sources.map((source) => source.name);
    for (const name of Object.keys(config.sources).filter((key) => !names.includes(key))) {
      const near = closestWord(name, names);
      context.addIssue({
        code: 'custom',
        path: ['sources', name],
        message: `is not a source of the ${config.preset} preset; its sources are ${names.join(', ')}${near ? ` (did you mean "${near}"?)` : ''}`,
      });
    }
  })
  // The preset's status words are the defaults the config's words extend or replace.
  .transform((config) => ({ ...config, statuses: mergeStatuses(config.statuses, presetNamed(config.preset).statuses) }))
  .describe('doc-sync configuration (.github/doc-sync.yml).');

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type ColumnName = keyof Config['columns'];
export type StatusCategory = keyof Config['statuses'];
export type BacklogRequirement = Config['backlog']['require'];
