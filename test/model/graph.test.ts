import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import { BlobStore } from '../../src/core/blob-store.js';
import { loadModelAt, runCheck } from '../../src/core/check.js';
import { graphTaskKeys } from '../../src/model/graph.js';
import { consistentTree } from '../support/docs.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

async function graphOf(files: Tree, config: ConfigInput) {
  const { model } = await loadModelAt(new MemoryRepo({ head: files }), configSchema.parse(config), 'head');
  return model;
}

const summary = (model: Awaited<ReturnType<typeof graphOf>>, source: string) =>
  model.graph.sources.get(source)!.tasks.map((task) => [task.key, task.status, task.category, task.parent ?? null]);

describe('buildTaskGraph', () => {
  test('kiro: keys are file#ID, [-] is in progress, flat and nested sub-tasks get parents, archived specs are left out', async () => {
    const model = await graphOf(
      {
        '.kiro/specs/auth/tasks.md': '# Tasks\n\n- [ ] 1. Login\n  - [x] 1.1 Form\n  - [-] 1.2 Session\n- [x] 2. Logout\n- [ ]* 2.1 Tests\n',
        '.kiro/specs/_archived/old/tasks.md': '- [x] 1. Old\n',
      },
      { preset: 'kiro' },
    );
    expect(summary(model, 'tasks')).toEqual([
      ['.kiro/specs/auth/tasks.md#1', '[ ]', 'ready', null],
      ['.kiro/specs/auth/tasks.md#1.1', '[x]', 'done', '1'],
      ['.kiro/specs/auth/tasks.md#1.2', '[-]', 'in-progress', '1'],
      ['.kiro/specs/auth/tasks.md#2', '[x]', 'done', null],
      ['.kiro/specs/auth/tasks.md#2.1', '[ ]', 'ready', '2'],
    ]);
    expect(model.graph.sources.get('tasks')!.tasks[4]!.optional).toBe(true);
    expect(model.graph.sources.get('tasks')!.files).toEqual(['.kiro/specs/auth/tasks.md']);
    // Fix rules need the line texts of preset sources.
    expect(model.texts.has('.kiro/specs/auth/tasks.md')).toBe(true);
    expect(model.graph.relations.map((relation) => relation.kind)).toEqual(['rollup']);
  });

  test('spec-kit: [X] is done; a file without task IDs is a problem naming its line', async () => {
    const model = await graphOf(
      { 'specs/001-a/tasks.md': '## Phase 1\n\n- [X] T001 [P] Set up\n- [ ] T002 Build\n', 'specs/002-b/tasks.md': '#### T001: Heading task\n\n- [ ] do it\n' },
      { preset: 'spec-kit' },
    );
    expect(summary(model, 'tasks')).toEqual([
      ['specs/001-a/tasks.md#T001', '[X]', 'done', null],
      ['specs/001-a/tasks.md#T002', '[ ]', 'ready', null],
    ]);
    expect(model.graph.sources.get('tasks')!.problems).toEqual([expect.objectContaining({ file: 'specs/002-b/tasks.md', line: 3 })]);
  });

  test('bmad: story files come from ledger keys under story_location, epics parent their stories, story tasks are criteria', async () => {
    const folder = '_bmad-output/implementation-artifacts';
    const model = await graphOf(
      {
        [`${folder}/sprint-status.yaml`]: `story_location: "{project-root}/${folder}"\ndevelopment_status:\n  epic-1: in-progress\n  1-1-first: review\n  1-2-second: ready-for-dev\n  epic-1-retrospective: optional\n`,
        [`${folder}/1-1-first.md`]: '# Story 1.1: First\n\nStatus: done\n\n## Tasks / Subtasks\n\n- [x] Task 1\n- [ ] Task 2\n',
        // Named like a story, but no ledger key names it: a report, not read.
        [`${folder}/1-3-code-review-report.md`]: '# Review\n',
      },
      { preset: 'bmad' },
    );
    expect(summary(model, 'ledger')).toEqual([
      ['epic-1', 'in-progress', 'in-progress', null],
      ['1-1-first', 'review', 'ready-for-review', 'epic-1'],
      ['1-2-second', 'ready-for-dev', 'ready', 'epic-1'],
      ['epic-1-retrospective', 'optional', 'backlog', 'epic-1'],
    ]);
    const stories = model.graph.sources.get('stories')!;
    expect(stories.files).toEqual([`${folder}/1-1-first.md`]);
    expect(stories.problems).toEqual([]);
    expect(stories.tasks.map((task) => [task.key, task.category, task.criteria])).toEqual([
      ['1-1-first', 'done', [{ name: 'tasks', count: { checked: 1, total: 2 } }]],
    ]);
  });

  test('bmad, the epics: list shape: story-1.1 is the one 1-1-*.md titled "Story 1.1", read under the ledger key', async () => {
    const folder = '_bmad-output/implementation-artifacts';
    const model = await graphOf(
      {
        [`${folder}/sprint-status.yaml`]: `epics:\n  - id: epic-1\n    status: in-progress\n    stories:\n      - id: story-1.1\n        title: 'Monorepo & scaffolding'\n        status: done\n      - id: story-1.3\n        status: review\n`,
        [`${folder}/1-1-monorepo-scaffolding.md`]: '# Story 1.1: Monorepo & Scaffolding\n\nStatus: done\n',
        [`${folder}/1-1-final-review-report.md`]: '# Story 1.1 Final Review Report\n\n**Status:** complete\n',
        // Named like story 1.1, titled like it, but a report (no status): not its story file.
        [`${folder}/1-1-code-review-report.md`]: '# Story 1.1: Code review report\n\n**Date:** 2026-02-27\n',
        // Named like story 1.3 but a report: not its story file.
        [`${folder}/1-3-code-review-report.md`]: '# Code review report\n\nStatus: final\n',
      },
      { preset: 'bmad' },
    );
    const stories = model.graph.sources.get('stories')!;
    expect(stories.files).toEqual([`${folder}/1-1-monorepo-scaffolding.md`]);
    expect(stories.tasks.map((task) => [task.key, task.fileId, task.category])).toEqual([['story-1.1', undefined, 'done']]);
  });

  test('backlog-md: statuses from backlog/config.yml join the vocabulary; AC and DoD are criteria; the README board is read only with its markers', async () => {
    const task = (id: string, status: string) => `---\nid: ${id}\ntitle: T\nstatus: ${status}\n---\n\n## Acceptance Criteria\n<!-- AC:BEGIN -->\n- [x] #1 a\n- [ ] #2 b\n<!-- AC:END -->\n`;
    const files: Tree = {
      'backlog/config.yml': 'statuses: ["To Do", "In Progress", "Verify", "Shipped"]\n',
      'backlog/tasks/task-1 - One.md': task('task-1', 'Verify'),
      'backlog/tasks/task-2 - Two.md': task('task-2', 'Shipped'),
      'backlog/completed/task-3 - Three.md': task('task-3', 'Wontfix'),
      'README.md': '# Project\n',
    };
    const model = await graphOf(files, { preset: 'backlog-md' });
    expect(summary(model, 'tasks')).toEqual([
      ['task-3', 'Wontfix', 'unknown', null],
      ['task-1', 'Verify', 'in-progress', null],
      ['task-2', 'Shipped', 'done', null],
    ]);
    expect(model.graph.sources.get('tasks')!.tasks[1]!.criteria).toEqual([
      { name: 'acceptance criteria', count: { checked: 1, total: 2 } },
      { name: 'Definition of Done', count: { checked: 0, total: 0 } },
    ]);
    expect(model.graph.sources.get('tasks')!.tasks[1]!.fileId).toBe('task-1');
    expect(model.graph.sources.get('board')!.files).toEqual([]);

    const exported = await graphOf(
      { ...files, 'README.md': '<!-- BOARD_START -->\n\n| To Do | Shipped |\n| --- | --- |\n| | **TASK-2** - Two |\n\n<!-- BOARD_END -->\n' },
      { preset: 'backlog-md' },
    );
    expect(summary(exported, 'board')).toEqual([['TASK-2', 'Shipped', 'done', null]]);
  });

  test('backlog-md: only <task_prefix>-*.md files are tasks, as Backlog.md lists them', async () => {
    const task = (id: string) => `---\nid: ${id}\ntitle: T\nstatus: To Do\n---\n`;
    const files: Tree = {
      'backlog/config.yml': 'task_prefix: "back"\n',
      'backlog/tasks/back-1 - One.md': task('BACK-1'),
      'backlog/tasks/BACK-2 - Two.md': task('BACK-2'),
      'backlog/tasks/readme.md': '# How we write tasks\n',
      'backlog/tasks/task-9 - Other prefix.md': task('task-9'),
    };
    const model = await graphOf(files, { preset: 'backlog-md' });
    expect(model.graph.sources.get('tasks')!.files).toEqual(['backlog/tasks/BACK-2 - Two.md', 'backlog/tasks/back-1 - One.md']);
    expect(model.graph.sources.get('tasks')!.problems).toEqual([]);
  });

  test('statetrace: the graph holds the table rows, so every preset fills DocModel.graph', async () => {
    const model = await graphOf(consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]), {});
    expect([...model.graph.sources.keys()]).toEqual(['board', 'board-csv', 'plans', 'backlog', 'plan-index', 'session-logs']);
    expect(model.graph.sources.get('board')!.tasks.map((task) => [task.key, task.category])).toEqual([
      ['ST-B-001', model.board!.rows[0]!.status!.category],
      ['ST-B-002', model.board!.rows[1]!.status!.category],
    ]);
    expect(graphTaskKeys(model.graph)).toEqual(new Set(['ST-B-001', 'ST-B-002']));
    expect(model.graph.relations.map((relation) => relation.kind)).toEqual(['mirror', 'mirror', 'membership', 'membership', 'rollup']);
  });

  test('a preset reads no StateTrace tables: the board at its default path is not tracked under kiro', async () => {
    const model = await graphOf({ ...consistentTree([{ id: 'ST-B-001' }]), '.kiro/specs/a/tasks.md': '- [ ] 1. A\n' }, { preset: 'kiro' });
    expect(model.board).toBeNull();
    expect([...model.files.keys()]).toEqual(['.kiro/specs/a/tasks.md']);
  });

  test('sources.<name>.paths replaces the preset globs', async () => {
    const model = await graphOf({ 'plans/x/tasks.md': '- [ ] 1. A\n', '.kiro/specs/a/tasks.md': '- [ ] 1. B\n' }, { preset: 'kiro', sources: { tasks: { paths: 'plans/*/tasks.md' } } });
    expect(model.graph.sources.get('tasks')!.files).toEqual(['plans/x/tasks.md']);
  });
});

