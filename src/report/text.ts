import type { Report, ReportFinding } from './report.js';

const SEVERITY_RANK: Record<ReportFinding['severity'], number> = { error: 0, warning: 1, notice: 2 };

const short = (sha: string | null) => (sha ? sha.slice(0, 7) : '-');

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

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

function findingLine(finding: ReportFinding): string {
  const where = `${finding.line}`.padStart(5);
  const severity = finding.severity.padEnd(7);
  const origin = finding.introduced ? '' : ' (pre-existing)';
  // Messages name their task already; the rule id goes last, as linters print it.
  return `${where}  ${severity} ${finding.message}${origin}  [${finding.rule}]`;
}

/** Plain text for a terminal, grouped by file like a linter. */
export function renderText(report: Report): string {
  const lines = [verdictLine(report), scopeLine(report)];
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  for (const [file, findings] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', file);
    for (const finding of [...findings].sort((a, b) => a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])) {
      lines.push(findingLine(finding));
    }
  }
  if (report.findings.some((finding) => !finding.introduced)) {
    lines.push('', 'Pre-existing findings were already there at base; they do not fail the gate.');
  }
  if (report.findings.length > 0) lines.push('Run "doc-sync explain <rule>" for what a rule checks and how to fix it.');
  return `${lines.join('\n')}\n`;
}
