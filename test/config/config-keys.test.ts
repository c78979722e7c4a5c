import { defaultConfig, parseConfig } from '../../src/config/load.js';
import { compileSettings } from '../../src/config/settings.js';
import { CONFIG_TEMPLATE } from '../../src/config/template.js';
import { enabledRules, rulesOffByLayout } from '../../src/rules/index.js';

const SOURCE = '.github/doc-sync.yml';
const load = (text: string) => parseConfig(text, SOURCE);

/** Every documented key with a wrong or missing value: the message names the file and the key, and says what it takes. */
describe('a wrong or missing value of each documented key is a clear message', () => {
  test.each([
    ['paths:\n  board:\n', /"paths\.board" expected string/],
    ['paths:\n  board: docs/*.md\n', /"paths\.board" must be a file path, not a glob/],
    ['paths:\n  boardCsv: /abs/board.csv\n', /"paths\.boardCsv" is not a valid glob/],
    ['paths:\n  backlog: 3\n', /"paths\.backlog" expected string/],
    ['paths:\n  plans:\n', /"paths\.plans" must be a glob .* or a list of them/],
    ['paths:\n  plans: []\n', /"paths\.plans" must list at least one value/],
    ['paths:\n  plans: ["../outside/*.md"]\n', /"paths\.plans\.0" is not a valid glob/],
    ['paths:\n  planIndex: docs/*.md\n', /"paths\.planIndex" must be a file path/],
    ['paths:\n  sessionLogs: /abs/*.md\n', /"paths\.sessionLogs" is not a valid glob/],
    ['paths:\n  sessionLogs:\n', /"paths\.sessionLogs" must be a glob/],
    ['ids:\n  pattern: "ST-("\n', /"ids\.pattern" is not a valid regular expression/],
    ['ids:\n  pattern:\n', /"ids\.pattern"/],
    ['ids:\n  planFilePattern: "(("\n', /"ids\.planFilePattern" is not a valid regular expression/],
    ['sessionLogs:\n  namePattern: "["\n', /"sessionLogs\.namePattern" is not a valid regular expression/],
    ['columns:\n  status:\n', /"columns\.status" must be a word or a list of words .* \{ only: \[words\] \}/],
    ['columns:\n  id: []\n', /"columns\.id" must list at least one value/],
    ['columns:\n  colour: [Red]\n', /unknown key "colour" under "columns"/],
    ['statuses:\n  done: {only: []}\n', /"statuses\.done\.only" must list at least one value/],
    ['statuses:\n  done: {onl: [Shipped]}\n', /unknown key "onl" under "statuses\.done"/],
    ['statuses:\n  finished: [Shipped]\n', /unknown key "finished" under "statuses"/],
    ['sections:\n  active:\n', /"sections\.active" must be a word/],
    ['sections:\n  shipped: [Shipped]\n', /unknown key "shipped" under "sections"/],
    ['backlog:\n  require:\n    tasks: all\n', /"backlog\.require\.tasks" must be one of "added", "touched"/],
    ['backlog:\n  require:\n    columns: [todo]\n', /"backlog\.require\.columns\.0" must be one of/],
    ['backlog:\n  notes: 3\n', /"backlog\.notes"/],
    ['limits:\n  maxFileBytes: -1\n', /"limits\.maxFileBytes"/],
    ['rules:\n  csv-not-updated: warnn\n', /"rules\.csv-not-updated" must be one of "error", "warning", "warn", "notice", "off"/],
  ])('%j', (text, message) => {
    expect(() => load(text)).toThrow(message);
    expect(() => load(text)).toThrow(/^\.github\/doc-sync\.yml: invalid configuration: /);
  });

  test('an unknown rule id names the config file', () => {
    expect(() => enabledRules(load('rules:\n  no-such-rule: off\n'), SOURCE)).toThrow(/^\.github\/doc-sync\.yml: unknown rule "no-such-rule"/);
  });
});

