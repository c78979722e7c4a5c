import { configSchema, STATUS_CATEGORIES, type StatusCategory } from '../../src/config/schema.js';
import { compileSettings } from '../../src/config/settings.js';
import type { RuleFinding } from '../../src/core/finding.js';
import type { Rule, RuleContext } from '../../src/core/rule.js';
import { diffFiles, diffGraphs } from '../../src/diff/changes.js';
import { emptyModel, type DocModel } from '../../src/model/model.js';
import { indexTasks, taskKey, type Relation, type Task, type TaskGraph, type TaskSource, type TaskSourceKind } from '../../src/model/tasks.js';
import { readBoardExport } from '../../src/sources/board-export.js';
import { KIRO_CHECKLIST, readChecklist, SPEC_KIT_CHECKLIST } from '../../src/sources/checklist.js';
import { readLedger } from '../../src/sources/ledger.js';
import { readStoryFile } from '../../src/sources/story-file.js';
import { readTaskFile } from '../../src/sources/task-file.js';
import type { PresetName } from '../../src/presets/index.js';
import { RULES } from '../../src/rules/index.js';
import { expectFinding, type ExpectedFinding } from './rule-tester.js';
import type { SourceProblem } from '../../src/sources/types.js';

/**
 * A test helper, not a second engine: builds a `TaskGraph` from inline files by running the
 * real readers of `src/sources/`, with an explicit status vocabulary, so the relation rules
 * can be judged before (and independently of) the engine's preset wiring.
 */

export interface SourceSpec {
  kind: Exclude<TaskSourceKind, 'table' | 'csv' | 'plan-index' | 'session-logs'>;
  scope: TaskSource['scope'];
  /** Checklist sources: which format. */
  checklist?: 'kiro' | 'spec-kit';
  /** Path → text. */
  files: Record<string, string>;
}

export interface GraphSpec {
  sources: Record<string, SourceSpec>;
  relations: Relation[];
  /** Status words as written, per category (matched ignoring case); anything else is `unknown`. */
  statuses: Partial<Record<StatusCategory, string[]>>;
  /** The preset whose settings the rules see (its status file, for messages). */
  preset: PresetName;
}

function readSource(kind: SourceSpec['kind'], spec: SourceSpec, file: string, text: string): { tasks: Omit<Task, 'key' | 'source' | 'category'>[]; problems: SourceProblem[] } {
  switch (kind) {
    case 'checklist':
      return readChecklist(file, text, spec.checklist === 'kiro' ? KIRO_CHECKLIST : SPEC_KIT_CHECKLIST);
    case 'task-files': {
      const read = readTaskFile(file, text);
      return {
        problems: read.problems,
        tasks: read.tasks.map(({ acceptanceCriteria, definitionOfDone, ...task }) => ({
          ...task,
          criteria: [
            { name: 'acceptance criteria', count: acceptanceCriteria },
            { name: 'Definition of Done', count: definitionOfDone },
          ],
        })),
      };
    }
    case 'ledger': {
      const read = readLedger(file, text);
      return { problems: read.problems, tasks: read.tasks.map(({ kind: entry, ...task }) => ({ ...task, entry })) };
    }
    case 'story-files': {
      const read = readStoryFile(file, text);
      return { problems: read.problems, tasks: read.tasks.map(({ subtasks, ...task }) => ({ ...task, criteria: [{ name: 'tasks', count: subtasks }] })) };
    }
    case 'board-export':
      return readBoardExport(file, text);
  }
}

export function buildGraph(spec: GraphSpec): TaskGraph {
  const vocabulary = new Map<string, StatusCategory>();
  for (const [category, words] of Object.entries(spec.statuses) as [StatusCategory, string[]][]) for (const word of words) vocabulary.set(word.toLowerCase(), category);
  const sources = new Map<string, TaskSource>();
  for (const [name, source] of Object.entries(spec.sources)) {
    const files = Object.keys(source.files).sort();
    const tasks: Task[] = [];
    const problems: SourceProblem[] = [];
    for (const file of files) {
      const read = readSource(source.kind, source, file, source.files[file]!);
      problems.push(...read.problems);
      for (const task of read.tasks) {
        tasks.push({ ...task, key: taskKey(source.scope, file, task.id), source: name, category: vocabulary.get(task.status.toLowerCase()) ?? 'unknown' });
      }
    }
    sources.set(name, { name, kind: source.kind, scope: source.scope, files, tasks, byKey: indexTasks(tasks), problems });
  }
  return { sources, relations: spec.relations };
}

