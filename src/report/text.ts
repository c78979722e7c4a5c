import { SEVERITY_RANK } from '../core/finding.js';
import { plural } from '../core/words.js';
import { countByRule, fixableOf } from './counts.js';
import { terminalText } from './escape.js';
import type { Report, ReportFinding } from './report.js';

// Only a SHA is shortened: "working-tree" and "index" are names.
const short = (sha: string | null) => (sha ? (/^[0-9a-f]{40}$/.test(sha) ? sha.slice(0, 7) : sha) : '-');

/** The one-line verdict every channel opens with. */
export function verdictLine(report: Report): string {
  const { errors, warnings, notices, failing } = report.summary;
  if (report.skipped) {
    return `doc-sync: skipped. @${report.skipped.by} added the "${report.skipped.label}" label, so ${plural(report.findings.length, 'finding')} fail nothing.`;
  }
  if (report.findings.length === 0) {
    if (report.mode === 'all') return 'doc-sync: pass. Every task is consistent.';
    return report.summary.filesChanged === 0
      ? 'doc-sync: pass. The change does not touch the planning docs.'
      : 'doc-sync: pass. The planning docs changed consistently.';
  }
  const counts = [plural(errors, 'error'), plural(warnings, 'warning'), ...(notices > 0 ? [plural(notices, 'notice')] : [])].join(', ');
  return report.result === 'fail'
    ? `doc-sync: FAIL. ${counts}; ${plural(failing, 'finding')} ${failing === 1 ? 'fails' : 'fail'} the gate.`
    : `doc-sync: pass. ${counts}, none failing the gate.`;
}

export function scopeLine(report: Report): string {
  const scope =
    report.mode === 'all'
      ? `audit of every task at ${short(report.head)}`
      : `${short(report.base)}..${short(report.head)}: ${plural(report.summary.tasksTouched, 'task')} touched, ${plural(report.summary.filesChanged, 'file')} changed`;
  return `${scope}; ${plural(report.summary.filesParsed, 'document')} read in ${report.durationMs} ms`;
}

export interface TextOptions {
  /** Colour severities and the verdict with ANSI escapes (the CLI decides: TTY, NO_COLOR, FORCE_COLOR). */
  color?: boolean;
}

type Paint = (text: string, style: 'error' | 'warning' | 'notice' | 'pass' | 'dim' | 'bold') => string;

const ANSI: Record<Parameters<Paint>[1], [number, number]> = {
  error: [31, 39],
  warning: [33, 39],
  notice: [36, 39],
  pass: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
};

const painter = (color: boolean): Paint => (color ? (text, style) => `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : (text) => text);

function findingLine(finding: ReportFinding, paint: Paint): string {
  const where = `${finding.line}`.padStart(5);
  const severity = paint(finding.severity.padEnd(7), finding.severity);
  const origin = finding.introduced ? '' : paint(' (pre-existing)', 'dim');
  // Messages name their task already; the rule id goes last, as linters print it.
  return `${where}  ${severity} ${terminalText(finding.message)}${origin}  ${paint(`[${finding.rule}]`, 'dim')}`;
}

/** Per-rule counts after the findings, and what `doc-sync fix` would repair. */
function countLines(report: Report, paint: Paint): string[] {
  const counts = countByRule(report);
  const width = Math.max(...counts.map((count) => count.rule.length));
  const lines = ['', 'Findings per rule:'];
  for (const count of counts) {
    const extra = [...(count.preExisting > 0 ? [`${count.preExisting} pre-existing`] : []), ...(count.fixable > 0 ? [`${count.fixable} fixable`] : [])];
    const total = String(count.introduced + count.preExisting).padStart(5);
    lines.push(`  ${paint(count.severity.padEnd(7), count.severity)} ${count.rule.padEnd(width)} ${total}${extra.length > 0 ? `  (${extra.join(', ')})` : ''}`);
  }
  const { findings } = fixableOf(counts);
  if (findings > 0) lines.push('', paint(`${plural(findings, 'finding')} can be fixed: run doc-sync fix`, 'bold'));
  return lines;
}

/** Rules the repository itself turned off, one line per reason, so a quiet pass says what it did not judge. */
export function offByLayoutLines(report: Report): string[] {
  const byReason = new Map<string, string[]>();
  for (const { rule, reason } of report.config?.offByLayout ?? []) byReason.set(reason, [...(byReason.get(reason) ?? []), rule]);
  return [...byReason].map(([reason, rules]) => `Rules off: ${rules.join(', ')}. ${reason}.`);
}

/** Plain text for a terminal, grouped by file like a linter, then counted per rule. */
export function renderText(report: Report, options: TextOptions = {}): string {
  const paint = painter(options.color ?? false);
  const verdict = verdictLine(report);
  const lines = [
    report.findings.length === 0 ? paint(verdict, 'pass') : report.result === 'fail' ? paint(verdict, 'error') : verdict,
    scopeLine(report),
    ...offByLayoutLines(report).map((line) => paint(terminalText(line), 'dim')),
  ];
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', paint(terminalText(file), 'bold'));
    for (const finding of [...findings].sort((a, b) => a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])) {
      lines.push(findingLine(finding, paint));
    }
  }
  if (report.findings.length > 0) lines.push(...countLines(report, paint));
  if (report.findings.some((finding) => !finding.introduced)) {
    lines.push('', 'Pre-existing findings were already there at base; they do not fail the gate.');
  }
  if (report.findings.length > 0) lines.push('Run "doc-sync explain <rule>" for what a rule checks and how to fix it.');
  return `${lines.join('\n')}\n`;
}
