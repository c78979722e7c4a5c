import { compileSettings, type Settings } from '../config/settings.js';
import type { Config } from '../config/schema.js';
import { diffModels, noChanges, type ChangeSet } from '../diff/changes.js';
import { buildModel, parsePlansMentioning, type BuildOptions } from '../model/build.js';
import { buildTaskGraph, graphTaskKeys } from '../model/graph.js';
import { isTableSourceKind } from '../model/tasks.js';
import { emptyModel, rowsOf, taskTables, type DocModel } from '../model/model.js';
import { idsOnChangedLines, neighbourIds, PARTIAL_MIN_BYTES } from '../model/partial.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report.js';
import type { EnabledRule, RuleContext } from './rule.js';
import { VERSION } from '../version.js';
import { BlobStore, BlobTooComplexError } from './blob-store.js';
import { ConfigError, SourceError } from '../errors.js';
import { compareFindings, type Finding, type RuleFinding, type Severity } from './finding.js';
import type { RepoReader } from './ports.js';
import { atCommit } from './words.js';
import { gitignoresOnTheWay, sessionLogsOffReason } from './git-ignored.js';

/** When the gate fails. */
export interface GatePolicy {
  /** Lowest severity that fails the gate (`never`: report only). */
  failOn: 'error' | 'warning' | 'never';
  /** Pre-existing findings in touched tasks fail too (release branches). */
  strict: boolean;
}

export const DEFAULT_GATE: GatePolicy = { failOn: 'error', strict: false };

export interface CheckRequest {
  reader: RepoReader;
  config: Config;
  /** The rules to run, with their severities and options (rules/enabled.ts builds them from the config). */
  rules: readonly EnabledRule[];
  /** Where the config came from, for messages and the report. */
  configSource?: string;
  /** Registered rules the config (or the layout) turned off, for the report. */
  rulesOff?: readonly string[];
  /** Base revision; required in `change` mode. */
  base?: string;
  /**
   * Compare with the merge base of `base` and `head` (a pull request's three-dot diff)
   * rather than with `base` itself (a push's before..after). Resolved here, once.
   */
  useMergeBase?: boolean;
  head: string;
  /** Where head is, in messages, when it is not a commit (`in the working tree`); default `at <short SHA>`. */
  headPlace?: string;
  mode: 'change' | 'all';
  gate?: GatePolicy;
  /** Reuse parses across checks (corpus replays, benchmarks). */
  store?: BlobStore;
  /** `false` parses every plan even in change mode (the reference the lazy parse is tested against). */
  deferPlans?: boolean;
  /** `false` reads large boards and CSVs whole even in change mode (the reference the partial route is tested against). */
  partialTables?: boolean;
  clock?: () => number;
}

function allTaskIds(model: DocModel): Set<string> {
  return new Set([...taskTables(model).flatMap((table) => [...table.byId.keys()]), ...(model.graph.fromTables ? [] : graphTaskKeys(model.graph))]);
}

/** The tasks a change touched: table rows by ID, graph tasks by key. */
function touchedTasks(changes: ChangeSet): Set<string> {
  return new Set([...changes.tasks.keys(), ...changes.graphTasks.keys()]);
}

async function loadModel(reader: RepoReader, files: Map<string, string>, settings: Settings, store: BlobStore, place: string, options: BuildOptions = {}): Promise<DocModel> {
  await store.load(reader, files.values());
  return namingTheFile(files, place, () => {
    const model = buildModel(files, store, settings, options);
    // The preset's task graph, read from the texts the table model decoded (each file once).
    model.graph = buildTaskGraph(model, settings, (key, read) => store.memo(key, read));
    return model;
  });
}

/** Runs a parse; a document over the limits is named by the file its blob is at and where (`at 1a2b3c4`). */
function namingTheFile<T>(files: Map<string, string>, place: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    // The store knows blobs, not paths: name the file the over-limit document is at.
    if (error instanceof BlobTooComplexError) {
      const file = [...files].find(([, oid]) => oid === error.oid)?.[0] ?? `blob ${error.oid.slice(0, 7)}`;
      throw error.at(file, place);
    }
    throw error;
  }
}

/**
 * Session logs only matter when the change adds or edits them; an untouched log is
 * the same at both ends and has no finding of its own to introduce. Dropping them
 * saves reading (and, through the API, one request per log) of what is usually most
 * of the planning files.
 */
