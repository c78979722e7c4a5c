/**
 * Figures for the action: GitHub API requests per run (10-file and 3,500-file pull
 * requests read through the API), cold start of dist/index.js, and the end-to-end
 * time of a run against the fake GitHub. Run with `npm run bench:action`.
 */
import { statSync } from 'node:fs';
import { GitHubScenario, runDist, DIST_INDEX } from '../test/support/action-harness.js';
import { BOARD, board, consistentTree, sessionLog, sessionPath } from '../test/support/docs.js';
import { pullPayload } from '../test/support/events.js';

const tasks = [{ id: 'ST-B-001', status: 'In Progress' }, { id: 'ST-B-002' }];
const inputs = { token: 'bench-token', comment: 'always', 'fail-on': 'error', 'skip-label': 'doc-sync:skip', 'auto-open-backlog': 'off', source: 'auto' };

async function pullRun(files: number, source: 'api' | 'auto', changedFilesKnown: boolean) {
  const scenario = await GitHubScenario.start(consistentTree(tasks));
  try {
    const bulk = Object.fromEntries(Array.from({ length: files - 2 }, (_, index) => [`src/file-${index}.ts`, `export const n = ${index};\n`]));
    scenario.repo.commitFiles('feature', { ...bulk, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) }, { from: 'main' });
    const pull = scenario.repo.addPull({ head: 'feature' });
    const payload = pullPayload({ number: pull.number, base: pull.base.sha, head: pull.head.sha, changedFiles: changedFilesKnown ? files : 0 });
    const workspace = source === 'api' ? scenario.emptyWorkspace() : scenario.workspace(pull.head.sha);
    const started = performance.now();
    const result = await runDist(scenario.eventEnv('pull_request', payload, workspace), { ...inputs, source });
    const ms = Math.round(performance.now() - started);
    const byOperation: Record<string, number> = {};
    for (const request of scenario.github.requests) byOperation[request.operationId] = (byOperation[request.operationId] ?? 0) + 1;
    return { files, source, exit: result.exitCode, ms, requests: scenario.github.requests.length, byOperation };
  } finally {
    await scenario.close();
  }
}

async function coldStart() {
  const scenario = await GitHubScenario.start(consistentTree(tasks));
  try {
    const times = [];
    for (let run = 0; run < 5; run += 1) {
      const started = performance.now();
      await runDist(scenario.eventEnv('schedule', {}, scenario.emptyWorkspace()), inputs);
      times.push(performance.now() - started);
    }
    return Math.round(times.sort((a, b) => a - b)[2]!);
  } finally {
    await scenario.close();
  }
}

console.log(`dist/index.js: ${(statSync(DIST_INDEX).size / 1024 / 1024).toFixed(2)} MiB`);
console.log(`cold start (process start to exit, not-applicable event, median of 5): ${await coldStart()} ms`);
for (const [files, source, known] of [
  [10, 'auto', true],
  [10, 'api', true],
  [3500, 'api', true],
  [3500, 'api', false],
] as const) {
  const figure = await pullRun(files, source, known);
  console.log(
    `${files}-file PR, ${source === 'auto' ? 'git checkout' : 'API only'}${source === 'api' ? (known ? ', changed_files in payload' : ', cap found by listing') : ''}: ${figure.requests} requests, ${figure.ms} ms end to end (exit ${figure.exit})\n  ${JSON.stringify(figure.byOperation)}`,
  );
}
