import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readRuleDocs } from './adapters/rule-docs.js';
import { loadSarifRules } from './adapters/sarif-rules.js';
import { defaultBase, findRepositoryRoot, GitReader } from './adapters/git/git-reader.js';
import { IndexReader, INDEX, localBase, WORKING_TREE, WorkingTreeReader } from './adapters/git/local-readers.js';
import { DEFAULT_CONFIG_PATHS } from './config/defaults.js';
import { BlobStore } from './core/blob-store.js';
import { loadConfigAt, validateProposedConfig } from './core/config-at.js';
import { configTemplate } from './config/template.js';
import { detectPresets, isPresetMarker } from './presets/detect.js';
import { closestWord } from './presets/did-you-mean.js';
import { failsGate, runCheck, type CheckRequest, type GatePolicy } from './core/check.js';
import { FAIL_ON_LEVELS, gatePolicy } from './core/gate.js';
import type { RepoReader } from './core/ports.js';
import { ConfigError, describeError, SourceError, UsageError } from './errors.js';
import type { Finding, Fix } from './core/finding.js';
import { plural } from './core/words.js';
import { applyFixes, type FixOutcome } from './fix/apply.js';
import { renderFixDiff } from './fix/diff.js';
import { OverlayReader } from './fix/overlay.js';
import type { Report } from './report/report.js';
import { renderCompact } from './report/compact.js';
import { terminalText } from './report/escape.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderText } from './report/text.js';
import { diagnose, renderDiagnosis } from './report/doctor.js';
import { enabledRules, findRule, RULES, rulesOff } from './rules/index.js';
import { VERSION } from './version.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Is stdout a terminal? Colour is on by default only there. */
  isTTY?: boolean;
  /** The environment, for NO_COLOR and FORCE_COLOR. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: the gate passed, the gate failed, or doc-sync could not check. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

const FORMATS = ['text', 'compact', 'json', 'markdown', 'sarif'] as const;
const CONFIG_FROM = ['base', 'head'] as const;
const COLOR = ['auto', 'always', 'never'] as const;

/** Options `check` and `fix` share: what to judge, against what, with which config and gate. */
const CHECK_OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string' },
  staged: { type: 'boolean', default: false },
  all: { type: 'boolean', default: false },
  config: { type: 'string' },
  'config-from': { type: 'string' },
  'fail-on': { type: 'string', default: 'error' },
  strict: { type: 'boolean', default: false },
  quiet: { type: 'boolean', short: 'q', default: false },
} as const;

const CHECK_OPTIONS_HELP = `What to judge (one of):
  (default)            the working tree: tracked files as on disk, untracked files that
                       match the planning paths, deleted files gone
  --staged             the index: what "git commit" would record (for pre-commit hooks)
  --head REV           a commit
Against what:
  --base REV           compare with REV (default: the merge base with the remote's default
                       branch; for the working tree or the index, HEAD when you are on that
                       branch or there is no remote)
  --all                audit every task instead of judging a change
Config:
  --config FILE        the config file (default: .github/doc-sync.yml or .yaml)
  --config-from base|head
                       read the config at the base (the default when there is a base: a
                       change cannot loosen its own gate, as in the action) or from what is
                       judged (for trying out a config edit locally)
Gate (the action's meanings):
  --fail-on error|warning|never
                       lowest severity of an introduced finding that fails (default: error)
  --strict             warnings and pre-existing findings in touched tasks fail too
                       (the action's strict branches)`;

const COMMON_OUTPUT_HELP = `  -q, --quiet          no notes on stderr; print nothing when the gate passes
  -h, --help           this help`;

interface CommandSpec {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  help: string;
}