function withoutUntouchedSessionLogs(files: Map<string, string>, other: Map<string, string>, settings: Settings): Map<string, string> {
  return new Map([...files].filter(([path, oid]) => !settings.isSessionLog(path) || other.get(path) !== oid));
}

/** The tasks a partial read keeps rows of: those the changed lines name, and the rows' neighbours (where a fix inserts). */
interface PartialPlan {
  keep: Set<string>;
  neighbours: Set<string>;
}

/**
 * In change mode with a board or CSV large enough for the partial route: the
 * IDs named on the lines the change touched, in any planning file (a line scan, so
 * known before any table is parsed), and their rows' neighbours on the boards. Null:
 * read every table whole.
 */
function partialPlan(baseFiles: Map<string, string>, headFiles: Map<string, string>, store: BlobStore, settings: Settings): PartialPlan | null {
  const textOf = (oid: string | undefined) => {
    const decoded = oid === undefined ? null : store.decoded(oid);
    return decoded?.kind === 'text' ? decoded.text : '';
  };
  // The backlog is read whole: its fix learns the Plan-cell style from every row, and the bot plans rows from this model.
  const isTable = (path: string) => settings.isBoard(path) || settings.isCsv(path);
  const large = [...headFiles, ...baseFiles].some(([path, oid]) => isTable(path) && textOf(oid).length >= PARTIAL_MIN_BYTES);
  if (!large) return null;
  const named = new Set<string>();
  for (const path of new Set([...baseFiles.keys(), ...headFiles.keys()])) {
    const [before, after] = [baseFiles.get(path), headFiles.get(path)];
    if (before === after) continue;
    for (const id of idsOnChangedLines(textOf(before), textOf(after), settings.idScanner)) named.add(id);
  }
  const ids = { keep: named, idScanner: settings.idScanner, exactId: (cell: string) => settings.exactId(cell)?.id ?? null };
  const neighbours = new Set<string>();
  for (const [path, oid] of [...headFiles, ...baseFiles]) {
    if (!settings.isBoard(path) && !settings.isCsv(path)) continue;
    for (const id of neighbourIds(textOf(oid), ids, settings.isCsv(path) ? 'csv' : 'markdown')) if (!named.has(id)) neighbours.add(id);
  }
  return { keep: new Set([...named, ...neighbours]), neighbours };
}

/**
 * The partial models stand for the whole documents: every touched task was named by the
 * line scan, and every kept neighbour has rows on both boards (else a fix's anchor would
 * be searched further up, among rows not read).
 */
function partialHolds(plan: PartialPlan, changes: ChangeSet, models: readonly DocModel[]): boolean {
  if ([...touchedTasks(changes)].some((id) => !plan.keep.has(id) || plan.neighbours.has(id))) return false;
  return models.every((model) => !model.board || !model.csv || [...plan.neighbours].every((id) => rowsOf(model.board, id).length > 0 && rowsOf(model.csv, id).length > 0));
}

/**
 * The documents at one commit, for callers that edit them (the bot's backlog rows) or
 * describe them (doctor); `place` names the revision in messages (default `at <short SHA>`).
 */
export async function loadModelAt(reader: RepoReader, config: Config, commit: string, store?: BlobStore, place = atCommit(commit)): Promise<{ model: DocModel; settings: Settings }> {
  const settings = compileSettings(config);
  const files = await reader.listFiles(commit, settings.isTracked);
  return { model: await loadModel(reader, files, settings, store ?? new BlobStore(config.limits.maxFileBytes), place), settings };
}

/** Does this finding fail the gate under the policy? */
export function failsGate(finding: Finding, gate: GatePolicy): boolean {
  if (gate.failOn === 'never') return false;
  if (!finding.introduced && !gate.strict) return false;
  const failing: Severity[] = gate.failOn === 'warning' ? ['error', 'warning'] : ['error'];
  return failing.includes(finding.severity);
}

