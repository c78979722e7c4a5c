import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli.js';
import { BACKLOG, BOARD, CSV, board, consistentTree, csv, csvRecord, sessionLog, sessionPath } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';

async function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const before = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const after = [{ id: 'ST-B-001', status: 'Done - 2025-12-22' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }];
const base = consistentTree(before);
/**
 * An agent finished ST-B-001 and added ST-B-003, but updated only the Markdown board
 * (and the plan, and a session log): the CSV and the backlog were forgotten.
 */
const partlySynced = { ...consistentTree(after), [CSV]: csv(before), [sessionPath(1)]: sessionLog(['ST-B-001', 'ST-B-003']) };

/** The CSV and the backlog once repaired: exactly the intended rows differ. */
const fixedCsv = csv(before)
  .replace(csvRecord(before[0]!), csvRecord(after[0]!))
  .replace(`${csvRecord(before[1]!)}\r\n`, `${csvRecord(before[1]!)}\r\n${csvRecord(after[2]!)}\r\n`);
const fixedBacklog = base[BACKLOG]!.replace(
  '|----|------|-------|---------------|--------------------|-------|\n',
  '|----|------|-------|---------------|--------------------|-------|\n| ST-B-003 | Plan B | Title of ST-B-003 | | Deliverable of ST-B-003 | Opened by doc-sync |\n',
);