/** Per-command usage and help: adding a command is one entry here and one case in runCli. */
const COMMANDS = {
  check: {
    summary: 'judge the planning documents (the working tree by default)',
    usage: 'doc-sync check [--staged | --head REV] [--base REV | --all] [--config FILE] [--config-from base|head]\n                      [--format text|compact|json|markdown|sarif] [--fail-on LEVEL] [--strict] [--color WHEN] [-q]',
    options: {
      ...CHECK_OPTIONS,
      format: { type: 'string', default: 'text' },
      color: { type: 'string', default: 'auto' },
    },
    help: `${CHECK_OPTIONS_HELP}
Output:
  --format text|compact|json|markdown|sarif
                       text: grouped, for people; compact: one "path:line: severity rule
                       message" line per finding (jumpable); json: exactly one report;
                       markdown: the pull-request comment; sarif: SARIF 2.1.0 for code
                       scanning
  --color auto|always|never
                       colour for text and compact (auto: on a terminal, unless NO_COLOR is set;
                       FORCE_COLOR forces it)
${COMMON_OUTPUT_HELP}`,
  },
  fix: {
    summary: 'apply the mechanical fixes to the working tree, print the diff',
    usage: 'doc-sync fix [--staged | --head REV] [--base REV | --all] [--config FILE] [--config-from base|head]\n                    [--rule ID]... [--dry-run] [--fail-on LEVEL] [--strict] [-q]',
    options: {
      ...CHECK_OPTIONS,
      rule: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean', default: false },
    },
    help: `Checks like "doc-sync check", then writes the fixes the findings carry into the
working tree, only the files that change; a fix whose line on disk no longer reads as
the check saw it is refused. With --staged the fixes are computed on the index and
written to the working tree: nothing is staged; review and "git add" them.
Exit 0 when the fixed documents pass the gate, 1 when findings are left.

${CHECK_OPTIONS_HELP}
Fixes:
  --rule ID            apply only this rule's fixes (repeatable)
  --dry-run            print the diff and the outcome, write nothing
Output:
${COMMON_OUTPUT_HELP}`,
  },
  init: {
    summary: 'write a commented .github/doc-sync.yml',
    usage: 'doc-sync init',
    options: {},
    help: 'Writes .github/doc-sync.yml with every key and its default; never overwrites one.',
  },
  explain: {
    summary: 'list the rules, or print one rule\'s docs page',
    usage: 'doc-sync explain [RULE]',
    options: {},
    help: 'Without RULE: every rule with its default severity. With RULE: its docs page.',
  },
  doctor: {
    summary: 'show what doc-sync understood (the working tree by default), and what needs config',
    usage: 'doc-sync doctor [--rev REV] [--config FILE]',
    options: {
      rev: { type: 'string' },
      config: { type: 'string' },
    },
    help: `Prints the config used (or the defaults) and why, each planning document found or
missing, each task table (file:line, role, columns mapped to roles, rows), the statuses
seen with their categories, and everything left unmapped. Exit 1 when something needs
config, 0 when everything configured was understood.

  --rev REV            a commit to look at, with its config (default: the working tree,
                       with the working tree's config, so an edit is seen before a commit)
  --config FILE        the config file to use`,
  },
} satisfies Record<string, CommandSpec>;

type CommandName = keyof typeof COMMANDS;
const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

function usage(): string {
  const width = Math.max(...COMMAND_NAMES.map((name) => name.length));
  return `Usage: doc-sync <command> [options]

Commands:
${COMMAND_NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`).join('\n')}

"doc-sync <command> --help" shows a command's options; "doc-sync --version" the version.
Exit codes: 0 the gate passes, 1 it fails, 2 doc-sync could not check.`;
}

function commandHelp(name: CommandName): string {
  const { usage: line, help } = COMMANDS[name];
  return `Usage: ${line}\n\n${help}\n`;
}

/** ' (did you mean "x"?)' for the nearest candidate close enough to be a typo, else ''. */
function didYouMean(word: string, candidates: readonly string[]): string {
  const best = closestWord(word, candidates);
  return best !== undefined ? `; did you mean "${best}"?` : '';
}

/** A full stop, unless the sentence already ends with one (or with the "?" of a suggestion). */
const endSentence = (sentence: string) => (/[.?!]$/.test(sentence) ? sentence : `${sentence}.`);

/** A value of a closed set, or a usage error naming the option, the choices and the nearest one. */
function choice<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"${didYouMean(value, allowed)}`);
}

/** Rule ids given on the command line must exist. */
function requireRules(ids: readonly string[]): void {
  for (const id of ids) {
    if (!findRule(id)) {
      throw new UsageError(`there is no rule "${id}"${didYouMean(id, RULES.map((rule) => rule.id))}; run "doc-sync explain" to list them`);
    }
  }
}

