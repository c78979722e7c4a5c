import { plural } from '../core/words.js';
import { countByRule, fixableOf } from './counts.js';
import { codeSpan, inlineText, urlPath } from './escape.js';
import type { Report, ReportFinding, RuleCount } from './report.js';
import { offByLayoutLines, scopeLine, verdictLine } from './text.js';

/** Hidden marker that identifies doc-sync's own comment. */
export const COMMENT_MARKER = '<!-- doc-sync:report -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** A step's job summary may hold up to 1 MiB; a little is kept for what others append. */
export const GITHUB_SUMMARY_LIMIT = 1024 * 1024 - 1024;
/** Up to this many introduced findings are listed as they are; more are grouped per rule, folded. */
export const FLAT_LIST_LIMIT = 15;

/** Opens the folded JSON block (its title may go on: "(trimmed to fit …)"). */
const JSON_SUMMARY_START = '<summary>JSON report';

/** Where the files are on GitHub: `<serverUrl>/<owner>/<repo>/blob/<head>/<path>#L<line>`. */
export interface LinkTarget {
  /** The runner's GITHUB_SERVER_URL (GitHub Enterprise Server has its own). */
  serverUrl: string;
  owner: string;
  repo: string;
  /** Commit the links point at; defaults to the report's head. */
  head?: string;
}

export interface MarkdownOptions {
  /** Base URL of the rule docs; a rule links to `<base><rule>.md`. */
  docsBaseUrl?: string;
  /** Maximum body length (defaults to GitHub's comment limit). */
  maxLength?: number;
  /** Content fingerprint to embed (hidden), so an unchanged result is not re-posted. */
  fingerprint?: string;
  /** Extra Markdown blocks shown after the findings (the bot's suggestions, command outcomes). */
  sections?: readonly string[];
  /** Where the full report goes when it does not fit (default: the job summary). */
  overflowHint?: string;
  /** Link each `file:line` to that line on GitHub; plain text without. */
  links?: LinkTarget;
}

const ICON: Record<ReportFinding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

function lineUrl(links: LinkTarget, head: string, finding: ReportFinding): string {
  const server = links.serverUrl.replace(/\/+$/, '');
  // plain=1: GitHub renders Markdown and CSV files, where a #L anchor goes nowhere.
  return `${server}/${urlPath(links.owner)}/${urlPath(links.repo)}/blob/${head}/${urlPath(finding.file)}?plain=1#L${finding.line}`;
}

/** The pieces every layout is made of; document text goes through inlineText or codeSpan. */
class Pieces {
  constructor(
    private readonly report: Report,
    private readonly options: MarkdownOptions,
  ) {}

  rule(rule: string, inTable = false): string {
    const code = codeSpan(rule, { inTable });
    return this.options.docsBaseUrl ? `[${code}](${this.options.docsBaseUrl}${urlPath(rule)}.md)` : code;
  }

  where(finding: ReportFinding): string {
    const code = codeSpan(`${finding.file}:${finding.line}`);
    const { links } = this.options;
    return links ? `[${code}](${lineUrl(links, links.head ?? this.report.head, finding)})` : code;
  }

  private readonly items = new Map<ReportFinding, string>();

  /** One finding, one list item: where, (rule), message; the task is in the message. Rendered once per fit. */
  item(finding: ReportFinding, withRule: boolean): string {
    let line = this.items.get(finding);
    if (line === undefined) {
      line = this.renderItem(finding, withRule);
      this.items.set(finding, line);
    }
    return line;
  }

  private renderItem(finding: ReportFinding, withRule: boolean): string {
    const rule = withRule ? ` ${this.rule(finding.rule)}` : '';
    return `- ${ICON[finding.severity]} ${this.where(finding)}${rule} ${inlineText(finding.message)}${finding.fix ? ' 🔧' : ''}`;
  }

  /** The counts in one paragraph, for a change with few findings (each listed with its rule below). */
  countLine(counts: readonly RuleCount[]): string[] {
    // Fixable ones are marked 🔧 in the list; pre-existing ones are counted apart.
    const parts = counts.map((count) => `${ICON[count.severity]} ${this.rule(count.rule)} ×${count.introduced}${count.preExisting > 0 ? ` (+${count.preExisting} pre-existing)` : ''}`);
    return [`**By rule:** ${parts.join(' · ')}`];
  }

  countTable(counts: readonly RuleCount[]): string[] {
    const preExisting = counts.some((count) => count.preExisting > 0);
    const rows = counts.map((count) => {
      const found = preExisting ? `${count.introduced} new, ${count.preExisting} pre-existing` : String(count.introduced);
      return `| ${this.rule(count.rule, true)} | ${ICON[count.severity]} ${count.severity} | ${found} | ${count.fixable > 0 ? count.fixable : '-'} |`;
    });
    return ['| Rule | Severity | Findings | Fixable |', '|---|---|---:|---:|', ...rows];
  }

