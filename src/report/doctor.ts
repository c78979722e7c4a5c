import type { Config, StatusCategory } from '../config/schema.js';
import { loadModelAt } from '../core/check.js';
import type { RepoReader } from '../core/ports.js';
import type { Settings } from '../config/settings.js';
import { taskTables, type DocModel, type DocProblem, type TableLayout, type TaskRow } from '../model/model.js';
import { rulesOffByLayout, SESSION_LOG_RULES } from '../rules/index.js';
import { sessionLogsOffReason } from '../core/git-ignored.js';
import { atCommit } from '../core/words.js';
import { csvSentence } from '../rules/csv-malformed-row.js';
import { unreadableSentence } from '../rules/file-unreadable.js';
import { planSectionSentence } from '../rules/plan-section-unknown.js';
import { tableSentence } from '../rules/table-unmapped.js';

/** What `doctor` is asked: the documents at `revision`, read with `config`. */
export interface DoctorRequest {
  reader: RepoReader;
  revision: string;
  /** Where the revision is, in messages, when it is not a commit (`in the working tree`); default `at <short SHA>`. */
  place?: string;
  config: Config;
  /** The config file used, or null for the defaults. */
  configSource: string | null;
  /** Why that config (or the defaults) was used, in one sentence. */
  configReason: string;
}

export interface DocumentEntry {
  /** The config key that names it (`paths.board`). */
  key: string;
  pattern: string;
  /** Files found at the revision. */
  files: string[];
}

export interface TableEntry {
  file: string;
  /** 1-based line of the header row (the CSV header record). */
  line: number;
  role: string;
  /** Each header cell and the role doc-sync gave it (null: unmapped). */
  columns: { header: string; role: string | null }[];
  rows: number;
}

/** What doc-sync understood at one revision, as data (rendered by `renderDiagnosis`). */
export interface Diagnosis {
  revision: string;
  /** Where the revision is, in words: `at 1a2b3c4`, `in the working tree`. */
  place: string;
  config: { source: string | null; reason: string };
  documents: DocumentEntry[];
  tables: TableEntry[];
  /** Status cell texts seen, by category (`unknown` for words in no category). */
  statuses: Partial<Record<StatusCategory | 'unknown', string[]>>;
  /** Problems that need config or repair, one sentence each with file and line. */
  needsConfig: string[];
  rulesOff: { id: string; reason: string }[];
  /** The preset and what each of its task sources read (presets other than statetrace, whose sources are the tables above). */
  preset?: { name: string; sources: SourceEntry[] };
}

/** One task source of a preset as read at the revision. */
export interface SourceEntry {
  name: string;
  kind: string;
  patterns: string[];
  files: string[];
  tasks: number;
  /** What the reader could not read, `file:line: message`. */
  problems: string[];
  /** Statuses as written, by category; `unknown`: not in the preset's vocabulary. */
  statuses: Partial<Record<StatusCategory | 'unknown', string[]>>;
}

/**
 * The sentence of a problem that means the config does not describe the layout (or a
 * document cannot be read at all), as the rule that reports it writes it; null for others.
 */
function configProblemSentence(problem: DocProblem, settings: Settings): string | null {
  switch (problem.kind) {
    case 'unmapped-table':
    case 'no-task-table':
      return tableSentence(problem, settings);
    case 'plan-section':
      return planSectionSentence(problem, settings);
    case 'csv-header':
      return csvSentence(problem, settings);
    case 'unreadable':
      return unreadableSentence(problem, settings);
    default:
      return null;
  }
}

const headerLine = (layout: TableLayout): number => (layout.style.syntax === 'markdown' ? layout.headerEnd.line - 1 : layout.headerEnd.line);

function roleOf(rows: readonly TaskRow[], source: string): string {
  if (source !== 'plan') return source === 'board' ? 'Markdown board' : source === 'csv' ? 'CSV board' : 'backlog';
  const section = rows[0]?.section;
  return section === 'active' ? 'plan, active section' : section === 'delivered' ? 'plan, delivered section' : 'plan, unknown section';
}

function tablesOf(model: DocModel): TableEntry[] {
  const entries: TableEntry[] = [];
  for (const table of taskTables(model)) {
    const source = model.board === table ? 'board' : model.csv === table ? 'csv' : model.backlog === table ? 'backlog' : 'plan';
    for (const layout of table.layouts) {
      const rows = table.rows.filter((row) => row.written.table === layout);
      const roles = new Map(Object.entries(layout.columns).map(([role, index]) => [index, role]));
      entries.push({
        file: layout.file,
        line: headerLine(layout),
        role: roleOf(rows, source),
        columns: layout.header.map((header, index) => ({ header, role: roles.get(index) ?? null })),
        rows: rows.length,
      });
    }
  }
  return entries;
}

