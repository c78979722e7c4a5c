import { backlogMd, bmad, buildGraph, LEDGER, ledgerText, specKit, storyPath, storyText, taskPath, taskText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';
import { configSchema } from '../../src/config/schema.js';
import { RELATION_RULES } from '../../src/presets/index.js';
import { enabledRules, rulesOff } from '../../src/rules/index.js';

const TASK1 = taskPath('TASK-1');
const TASK2 = taskPath('TASK-2');
const NO_FRONTMATTER = '# Task 2\n\nJust notes.\n';
const FEATURE = 'specs/001-export/tasks.md';
const TWICE = 'development_status:\n  1-1-a: review\n  1-1-a: done\n';

testGraphRule('task-source-unreadable', {
  valid: [
    { name: 'every file read', head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done') }) },
    { name: 'BMAD: a key written twice is task-id-duplicate\'s finding, not a second one here', head: bmad(TWICE, {}) },
    {
      name: 'an unreadable file the change does not touch is not judged in a change',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do'), [TASK2]: NO_FRONTMATTER }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'Done'), [TASK2]: NO_FRONTMATTER }),
    },
  ],
  invalid: [
    {
      name: 'Backlog.md: a task file without frontmatter is a finding, never a skip',
      base: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do') }),
      head: backlogMd({ [TASK1]: taskText('TASK-1', 'To Do'), [TASK2]: NO_FRONTMATTER }),
      findings: [{ taskId: null, file: TASK2, line: 1, introduced: true, message: /^this file has no YAML frontmatter .*\(source "tasks"\)$/ }],
    },
    {
      name: 'a problem already there stays pre-existing when lines are added above it',
      base: specKit({ [FEATURE]: '# Tasks\n\n- [ ] All tests pass\n' }),
      head: specKit({ [FEATURE]: '# Tasks\n\nIntro.\n\n- [x] All tests pass\n' }),
      findings: [{ file: FEATURE, line: 5, introduced: false, message: /1 checkboxes but none with a task ID/ }],
    },
    {
      name: 'BMAD: a ledger line that is not YAML, in an audit: one finding for the line, the first problem',
      head: bmad('development_status:\n  1-1-a: done\n  1-2-b: done: twice\n', {}),
      findings: [{ file: LEDGER, line: 3, introduced: true, message: /^the ledger is not valid YAML/ }],
    },
    {
      name: 'BMAD: an entry without a status word',
      head: bmad(`${ledgerText({ '1-1-a': 'done' })}  bad-entry:\n`, {}),
      findings: [{ file: LEDGER, line: 4, message: /development_status\.bad-entry should be a status word/ }],
    },
  ],
});

test('the ledger reader does report a key written twice (so the valid case above is not empty)', () => {
  const ledger = buildGraph(bmad(TWICE, {})).sources.get('ledger')!;
  expect(ledger.problems.map((problem) => problem.line)).toEqual([3]);
  expect(ledger.byKey.get('1-1-a')).toHaveLength(2);
});

testRule('task-source-unreadable', {
  valid: [],
  invalid: [
    {
      name: 'engine, backlog-md: an added task file without frontmatter (introduced)',
      base: { [TASK1]: taskText('TASK-1', 'To Do') },
      head: { [TASK1]: taskText('TASK-1', 'To Do'), [TASK2]: NO_FRONTMATTER },
      config: { preset: 'backlog-md' },
      findings: [{ taskId: null, file: TASK2, line: 1, introduced: true }],
    },
    {
      name: 'engine, bmad: a story file that lost its Status line was fine at base (introduced); an edited file keeps its old problem pre-existing',
      base: { [LEDGER]: ledgerText({ '1-1-a': 'done', '1-2-b': 'review' }), [storyPath('1-1-a')]: storyText('done'), [storyPath('1-2-b')]: '# Story 1.2: B\n' },
      head: { [LEDGER]: ledgerText({ '1-1-a': 'done', '1-2-b': 'review' }), [storyPath('1-1-a')]: '# Story 1.1: A\n', [storyPath('1-2-b')]: '# Story 1.2: B\n\nNotes.\n' },
      config: { preset: 'bmad' },
      findings: [
        { file: storyPath('1-1-a'), introduced: true, message: /story 1-1-a has no `Status:` line/ },
        { file: storyPath('1-2-b'), introduced: false, message: /story 1-2-b has no `Status:` line/ },
      ],
    },
  ],
});

test('the relation rules are off for the StateTrace layout (its tables have rules of their own)', () => {
  const on = enabledRules(configSchema.parse({})).map(({ rule }) => rule.id);
  expect(on).toContain('status-mismatch-md-csv');
  expect(on.filter((id) => (RELATION_RULES as readonly string[]).includes(id))).toEqual([]);
  expect(enabledRules(configSchema.parse({ preset: 'kiro' })).map(({ rule }) => rule.id)).toEqual(expect.arrayContaining([...RELATION_RULES]));
});

test('"rules off" lists what the config turned off, not the rules the preset does not apply', () => {
  const offFor = (input: object) => {
    const config = configSchema.parse(input);
    return rulesOff(enabledRules(config), config);
  };
  expect(offFor({})).toEqual([]);
  expect(offFor({ preset: 'kiro' })).toEqual([]);
  expect(offFor({ preset: 'kiro', rules: { 'task-id-duplicate': 'off', 'duplicate-id': 'off' } })).toEqual(['duplicate-id', 'task-id-duplicate']);
});