  /** How many findings have a fix, and the exact commands that apply them. */
  fixLine(counts: readonly RuleCount[]): string[] {
    const { findings, rules } = fixableOf(counts);
    if (findings === 0) return [];
    const total = counts.reduce((sum, count) => sum + count.introduced + count.preExisting, 0);
    const one = rules[0]!;
    const slash = `Comment \`/doc-sync fix\` to commit ${findings === 1 ? 'it' : 'them'} onto this branch${rules.length > 1 ? `, or \`/doc-sync fix ${one}\` for one rule's` : ''}; locally, run \`doc-sync fix\` and push.`;
    const local = `Run \`doc-sync fix\`${rules.length > 1 ? ` (or \`doc-sync fix --rule ${one}\`)` : ''} to apply ${findings === 1 ? 'it' : 'them'}.`;
    const count = findings === total ? (findings === 1 ? 'The finding has' : `All ${findings} findings have`) : `${findings} of ${total} findings have`;
    return ['', `🔧 **${count} a mechanical fix.** ${this.report.mode === 'change' ? slash : local}`];
  }
}

/** A rule's findings in a folded section; `open` unfolds it (the job summary). */
function ruleGroup(pieces: Pieces, rule: string, findings: readonly ReportFinding[], total: number, open: boolean, overflowHint: string): string[] {
  const left = total - findings.length;
  return [
    '',
    `<details${open ? ' open' : ''}><summary>${ICON[findings[0]?.severity ?? 'notice']} <code>${rule}</code>: ${plural(total, 'finding')}</summary>`,
    '',
    ...findings.map((finding) => pieces.item(finding, false)),
    ...(left > 0 ? [`- …and ${left} more, left out to fit; ${overflowHint} lists every one.`] : []),
    '',
    '</details>',
  ];
}

interface Layout {
  /** How many findings (most important first) are listed. */
  shown: number;
  /** How many of them the embedded JSON keeps, when it is `lean`. */
  kept: number;
  /** Fold rule groups (the comment) or show them open (the job summary). */
  open: boolean;
  json: 'pretty' | 'compact' | 'lean' | 'none';
}

function findingLines(pieces: Pieces, report: Report, layout: Layout, overflowHint: string): string[] {
  const listed = new Set(report.findings.slice(0, layout.shown));
  const introduced = report.findings.filter((finding) => finding.introduced);
  const preExisting = report.findings.filter((finding) => !finding.introduced);
  const lines: string[] = [];
  const byRule = (findings: readonly ReportFinding[]) => {
    const groups = new Map<string, ReportFinding[]>();
    for (const finding of findings) {
      const group = groups.get(finding.rule);
      if (group) group.push(finding);
      else groups.set(finding.rule, [finding]);
    }
    return groups;
  };
  const grouped = (findings: readonly ReportFinding[]) => {
    for (const [rule, all] of byRule(findings)) lines.push(...ruleGroup(pieces, rule, all.filter((finding) => listed.has(finding)), all.length, layout.open, overflowHint));
  };

  if (introduced.length > 0) {
    lines.push('', `**${report.mode === 'all' ? 'Findings' : 'Introduced by this change'}** (${introduced.length})`);
    if (introduced.length <= FLAT_LIST_LIMIT) {
      lines.push('', ...introduced.filter((finding) => listed.has(finding)).map((finding) => pieces.item(finding, true)));
      const left = introduced.filter((finding) => !listed.has(finding)).length;
      if (left > 0) lines.push(`- …and ${left} more, left out to fit; ${overflowHint} lists every one.`);
    } else grouped(introduced);
  }
  if (preExisting.length > 0) {
    lines.push('', `<details${layout.open ? ' open' : ''}><summary><b>Pre-existing</b> (${preExisting.length}): already there at base; they fail nothing</summary>`);
    grouped(preExisting);
    lines.push('', '</details>');
  }
  return lines;
}

/** The report as embedded: whole, or trimmed to the listed findings with `omitted` saying what is gone. */
function embeddedJson(report: Report, layout: Layout): string {
  if (layout.json === 'pretty') return JSON.stringify(report, null, 2);
  if (layout.json === 'compact') return JSON.stringify(report);
  const kept = report.findings.slice(0, layout.kept).map(({ fix: _fix, ...finding }) => finding);
  const omitted = { findings: report.findings.length - kept.length, fixes: report.findings.some((finding) => finding.fix), tasks: report.tasks.length > 0, rules: countByRule(report) };
  return JSON.stringify({ ...report, tasks: [], findings: kept, omitted });
}

function build(report: Report, options: MarkdownOptions, layout: Layout, pieces = new Pieces(report, options)): string {
  const overflowHint = options.overflowHint ?? 'the job summary';
  const icon = report.result === 'fail' ? '❌' : report.findings.length > 0 ? '⚠️' : '✅';
  // Only the comment is found again by its marker; the summary goes without.
  const lines = layout.json === 'none' ? [] : [COMMENT_MARKER];
  if (options.fingerprint) lines.push(`<!-- doc-sync:fingerprint ${options.fingerprint} -->`);
  lines.push(`### ${icon} ${verdictLine(report)}`, '', `<sub>${scopeLine(report)}</sub>`);
  // The reason quotes a .gitignore line: document text, kept inert.
  lines.push(...offByLayoutLines(report).flatMap((line) => ['', `<sub>${inlineText(line)}</sub>`]));
  if (report.findings.length > 0) {
    const counts = countByRule(report);
    const few = report.findings.length <= FLAT_LIST_LIMIT;
    lines.push('', ...(few ? pieces.countLine(counts) : pieces.countTable(counts)), ...pieces.fixLine(counts), ...findingLines(pieces, report, layout, overflowHint));
  }
  for (const section of options.sections ?? []) lines.push('', section);
  if (layout.json === 'none') {
    if (options.overflowHint) lines.push('', `<sub>The JSON report is in ${options.overflowHint}.</sub>`);
  } else {
    const left = report.findings.length - layout.kept;
    const trimmed = layout.json === 'lean' ? ` (trimmed to fit: ${left > 0 ? `${plural(left, 'finding')}, ` : ''}the fix edits and the task list left out)` : '';
    lines.push('', `<details>${JSON_SUMMARY_START}${trimmed}</summary>`, '', '```json', embeddedJson(report, layout), '```', '', '</details>');
  }
  lines.push('');
  return lines.join('\n');
}

