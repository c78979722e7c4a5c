import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { consistentTree } from '../support/docs.js';
import { GitFixture } from '../support/git-fixture.js';
import { cli } from './run-cli.js';

const CONFIG = '.github/doc-sync.yml';
const validConfig = 'limits:\n  maxFileBytes: 1000000\n';
/** A typo of "paths": an unknown key, which the schema refuses. */
const invalidConfig = 'pathz:\n  board: docs/StateTrace_TaskBoard.md\n';
const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];

/** A change that edits the config file itself: the gate still uses the base's config, but the new one is validated. */
describe('a change to the config file', () => {
  let repo: GitFixture;
  const write = (path: string, text: string) => writeFileSync(join(repo.root, path), text);
  beforeEach(() => {
    repo = new GitFixture();
    repo.commit({ ...consistentTree(tasks), [CONFIG]: validConfig }, 'base with a config');
  });
  afterEach(() => repo.remove());

  test.each([[['check', '--staged']], [['check']], [['fix', '--dry-run']]])('an invalid config staged for commit does not pass %j: exit 2 naming the file, the key and what to do', async (argv) => {
    write(CONFIG, invalidConfig);
    repo.git('add', CONFIG);
    const result = await cli(repo.root, ...argv);
    expect(result.stderr).toMatch(/^doc-sync: \.github\/doc-sync\.yml \(in the (index|working tree)\): invalid configuration: .*unknown key "pathz"/m);
    expect(result.stderr).toMatch(/The base's config gates this check, but this one takes over once the change reaches the base and then stops every check; fix it first/);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });

  test('a valid edit of the config is judged with the base\'s config, as before', async () => {
    write(CONFIG, 'limits:\n  maxFileBytes: 2000000\n');
    const result = await cli(repo.root, 'check', '--staged');
    expect(result.stderr).toMatch(/^doc-sync: config \.github\/doc-sync\.yml at [0-9a-f]{7}, the base/m);
    expect(result.code).toBe(0);
  });

  test('a committed invalid config says how to judge its repair (--config-from head), which then works', async () => {
    repo.commit({ ...consistentTree(tasks), [CONFIG]: invalidConfig }, 'broken config');
    const broken = await cli(repo.root, 'check');
    expect(broken.stderr).toMatch(/unknown key "pathz"/);
    expect(broken.stderr).toMatch(/This is the base's config, which gates the check: to judge a change that repairs it, pass --config-from head/);
    expect(broken.code).toBe(2);

    write(CONFIG, validConfig);
    repo.git('add', CONFIG);
    const repaired = await cli(repo.root, 'check', '--staged', '--config-from', 'head');
    expect(repaired.stderr).toMatch(/^doc-sync: config \.github\/doc-sync\.yml in the index/m);
    expect(repaired.code).toBe(0);
  });
});
