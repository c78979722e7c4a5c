import { marked } from 'marked';
import { GITHUB_COMMENT_LIMIT, GITHUB_SUMMARY_LIMIT, parseMarkdownReport, renderMarkdown, renderSummary, type MarkdownOptions } from '../../src/report/markdown.js';
import { countByRule } from '../../src/report/counts.js';
import type { Report } from '../../src/report/report.js';
import { cleanChange, csvRowMissing, largeChange, reportOf, smallChange } from './scenarios.js';

const OPTIONS: MarkdownOptions = {
  docsBaseUrl: 'https://github.com/acme/doc-sync/blob/v1/docs/rules/',
  fingerprint: '0123456789abcdef',
  links: { serverUrl: 'https://github.com', owner: 'acme', repo: 'planning' },
};

/** What a reader sees without unfolding anything: the body less hidden comments and folded sections. */
function visible(body: string): string {
  let text = body.replace(/<!--.*?-->/g, '');
  // Innermost folded sections first, until none is left.
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/<details[ >](?:(?!<details)[\s\S])*?<\/details>/, '[folded]');
  }
  return text;
}

/** The report as the comment embeds it: whole when it fits, else trimmed, with every count kept. */
async function embedded(report: Report, body: string): Promise<Report> {
  if (!body.includes('<summary>JSON report (trimmed')) return report;
  const kept = (await parseMarkdownReport(body))!.findings.length;
  const omitted = { findings: report.findings.length - kept, fixes: report.findings.some((item) => item.fix), tasks: report.tasks.length > 0, rules: countByRule(report) };
  return { ...report, tasks: [], findings: report.findings.slice(0, kept).map(({ fix: _fix, ...rest }) => rest), omitted };
}

const finding = csvRowMissing;

describe('the comment, snapshots of real checks', () => {
  test.each([
    ['small', smallChange],
    ['large (60 tasks added to the board only)', largeChange],
    ['clean', cleanChange],
  ])('%s', async (_name, change) => {
    const report = await change();
    const body = renderMarkdown(report, OPTIONS);
    // The JSON is checked by parsing it back; the snapshot shows what people read.
    expect(body.replace(/```json\n[\s\S]*?\n```/, '```json\n…\n```')).toMatchSnapshot();
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(await parseMarkdownReport(body)).toEqual(await embedded(report, body));
  });

  test('the large change: verdict, four per-rule counts, the fix commands, and folded groups keep the visible part short', async () => {
    const report = await largeChange();
    expect(report.findings.length).toBeGreaterThanOrEqual(180);
    const body = renderMarkdown(report, OPTIONS);
    const shown = visible(body);
    expect(shown.split('\n').filter((line) => line.startsWith('- ')).length).toBe(0);
    expect(shown).toContain('| [`csv-row-missing`](https://github.com/acme/doc-sync/blob/v1/docs/rules/csv-row-missing.md) | ❌ error | 60 | 60 |');
    expect(shown).toContain('| [`backlog-entry-missing`](https://github.com/acme/doc-sync/blob/v1/docs/rules/backlog-entry-missing.md) | ℹ️ notice | 60 | 60 |');
    expect(shown).toContain('🔧 **120 of 181 findings have a mechanical fix.** Comment `/doc-sync fix` to commit them onto this branch, or `/doc-sync fix csv-row-missing` for one rule\'s; locally, run `doc-sync fix` and push.');
    expect(shown.length).toBeLessThan(3000);
    // Every row of every table has at most four columns.
    for (const line of body.split('\n').filter((text) => text.startsWith('|'))) expect(line.replace(/\\\|/g, '').split('|').length - 2).toBeLessThanOrEqual(4);
  });
});