/** The largest n in [0, max] for which `fits(n)`, given that it holds for all n below a bound (or for none). */
function largest(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Renders within `maxLength`, dropping detail in this order and never the counts:
 * the JSON's indentation; its fix edits and task list; the least important findings
 * from the JSON (people read the list, the report file has the whole JSON); then the
 * least important findings from the list.
 */
function fit(report: Report, options: MarkdownOptions, open: boolean, withJson: boolean): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const all = report.findings.length;
  // A finding is listed the same way (flat or in its group) whatever the layout, so its line is rendered once.
  const pieces = new Pieces(report, options);
  const render = (layout: Omit<Layout, 'open'>, renderOptions = options) => build(report, renderOptions, { ...layout, open }, pieces);
  const levels: Layout['json'][] = withJson ? ['pretty', 'compact'] : ['none'];
  for (const json of levels) {
    const body = render({ shown: all, kept: all, json });
    if (body.length <= maxLength) return body;
  }
  const json: Layout['json'] = withJson ? 'lean' : 'none';
  if (withJson && render({ shown: all, kept: 0, json }).length <= maxLength) {
    return render({ shown: all, kept: largest(all, (kept) => render({ shown: all, kept, json }).length <= maxLength), json });
  }
  const shown = largest(all, (count) => render({ shown: count, kept: 0, json }).length <= maxLength);
  const body = render({ shown, kept: 0, json });
  if (body.length <= maxLength) return body;
  // Only the extra sections can make it this big: they go, with a note.
  return render({ shown: 0, kept: 0, json }, { ...options, sections: [`_${plural(options.sections?.length ?? 0, 'section')} left out to fit; see ${options.overflowHint ?? 'the job summary'}._`] });
}

/**
 * The pull request comment: the verdict, a count per rule with its severity, what
 * `/doc-sync fix` would repair, the findings (listed when few, else folded per rule;
 * pre-existing ones apart), and the JSON report, all within GitHub's comment limit.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return fit(report, options, false, true);
}

/**
 * The job summary: the comment's layout with every finding shown (rule groups open),
 * up to 1 MiB; the JSON report is left to the report file.
 */
export function renderSummary(report: Report, options: Omit<MarkdownOptions, 'maxLength' | 'fingerprint'> & { maxLength?: number } = {}): string {
  return fit(report, { overflowHint: 'the `report-path` file', ...options, fingerprint: undefined, maxLength: options.maxLength ?? GITHUB_SUMMARY_LIMIT }, true, false);
}

/**
 * Reads the JSON report back out of a rendered comment; null when there is none.
 * Async: the report schema (zod) loads only when a comment is read back, not to render one.
 */
export async function parseMarkdownReport(body: string): Promise<Report | null> {
  if (!body.startsWith(COMMENT_MARKER)) return null;
  const start = body.indexOf(JSON_SUMMARY_START);
  if (start < 0) return null;
  const match = /```json\n([\s\S]*?)\n```/.exec(body.slice(start));
  if (!match) return null;
  let json: unknown;
  try {
    json = JSON.parse(match[1]!);
  } catch {
    return null;
  }
  const { reportSchema } = await import('./report.js');
  const parsed = reportSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
