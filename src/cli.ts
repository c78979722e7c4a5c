import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultBase, findRepositoryRoot, GitReader } from './adapters/git/git-reader.js';
import { DEFAULT_CONFIG_PATHS, loadConfig } from './config/load.js';
import { CONFIG_TEMPLATE } from './config/template.js';
import { runCheck } from './core/check.js';
import { describeError, UsageError } from './core/errors.js';
import { renderMarkdown } from './report/markdown.js';
import { renderText } from './report/text.js';
import { findRule, RULES } from './rules/index.js';
import { VERSION } from './version.js';

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Exit codes: the gate passed, the gate failed, or doc-sync could not check. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

const USAGE = `Usage:
  doc-sync check [--base REV] [--head REV] [--all] [--config FILE] [--format text|json|markdown]
  doc-sync init
  doc-sync explain [RULE]

Exit codes: 0 the gate passes, 1 it fails, 2 doc-sync could not check.`;

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** Rule docs ship beside the code: docs/rules/ next to src/ or dist/. */
const DOCS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');

async function check(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      base: { type: 'string' },
      head: { type: 'string', default: 'HEAD' },
      all: { type: 'boolean', default: false },
      config: { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
    allowPositionals: false,
    strict: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  if (values.all && values.base) throw new UsageError('--all audits one revision; drop --base or drop --all');

  const root = await findRepositoryRoot(io.cwd);
  const { config, source } = await loadConfig(root, values.config, io.cwd);
  const reader = new GitReader(root);
  const base = values.all ? undefined : (values.base ?? (await defaultBase(root, values.head)));
  const report = await runCheck({
    reader,
    config,
    configSource: source ?? 'default configuration',
    base,
    head: values.head,
    mode: values.all ? 'all' : 'change',
  });
  if (format === 'json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else if (format === 'markdown') io.stdout(`${renderMarkdown(report)}\n`);
  else io.stdout(renderText(report));
  return report.result === 'pass' ? EXIT.pass : EXIT.fail;
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
  let docs: string;
  try {
    docs = await readFile(join(DOCS_DIR, `${rule.id}.md`), 'utf8');
  } catch {
    docs = `# ${rule.id}\n\n${rule.description}\n`;
  }
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