describe('the comment', () => {
  test('file:line links to the line at the head commit on the runner\'s server (GHES), Markdown shown as source', () => {
    const report = reportOf([finding(1, { file: 'docs/plans/Plan B (old).md', line: 12 })]);
    const body = renderMarkdown(report, { links: { serverUrl: 'https://ghe.example.com/', owner: 'acme', repo: 'planning' } });
    expect(body).toContain(`[\`docs/plans/Plan B (old).md:12\`](https://ghe.example.com/acme/planning/blob/${'b'.repeat(40)}/docs/plans/Plan%20B%20%28old%29.md?plain=1#L12)`);
    const html = marked.parse(body) as string;
    expect(html).toContain(`href="https://ghe.example.com/acme/planning/blob/${'b'.repeat(40)}/docs/plans/Plan%20B%20%28old%29.md?plain=1#L12"`);
  });

  test('without link data the place is plain code', () => {
    const body = renderMarkdown(reportOf([finding(1)]));
    expect(body).toContain('- ❌ `docs/StateTrace_TaskBoard.md:7` `csv-row-missing` ST-B-001 is on the Markdown board');
  });

  test('pre-existing findings are apart from introduced ones, folded, and counted apart', () => {
    const report = reportOf([finding(1), finding(2, { rule: 'status-mismatch-plan', severity: 'warning', introduced: false, message: 'ST-B-002 is stale in its plan' })]);
    const body = renderMarkdown(report);
    expect(body).toContain('**Introduced by this change** (1)');
    expect(body).toContain('<details><summary><b>Pre-existing</b> (1): already there at base; they fail nothing</summary>');
    expect(body.indexOf('ST-B-002 is stale')).toBeGreaterThan(body.indexOf('<b>Pre-existing</b>'));
    expect(body).toContain('⚠️ `status-mismatch-plan` ×0 (+1 pre-existing)');
  });

  test('no fix, no fix line; an audit names only the local command', () => {
    expect(renderMarkdown(reportOf([finding(1)]))).not.toContain('🔧');
    const fixable = finding(1, { fix: { file: 'docs/taskboard/TaskBoard.csv', kind: 'insert', line: 1, expected: 'header', text: 'row', description: 'add the CSV record of ST-B-001' } });
    expect(renderMarkdown(reportOf([fixable]))).toContain('🔧 **The finding has a mechanical fix.** Comment `/doc-sync fix` to commit it onto this branch; locally, run `doc-sync fix` and push.');
    const audit = renderMarkdown(reportOf([fixable, { ...fixable, rule: 'csv-not-updated' }], { mode: 'all', base: null }));
    expect(audit).toContain('🔧 **All 2 findings have a mechanical fix.** Run `doc-sync fix` (or `doc-sync fix --rule csv-not-updated`) to apply them.');
    expect(audit).not.toContain('/doc-sync');
    // An audit judges the state, not a change.
    expect(audit).toContain('**Findings** (2)');
    expect(audit).not.toContain('Introduced by this change');
  });

  test('a clean change is a one-line verdict (and the folded JSON)', async () => {
    const lines = visible(renderMarkdown(await cleanChange())).split('\n').filter((line) => line.trim() !== '');
    expect(lines).toEqual(['### ✅ doc-sync: pass. The planning docs changed consistently.', expect.stringMatching(/^<sub>base\.\.head: 1 task touched, 4 files changed; \d+ documents read in 0 ms<\/sub>$/), '[folded]']);
  });

  test('a skipped report says who skipped it', () => {
    const body = renderMarkdown(reportOf([finding(1)], { result: 'pass', skipped: { label: 'doc-sync:skip', by: 'maintainer' } }));
    expect(body).toContain('doc-sync: skipped. @maintainer added the "doc-sync:skip" label, so 1 finding fail nothing.');
  });

  test('the parse-back needs the marker at the very start', async () => {
    const body = renderMarkdown(reportOf([finding(1)]));
    expect(await parseMarkdownReport(body)).not.toBeNull();
    expect(await parseMarkdownReport(`> quoted\n${body}`)).toBeNull();
  });
});

