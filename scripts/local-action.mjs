// Runs the bundled action (dist/index.js) on this machine the way the runner does.
//
//   npm run local -- --workspace DIR --base REV [--head REV]   a local clone, no GitHub, no token
//   GITHUB_TOKEN=… npm run local -- --pr owner/repo#123 [--comment] [--api-url URL]
//                                                              a real pull request, read through the API
//
// The PR mode posts the sticky comment only with --comment. Outputs and the job
// summary are printed at the end.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    workspace: { type: 'string' },
    base: { type: 'string' },
    head: { type: 'string', default: 'HEAD' },
    pr: { type: 'string' },
    comment: { type: 'boolean', default: false },
    'api-url': { type: 'string', default: process.env.GITHUB_API_URL ?? 'https://api.github.com' },
  },
});

const runner = mkdtempSync(join(tmpdir(), 'doc-sync-local-'));
const files = { output: join(runner, 'output'), summary: join(runner, 'summary.md'), event: join(runner, 'event.json') };
for (const file of Object.values(files)) writeFileSync(file, '');
const env = { ...process.env, GITHUB_ACTIONS: 'true', RUNNER_TEMP: runner, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, GITHUB_EVENT_PATH: files.event };
const input = (name, value) => (env[`INPUT_${name.toUpperCase()}`] = value);

if (values.pr) {
  const match = /^([^/]+)\/([^#]+)#(\d+)$/.exec(values.pr);
  const token = process.env.GITHUB_TOKEN;
  if (!match || !token) {
    console.error('--pr needs owner/repo#number and a GITHUB_TOKEN in the environment');
    process.exit(2);
  }
  const [, owner, repo, number] = match;
  const response = await globalThis.fetch(`${values['api-url']}/repos/${owner}/${repo}/pulls/${number}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
  });
  if (!response.ok) {
    console.error(`GET pull request ${values.pr}: HTTP ${response.status}`);
    process.exit(2);
  }
  const pull = await response.json();
  writeFileSync(files.event, JSON.stringify({ action: 'synchronize', number: pull.number, pull_request: pull }));
  Object.assign(env, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REPOSITORY: `${owner}/${repo}`, GITHUB_API_URL: values['api-url'], GITHUB_WORKSPACE: runner });
  input('token', token);
  input('source', 'api');
  input('comment', values.comment ? 'always' : 'never');
} else if (values.workspace && values.base) {
  writeFileSync(files.event, JSON.stringify({ inputs: { base: values.base, head: values.head } }));
  Object.assign(env, { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REPOSITORY: 'local/checkout', GITHUB_WORKSPACE: resolve(values.workspace), GITHUB_REF: 'refs/heads/local' });
  input('token', '');
  input('source', 'git');
} else {
  console.error('usage: npm run local -- --workspace DIR --base REV [--head REV]  |  --pr owner/repo#N [--comment]');
  process.exit(2);
}

const result = spawnSync(process.execPath, [resolve('dist/index.js')], { env, stdio: 'inherit' });
// GITHUB_OUTPUT holds `name<<delimiter` blocks.
const outputs = [...readFileSync(files.output, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)];
console.log('\n--- outputs');
for (const [, name, , value] of outputs) console.log(`${name}: ${name === 'report' ? `(${value.length} characters of JSON)` : value}`);
console.log(`--- job summary: ${files.summary}`);
process.exit(result.status ?? 1);