describe('word lists extend the defaults', () => {
  test('a status word is added to its category; the defaults stay', () => {
    const settings = compileSettings(load('statuses:\n  backlog: ["Icebox"]\n'));
    expect(settings.parseStatus('Icebox').category).toBe('backlog');
    expect(settings.parseStatus('Backlog').category).toBe('backlog');
    expect(settings.parseStatus('Pending').category).toBe('backlog');
  });

  test('{ only } replaces a category\'s defaults', () => {
    const settings = compileSettings(load('statuses:\n  backlog: {only: ["Icebox"]}\n'));
    expect(settings.parseStatus('Icebox').category).toBe('backlog');
    expect(settings.parseStatus('Backlog').category).toBe('unknown');
  });

  test('a default word given to another category moves there', () => {
    const settings = compileSettings(load('statuses:\n  done: ["Review"]\n'));
    expect(settings.parseStatus('Review').category).toBe('done');
    expect(settings.config.statuses['ready-for-review']).not.toContain('Review');
  });

  test('a column name is preferred over the defaults, which still apply', () => {
    const settings = compileSettings(load('columns:\n  status: Stage\n'));
    expect(settings.config.columns.status[0]).toBe('Stage');
    expect(settings.columnIndex(['ID', 'Title', 'Stage'], 'status')).toBe(2);
    expect(settings.columnIndex(['ID', 'Title', 'Status'], 'status')).toBe(2);
  });

  test('a section heading extends the defaults', () => {
    const settings = compileSettings(load('sections:\n  delivered: ["Shipped"]\n'));
    expect(settings.sectionMatches('Shipped', 'delivered')).toBe(true);
    expect(settings.sectionMatches('Recently delivered', 'delivered')).toBe(true);
  });
});

describe('forms a team writes', () => {
  test('a single glob where a list is expected', () => {
    const config = load('paths:\n  plans: docs/plans/*.md\n  sessionLogs: logs/*.md\n');
    expect(config.paths.plans).toEqual(['docs/plans/*.md']);
    expect(config.paths.sessionLogs).toEqual(['logs/*.md']);
  });

  test('warn is accepted for warning', () => {
    const config = load('rules:\n  csv-not-updated: warn\n  md-not-updated: {severity: warn}\n');
    const severities = Object.fromEntries(enabledRules(config).map(({ rule, severity }) => [rule.id, severity]));
    expect(severities['csv-not-updated']).toBe('warning');
    expect(severities['md-not-updated']).toBe('warning');
  });

  test('an empty sessionLogs turns the session-log rules off, and says why', () => {
    const config = load('paths:\n  sessionLogs: []\n');
    const ids = enabledRules(config).map(({ rule }) => rule.id);
    expect(ids).not.toContain('session-log-missing');
    expect(ids).not.toContain('session-log-task-missing');
    expect(rulesOffByLayout(config).map((entry) => entry.id)).toEqual(['session-log-missing', 'session-log-task-missing', 'session-log-name']);
    expect(rulesOffByLayout(defaultConfig())).toEqual([]);
  });
});

describe('the init template', () => {
  test('is a valid config equal to the defaults (its rules aside), with a schema line for editors', () => {
    expect({ ...load(CONFIG_TEMPLATE), rules: {} }).toEqual(defaultConfig());
    expect(CONFIG_TEMPLATE.split('\n')).toContainEqual(expect.stringMatching(/^# yaml-language-server: \$schema=https:\/\/\S+config\.schema\.json$/));
  });

  test.each(['columns', 'id', 'title', 'status', 'sections', 'delivered', 'active', 'planFilePattern', 'statuses', 'only', 'sessionLogs', 'planIndex', 'maxFileBytes'])(
    'documents %s',
    (key) => {
      expect(CONFIG_TEMPLATE).toMatch(new RegExp(`\\b${key}\\b`));
    },
  );
});

describe('messages name the config file in use', () => {
  test.each([
    [null, '.github/doc-sync.yml'],
    ['default configuration', '.github/doc-sync.yml'],
    ['.github/doc-sync.yaml at 1a2b3c4', '.github/doc-sync.yaml'],
    ['ops/doc-sync.yml', 'ops/doc-sync.yml'],
  ])('%j → %s', (source, file) => {
    expect(compileSettings(defaultConfig(), source).configFile).toBe(file);
  });
});