describe('a change with 1,000 findings', () => {
  const rules = ['csv-row-missing', 'plan-entry-missing', 'status-mismatch-plan', 'backlog-entry-missing', 'session-log-task-missing'] as const;
  const severities = ['error', 'error', 'warning', 'notice', 'warning'] as const;
  const findings = Array.from({ length: 1000 }, (_, index) =>
    finding(index, {
      rule: rules[index % rules.length]!,
      severity: severities[index % rules.length]!,
      introduced: index % 7 !== 0,
      message: `${'A long message naming the documents and what to do about them. '.repeat(3)}${index}`,
      ...(index % 2 === 0 ? { fix: { file: 'docs/taskboard/TaskBoard.csv', kind: 'insert' as const, line: 1, expected: 'x'.repeat(200), text: 'y'.repeat(200), description: `fix ${index}` } } : {}),
    }),
  );
  const report: Report = reportOf(findings);
  const counts = countByRule(report);

  test('the comment stays under the limit and keeps every per-rule count, visibly and in the JSON, which parses back', async () => {
    const body = renderMarkdown(report, { ...OPTIONS });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(counts).toHaveLength(5);
    for (const count of counts) {
      expect(body).toContain(`| [\`${count.rule}\`](${OPTIONS.docsBaseUrl}${count.rule}.md) | `);
      expect(body).toContain(` | ${count.introduced} new, ${count.preExisting} pre-existing | ${count.fixable > 0 ? count.fixable : '-'} |`);
    }
    const parsed = (await parseMarkdownReport(body))!;
    expect(parsed).not.toBeNull();
    expect(parsed.summary).toEqual(report.summary);
    expect(parsed.omitted!.rules).toEqual(counts);
    expect(countByRule(parsed)).toEqual(counts);
    expect(parsed.findings.length + parsed.omitted!.findings).toBe(1000);
    // The kept findings are the most important ones, in order, without their fix edits.
    expect(parsed.findings).toEqual(report.findings.slice(0, parsed.findings.length).map(({ fix: _fix, ...rest }) => rest));
    // People read the list: it keeps the most findings, the JSON gives way first.
    const listed = body.split('\n').filter((line) => line.startsWith('- ') && !line.startsWith('- …')).length;
    expect(listed).toBeGreaterThan(100);
    expect(parsed.findings.length).toBeLessThanOrEqual(listed);
    expect(body).toContain('more, left out to fit; the job summary lists every one.');
  });

  test('the job summary lists every one (under 1 MiB), grouped the same way, without the JSON', () => {
    const summary = renderSummary(report, OPTIONS);
    expect(summary.length).toBeLessThanOrEqual(GITHUB_SUMMARY_LIMIT);
    expect(summary.split('\n').filter((line) => line.startsWith('- '))).toHaveLength(1000);
    expect(summary).toContain('<details open><summary>❌ <code>csv-row-missing</code>: ');
    expect(summary).not.toContain('```json');
    expect(summary).not.toContain('left out');
  });

  test('sections too big to fit go, with a note, before any count does', async () => {
    const body = renderMarkdown(report, { sections: ['x'.repeat(GITHUB_COMMENT_LIMIT)] });
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body).toContain('1 section left out to fit');
    for (const count of counts) expect(body).toContain(`\`${count.rule}\``);
    expect((await parseMarkdownReport(body))!.omitted!.rules).toEqual(counts);
  });
});

describe('document text is inert in the comment and the summary (issue 9.7)', () => {
  const hostile = [
    '@acme/security-team look',
    'see #1 and acme/planning#2',
    '[click](https://evil.example/x) and ![pixel](https://evil.example/p.png)',
    '<img src=x onerror=alert(1)> <details open>',
    'https://evil.example/bare www.evil.example mail@evil.example',
    '`code` **bold** | pipe \\ backslash &#64;entity',
  ];
  const report = reportOf(
    hostile.map((message, index) => finding(index, { message, taskId: '@someone', file: `docs/@owner [x](y)/#3 \`plan\`.md` })),
  );

  test.each([
    ['comment', renderMarkdown(report, OPTIONS)],
    ['summary', renderSummary(report, OPTIONS)],
  ])('%s: no mention, reference, link, image or HTML comes from the text', (_channel, body) => {
    const html = marked.parse(body) as string;
    expect(html).not.toMatch(/<img[\s>]|<details open>/);
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(0);
    // The only links are the ones doc-sync makes: rule docs and lines of the repository.
    for (const link of links) expect(link).toMatch(/^https:\/\/github\.com\/acme\/(doc-sync\/blob\/v1\/docs\/rules\/|planning\/blob\/b{40}\/)/);
    // GitHub links mentions and references in text after rendering: the word joiner breaks them.
    const text = html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, '').replace(/<[^>]+>/g, '');
    expect(text).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/https?:\/\/|www\./);
    // The words themselves still read.
    expect(text).toContain('@\u2060acme/security-team look');
    expect(text).toContain('[click](https:\u2060//evil.example/x)');
  });
});