function summarizeTasks(changes: ChangeSet, head: DocModel, ids: Iterable<string>): Report['tasks'] {
  return [...ids].sort().map((id) => {
    const sources: Report['tasks'][number]['sources'] = taskTables(head).flatMap((table) =>
      (table.byId.get(id) ?? []).map((row) => ({ source: row.source, file: row.file, line: row.line })),
    );
    // Graph tasks of a preset's own sources (StateTrace's graph is its tables, listed above).
    for (const source of head.graph.fromTables ? [] : head.graph.sources.values()) {
      if (isTableSourceKind(source.kind)) continue;
      for (const task of source.byKey.get(id) ?? []) sources.push({ source: source.name, file: task.file, line: task.line });
    }
    const change = ({ source, file, line, kind, statusBefore, statusAfter }: Report['tasks'][number]['changes'][number]) => ({ source, file, line, kind, statusBefore, statusAfter });
    return {
      id,
      changes: [...(changes.tasks.get(id) ?? []), ...(changes.graphTasks.get(id) ?? [])].map(change),
      sources,
    };
  });
}

/**
 * The rules to run at this head: a session-log rule is off when git ignores every
 * session-log folder at head, since no change could add a log there (the report says why).
 */
async function rulesForHead(
  request: CheckRequest,
  headSha: string,
  gitignores: ReadonlyMap<string, string>,
): Promise<{ rules: readonly EnabledRule[]; offByLayout: { rule: string; reason: string }[] }> {
  const needLogs = request.rules.filter(({ rule }) => rule.needs === 'session-logs');
  const reason = needLogs.length > 0 ? await sessionLogsOffReason(request.reader, headSha, request.config.paths.sessionLogs, gitignores) : null;
  if (!reason) return { rules: request.rules, offByLayout: [] };
  return {
    rules: request.rules.filter((entry) => !needLogs.includes(entry)),
    offByLayout: needLogs.map(({ rule }) => ({ rule: rule.id, reason })),
  };
}

/** What a check built, handed back so callers (fix, the bot) never read or parse a revision again. */
export interface CheckResult {
  report: Report;
  /** The documents at base (an empty model in `all` mode) and at head. */
  base: DocModel;
  head: DocModel;
  settings: Settings;
  /** Every blob read and parsed, by blob id. */
  store: BlobStore;
  /**
   * True when large boards or CSVs were read as their header plus the judged tasks' rows:
   * the models answer for those tasks only, so a caller asking about any other task reloads.
   */
  readInPart: boolean;
}

/**
 * The whole pipeline: read both revisions, build models, diff, run the rules, and
 * return the versioned report with the models it built. Pure apart from the reader it is given.
 */
