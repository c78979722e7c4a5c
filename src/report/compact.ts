import type { Report, ReportFinding } from './report.js';
import { terminalText } from './escape.js';
import { verdictLine } from './text.js';

export interface CompactOptions {
  /** ANSI colour for the severity and rule (a terminal); never on the path, so terminals still find the link. */
  color?: boolean;
}

const SEVERITY_COLOR: Record<ReportFinding['severity'], string> = { error: '\u001b[31m', warning: '\u001b[33m', notice: '\u001b[36m' };
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/**
 * One line of document text, control characters shown as the text format shows them
 * (`\x1b`), so a cell cannot rewrite the terminal. Line breaks go first: terminalText
 * would show a CRLF's CR as `\x0d`.
 */
const oneLine = (text: string): string => terminalText(text.replace(/\r\n|[\r\n]/g, ' '));

/**
 * The jumpable view: one `path:line: severity rule message` line per finding (the form
 * compilers print, which terminals, editors and CI log viewers turn into links), then
 * the verdict.
 */
export function renderCompact(report: Report, options: CompactOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${RESET}` : text);
  const lines = report.findings.map((finding) => {
    const origin = finding.introduced ? '' : ' (pre-existing)';
    return `${oneLine(finding.file)}:${finding.line}: ${paint(SEVERITY_COLOR[finding.severity], finding.severity)} ${paint(DIM, finding.rule)} ${oneLine(finding.message)}${origin}`;
  });
  lines.push(verdictLine(report));
  return `${lines.join('\n')}\n`;
}