/** Parses a command's arguments; parse errors become one sentence with a suggestion and the way to help. */
function parseCommand<N extends CommandName>(name: N, args: string[], allowPositionals = false) {
  const options = COMMANDS[name].options as (typeof COMMANDS)[N]['options'];
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    // By its code, not `instanceof TypeError`: Node's errors come from another realm under test runners.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    const message = (error as Error).message;
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec(message)?.[1] : undefined;
    // "Option '--base <value>' argument missing", or "… is ambiguous" when the next argument starts with a dash.
    const needsValue = code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? /^Option '(--[^ ']+)[^']*' argument (missing|is ambiguous)/.exec(message) : null;
    const sentence = unknown
      ? `unknown option "${unknown}" for doc-sync ${name}${didYouMean(unknown, Object.keys(options).map((option) => `--${option}`))}`
      : needsValue
        ? `${needsValue[1]} needs a value${needsValue[2] === 'missing' ? '' : ` (to pass one that starts with a dash, write ${needsValue[1]}=VALUE)`}`
        : message.split('\n')[0]!.replace(/\.$/, '');
    throw new UsageError(`${endSentence(sentence)} Run "doc-sync ${name} --help" for its options.`);
  }
}

type CheckValues = ReturnType<typeof parseCommand<'check' | 'fix'>>['values'];

/** The action's gate: --strict is a strict branch (warnings and pre-existing findings fail). */
function gateOf(values: CheckValues): GatePolicy {
  // "warn" is "warning", as in the config's severities.
  const failOn = choice('fail-on', values['fail-on'] === 'warn' ? 'warning' : values['fail-on']!, FAIL_ON_LEVELS);
  return gatePolicy(failOn, values.strict === true);
}

/** `--config FILE` (relative to where doc-sync runs) as a path in the repository. */
function repositoryPath(file: string, cwd: string, root: string): string {
  const path = relative(root, resolve(cwd, file));
  if (path.startsWith('..') || resolve(root, path) !== resolve(cwd, file)) {
    throw new UsageError(`--config ${file} is outside the repository; doc-sync reads the config from the repository at a revision, so put it there`);
  }
  return path.split(sep).join('/');
}

const isLocalState = (revision: string) => revision === WORKING_TREE || revision === INDEX;
/** "the working tree", "the index", a short SHA or the revision as given. */
const nameOf = (revision: string) =>
  isLocalState(revision) ? `the ${revision.replace('-', ' ')}` : /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 7) : revision;
/** "in the working tree", "in the index", or "at <revision>". */
const where = (revision: string) => `${isLocalState(revision) ? 'in' : 'at'} ${nameOf(revision)}`;

interface ConfigPlace {
  values: CheckValues;
  io: CliIo;
  root: string;
  /** The base commit (none for --all) and what is judged. */
  base: string | undefined;
  head: string;
  /** Why this base, for the note. */
  baseWhy: string;
}

/**
 * The config the gate uses: at the base when there is one (a change cannot loosen its
 * own gate, as in the action), else, or with --config-from head, of what is judged.
 * Notes on stderr what is judged, which config and which rules are off.
 */
async function readConfig(reader: RepoReader, { values, io, root, base, head, baseWhy }: ConfigPlace) {
  const configFrom = choice('config-from', values['config-from'] ?? (base ? 'base' : 'head'), CONFIG_FROM);
  if (configFrom === 'base' && !base) throw new UsageError('--config-from base needs a base to read it at, and --all has none; drop one of them');
  const configAt = configFrom === 'base' ? base! : await reader.resolveRevision(head);
  const configPath = values.config ? repositoryPath(values.config, io.cwd, root) : null;
  let loaded: Awaited<ReturnType<typeof loadConfigAt>>;
  try {
    loaded = await loadConfigAt(reader, configAt, configPath, where(configAt));
  } catch (error) {
    if (error instanceof ConfigError && configFrom === 'base' && !/does not exist/.test(error.message)) {
      throw new ConfigError(`${error.message.replace(/\.?$/, '.')} This is the base's config, which gates the check: to judge a change that repairs it, pass --config-from head.`);
    }
    if (!(error instanceof ConfigError) || !configPath || !/does not exist/.test(error.message)) throw error;
    const instead = configFrom === 'base' ? ' (the base); commit it there, or pass --config-from head to read it from what is judged' : '; check the path';
    throw new ConfigError(`the config file ${configPath} does not exist ${where(configAt)}${instead}`);
  }
  // The gate uses the base's config, but a config the change edits must be valid too.
  if (configFrom === 'base') await validateProposedConfig(reader, { trusted: configAt, proposed: await reader.resolveRevision(head) }, configPath, where(head));
  const configSource = loaded.source ?? `the defaults: no config file ${where(configAt)}`;
  const rules = enabledRules(loaded.config, configSource);

  if (!values.quiet) {
    const against = base ? ` against ${base.slice(0, 7)}${baseWhy ? `, ${baseWhy}` : ''}` : `, every task${baseWhy ? ` (${baseWhy})` : ''}`;
    const fromBase = configFrom === 'base' ? `, the base (--config-from head reads ${nameOf(head)}'s)` : '';
    const off = rulesOff(rules, loaded.config);
    io.stderr(`doc-sync: judging ${nameOf(head)}${against}\n`);
    io.stderr(`doc-sync: config ${configSource}${fromBase}; rules off: ${off.length > 0 ? off.join(', ') : 'none'}\n`);
  }
  return { config: loaded.config, configSource, rules };
}