/** A model holding only the graph and the texts of its files. */
export function graphModel(spec: GraphSpec): DocModel {
  const model = emptyModel();
  model.graph = buildGraph(spec);
  for (const source of Object.values(spec.sources)) {
    for (const [file, text] of Object.entries(source.files)) {
      model.texts.set(file, text);
      model.files.set(file, text);
    }
  }
  return model;
}

export interface GraphFinding extends RuleFinding {
  introduced: boolean;
}

/**
 * Runs one rule as the engine does: at head, and for a change once more at base, marking a
 * finding pre-existing when its key (else task, else file) shows at base. `tasks` defaults to
 * the touched keys of a change, or every key in an audit.
 */
export function checkGraph(rule: Rule<object>, testCase: { base?: GraphSpec; head: GraphSpec; tasks?: string[] }): GraphFinding[] {
  const head = graphModel(testCase.head);
  const base = testCase.base ? graphModel(testCase.base) : emptyModel();
  const mode = testCase.base ? 'change' : 'all';
  const allKeys = new Set([...head.graph.sources.values()].flatMap((source) => [...source.byKey.keys()]));
  const files = mode === 'all' ? [] : diffFiles(base.files, head.files);
  const graphTasks = mode === 'all' ? new Map() : diffGraphs(base.graph, head.graph, new Set(files.map((file) => file.path)));
  // The engine's own diff decides what a change touched.
  const tasks = new Set(testCase.tasks ?? (mode === 'all' ? allKeys : graphTasks.keys()));
  // The preset's vocabulary exactly (a category it does not use has no words), as the config schema cannot write an empty category.
  const config = configSchema.parse({ preset: testCase.head.preset });
  config.statuses = Object.fromEntries(STATUS_CATEGORIES.map((category) => [category, testCase.head.statuses[category] ?? []])) as typeof config.statuses;
  const settings = compileSettings(config);
  const context: RuleContext<object> = {
    mode,
    base,
    head,
    changes: { files, tasks: new Map(), graphTasks },
    tasks,
    settings,
    options: {},
  };
  const keyOf = (finding: RuleFinding) => finding.key ?? finding.taskId ?? finding.file;
  const atBase = mode === 'change' ? new Set(rule.check({ ...context, head: base }).map(keyOf)) : new Set<string>();
  return rule.check(context).map((finding) => ({ ...finding, introduced: finding.introduced ?? !atBase.has(keyOf(finding)) }));
}

export interface GraphCase {
  name: string;
  /** The graph before the change; omit for an `--all` audit of `head`. */
  base?: GraphSpec;
  head: GraphSpec;
  /** The judged keys, when not the touched ones. */
  tasks?: string[];
}


/** RuleTester's shape for the relation rules, over graphs read from inline files. */
export function testGraphRule(ruleId: string, cases: { valid: GraphCase[]; invalid: (GraphCase & { findings: ExpectedFinding[] })[] }): void {
  const rule = RULES.find((candidate) => candidate.id === ruleId);
  describe(`${ruleId} (graph)`, () => {
    test('is registered', () => {
      expect(rule).toBeDefined();
    });
    if (cases.valid.length > 0) {
      test.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_name, testCase) => {
        expect(checkGraph(rule!, testCase)).toEqual([]);
      });
    }
    test.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_name, testCase) => {
      const findings = checkGraph(rule!, testCase);
      expect(findings.map((f) => `${f.taskId ?? '-'} ${f.file}:${f.line} ${f.message}`)).toHaveLength(testCase.findings.length);
      testCase.findings.forEach((expected, index) => expectFinding(findings[index]!, expected));
    });
  });
}

/** Checkbox vocabulary of the checklist presets (`[x]` matches `[X]` too: the vocabulary ignores case). */
export const CHECKBOX_STATUSES: GraphSpec['statuses'] = { ready: ['[ ]'], 'in-progress': ['[-]'], done: ['[x]'] };
export const BMAD_STATUSES: GraphSpec['statuses'] = {
  backlog: ['backlog', 'optional'],
  ready: ['ready-for-dev'],
  'in-progress': ['in-progress'],
  blocked: ['awaiting-operator'],
  'ready-for-review': ['review'],
  done: ['done'],
};
export const BACKLOG_STATUSES: GraphSpec['statuses'] = { ready: ['To Do'], 'in-progress': ['In Progress'], done: ['Done'] };

/** A Kiro repository: one checklist per spec, parents rolled up from their sub-tasks. */
export function kiro(files: Record<string, string>): GraphSpec {
  return {
    sources: { tasks: { kind: 'checklist', checklist: 'kiro', scope: 'file', files } },
    relations: [{ kind: 'rollup', source: 'tasks', over: 'children' }],
    statuses: CHECKBOX_STATUSES,
    preset: 'kiro',
  };
}

