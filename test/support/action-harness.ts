import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ActionRuntime, AnnotationTarget } from '../../src/action/runtime.js';
import { FakeGitHub } from './fake-github.js';
import { FakeRepo, commitFiles, createTempGitDir, type FakeRepoOptions } from './fake-repo.js';

export const DIST_INDEX = resolve('dist/index.js');

/** What a run of the action produced, whichever way it ran. */
export interface ActionResult {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  log: string;
  annotations: { level: string; message: string; target?: AnnotationTarget }[];
}

/** An in-process runtime that records everything, for fast tests of runAction. */
export class RecordingRuntime implements ActionRuntime {
  readonly outputs: Record<string, string> = {};
  readonly lines: string[] = [];
  readonly annotations: ActionResult['annotations'] = [];
  summary = '';
  failed: string | null = null;
  constructor(private readonly inputs: Record<string, string> = {}) {}
  getInput(name: string): string {
    return this.inputs[name] ?? '';
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  info(message: string): void {
    this.lines.push(message);
  }
  annotate(level: 'error' | 'warning' | 'notice', message: string, target?: AnnotationTarget): void {
    this.annotations.push({ level, message, target });
  }
  async writeSummary(markdown: string): Promise<boolean> {
    this.summary += markdown;
    return true;
  }
  setFailed(message: string): void {
    this.failed = message;
  }
  result(): ActionResult {
    return { exitCode: this.failed ? 1 : 0, outputs: this.outputs, summary: this.summary, log: [...this.lines, ...(this.failed ? [this.failed] : [])].join('\n'), annotations: this.annotations };
  }
}

/** Parses the runner's GITHUB_OUTPUT file (`name<<delimiter` blocks, or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (index += 1; index < lines.length && lines[index] !== delimiter; index += 1) value.push(lines[index]!);
      outputs[name!] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/** Runs the bundled dist/index.js as the runner does: INPUT_* variables and runner files. */
export async function runDist(env: Record<string, string>, inputs: Record<string, string>): Promise<ActionResult> {
  const runnerDir = mkdtempSync(join(tmpdir(), 'doc-sync-runner-'));
  const outputFile = join(runnerDir, 'output');
  const summaryFile = join(runnerDir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value]));
  const child = spawn(process.execPath, [DIST_INDEX], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? runnerDir,
      GITHUB_ACTIONS: 'true',
      RUNNER_TEMP: runnerDir,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.example',
      ...inputEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  const exitCode = await new Promise<number>((done) => child.on('close', (code) => done(code ?? 1)));
  const annotations = [...log.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)].map((match) => ({ level: match[1]!, message: match[3]!, target: match[2] ? { title: match[2] } : undefined }));
  const result = { exitCode, outputs: parseOutputFile(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), log, annotations };
  rmSync(runnerDir, { recursive: true, force: true });
  return result;
}

/**
 * A GitHub repository on the fake server, backed by a bare git repository, with a
 * `main` branch and helpers to open pull requests and clone a workspace.
 */
export class GitHubScenario {
  private readonly dirs: string[] = [];
  private constructor(
    readonly github: FakeGitHub,
    readonly repo: FakeRepo,
  ) {}

  static async start(tree: Record<string, string>, options: Partial<FakeRepoOptions> = {}): Promise<GitHubScenario> {
    const gitDir = createTempGitDir();
    commitFiles(gitDir, 'main', tree, { message: 'base' });
    const github = await FakeGitHub.start();
    const scenario = new GitHubScenario(github, new FakeRepo(github, { owner: 'acme', repo: 'plans', gitDir, identity: 'installation', ...options }));
    scenario.dirs.push(gitDir);
    return scenario;
  }

  /** A full clone checked out at `revision`, as actions/checkout with fetch-depth 0 leaves it. */
  workspace(revision: string, options: { depth?: number } = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'doc-sync-workspace-'));
    this.dirs.push(dir);
    const depth = options.depth ? ['--depth', String(options.depth), '--no-single-branch'] : [];
    execFileSync('git', ['clone', '-q', ...depth, `file://${this.repo.gitDir}`, dir], { stdio: 'ignore' });
    if (options.depth) execFileSync('git', ['fetch', '-q', '--depth', String(options.depth), 'origin', revision], { cwd: dir, stdio: 'ignore' });
    execFileSync('git', ['checkout', '-q', '--detach', revision], { cwd: dir, stdio: 'ignore' });
    return dir;
  }

  /** An empty directory: a job without actions/checkout. */
  emptyWorkspace(): string {
    const dir = mkdtempSync(join(tmpdir(), 'doc-sync-workspace-'));
    this.dirs.push(dir);
    return dir;
  }

  /** Writes an event payload file and returns the runner variables for it. */
  eventEnv(eventName: string, payload: unknown, workspace: string): Record<string, string> {
    const dir = mkdtempSync(join(tmpdir(), 'doc-sync-event-'));
    this.dirs.push(dir);
    const path = join(dir, 'event.json');
    writeFileSync(path, JSON.stringify(payload));
    return {
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: `${this.repo.owner}/${this.repo.repo}`,
      GITHUB_API_URL: this.github.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_REF: 'refs/heads/main',
    };
  }

  async close(): Promise<void> {
    await this.github.close();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}