describe('reading each file once per check', () => {
  test('a story file that is the same blob at base and head is read once; a changed one is read at each end', async () => {
    const story = (status: string) => `# Story 1.1: Login\n\nStatus: ${status}\n\n## Tasks / Subtasks\n\n- [x] Task 1\n`;
    const ledger = (status: string) => `development_status:\n  epic-1: in-progress\n  1-1-login: ${status}\n  1-2-logout: review\n`;
    const base: Tree = {
      '_bmad-output/implementation-artifacts/sprint-status.yaml': ledger('review'),
      '_bmad-output/implementation-artifacts/1-1-login.md': story('review'),
      '_bmad-output/implementation-artifacts/1-2-logout.md': story('review').replace('1.1: Login', '1.2: Logout'),
    };
    const head: Tree = { ...base, '_bmad-output/implementation-artifacts/sprint-status.yaml': ledger('done'), '_bmad-output/implementation-artifacts/1-1-login.md': story('done') };
    const store = new BlobStore(1_000_000);
    const computed: string[] = [];
    const memo = store.memo.bind(store);
    store.memo = (key, compute) => memo(key, () => (computed.push(key.split('\u0000')[2]!), compute()));
    const repo = new MemoryRepo({ base, head });
    await runCheck({ reader: repo, config: configSchema.parse({ preset: 'bmad' }), rules: [], base: 'base', head: 'head', mode: 'change', store });
    expect(computed.sort()).toEqual([
      '_bmad-output/implementation-artifacts/1-1-login.md',
      '_bmad-output/implementation-artifacts/1-1-login.md',
      '_bmad-output/implementation-artifacts/1-2-logout.md',
      '_bmad-output/implementation-artifacts/sprint-status.yaml',
      '_bmad-output/implementation-artifacts/sprint-status.yaml',
    ]);
  });
});
