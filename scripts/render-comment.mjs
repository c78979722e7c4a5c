// npm run render:comment [-- --out DIR] [--label NAME]: renders the pull request comment and the
// job summary as GitHub shows them (GFM + github-markdown-css, at a comment's 780 px width) for
// three changes built from fixtures/demo: a small partly synced one, a large one (60 tasks added
// to the Markdown board only) and a clean one. It screenshots each with headless Chromium
// (Debian: apt-get install -y chromium) and prints the heights, so a change to the output can be
// judged by looking. Needs a fresh dist/ (npm run bundle): it renders with dist/api.js.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { marked } from 'marked';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, '.tmp', 'render') }, label: { type: 'string', default: 'current' }, chromium: { type: 'string', default: 'chromium' } } });
const api = await import(pathToFileURL(join(root, 'dist', 'api.js')).href);
const require = createRequire(import.meta.url);
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8');

/** What a run on GitHub passes in: the server, the repository, the head commit (the links point there). */
const LINKS = { serverUrl: 'https://github.com', owner: 'acme', repo: 'planning' };
const DOCS = 'https://github.com/acme/doc-sync/blob/v1/docs/rules/';
const COMMENT_WIDTH = 780;

/** A throwaway repository: fixtures/demo/base, then `change` applied to a copy as the head commit. */
function buildRepository(change) {
  const repo = mkdtempSync(join(tmpdir(), 'doc-sync-render-'));
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'render@example.com');
  git('config', 'user.name', 'doc-sync render');
  git('config', 'core.autocrlf', 'false');
  cpSync(join(root, 'fixtures', 'demo', 'base'), repo, { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  change(repo);
  git('add', '-A');
  git('commit', '-q', '-m', 'head', '--allow-empty');
  return repo;
}

const edit = (repo, path, transform) => writeFileSync(join(repo, path), transform(readFileSync(join(repo, path), 'utf8')));

const SCENARIOS = {
  // The demo's partly synced change: a status moved on two documents of three, mojibake, a CSV-only task.
  small: (repo) => {
    for (const entry of readdirSync(repo)) if (entry !== '.git') rmSync(join(repo, entry), { recursive: true });
    cpSync(join(root, 'fixtures', 'demo', 'head'), repo, { recursive: true });
  },
  // A bulk change as agents make them: 60 new tasks on the Markdown board only.
  large: (repo) =>
    edit(repo, 'docs/StateTrace_TaskBoard.md', (text) => {
      const anchor = text.indexOf('\n', text.indexOf('| ST-B-003 |')) + 1;
      const rows = Array.from({ length: 60 }, (_, index) => {
        const id = `ST-B-${String(index + 4).padStart(3, '0')}`;
        return `| ${id} | Tune ingestion batch ${index + 4} | Ready | Ingestion | Benchmark note for batch ${index + 4} | docs/plans/PlanB_Performance.md |\n`;
      });
      return text.slice(0, anchor) + rows.join('') + text.slice(anchor);
    }),
  // ST-B-003 starts, on the board, the CSV and its plan alike.
  clean: (repo) => {
    const start = (text) => text.replace(/(\| ST-B-003 \| Codify concurrency overrides \| )Ready/, '$1In Progress').replace(/("ST-B-003","Codify concurrency overrides",)"Ready"/, '$1"In Progress"');
    edit(repo, 'docs/StateTrace_TaskBoard.md', start);
    edit(repo, 'docs/taskboard/TaskBoard.csv', start);
    edit(repo, 'docs/plans/PlanB_Performance.md', (text) => text.replace(/(\| ST-B-003 \| Codify concurrency overrides \| Automation \| )Ready/, '$1In Progress'));
    writeFileSync(join(repo, 'docs/agents/sessions/2025-12-23_session-0002.md'), '# Session 2025-12-23 #0002\n\n- Task: ST-B-003\n- Docs changed: docs/StateTrace_TaskBoard.md, docs/taskboard/TaskBoard.csv, docs/plans/PlanB_Performance.md\n');
  },
};

async function check(repo) {
  const { config, source } = await api.loadConfig(repo, undefined, repo);
  const request = { reader: new api.GitReader(repo), config, rules: api.enabledRules(config, source ?? 'defaults'), base: 'HEAD~1', head: 'HEAD', mode: 'change' };
  return (await api.runCheck(request)).report;
}

/** The two Markdown bodies as the action writes them; older dists have no summary renderer of their own. */
function render(report) {
  const links = { ...LINKS, head: report.head };
  const comment = api.renderMarkdown(report, { docsBaseUrl: DOCS, fingerprint: '0123456789abcdef', links });
  const summary = api.renderSummary
    ? api.renderSummary(report, { docsBaseUrl: DOCS, links })
    : api.renderMarkdown(report, { docsBaseUrl: DOCS, maxLength: 1024 * 1024 - 1024, overflowHint: 'the `report-path` file' });
  return { comment, summary };
}

function page(markdown) {
  const html = marked.parse(markdown, { gfm: true });
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; padding: 16px; }
</style></head><body><article class="markdown-body" id="body">${html}</article>
<script>document.title = 'height=' + document.getElementById('body').getBoundingClientRect().height;</script></body></html>`;
}

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'];

function chromium(profile, ...args) {
  return execFileSync(values.chromium, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args], { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).toString();
}

/** Measures the rendered height, then screenshots the whole page at that height. */
function screenshot(htmlPath, pngPath) {
  const profile = mkdtempSync(join(tmpdir(), 'doc-sync-chromium-'));
  try {
    const url = pathToFileURL(htmlPath).href;
    const dom = chromium(profile, `--window-size=${COMMENT_WIDTH},800`, '--virtual-time-budget=2000', '--dump-dom', url);
    const height = Math.ceil(Number(/<title>height=([\d.]+)<\/title>/.exec(dom)?.[1] ?? 'NaN'));
    if (!Number.isFinite(height)) throw new Error(`could not measure ${htmlPath}`);
    chromium(profile, `--window-size=${COMMENT_WIDTH},${height}`, '--virtual-time-budget=2000', `--screenshot=${pngPath}`, url);
    return height;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const rows = [];
for (const [name, change] of Object.entries(SCENARIOS)) {
  const repo = buildRepository(change);
  try {
    const report = await check(repo);
    for (const [kind, markdown] of Object.entries(render(report))) {
      const base = join(out, `${values.label}-${name}-${kind}`);
      writeFileSync(`${base}.md`, markdown);
      writeFileSync(`${base}.html`, page(markdown));
      const height = screenshot(`${base}.html`, `${base}.png`);
      rows.push({ case: name, channel: kind, findings: report.findings.length, characters: markdown.length, height });
    }
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
console.log(`Rendered at ${COMMENT_WIDTH} px into ${out} (${values.label}):`);
console.log('case    channel  findings  characters  height (px)');
for (const row of rows) console.log(`${row.case.padEnd(8)}${row.channel.padEnd(9)}${String(row.findings).padStart(8)}${String(row.characters).padStart(12)}${String(row.height).padStart(13)}`);