/** Status texts by category, without dates and repeats, so the vocabulary in use is visible at a glance. */
function statusesOf(model: DocModel): Diagnosis['statuses'] {
  const seen: Diagnosis['statuses'] = {};
  for (const row of taskTables(model).flatMap((table) => table.rows)) {
    if (!row.status || row.fields.status === undefined) continue;
    const word = row.status.text.replace(/\(?\d{4}-\d{2}-\d{2}\)?/g, '').replace(/[\s\-–:]+$/, '').trim();
    const list = (seen[row.status.category] ??= []);
    if (word !== '' && !list.includes(word)) list.push(word);
  }
  return seen;
}

/** Reads the documents at a revision and says what doc-sync understood of them. Pure apart from the reader. */
/** What each graph source of a preset read: files, tasks, problems, and the statuses seen (those outside the vocabulary as `unknown`). */
function presetSourcesOf(model: DocModel, settings: Settings): NonNullable<Diagnosis['preset']> {
  const sources = settings.sources.map((setting): SourceEntry => {
    const source = model.graph.sources.get(setting.name);
    const statuses: SourceEntry['statuses'] = {};
    for (const task of source?.tasks ?? []) {
      const words = (statuses[task.category] ??= []);
      if (!words.includes(task.status)) words.push(task.status);
    }
    return {
      name: setting.name,
      kind: setting.kind,
      patterns: [...setting.paths],
      files: source?.files ?? [],
      tasks: source?.tasks.length ?? 0,
      problems: (source?.problems ?? []).map((problem) => `${problem.file}:${problem.line}: ${problem.message}`),
      statuses,
    };
  });
  return { name: settings.preset.name, sources };
}

export async function diagnose(request: DoctorRequest): Promise<Diagnosis> {
  const revision = await request.reader.resolveRevision(request.revision);
  const place = request.place ?? atCommit(revision);
  const { model, settings } = await loadModelAt(request.reader, request.config, revision, undefined, place);
  const { paths } = request.config;
  const found = [...model.files.keys()];
  const single = (key: string, path: string | null): DocumentEntry[] =>
    path === null ? [] : [{ key, pattern: path, files: found.filter((file) => file === path) }];
  // A preset without the StateTrace tables has no `paths` documents; its sources are listed instead.
  const tables = settings.preset.tables;
  const documents: DocumentEntry[] = !tables ? [] : [
    ...single('paths.board', paths.board),
    ...single('paths.boardCsv', paths.boardCsv),
    ...single('paths.backlog', paths.backlog),
    ...single('paths.planIndex', paths.planIndex),
    { key: 'paths.plans', pattern: paths.plans.join(', '), files: found.filter(settings.isPlan) },
    ...(paths.sessionLogs.length > 0 ? [{ key: 'paths.sessionLogs', pattern: paths.sessionLogs.join(', '), files: found.filter(settings.isSessionLog) }] : []),
  ];
  const configFile = settings.configFile;
  const needsConfig: string[] = [];
  for (const document of documents) {
    if (document.files.length === 0 && document.key !== 'paths.sessionLogs') {
      needsConfig.push(`${document.key}: nothing at ${document.pattern}; set ${document.key} in ${configFile}${document.key === 'paths.planIndex' ? ' (null if there is none)' : ''}`);
    }
  }
  // The check turns the session rules off when git ignores their folder; say so here too.
  const ignoredLogs = tables && paths.sessionLogs.length > 0 ? await sessionLogsOffReason(request.reader, revision, paths.sessionLogs) : null;
  if (tables && paths.sessionLogs.length > 0 && !ignoredLogs && documents.find((document) => document.key === 'paths.sessionLogs')?.files.length === 0) {
    needsConfig.push(`paths.sessionLogs: no session log at ${paths.sessionLogs.join(', ')}; set paths.sessionLogs: [] in ${configFile} if the team keeps none (the session rules then go off)`);
  }
  for (const problem of model.problems) {
    const sentence = configProblemSentence(problem, settings);
    if (sentence !== null) needsConfig.push(`${problem.file}:${problem.line}: ${sentence}`);
  }
  const statuses = statusesOf(model);
  if (statuses.unknown?.length) {
    needsConfig.push(`status words in no category: ${statuses.unknown.map((word) => `"${word}"`).join(', ')}; add each under statuses.<category> in ${configFile} (e.g. statuses.done: ["${statuses.unknown[0]}"])`);
  }
  const preset = tables ? undefined : presetSourcesOf(model, settings);
  for (const source of preset?.sources ?? []) {
    if (source.files.length === 0) needsConfig.push(`sources.${source.name}: nothing at ${source.patterns.join(', ')}; set sources.${source.name}.paths in ${configFile}`);
    const unknown = source.statuses.unknown ?? [];
    if (unknown.length > 0) {
      needsConfig.push(`${source.name}: statuses not in the ${preset!.name} vocabulary: ${unknown.map((word) => `"${word}"`).join(', ')}; add each under statuses.<category> in ${configFile}`);
    }
  }
  return {
    ...(preset ? { preset } : {}),
    revision,
    place,
    config: { source: request.configSource, reason: request.configReason },
    documents,
    tables: tablesOf(model),
    statuses,
    needsConfig,
    rulesOff: ignoredLogs ? SESSION_LOG_RULES.map((id) => ({ id, reason: ignoredLogs })) : rulesOffByLayout(request.config),
  };
}

