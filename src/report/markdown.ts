import { reportSchema, type Report, type ReportFinding } from './report.js';
import { scopeLine, verdictLine } from './text.js';

/** Hidden marker that identifies doc-sync's own comment. */
export const COMMENT_MARKER = '<!-- doc-sync:report -->';
/** GitHub rejects comment bodies over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

export interface MarkdownOptions {
  /** Base URL of the rule docs; a finding links to `<base><rule>.md`. */
  docsBaseUrl?: string;
  /** Maximum body length (defaults to GitHub's comment limit). */
  maxLength?: number;
  /** Content fingerprint to embed (hidden), so an unchanged result is not re-posted. */
  fingerprint?: string;
  /** Extra Markdown blocks shown after the findings (the bot's suggestions, command outcomes). */
  sections?: readonly string[];
  /** Where the full report goes when it does not fit (default: the job summary). */
  overflowHint?: string;
}

const escapeCell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');

const ICON: Record<ReportFinding['severity'], string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

function row(finding: ReportFinding, docsBaseUrl: string | undefined): string {
  const rule = docsBaseUrl ? `[\`${finding.rule}\`](${docsBaseUrl}${finding.rule}.md)` : `\`${finding.rule}\``;
  return `| ${ICON[finding.severity]} ${finding.severity} | ${rule} | ${finding.taskId ?? ''} | \`${escapeCell(finding.file)}:${finding.line}\` | ${escapeCell(finding.message)} | ${finding.introduced ? 'introduced' : 'pre-existing'} |`;
}

/**
 * The comment body: verdict, a findings table a maintainer reads in seconds, and the
 * full JSON report in a collapsed block (dropped, with a note, when it would not fit).
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_COMMENT_LIMIT;
  const overflowHint = options.overflowHint ?? 'the job summary';
  const marker = options.fingerprint ? [COMMENT_MARKER, `<!-- doc-sync:fingerprint ${options.fingerprint} -->`] : [COMMENT_MARKER];
  const icon = report.result === 'fail' ? '❌' : report.findings.length > 0 ? '⚠️' : '✅';
  const head = [...marker, `### ${icon} ${verdictLine(report)}`, '', `<sub>${scopeLine(report)}</sub>`];
  const sections = (options.sections ?? []).flatMap((section) => ['', section]);
  const tableHeader = ['', '| Severity | Rule | Task | Where | Message | Origin |', '|---|---|---|---|---|---|'];
  const json = JSON.stringify(report, null, 2);
  const jsonBlock = ['', '<details><summary>JSON report</summary>', '', '```json', json, '```', '', '</details>', ''];

  const build = (shown: number, withJson: boolean): string => {
    const lines = [...head];
    if (report.findings.length > 0) {
      lines.push(...tableHeader, ...report.findings.slice(0, shown).map((finding) => row(finding, options.docsBaseUrl)));
      const left = report.findings.length - shown;
      if (left > 0) lines.push('', `…and ${left} more finding${left === 1 ? '' : 's'} (less important ones) left out to fit; the full report is in ${overflowHint}.`);
    }
    lines.push(...sections);
    if (withJson) lines.push(...jsonBlock);
    else lines.push('', `_The JSON report is too large for a comment; it is in ${overflowHint}._`, '');
    return lines.join('\n');
  };

  let body = build(report.findings.length, true);
  if (body.length <= maxLength) return body;
  // Findings are sorted most important first: keep as many as fit, without the JSON.
  let shown = report.findings.length;
  body = build(shown, false);
  while (body.length > maxLength && shown > 0) {
    shown = Math.max(0, Math.floor(shown * 0.8));
    body = build(shown, false);
  }
  return body;
}

/** Reads the JSON report back out of a rendered comment; null when there is none. */
export function parseMarkdownReport(body: string): Report | null {
  if (!body.includes(COMMENT_MARKER)) return null;
  const match = /```json\n([\s\S]*?)\n```/.exec(body);
  if (!match) return null;
  try {
    const parsed = reportSchema.safeParse(JSON.parse(match[1]!));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
