import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readRuleDocs } from './adapters/rule-docs.js';
import { loadSarifRules } from './adapters/sarif-rules.js';
import { defaultBase, findRepositoryRoot, GitReader } from './adapters/git/git-reader.js';
import { DEFAULT_CONFIG_PATHS, loadConfig } from './config/load.js';
import { BlobStore } from './core/blob-store.js';
import { CONFIG_TEMPLATE } from './config/template.js';
import { DEFAULT_GATE, failsGate, runCheck, type CheckRequest } from './core/check.js';
import { describeError, SourceError, UsageError } from './errors.js';
import type { Finding, Fix } from './core/finding.js';
import { applyFixes, type FixOutcome } from './fix/apply.js';
import { renderFixDiff } from './fix/diff.js';
import { OverlayReader } from './fix/overlay.js';
import type { Report } from './report/report.js';
import { renderMarkdown } from './report/markdown.js';
import { renderSarif } from './report/sarif.js';
import { renderText } from './report/text.js';
import { enabledRules, findRule, RULES } from './rules/index.js';
import { VERSION } from './version.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes: the gate passed, the gate failed, or doc-sync could not check. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

const USAGE = `Usage:
  doc-sync check [--base REV] [--head REV] [--all] [--config FILE] [--format text|json|markdown|sarif]
  doc-sync fix [--base REV] [--head REV] [--all] [--config FILE] [--rule ID]... [--dry-run]
  doc-sync init
  doc-sync explain [RULE]

Exit codes: 0 the gate passes, 1 it fails, 2 doc-sync could not check.
(fix: 0 when the fixes leave no finding that fails the gate, 1 when some remain.)`;

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
type Format = (typeof FORMATS)[number];


/** Options `check` and `fix` share: which change to check, and how. */
const CHECK_OPTIONS = {
  base: { type: 'string' },
  head: { type: 'string', default: 'HEAD' },
  all: { type: 'boolean', default: false },
  config: { type: 'string' },
} as const;

interface CheckArgs {
  base?: string;
  head: string;
  all: boolean;
  config?: string;
}

/** Runs the check on the repository around `io.cwd`; returns its root, the request and the report. */
async function checkRepository(args: CheckArgs, io: CliIo): Promise<{ root: string; request: CheckRequest; report: Report }> {
  if (args.all && args.base) throw new UsageError('--all audits one revision; drop --base or drop --all');
  const root = await findRepositoryRoot(io.cwd);
  const { config, source } = await loadConfig(root, args.config, io.cwd);
  const reader = new GitReader(root);
  const base = args.all ? undefined : (args.base ?? (await defaultBase(root, args.head)));
  const request: CheckRequest = {
    reader,
    config,
    rules: enabledRules(config, source ?? 'default configuration'),
    configSource: source ?? 'default configuration',
    base,
    head: args.head,
    mode: args.all ? 'all' : 'change',
    // Shared with a re-check (fix), so no blob is read or parsed twice.
    store: new BlobStore(config.limits.maxFileBytes),
  };
  return { root, request, report: (await runCheck(request)).report };
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...CHECK_OPTIONS, format: { type: 'string', default: 'text' } },
    allowPositionals: false,
    strict: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const { report } = await checkRepository(values, io);
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(`${renderMarkdown(report)}\n`);
  else if (format === 'sarif') io.stdout(`${JSON.stringify(renderSarif(report, await loadSarifRules(RULES)), null, 2)}\n`);
  else io.stdout(renderText(report));
  return report.result === 'pass' ? EXIT.pass : EXIT.fail;
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

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;