const CATEGORY_ORDER: readonly (StatusCategory | 'unknown')[] = ['backlog', 'ready', 'in-progress', 'blocked', 'ready-for-review', 'done', 'unknown'];

/** The diagnosis as text: config, documents, tables with their column roles, statuses, then what needs config. */
export function renderDiagnosis(diagnosis: Diagnosis): string {
  const out: string[] = [`doc-sync doctor ${diagnosis.place}`, ''];
  out.push(`Config: ${diagnosis.config.source ?? 'the defaults (StateTrace layout)'}`, `  ${diagnosis.config.reason}`, '');
  // A preset without the StateTrace tables is described by its sources alone.
  if (!diagnosis.preset) out.push(...renderTableLayout(diagnosis));
  else out.push(...renderPresetSources(diagnosis).slice(1));
  if (diagnosis.rulesOff.length > 0) {
    out.push('', 'Rules off for this layout:');
    for (const rule of diagnosis.rulesOff) out.push(`  ${rule.id}: ${rule.reason}`);
  }
  out.push('');
  if (diagnosis.needsConfig.length === 0) {
    out.push('doc-sync understood every document: nothing needs config.');
  } else {
    out.push(`Needs config (${diagnosis.needsConfig.length}):`);
    for (const item of diagnosis.needsConfig) out.push(`  - ${item}`);
  }
  return `${out.join('\n')}\n`;
}

/** The StateTrace layout: documents by path, the task tables with their column roles, the statuses seen. */
function renderTableLayout(diagnosis: Diagnosis): string[] {
  const out: string[] = [];
  out.push('Documents:');
  for (const document of diagnosis.documents) {
    const what = document.files.length === 0 ? 'MISSING' : document.files.length === 1 && document.files[0] === document.pattern ? 'found' : `${document.files.length} found`;
    out.push(`  ${document.key.padEnd(18)} ${document.pattern}  ${what}`);
  }
  out.push('', 'Task tables:');
  if (diagnosis.tables.length === 0) out.push('  none recognised');
  for (const table of diagnosis.tables) {
    out.push(`  ${table.file}:${table.line}  ${table.role}, ${table.rows} row${table.rows === 1 ? '' : 's'}`);
    out.push(`    ${table.columns.map((column) => `${column.header} → ${column.role ?? '(unmapped)'}`).join(' | ')}`);
  }
  out.push('', 'Statuses seen:');
  const categories = CATEGORY_ORDER.filter((category) => diagnosis.statuses[category]?.length);
  if (categories.length === 0) out.push('  none');
  for (const category of categories) {
    const words = diagnosis.statuses[category]!;
    out.push(`  ${category.padEnd(16)} ${words.slice(0, 8).map((word) => `"${word}"`).join(', ')}${words.length > 8 ? ` and ${words.length - 8} more` : ''}`);
  }
  return out;
}

/** The preset's sources: files, tasks read, problems, statuses by category. */
function renderPresetSources(diagnosis: Diagnosis): string[] {
  if (!diagnosis.preset) return [];
  const out = ['', `Preset ${diagnosis.preset.name}, task sources:`];
  for (const source of diagnosis.preset.sources) {
    out.push(`  ${source.name} (${source.kind}) ${source.patterns.join(', ')}: ${source.files.length} file${source.files.length === 1 ? '' : 's'}, ${source.tasks} task${source.tasks === 1 ? '' : 's'}, ${source.problems.length} problem${source.problems.length === 1 ? '' : 's'}`);
    for (const problem of source.problems.slice(0, 5)) out.push(`    ! ${problem}`);
    if (source.problems.length > 5) out.push(`    and ${source.problems.length - 5} more problems`);
    for (const category of CATEGORY_ORDER.filter((name) => source.statuses[name]?.length)) {
      out.push(`    ${category.padEnd(16)} ${source.statuses[category]!.map((word) => `"${word}"`).join(', ')}`);
    }
  }
  return out;
}
