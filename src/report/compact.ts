import type { Report, ReportFinding } from './report.js';
import { verdictLine } from './text.js';

export interface CompactOptions {
  /** ANSI colour for the severity and rule (a terminal); never on the path, so terminals still find the link. */
  color?: boolean;
}

const SEVERITY_COLOR: Record<ReportFinding['severity'], string> = { error: '\u001b[31m', warning: '\u001b[33m', notice: '\u001b[36m' };
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/**
 * One line of document text: line breaks become spaces and other control characters
 * (a cell's terminal escape sequences) become U+FFFD, so a cell cannot rewrite the terminal.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\uFFFD');
}

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