function fixSummary(outcome: FixOutcome, after: Report, findingOf: (fix: Fix) => Finding, dryRun: boolean): string {
  const byHand = after.findings.filter((finding) => failsGate(finding, DEFAULT_GATE));
  // Two findings about one row share one edit: count edits, and say how many findings they repair.
  const findings = outcome.applied.length > outcome.edits.length ? ` (${outcome.applied.length} findings)` : '';
  const parts = [`${dryRun ? 'would apply' : 'applied'} ${plural(outcome.edits.length, 'fix')} to ${plural(outcome.files.size, 'file')}${findings}`];
  if (outcome.unchanged.length > 0) parts.push(`${outcome.unchanged.length} already applied`);
  if (outcome.refused.length > 0) parts.push(`refused ${outcome.refused.length}`);
  parts.push(byHand.length > 0 ? `${plural(byHand.length, 'failing finding')} left to fix by hand` : 'the check passes');
  const lines = [`doc-sync fix: ${parts.join('; ')}`];
  for (const { fix, reason } of outcome.refused) lines.push(`  refused  ${fix.file}:${fix.line}  [${findingOf(fix).rule}] ${reason}`);
  for (const finding of byHand) lines.push(`  by hand  ${finding.file}:${finding.line}  [${finding.rule}] ${finding.message}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Checks like `check`, then applies the findings' fixes to the working tree (the check
 * reads commits; a fix whose target the working tree has changed is refused), prints a
 * diff of the rows it changed and a summary.
 */
async function fix(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...CHECK_OPTIONS, rule: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean', default: false } },
    allowPositionals: false,
    strict: true,
  });
  const rules = values.rule ?? [];
  const unknown = rules.filter((id) => !findRule(id));
  if (unknown.length > 0) throw new UsageError(`there is no rule ${unknown.map((id) => `"${id}"`).join(', ')}; run "doc-sync explain" to list them`);
  const dryRun = values['dry-run'];

  const { root, request, report } = await checkRepository(values, io);
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

  // Judge the result as the next check will: head with the fixed files (as the working tree has them) committed.
  const fixed = new Map<string, Uint8Array>();
  for (const item of [...outcome.applied, ...outcome.unchanged]) fixed.set(item.file, outcome.files.get(item.file) ?? tree.get(item.file)!);
  const after =
    fixed.size === 0
      ? report
      : (await runCheck({ ...request, reader: new OverlayReader(request.reader, report.head, fixed), base: report.base ?? undefined, head: OverlayReader.REVISION })).report;
  io.stdout(renderFixDiff(outcome.edits));
  io.stdout(fixSummary(outcome, after, (item) => findingOfFix.get(item)!, dryRun));
  return after.result === 'pass' ? EXIT.pass : EXIT.fail;
}

async function init(io: CliIo): Promise<number> {
  const root = await findRepositoryRoot(io.cwd);
  const existing = DEFAULT_CONFIG_PATHS.map((path) => join(root, path)).find((path) => existsSync(path));
  if (existing) throw new UsageError(`${existing} already exists; doc-sync init never overwrites a config, edit it instead`);
  const target = join(root, DEFAULT_CONFIG_PATHS[0]);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, CONFIG_TEMPLATE, { flag: 'wx' });
  io.stdout(`wrote ${DEFAULT_CONFIG_PATHS[0]}; every key in it is optional and shows its default\n`);
  return EXIT.pass;
}

async function explain(args: string[], io: CliIo): Promise<number> {
  const [id] = args;
  if (!id) {
    const width = Math.max(...RULES.map((rule) => rule.id.length));
    io.stdout(
      `${RULES.map((rule) => `${rule.id.padEnd(width)}  ${String(rule.defaultSeverity).padEnd(7)}  ${rule.description}`).join('\n')}\n`,
    );
    return EXIT.pass;
  }
  const rule = findRule(id);
  if (!rule) throw new UsageError(`there is no rule "${id}"; run "doc-sync explain" to list them`);
  const docs = await readRuleDocs(rule);
  io.stdout(docs.endsWith('\n') ? docs : `${docs}\n`);
  return EXIT.pass;
}

/** Runs the CLI; returns the exit code. Every failure is one sentence on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'fix':
        return await fix(rest, io);
      case 'init':
        return await init(io);
      case 'explain':
        return await explain(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return EXIT.pass;
      case undefined:
        io.stderr(`${USAGE}\n`);
        return EXIT.error;
      case '--help':
      case '-h':
      case 'help':
        io.stdout(`${USAGE}\n`);
        return EXIT.pass;
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    const message = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')
      ? `${error.message}\n${USAGE}`
      : describeError(error);
    io.stderr(`doc-sync: ${message}\n`);
    return EXIT.error;
  }
}
