import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readBoardExport } from '../../src/sources/board-export.js';
import { KIRO_CHECKLIST, readChecklist, SPEC_KIT_CHECKLIST } from '../../src/sources/checklist.js';
import { readLedger } from '../../src/sources/ledger.js';
import { readStoryFile } from '../../src/sources/story-file.js';
import { readTaskFile } from '../../src/sources/task-file.js';

/** The demo repositories under fixtures/presets/, read as the presets will read them. */
const ROOT = join(process.cwd(), 'fixtures', 'presets');
const read = (format: string, path: string) => readFileSync(join(ROOT, format, path), 'utf8');
const statusById = (tasks: { id: string; status: string }[]) => Object.fromEntries(tasks.map((task) => [task.id, task.status]));

describe('preset demo repositories', () => {
  test('spec-kit: every task of 001 read with its box; the ID-less checkbox of 002 is untracked, on its line', () => {
    const csv = readChecklist('specs/001-csv-export/tasks.md', read('spec-kit', 'specs/001-csv-export/tasks.md'), SPEC_KIT_CHECKLIST);
    expect(csv.problems).toEqual([]);
    expect(statusById(csv.tasks)).toEqual({ T001: '[x]', T002: '[X]', T003: '[x]', T004: '[x]', T005: '[ ]', T005a: '[x]', T006: '[ ]' });
    expect(csv.tasks.find((task) => task.id === 'T005')).toMatchObject({ title: 'Stream rows instead of buffering them (needed for ledgers over 10k rows)', tags: ['US1'] });

    const audit = readChecklist('specs/002-audit-log/tasks.md', read('spec-kit', 'specs/002-audit-log/tasks.md'), SPEC_KIT_CHECKLIST);
    expect(audit.tasks.map((task) => task.id)).toEqual(['T001', 'T002', 'T003']);
    expect(audit.problems).toEqual([]);
    expect(audit.untracked).toEqual([{ box: '[ ]', text: 'Write the retention policy', line: 7 }]);
  });

  test('kiro: parents from nesting and from dotted IDs; task 2 ticked with its required sub-task 2.2 open', () => {
    const { tasks, problems } = readChecklist('.kiro/specs/search-index/tasks.md', read('kiro', '.kiro/specs/search-index/tasks.md'), KIRO_CHECKLIST);
    expect(problems).toEqual([]);
    expect(tasks.map((task) => [task.id, task.status, task.parent ?? null, task.optional ?? false])).toEqual([
      ['1', '[x]', null, false],
      ['1.1', '[x]', '1', false],
      ['1.2', '[x]', '1', false],
      ['1.3', '[ ]', '1', true],
      ['2', '[x]', null, false],
      ['2.1', '[x]', '2', false],
      ['2.2', '[ ]', '2', false],
      ['3', '[-]', null, false],
      ['3.1', '[-]', '3', false],
      ['3.2', '[ ]', '3', false],
      ['4', '[ ]', null, false],
    ]);
  });

  test('bmad: the ledger says 1-2 is done, its story file says review and has open tasks', () => {
    const dir = '_bmad-output/implementation-artifacts';
    const ledger = readLedger(`${dir}/sprint-status.yaml`, read('bmad', `${dir}/sprint-status.yaml`));
    expect(ledger.problems).toEqual([]);
    expect(statusById(ledger.tasks)).toMatchObject({ 'epic-1': 'done', '1-2-match-payees': 'done', '2-2-export-to-csv': 'backlog' });

    const stories = readdirSync(join(ROOT, 'bmad', dir))
      .filter((name) => name.endsWith('.md'))
      .map((name) => readStoryFile(`${dir}/${name}`, read('bmad', `${dir}/${name}`)));
    expect(stories.flatMap((story) => story.problems)).toEqual([]);
    const byId = Object.fromEntries(stories.flatMap((story) => story.tasks).map((task) => [task.id, task]));
    expect(byId['1-2-match-payees']).toMatchObject({ status: 'review', line: 3, subtasks: { checked: 1, total: 3 } });
    expect(byId['1-1-parse-bank-statements']).toMatchObject({ status: 'done', subtasks: { checked: 4, total: 4 } });
    // Every story file is a ledger entry, so a mirror can pair them all.
    const ledgerIds = new Set(ledger.tasks.map((task) => task.id));
    expect(Object.keys(byId).every((id) => ledgerIds.has(id))).toBe(true);
  });

  test('backlog-md: task files with counts, the hand-written task-4 a problem, the README board a second opinion', () => {
    const files = ['tasks', 'completed'].flatMap((folder) =>
      readdirSync(join(ROOT, 'backlog-md', 'backlog', folder)).map((name) => `backlog/${folder}/${name}`),
    );
    const reads = files.map((file) => readTaskFile(file, read('backlog-md', file)));
    const tasks = reads.flatMap((result) => result.tasks);
    expect(statusById(tasks)).toEqual({ 'TASK-1': 'Done', 'TASK-2': 'In Progress', 'TASK-2.1': 'To Do', 'TASK-3': 'Done' });
    expect(tasks.find((task) => task.id === 'TASK-1')).toMatchObject({ fileId: 'task-1', acceptanceCriteria: { checked: 1, total: 2 }, definitionOfDone: { checked: 2, total: 2 } });
    expect(tasks.find((task) => task.id === 'TASK-2.1')?.parent).toBe('TASK-2');
    expect(tasks.find((task) => task.id === 'TASK-3')?.acceptanceCriteria).toEqual({ checked: 2, total: 2 });
    expect(reads.flatMap((result) => result.problems).map((problem) => [problem.file, problem.line])).toEqual([['backlog/tasks/task-4 - Export-to-CSV.md', 1]]);

    const board = readBoardExport('README.md', read('backlog-md', 'README.md'));
    expect(board.problems).toEqual([]);
    expect(statusById(board.tasks)).toEqual({ 'TASK-2.1': 'To Do', 'TASK-1': 'In Progress', 'TASK-3': 'Done', 'TASK-2': 'In Progress' });
  });
});