export async function runCheck(request: CheckRequest): Promise<CheckResult> {
  const clock = request.clock ?? (() => performance.now());
  const started = clock();
  const settings = compileSettings(request.config, request.configSource ?? null);
  const store = request.store ?? new BlobStore(request.config.limits.maxFileBytes);
  const gate = request.gate ?? DEFAULT_GATE;

  const headSha = await request.reader.resolveRevision(request.head);
  let baseSha: string | null = null;
  if (request.mode === 'change') {
    if (!request.base) throw new SourceError('a base revision is needed to check a change; pass --base or use --all');
    baseSha = await request.reader.resolveRevision(request.base);
    if (request.useMergeBase) baseSha = await request.reader.mergeBase(baseSha, headSha);
  }
  // One listing of head gives the planning files and the .gitignore files on the way to the session logs.
  const onTheWay = request.rules.some(({ rule }) => rule.needs === 'session-logs') ? gitignoresOnTheWay(request.config.paths.sessionLogs) : () => false;
  const listed = await request.reader.listFiles(headSha, (path) => settings.isTracked(path) || onTheWay(path));
  let headFiles = new Map([...listed].filter(([path]) => settings.isTracked(path)));
  const { rules, offByLayout } = await rulesForHead(request, headSha, new Map([...listed].filter(([path]) => onTheWay(path))));
  let baseFiles = baseSha ? await request.reader.listFiles(baseSha, settings.isTracked) : new Map<string, string>();
  if (baseSha) {
    [headFiles, baseFiles] = [
      withoutUntouchedSessionLogs(headFiles, baseFiles, settings),
      withoutUntouchedSessionLogs(baseFiles, headFiles, settings),
    ];
  }
  // Both revisions' blobs in one read (one `git cat-file --batch`, one API round).
  await store.load(request.reader, [...headFiles.values(), ...baseFiles.values()]);
  // A change leaves plans that are the same blob at both ends unparsed until a judged task needs them.
  const sameAt = (other: Map<string, string>): BuildOptions => (baseSha && request.deferPlans !== false ? { mayDefer: (file, oid) => other.get(file) === oid } : {});
  const headPlace = request.headPlace ?? atCommit(headSha);
  // Very large tables are read as their header and the rows of the tasks the changed lines name.
  const plan = baseSha && request.partialTables !== false ? partialPlan(baseFiles, headFiles, store, settings) : null;
  const models = async (partialFor: Set<string> | null) => {
    const partial: BuildOptions = partialFor ? { partialFor } : {};
    const atHead = await loadModel(request.reader, headFiles, settings, store, headPlace, { ...sameAt(baseFiles), ...partial });
    const atBase = baseSha ? await loadModel(request.reader, baseFiles, settings, store, atCommit(baseSha), { ...sameAt(headFiles), ...partial }) : emptyModel();
    return { head: atHead, base: atBase, changes: request.mode === 'all' ? noChanges() : diffModels(atBase, atHead) };
  };
  let built = await models(plan?.keep ?? null);
  // A touched task the line scan did not name (an ID written another way) may have rows left out: read everything.
  let readInPart = plan !== null;
  if (plan && !partialHolds(plan, built.changes, [built.head, built.base])) {
    built = await models(null);
    readInPart = false;
  }
  const { head, base } = built;
  // Nothing to read at either end means the paths are wrong, not that all is well.
  if (head.files.size === 0 && base.files.size === 0) {
    const { board, boardCsv, backlog, plans } = request.config.paths;
    const lookedFor = settings.preset.tables ? [board, boardCsv, backlog, ...plans] : settings.sources.flatMap((source) => source.paths);
    const where = settings.preset.tables ? '"paths"' : `"sources" (the ${settings.preset.name} preset's)`;
    throw new ConfigError(
      `none of the planning documents exist ${headPlace} (looked for ${lookedFor.join(', ')}); set ${where} in .github/doc-sync.yml (run "doc-sync init" for a commented config)`,
    );
  }
  // An audit has no change: rules judge every task and every file at head.
  const { changes } = built;
  const tasks = request.mode === 'all' ? allTaskIds(head) : touchedTasks(changes);
  namingTheFile(headFiles, headPlace, () => parsePlansMentioning(head, tasks, store, settings));
  if (baseSha) namingTheFile(baseFiles, atCommit(baseSha), () => parsePlansMentioning(base, tasks, store, settings));

  const context: RuleContext<object> = { mode: request.mode, base, head, changes, tasks, settings, options: {} };
  const baseContext: RuleContext<object> = { ...context, head: base };
  const findings: Finding[] = [];
  for (const { rule, severity, options } of rules) {
    if (rule.kind === 'change' && request.mode === 'all') continue;
    const found = rule.check({ ...context, options });
    if (found.length === 0) continue;
    // A state rule's finding is pre-existing when the same problem shows at base.
    const keyOf = (finding: RuleFinding) => finding.key ?? finding.taskId ?? finding.file;
    const atBase =
      rule.kind === 'state' && request.mode === 'change'
        ? new Set(rule.check({ ...baseContext, options }).map(keyOf))
        : new Set<string>();
    for (const finding of found) {
      findings.push({
        rule: rule.id,
        severity,
        message: finding.message,
        taskId: finding.taskId,
        ...(finding.taskIds ? { taskIds: finding.taskIds } : {}),
        file: finding.file,
        line: finding.line,
        introduced: finding.introduced ?? !atBase.has(keyOf(finding)),
        ...(finding.fix ? { fix: finding.fix } : {}),
      });
    }
  }
  findings.sort(compareFindings);

  const count = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  const failing = findings.filter((finding) => failsGate(finding, gate)).length;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'doc-sync', version: VERSION },
    mode: request.mode,
    result: failing > 0 ? 'fail' : 'pass',
    base: baseSha,
    head: headSha,
    ...(request.configSource || offByLayout.length > 0
      ? {
          config: {
            source: request.configSource ?? 'not named by the caller',
            rulesOff: [...(request.rulesOff ?? []), ...offByLayout.map((entry) => entry.rule)],
            ...(offByLayout.length > 0 ? { offByLayout } : {}),
          },
        }
      : {}),
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      notices: count('notice'),
      failing,
      tasksTouched: request.mode === 'all' ? 0 : tasks.size,
      filesChanged: changes.files.length,
      filesParsed: new Set([...base.files.values(), ...head.files.values()]).size,
    },
    tasks: summarizeTasks(changes, head, tasks),
    findings,
    durationMs: Math.round(clock() - started),
  };
  return { report, base, head, settings, store, readInPart };
}
