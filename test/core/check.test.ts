import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../src/config/load.js';
import { BlobStore } from '../../src/core/blob-store.js';
import { runCheck, type CheckRequest } from '../../src/core/check.js';
import { enabledRules } from '../../src/rules/index.js';
import { reportSchema } from '../../src/report/report.js';
import { BOARD, CSV, board, consistentTree, csv, sessionLog, sessionPath } from '../support/docs.js';
import { MemoryRepo } from '../support/memory-repo.js';

/** The report of a check with the config's rules. */
const checkReport = async (request: Omit<CheckRequest, 'rules'>) => (await runCheck({ ...request, rules: enabledRules(request.config) })).report;

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const base = consistentTree(tasks);

describe('runCheck', () => {
  test('reads every blob once, even when base and head share it, and reuses a store across checks', async () => {
    const head = { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'In Progress', owner: 'New owner' }, { id: 'ST-B-002' }]) };
    const repo = new MemoryRepo({ base, head, again: head });
    const store = new BlobStore(1 << 20);
    await checkReport({ reader: repo, config: defaultConfig(), base: 'base', head: 'head', mode: 'change', store });
    expect(repo.blobReads).toHaveLength(new Set(repo.blobReads).size);
    expect(repo.blobReads).toHaveLength(Object.keys(base).length + 1);
    await checkReport({ reader: repo, config: defaultConfig(), base: 'head', head: 'again', mode: 'change', store });
    expect(repo.blobReads).toHaveLength(Object.keys(base).length + 1);
  });

  test('reads only the session logs the change adds or edits, in change mode', async () => {
    const withLogs = { ...base, [sessionPath(1)]: sessionLog(['ST-B-001']), [sessionPath(2)]: sessionLog(['ST-B-002']) };
    const head = { ...withLogs, [sessionPath(2)]: sessionLog(['ST-B-002', 'ST-B-001']), [sessionPath(3)]: sessionLog(['ST-B-001', 'ST-B-002']) };
    const repo = new MemoryRepo({ base: withLogs, head });
    const report = await checkReport({ reader: repo, config: defaultConfig(), base: 'base', head: 'head', mode: 'change' });
    // The untouched log 0001 is not read; 0002 (both ends) and 0003 are.
    expect(report.summary.filesParsed).toBe(Object.keys(base).length + 3);
    expect(repo.blobReads).toHaveLength(Object.keys(base).length + 3);
    const audit = await checkReport({ reader: new MemoryRepo({ head }), config: defaultConfig(), head: 'head', mode: 'all' });
    expect(audit.summary.filesParsed).toBe(Object.keys(head).length);
  });

  test('line-ending, BOM and blank-line conversions touch nothing and find nothing', async () => {
    const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
    const head = {
      ...base,
      // A BOM, CRLF endings, a blank line under the heading and trailing blank lines.
      [BOARD]: `\uFEFF${crlf(board(tasks).replace('## Current board snapshot\n', '## Current board snapshot\n\n'))}\r\n\r\n`,
      [CSV]: `${base[CSV]!.replace(/\r\n/g, '\n')}\n\n`,
    };
    const report = await checkReport({ reader: new MemoryRepo({ base, head }), config: defaultConfig(), base: 'base', head: 'head', mode: 'change' });
    expect(report.summary.filesChanged).toBe(2);
    expect(report.tasks).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.result).toBe('pass');
  });

  test('the report validates against its schema and counts what it says', async () => {
    const head = { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) };
    const report = await checkReport({ reader: new MemoryRepo({ base, head }), config: defaultConfig(), base: 'base', head: 'head', mode: 'change', clock: () => 0 });
    expect(reportSchema.parse(report)).toEqual(report);
    expect(report.summary.errors).toBe(report.findings.filter((f) => f.severity === 'error').length);
    expect(report.summary.failing).toBeGreaterThan(0);
    expect(report.tasks).toEqual([
      {
        id: 'ST-B-001',
        changes: [{ source: 'board', file: BOARD, line: 6, kind: 'modified', statusBefore: 'In Progress', statusAfter: 'Done' }],
        sources: [
          { source: 'board', file: BOARD, line: 6 },
          { source: 'csv', file: CSV, line: 2 },
          { source: 'plan', file: 'docs/plans/PlanB_Work.md', line: 9 },
        ],
      },
    ]);
  });

  test('no planning document at either end is a configuration error, not a silent pass', async () => {
    const tree = { 'README.md': '# hello\n' };
    const run = checkReport({ reader: new MemoryRepo({ base: tree, head: tree }), config: defaultConfig(), base: 'base', head: 'head', mode: 'change' });
    await expect(run).rejects.toThrow(/none of the planning documents exist at head \(looked for docs\/StateTrace_TaskBoard\.md, .*\); set "paths"/);
  });

  test('an empty CSV is one failing finding, not a flood of missing rows', async () => {
    const head = { ...base, [CSV]: '', [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) };
    const report = await checkReport({ reader: new MemoryRepo({ base, head }), config: defaultConfig(), base: 'base', head: 'head', mode: 'change' });
    const csvFindings = report.findings.filter((f) => f.file === CSV);
    expect(csvFindings).toEqual([expect.objectContaining({ rule: 'csv-malformed-row', line: 1, introduced: true, message: expect.stringMatching(/no header record/) })]);
    expect(report.result).toBe('fail');
  });

  test('gate policies: never, warnings, and strict (pre-existing counts)', async () => {
    const drifted = { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) };
    const head = { ...drifted, [CSV]: csv([{ id: 'ST-B-001', status: 'Done', owner: 'Other' }, { id: 'ST-B-002' }]) };
    const check = (gate: { failOn: 'error' | 'warning' | 'never'; strict: boolean }) =>
      checkReport({ reader: new MemoryRepo({ base: drifted, head }), config: { ...defaultConfig(), rules: { 'session-log-missing': 'off' } }, base: 'base', head: 'head', mode: 'change', gate });
    const lenient = await check({ failOn: 'error', strict: false });
    expect(lenient.findings.some((f) => f.rule === 'status-mismatch-md-csv' && !f.introduced)).toBe(true);
    expect(lenient.result).toBe('pass');
    expect((await check({ failOn: 'error', strict: true })).result).toBe('fail');
    expect((await check({ failOn: 'never', strict: true })).result).toBe('pass');
  });
});

describe('architecture', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => (statSync(join(dir, entry)).isDirectory() ? files(join(dir, entry)) : [join(dir, entry)]));

  test('the pure core imports nothing from the Actions toolkit, Octokit, git or the file system', () => {
    const pure = ['src/core', 'src/parse', 'src/model', 'src/diff', 'src/rules', 'src/report'].flatMap(files);
    for (const file of pure) {
      const source = readFileSync(file, 'utf8');
      expect([file, /from '(@actions\/|@octokit\/|node:fs|node:child_process)/.test(source)]).toEqual([file, false]);
      expect([file, /adapters\//.test(source)]).toEqual([file, false]);
    }
  });
});