interface CheckRun {
  root: string;
  request: CheckRequest;
  report: Report;
  gate: GatePolicy;
}

/**
 * Runs the check on the repository around `io.cwd`: picks what to judge and the base,
 * reads the config (readConfig), and returns what it built.
 */
async function checkRepository(values: CheckValues, io: CliIo): Promise<CheckRun> {
  if (values.all && values.base) throw new UsageError('--all audits one revision; drop --base or drop --all');
  if (values.staged && values.head) throw new UsageError('--staged judges the index and --head REV a commit; pass one of them');
  const gate = gateOf(values);
  const root = await findRepositoryRoot(io.cwd);
  const head = values.head ?? (values.staged ? INDEX : WORKING_TREE);
  const reader: RepoReader = values.head ? new GitReader(root) : values.staged ? new IndexReader(root) : new WorkingTreeReader(root);
  // An unknown --head is that, before a base is looked for or anything is printed.
  if (values.head) await reader.resolveRevision(values.head);

  let base: string | undefined;
  let baseWhy = '';
  let all = values.all;
  if (!all) {
    if (values.base) base = await reader.resolveRevision(values.base);
    else if (values.head) base = await defaultBase(root, values.head, reader);
    else {
      const local = await localBase(root);
      // Before the first commit (a pre-commit hook on it included), audit what is there.
      [base, baseWhy, all] = [local.commit ?? undefined, local.why, local.commit === null];
    }
  }

  const { config, configSource, rules } = await readConfig(reader, { values, io, root, base, head, baseWhy });
  const request: CheckRequest = {
    reader,
    config,
    rules,
    configSource,
    rulesOff: rulesOff(rules, config),
    base,
    head,
    // The working tree and the index are named in words in the core's messages, never "at working".
    ...(isLocalState(head) ? { headPlace: where(head) } : {}),
    mode: all ? 'all' : 'change',
    gate,
    // Shared with a re-check (fix), so no blob is read or parsed twice.
    store: new BlobStore(config.limits.maxFileBytes),
  };
  const { report } = await runCheck(request);
  return { root, request, report, gate };
}

/** Colour: --color always/never wins; in auto, NO_COLOR turns it off, FORCE_COLOR on, else a terminal decides. */
function useColor(when: (typeof COLOR)[number], io: CliIo): boolean {
  if (when !== 'auto') return when === 'always';
  const env = io.env ?? {};
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return io.isTTY === true && env.TERM !== 'dumb';
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand('check', args);
  const format = choice('format', values.format, FORMATS);
  const color = useColor(choice('color', values.color, COLOR), io);
  const { report } = await checkRepository(values, io);
  const code = report.result === 'pass' ? EXIT.pass : EXIT.fail;
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (values.quiet && code === EXIT.pass) return code;
  else if (format === 'markdown') io.stdout(`${renderMarkdown(report)}\n`);
  else if (format === 'compact') io.stdout(renderCompact(report, { color }));
  else if (format === 'sarif') io.stdout(`${JSON.stringify(renderSarif(report, await loadSarifRules(RULES)), null, 2)}\n`);
  else io.stdout(renderText(report, { color }));
  return code;
}