describe('doc-sync fix', () => {
  let repo: GitFixture;
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit(base, 'base');
    repo.commit(partlySynced, 'ST-B-001 done, ST-B-003 added (partly synced)');
  });
  afterEach(() => repo.remove());
  const read = (path: string) => readFileSync(join(repo.root, path), 'utf8');

  test('repairs the change in the working tree, byte-exact and limited to the intended rows; the next check passes', async () => {
    const failing = await cli(repo.root, 'check', '--base', 'HEAD~1');
    expect(failing.code).toBe(1);

    const result = await cli(repo.root, 'fix', '--base', 'HEAD~1', '--quiet');
    expect(result.stderr).toBe('');
    expect(read(CSV)).toBe(fixedCsv);
    expect(read(BACKLOG)).toBe(fixedBacklog);
    expect(read(BOARD)).toBe(partlySynced[BOARD]);
    expect(repo.git('diff', '--numstat')).toBe(`1\t0\t${BACKLOG}\n2\t1\t${CSV}`);
    expect(result.stdout).toBe(
      [
        `--- a/${BACKLOG}`,
        `+++ b/${BACKLOG}`,
        '@@ -4 +4,2 @@ open a backlog row for ST-B-003',
        ' |----|------|-------|---------------|--------------------|-------|',
        '+| ST-B-003 | Plan B | Title of ST-B-003 | | Deliverable of ST-B-003 | Opened by doc-sync |',
        `--- a/${CSV}`,
        `+++ b/${CSV}`,
        '@@ -2 +2 @@ copy the status of ST-B-001 from its Markdown row to its CSV record',
        `-${csvRecord(before[0]!)}`,
        `+${csvRecord(after[0]!)}`,
        '@@ -3 +3,2 @@ add the CSV record of ST-B-003, mirroring its Markdown row',
        ` ${csvRecord(before[1]!)}`,
        `+${csvRecord(after[2]!)}`,
        // status-mismatch-md-csv and csv-not-updated share the CSV edit.
        'doc-sync fix: applied 3 fixes to 2 files (4 findings); the check passes',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);

    repo.git('commit', '-q', '-am', 'doc-sync fix');
    const passing = await cli(repo.root, 'check', '--base', 'HEAD~2', '--format', 'json');
    expect(JSON.parse(passing.stdout).findings).toEqual([]);
    expect(passing.code).toBe(0);
  });

  test('a second run on the working tree changes nothing: it is consistent now', async () => {
    await cli(repo.root, 'fix', '--base', 'HEAD~1');
    const again = await cli(repo.root, 'fix', '--base', 'HEAD~1');
    expect(again.stdout).toBe('doc-sync fix: applied 0 fixes to 0 files; the check passes\n');
    expect(again.code).toBe(0);
    expect(read(CSV)).toBe(fixedCsv);
    expect(read(BACKLOG)).toBe(fixedBacklog);
  });

  test('fixing the commit (--head HEAD) a second time: the edits are already in the working tree', async () => {
    await cli(repo.root, 'fix', '--base', 'HEAD~1', '--head', 'HEAD');
    const again = await cli(repo.root, 'fix', '--base', 'HEAD~1', '--head', 'HEAD');
    expect(again.stdout).toBe('doc-sync fix: applied 0 fixes to 0 files; 4 already applied; the check passes\n');
    expect(again.code).toBe(0);
    expect(read(CSV)).toBe(fixedCsv);
  });

  test('--dry-run prints the diff and the outcome but writes nothing', async () => {
    const result = await cli(repo.root, 'fix', '--base', 'HEAD~1', '--dry-run');
    expect(result.stdout).toMatch(/^--- a\/docs\/CODEX_BACKLOG\.md$/m);
    expect(result.stdout).toMatch(/^doc-sync fix: would apply 3 fixes to 2 files \(4 findings\); the check passes$/m);
    expect(result.code).toBe(0);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  test('--rule applies only those rules\' fixes; what still fails is listed and the exit code is 1', async () => {
    const result = await cli(repo.root, 'fix', '--base', 'HEAD~1', '--rule', 'csv-row-missing', '--rule', 'backlog-entry-missing');
    expect(read(CSV)).toBe(csv([...before, after[2]!]));
    // Only the stale CSV is left: the plan, which agrees with the Markdown board the change moved, is not blamed.
    expect(result.stdout).toMatch(/^doc-sync fix: applied 2 fixes to 2 files; 1 failing finding left to fix by hand$/m);
    expect(result.stdout).toMatch(/^ {2}by hand {2}docs\/taskboard\/TaskBoard\.csv:2 {2}\[status-mismatch-md-csv\] ST-B-001 is "Done - 2025-12-22"/m);
    expect(result.code).toBe(1);
  });

  test('fixing a commit: a row edited in the working tree since is refused, not overwritten; the other fixes apply', async () => {
    const edited = partlySynced[CSV]!.replace('"ST-B-001","Title of ST-B-001","In Progress"', '"ST-B-001","Title of ST-B-001","Blocked"');
    writeFileSync(join(repo.root, CSV), edited);
    const result = await cli(repo.root, 'fix', '--base', 'HEAD~1', '--head', 'HEAD');
    expect(read(CSV)).toBe(edited.replace(`${csvRecord(before[1]!)}\r\n`, `${csvRecord(before[1]!)}\r\n${csvRecord(after[2]!)}\r\n`));
    expect(result.stdout).toMatch(/; refused 2;/);
    expect(result.stdout).toMatch(
      /^ {2}refused {2}docs\/taskboard\/TaskBoard\.csv:2 {2}\[(status-mismatch-md-csv|csv-not-updated)\] line 2 was expected to read "\\?"ST-B-001.*the target moved since the fix was computed$/m,
    );
    expect(result.code).toBe(1);
  });

  test('fixing a commit: a planning file emptied in the working tree since has its fixes refused', async () => {
    writeFileSync(join(repo.root, BACKLOG), '');
    const result = await cli(repo.root, 'fix', '--base', 'HEAD~1', '--head', 'HEAD', '--rule', 'backlog-entry-missing');
    expect(result.stdout).toMatch(/refused {2}docs\/CODEX_BACKLOG\.md:4 {2}\[backlog-entry-missing\] line 4 was expected to read/);
    expect(read(BACKLOG)).toBe('');
  });

  test('runs from a subdirectory and writes the files at the repository root', async () => {
    mkdirSync(join(repo.root, 'docs', 'plans'), { recursive: true });
    const result = await cli(join(repo.root, 'docs', 'plans'), 'fix', '--base', 'HEAD~1');
    expect(result.code).toBe(0);
    expect(read(CSV)).toBe(fixedCsv);
  });

  test('a change with nothing to fix: a pass, nothing written', async () => {
    repo.commit({ ...partlySynced, [CSV]: fixedCsv, [BACKLOG]: fixedBacklog }, 'synced');
    const result = await cli(repo.root, 'fix', '--base', 'HEAD~2');
    expect(result).toEqual({ code: 0, stdout: 'doc-sync fix: applied 0 fixes to 0 files; the check passes\n', stderr: expect.stringMatching(/^doc-sync: judging the working tree against/) });
    expect(await cli(repo.root, 'fix', '--base', 'HEAD~2', '-q')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  test.each([
    [['fix', '--base', 'HEAD~1', '--rule', 'no-such-rule'], /there is no rule "no-such-rule"/],
    [['fix', '--all', '--base', 'HEAD~1'], /drop --base or drop --all/],
    [['fix', '--base', 'nope'], /unknown revision "nope"/],
    [['fix', '--frobnicate'], /unknown option "--frobnicate" for doc-sync fix/],
  ])('%j cannot fix: exit 2, one message, no stack trace, nothing written', async (argv, message) => {
    const result = await cli(repo.root, ...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  test('document text reaches the terminal with its control characters shown, in the diff and the summary, as check prints it', async () => {
    // A row whose title carries a bidirectional override and an escape sequence, and whose status clears the screen.
    const hostile = [{ id: 'ST-B-001', title: 'Add \u202edisk \u001b[31mred', status: 'Done \u001b[2J' }, { id: 'ST-B-002' }];
    repo.commit({ ...base, [BOARD]: board(hostile) }, 'hostile row');
    const result = await cli(repo.root, 'fix', '--base', 'HEAD~2', '--dry-run');
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(result.stdout).toContain('+"ST-B-001","Add \\u202edisk \\x1b[31mred","Done \\x1b[2J"');
    expect(result.stdout).toMatch(/^ {2}by hand {2}\S+ {2}\[status-mismatch-plan\] .*"Done \\x1b\[2J"/m);
    expect(result.code).toBe(1);
  });

  test('board rows with board-wide drift: `fix --all` repairs what is mechanical at HEAD', async () => {
    repo.commit({ ...base, [BOARD]: board([...before, { id: 'ST-B-009' }]) }, 'drift');
    const result = await cli(repo.root, 'fix', '--all', '--rule', 'csv-row-missing');
    expect(result.stdout).toMatch(/^\+"ST-B-009","Title of ST-B-009"/m);
    expect(read(CSV)).toBe(csv([...before, { id: 'ST-B-009' }]));
  });
});
