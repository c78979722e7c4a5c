import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { compileSettings } from '../../src/config/settings.js';

const settings = compileSettings(defaultConfig());

describe('status categories', () => {
  test.each([
    ['Done - 2025-12-22', 'done', '2025-12-22'],
    ['Done', 'done', null],
    ['**Done** (2026-01-03)', 'done', '2026-01-03'],
    ['In Progress (WIP 1/2)', 'in-progress', null],
    ['In progress', 'in-progress', null],
    ['Ready for Review', 'ready-for-review', null],
    ['Ready', 'ready', null],
    ['Backlog (Deferred/out-of-scope)', 'backlog', null],
    ['Pending', 'backlog', null],
    ['✅ Done', 'done', null],
    ['Readying', 'unknown', null],
    ['Someday', 'unknown', null],
  ])('%s is %s', (text, category, date) => {
    expect(settings.parseStatus(text)).toEqual({ text, category, date });
  });

  test('the vocabulary is configurable', () => {
    const custom = compileSettings(parseConfig('statuses:\n  done: {only: ["Shipped"]}\n', 'test'));
    expect(custom.parseStatus('Shipped 2025-12-01').category).toBe('done');
    expect(custom.parseStatus('Done').category).toBe('unknown');
  });
});

describe('source status words', () => {
  const sourceStatus = settings.sourceStatus();
  test.each([
    ['done', 'done'],
    ['In_Progress', 'in-progress'],
    ['  ready-for-review ', 'ready-for-review'],
    // A source's status field is the word alone: a word that only starts with a status is no status.
    ['Done - 2025-12-22', 'unknown'],
    ['Someday', 'unknown'],
  ])('%s is %s', (word, category) => {
    expect(sourceStatus(word)).toBe(category);
  });

  test("Backlog.md's own columns: first waits, last is done, between is in progress; configured words keep theirs", () => {
    const withBoard = settings.sourceStatus(['Inbox', 'Doing', 'Blocked', 'Waiting on QA', 'Released']);
    expect(['Inbox', 'Doing', 'Blocked', 'waiting_on_qa', 'Released', 'Archived'].map((word) => withBoard(word))).toEqual([
      'ready',
      'in-progress',
      'blocked',
      'in-progress',
      'done',
      'unknown',
    ]);
  });
});

describe('IDs and plans', () => {
  test.each([
    ['ST-B-001', { id: 'ST-B-001', range: false }, 'B'],
    ['ST-AF-012', { id: 'ST-AF-012', range: false }, 'AF'],
    ['ST-Z-001-006', { id: 'ST-Z-001-006', range: true }, 'Z'],
    [' ST-A-005 ', { id: 'ST-A-005', range: false }, 'A'],
    ['ST-B-01', null, 'B'],
    ['ST-ABC-001', null, null],
    ['see ST-B-001', null, null],
  ])('%j', (cell, exact, plan) => {
    expect(settings.exactId(cell)).toEqual(exact);
    if (exact) expect(settings.planOfId(exact.id)).toBe(plan);
  });

  test('plan files name their plan, past Z too; the index is not a plan', () => {
    expect(settings.planOfFile('docs/plans/PlanB_Performance.md')).toBe('B');
    expect(settings.planOfFile('docs/plans/PlanAA_Observability.md')).toBe('AA');
    expect(settings.isPlan('docs/plans/PlanIndex.md')).toBe(false);
    expect(settings.isPlan('docs/plans/PlanD_PortReorg_12PortPaging.md')).toBe(true);
    expect(settings.isPlan('docs/plans/archive/PlanB_Old.md')).toBe(false);
  });

  test('IDs in free text: artefact names and slash lists cite the first ID; lookalikes do not count', () => {
    const text = 'Worked ST-A-005/006 and RoutingDiff-ST-A-027-20251230.json; not XST-B-001 or ST-B-0012.';
    expect(text.match(settings.idScanner)).toEqual(['ST-A-005', 'ST-A-027']);
  });

  test('columns match by alias, case and spacing aside', () => {
    expect(settings.columnIndex(['ID', 'Title', 'Column', 'Owner/Role'], 'owner')).toBe(3);
    expect(settings.columnIndex(['id', 'title', 'column', 'ownerrole'], 'owner')).toBe(3);
    expect(settings.columnIndex(['Task ID', 'Description', 'Status'], 'id')).toBe(0);
    expect(settings.columnIndex(['Task ID', 'Description', 'Status'], 'status')).toBe(2);
    expect(settings.columnIndex(['Date', 'Summary'], 'id')).toBe(-1);
  });

  test('a header written under one column leaves the defaults of another: columns.planLink: [plan_file, Plan] takes Plan from plan', () => {
    const custom = compileSettings(parseConfig('columns:\n  planLink: ["plan_file", "Plan"]\n', 'test'));
    expect(custom.columnIndex(['Key', 'Plan'], 'planLink')).toBe(1);
    expect(custom.columnIndex(['Key', 'Plan'], 'plan')).toBe(-1);
    expect(custom.config.columns.plan).toEqual([]);
    // A word the config writes that is no column's default stays where it is written.
    const own = compileSettings(parseConfig('columns:\n  planLink: ["plan_file"]\n', 'test'));
    expect(own.columnIndex(['Key', 'Plan'], 'plan')).toBe(1);
  });
});

describe('config validation', () => {
  test.each([
    ['ids:\n  pattern: "ST-("\n', /"ids\.pattern" is not a valid regular expression/],
    ['paths:\n  board: docs/*.md\n', /"paths\.board" must be a file path, not a glob/],
    ['paths:\n  plans: ["../outside/*.md"]\n', /"paths\.plans\.0" is not a valid glob/],
    ['rules: [1, 2]\n', /"rules"/],
    ['- just a list\n', /must be a YAML mapping/],
    ['paths:\n  board: a\n  board: b\n', /not valid YAML/],
    ['limits:\n  maxFileBytes: -1\n', /"limits\.maxFileBytes"/],
  ])('%j is rejected with a message naming the key', (text, message) => {
    expect(() => parseConfig(text, '.github/doc-sync.yml')).toThrow(message);
  });

  test('an empty file is the defaults', () => {
    expect(parseConfig('', 'empty.yml')).toEqual(defaultConfig());
  });
});

describe('ID ranges', () => {
  test.each([
    ['ST-B-001', ['ST-B-001']],
    ['ST-Q-001-002', ['ST-Q-001', 'ST-Q-002']],
    ['ST-Z-008-010', ['ST-Z-008', 'ST-Z-009', 'ST-Z-010']],
    ['ST-Z-005-003', ['ST-Z-005-003']],
    ['ST-Z-001-999', ['ST-Z-001-999']],
  ])('%s stands for %j', (id, members) => {
    expect(settings.membersOf(id)).toEqual(members);
  });
});