/** The working-tree bytes of the files the fixes edit; a file that does not exist is left out. */
async function readWorkingTree(root: string, paths: Iterable<string>): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const path of new Set(paths)) {
    const full = resolve(root, path);
    if (relative(root, full).startsWith('..')) continue;
    try {
      files.set(path, new Uint8Array(await readFile(full)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new SourceError(`cannot read ${path} in the working tree: ${(error as Error).message}`);
    }
  }
  return files;
}

interface FixSummary {
  outcome: FixOutcome;
  after: Report;
  gate: GatePolicy;
  findingOf: (fix: Fix) => Finding;
  dryRun: boolean;
  staged: boolean;
}

function fixSummary({ outcome, after, gate, findingOf, dryRun, staged }: FixSummary): string {
  const byHand = after.findings.filter((finding) => failsGate(finding, gate));
  // Two findings about one row share one edit: count edits, and say how many findings they repair.
  const findings = outcome.applied.length > outcome.edits.length ? ` (${outcome.applied.length} findings)` : '';
  const parts = [`${dryRun ? 'would apply' : 'applied'} ${plural(outcome.edits.length, 'fix')} to ${plural(outcome.files.size, 'file')}${findings}`];
  if (outcome.unchanged.length > 0) parts.push(`${outcome.unchanged.length} already applied`);
  if (outcome.refused.length > 0) parts.push(`refused ${outcome.refused.length}`);
  parts.push(byHand.length > 0 ? `${plural(byHand.length, 'failing finding')} left to fix by hand` : 'the check passes');
  if (staged && !dryRun && outcome.files.size > 0) parts.push('nothing is staged: review the diff and "git add" the files');
  const lines = [`doc-sync fix: ${parts.join('; ')}`];
  for (const { fix, reason } of outcome.refused) lines.push(`  refused  ${terminalText(fix.file)}:${fix.line}  [${findingOf(fix).rule}] ${terminalText(reason)}`);
  for (const finding of byHand) lines.push(`  by hand  ${terminalText(finding.file)}:${finding.line}  [${finding.rule}] ${terminalText(finding.message)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Checks like `check`, then applies the findings' fixes to the working tree (a fix whose
 * line on disk no longer reads as the check saw it is refused), prints a diff of the rows
 * it changed and a summary.
 */
async function fix(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand('fix', args);
  const rules = values.rule ?? [];
  requireRules(rules);
  const dryRun = values['dry-run'];

  const { root, request, report, gate } = await checkRepository(values, io);
  const chosen = report.findings.filter((finding) => finding.fix && (rules.length === 0 || rules.includes(finding.rule)));
  const findingOfFix = new Map(chosen.map((finding) => [finding.fix!, finding]));
  const fixes = [...findingOfFix.keys()];
  const tree = await readWorkingTree(root, fixes.map((item) => item.file));
  const outcome = applyFixes(tree, fixes);
  if (!dryRun) {
    for (const [path, bytes] of outcome.files) {
      try {
        await writeFile(join(root, path), bytes);
      } catch (error) {
        throw new SourceError(`cannot write ${path}: ${(error as Error).message}`);
      }
    }
  }

  // Judge the result as the next check will: what was judged, with the fixed files laid over it.
  const fixed = new Map<string, Uint8Array>();
  for (const item of [...outcome.applied, ...outcome.unchanged]) fixed.set(item.file, outcome.files.get(item.file) ?? tree.get(item.file)!);
  const after =
    fixed.size === 0
      ? report
      : (await runCheck({ ...request, reader: new OverlayReader(request.reader, report.head, fixed), base: report.base ?? undefined, head: OverlayReader.REVISION })).report;
  const code = after.result === 'pass' ? EXIT.pass : EXIT.fail;
  if (values.quiet && code === EXIT.pass && outcome.edits.length === 0) return code;
  io.stdout(renderFixDiff(outcome.edits, terminalText));
  io.stdout(fixSummary({ outcome, after, gate, findingOf: (item) => findingOfFix.get(item)!, dryRun, staged: values.staged }));
  return code;
}

async function init(args: string[], io: CliIo): Promise<number> {
  parseCommand('init', args);
  const root = await findRepositoryRoot(io.cwd);
  const existing = DEFAULT_CONFIG_PATHS.map((path) => join(root, path)).find((path) => existsSync(path));
  if (existing) throw new UsageError(`${existing} already exists; doc-sync init never overwrites a config, edit it instead`);
  const target = join(root, DEFAULT_CONFIG_PATHS[0]);
  // The planning formats in use, from their marker files in the working tree.
  const found = detectPresets((await new WorkingTreeReader(root).listFiles(WORKING_TREE, isPresetMarker)).keys());
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, configTemplate(found), { flag: 'wx' });
  const detected = found.length === 0 ? '' : found.length === 1 ? ` for the ${found[0]} preset (found its files)` : ` for the ${found[0]} preset; also found ${found.slice(1).join(', ')} (listed in the file)`;
  io.stdout(`wrote ${DEFAULT_CONFIG_PATHS[0]}${detected}; every key in it is optional and shows its default\n`);
  return EXIT.pass;
}

async function explain(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommand('explain', args, true);
  if (positionals.length > 1) throw new UsageError('explain takes one rule id. Run "doc-sync explain --help".');
  const [id] = positionals;
  if (!id) {
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    io.stdout(
      `${RULES.map((rule) => `${rule.id.padEnd(width)}  ${String(rule.defaultSeverity).padEnd(7)}  ${rule.description}`).join('\n')}\n`,
    );
    return EXIT.pass;
  }
  requireRules([id]);
  const docs = await readRuleDocs(findRule(id)!);
  io.stdout(docs.endsWith('\n') ? docs : `${docs}\n`);
  return EXIT.pass;
}

const isCommand = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMANDS, name);

/** `--help`/`-h` anywhere before a `--`: help wins over everything else, so it never has side effects. */
const asksForHelp = (args: readonly string[]) => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
};

/** `doctor [--rev REV] [--config FILE]`: what doc-sync understood (the working tree by default); exit 1 when something needs config. */
async function doctor(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand('doctor', args);
  const root = await findRepositoryRoot(io.cwd);
  // The working tree with its own config, as after "doc-sync init" or an edit; --rev for a commit.
  const reader = values.rev === undefined ? new WorkingTreeReader(root) : new GitReader(root);
  const revision = values.rev === undefined ? WORKING_TREE : await reader.resolveRevision(values.rev);
  const place = values.rev === undefined ? where(WORKING_TREE) : `at ${values.rev}`;
  const configPath = values.config ? repositoryPath(values.config, io.cwd, root) : null;
  let loaded: Awaited<ReturnType<typeof loadConfigAt>>;
  try {
    loaded = await loadConfigAt(reader, revision, configPath, values.rev === undefined ? place : undefined);
  } catch (error) {
    if (!(error instanceof ConfigError) || !configPath || !/does not exist/.test(error.message)) throw error;
    throw new ConfigError(`the config file ${configPath} does not exist ${place}; check the path${values.rev === undefined ? '' : ", or drop --rev to use the working tree's"}`);
  }
  const { config, source: configSource } = loaded;
  const reason = configSource === null
    ? `no ${DEFAULT_CONFIG_PATHS.join(' or ')} ${place}, so the defaults apply ("doc-sync init" writes a commented config)`
    : `${values.config ? 'named by --config' : 'found'} ${place} (a pull request is checked with the config of its base)`;
  const diagnosis = await diagnose({ reader, revision, ...(values.rev === undefined ? { place } : {}), config, configSource, configReason: reason });
  io.stdout(renderDiagnosis(diagnosis));
  return diagnosis.needsConfig.length > 0 ? EXIT.fail : EXIT.pass;
}

/** Runs the CLI; returns the exit code. Every failure is one sentence on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (isCommand(command) && asksForHelp(rest)) {
      io.stdout(commandHelp(command));
      return EXIT.pass;
    }
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'fix':
        return await fix(rest, io);
      case 'init':
        return await init(rest, io);
      case 'explain':
        return await explain(rest, io);
      case 'doctor':
        return await doctor(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return EXIT.pass;
      case undefined:
        io.stderr(`${usage()}\n`);
        return EXIT.error;
      case '--help':
      case '-h':
      case 'help': {
        const [topic] = rest;
        if (topic !== undefined && !isCommand(topic)) throw new UsageError(`there is no command "${topic}"${didYouMean(topic, COMMAND_NAMES)}`);
        io.stdout(topic ? commandHelp(topic) : `${usage()}\n`);
        return EXIT.pass;
      }
      default:
        throw new UsageError(`${endSentence(`unknown command "${command}"${didYouMean(command, COMMAND_NAMES)}`)} Run "doc-sync --help" for the commands.`);
    }
  } catch (error) {
    io.stderr(`doc-sync: ${describeError(error)}\n`);
    return EXIT.error;
  }
}