/** A spec-kit repository: one checklist per feature, no relations. */
export function specKit(files: Record<string, string>): GraphSpec {
  return { sources: { tasks: { kind: 'checklist', checklist: 'spec-kit', scope: 'file', files } }, relations: [], statuses: CHECKBOX_STATUSES, preset: 'spec-kit' };
}

export const LEDGER = '_bmad-output/implementation-artifacts/sprint-status.yaml';
export const storyPath = (key: string) => `_bmad-output/implementation-artifacts/${key}.md`;

/** A BMAD repository: the ledger and the story files of its keys, with BMAD's relations. */
export function bmad(ledger: string, stories: Record<string, string>): GraphSpec {
  return {
    sources: {
      ledger: { kind: 'ledger', scope: 'repository', files: { [LEDGER]: ledger } },
      stories: { kind: 'story-files', scope: 'repository', files: Object.fromEntries(Object.entries(stories).map(([key, text]) => [storyPath(key), text])) },
    },
    relations: [
      { kind: 'mirror', left: 'ledger', right: 'stories' },
      { kind: 'rollup', source: 'ledger', over: 'children' },
      { kind: 'rollup', source: 'stories', over: 'criteria' },
      { kind: 'membership', from: 'ledger', to: 'stories', categories: ['in-progress', 'ready-for-review', 'done'] },
      { kind: 'membership', from: 'stories', to: 'ledger' },
    ],
    statuses: BMAD_STATUSES,
    preset: 'bmad',
  };
}

/** `development_status:` with one `key: status` line per entry (line 3 is the first entry). */
export function ledgerText(entries: Record<string, string>): string {
  return ['project: ledgerly', 'development_status:', ...Object.entries(entries).map(([key, status]) => `  ${key}: ${status}`), ''].join('\n');
}

/** A BMAD story file: title on line 1, `Status:` on line 3, then its tasks. */
export function storyText(status: string, tasks: boolean[] = [true]): string {
  return ['# Story 1.1: A story', '', `Status: ${status}`, '', '## Tasks / Subtasks', '', ...tasks.map((done, index) => `- [${done ? 'x' : ' '}] Task ${index + 1}: step`), ''].join('\n');
}

export const README = 'README.md';
export const taskPath = (id: string, folder = 'tasks') => `backlog/${folder}/${id.toLowerCase()} - A-task.md`;

/** A Backlog.md repository: task files (path → text) and, when given, the README board export. */
export function backlogMd(tasks: Record<string, string>, readme?: string): GraphSpec {
  const sources: GraphSpec['sources'] = { tasks: { kind: 'task-files', scope: 'repository', files: tasks } };
  const relations: Relation[] = [{ kind: 'rollup', source: 'tasks', over: 'criteria' }];
  if (readme !== undefined) {
    sources.board = { kind: 'board-export', scope: 'repository', files: { [README]: readme } };
    relations.push({ kind: 'mirror', left: 'tasks', right: 'board' }, { kind: 'membership', from: 'board', to: 'tasks' });
  }
  return { sources, relations, statuses: BACKLOG_STATUSES, preset: 'backlog-md' };
}

/** A Backlog.md task file: `id:` on line 2, `status:` on line 4; acceptance criteria and DoD as ticked (true) or not. */
export function taskText(id: string, status: string, criteria: { ac?: boolean[]; dod?: boolean[] } = {}): string {
  const boxes = (list: boolean[] = []) => list.map((done, index) => `- [${done ? 'x' : ' '}] #${index + 1} item`);
  return [
    '---',
    `id: ${id}`,
    'title: A task',
    `status: ${status}`,
    '---',
    '',
    '## Acceptance Criteria',
    '<!-- AC:BEGIN -->',
    ...boxes(criteria.ac),
    '<!-- AC:END -->',
    '',
    '## Definition of Done',
    '<!-- DOD:BEGIN -->',
    ...boxes(criteria.dod),
    '<!-- DOD:END -->',
    '',
  ].join('\n');
}

/** The README board as `backlog board export --readme` writes it; columns fill top-down (the header is line 5, task rows start on line 7). */
export function boardText(columns: Record<string, string[]>): string {
  const names = Object.keys(columns);
  const depth = Math.max(1, ...Object.values(columns).map((ids) => ids.length));
  const rows = Array.from({ length: depth }, (_, row) => `| ${names.map((name) => (columns[name]![row] ? `**${columns[name]![row]}** - A task` : '')).join(' | ')} |`);
  return ['# Project', '', '<!-- BOARD_START -->', '', `| ${names.join(' | ')} |`, `| ${names.map(() => '---').join(' | ')} |`, ...rows, '', '<!-- BOARD_END -->', ''].join('\n');
}
