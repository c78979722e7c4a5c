// npm run pack:smoke: the published package works with nothing else installed.
// Packs the repository (npm pack, the files package.json lists), installs the tarball into
// an empty prefix with no registry access (--offline: it has no dependencies, dist/cli.js and
// its chunks in dist/cli/ bundle them), and runs its `doc-sync` on a throwaway repository built from fixtures/demo:
// --version, --help, explain (the docs pages ship), check of a change that fails, and a
// clean working tree. Run `npm run bundle` first: it packs dist/cli.js and dist/cli/ as they are.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'doc-sync-pack-'));
const failures = [];
const expect = (ok, what) => {
  if (!ok) failures.push(what);
};

try {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  const files = packed.files.map((file) => file.path);
  console.log(`packed ${packed.filename}: ${files.length} files, ${Math.round(packed.size / 1024)} KiB`);
  expect(files.includes('dist/cli.js') && files.includes('docs/rules/csv-row-missing.md'), `the tarball lacks dist/cli.js or the rule docs: ${files.join(', ')}`);
  // Every chunk the CLI imports (statically or lazily), and nothing of the action's or the API's.
  const chunks = readdirSync(join(root, 'dist', 'cli')).map((name) => `dist/cli/${name}`);
  const missing = chunks.filter((chunk) => !files.includes(chunk));
  expect(chunks.length > 0 && missing.length === 0, `the tarball lacks the CLI's chunks: ${missing.join(', ') || 'dist/cli/ is empty'}`);
  expect(!files.some((file) => file.startsWith('src/') || file.startsWith('test/') || file === 'dist/index.js' || file.startsWith('dist/action/') || file === 'dist/api.js'), 'the tarball ships sources, tests or the action or API bundles');

  // An empty prefix, no registry: a dependency of the package would fail the install here.
  const prefix = join(work, 'prefix');
  execFileSync('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(work, packed.filename)], { stdio: ['ignore', 'ignore', 'inherit'] });
  const bin = join(prefix, 'bin', 'doc-sync');
  expect(existsSync(bin), `npm installed no doc-sync executable at ${bin}`);

  const repo = join(work, 'repo');
  const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  cpSync(join(root, 'fixtures', 'demo', 'base'), repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'pack@example.com');
  git('config', 'user.name', 'pack smoke');
  git('config', 'core.autocrlf', 'false');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  rmSync(join(repo, 'docs'), { recursive: true });
  cpSync(join(root, 'fixtures', 'demo', 'head'), repo, { recursive: true });

  // A PATH with only node and git's directories: nothing from this repository's node_modules.
  const env = { PATH: [dirname(process.execPath), dirname(execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim())].join(':'), HOME: work };
  const run = (args, code, pattern) => {
    const result = spawnSync(bin, args, { cwd: repo, encoding: 'utf8', env });
    console.log(`$ doc-sync ${args.join(' ')}  -> exit ${result.status}`);
    expect(result.status === code, `doc-sync ${args.join(' ')} exited ${result.status}, expected ${code}: ${result.stderr}`);
    expect(pattern.test(result.stdout), `doc-sync ${args.join(' ')} printed ${JSON.stringify(result.stdout.slice(0, 300))}, expected ${pattern}`);
  };
  run(['--version'], 0, /^\d+\.\d+\.\d+\n$/);
  run(['check', '--help'], 0, /^Usage: doc-sync check/);
  run(['explain', 'csv-row-missing'], 0, /^# csv-row-missing/);
  run(['check', '--format', 'compact'], 1, /^docs\/\S+:\d+: error [a-z-]+ /m);
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  run(['check', '--base', 'HEAD~1', '--format', 'json'], 1, /"head": "working-tree"/);
  expect(git('status', '--porcelain') === '', 'doc-sync check changed the repository');
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) console.log(`\nthe packed CLI did not work:\n- ${failures.join('\n- ')}`);
else console.log('the packed doc-sync installs without a registry and checks a repository');
process.exitCode = failures.length > 0 ? 1 : 0;
