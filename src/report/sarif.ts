import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Report, ReportFinding } from './report.js';

/** The SARIF version GitHub code scanning reads. */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Name of doc-sync's own fingerprint in `partialFingerprints`; bump the suffix when its inputs change. */
export const FINGERPRINT_KEY = 'docSync/v1';

/** What SARIF says about a rule: its docs page is the help code scanning shows. */
export interface SarifRuleMeta {
  id: string;
  description: string;
  defaultSeverity: ReportFinding['severity'] | 'off';
  /** The rule's docs page (Markdown). */
  help: string;
  /** Where that page is online, when known. */
  helpUri?: string;
}

const LEVEL: Record<ReportFinding['severity'], Result.level> = { error: 'error', warning: 'warning', notice: 'note' };

/** The docs page as plain text: the heading and Markdown marks dropped, enough for a tooltip. */
function plainHelp(markdown: string): string {
  return markdown
    .replace(/^#+\s*/gm, '')
    .replace(/`/g, '')
    .replace(/\*\*/g, '')
    .trim();
}

function ruleDescriptor(meta: SarifRuleMeta): ReportingDescriptor {
  const level = meta.defaultSeverity === 'off' ? 'none' : LEVEL[meta.defaultSeverity];
  return {
    id: meta.id,
    name: meta.id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    help: { text: plainHelp(meta.help), markdown: meta.help },
    ...(meta.helpUri ? { helpUri: meta.helpUri } : {}),
    defaultConfiguration: { level },
    properties: { tags: ['documentation', 'planning-docs'], precision: 'very-high', 'problem.severity': meta.defaultSeverity === 'notice' ? 'recommendation' : meta.defaultSeverity },
  };
}

/**
 * What keeps an alert the same alert across runs: the rule, the file and the task,
 * not the line (rows move when others are added above them). A finding without a
 * task is known by its message with the numbers taken out (they count things and
 * name lines). Equal keys are told apart by their order.
 */
function fingerprints(findings: readonly ReportFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = finding.taskId ?? finding.message.replace(/\d+/g, '#');
    const hash = createHash('sha256').update(JSON.stringify([finding.rule, finding.file, identity])).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}

/**
 * The report as a SARIF 2.1.0 log for GitHub code scanning: one run, every rule of
 * `rules` with its docs page as help, one result per finding at its file and line.
 * Code scanning takes an upload as the whole state of a branch, so upload an `--all`
 * audit; in a change, pre-existing findings are marked `baselineState: unchanged`.
 */
export function renderSarif(report: Report, rules: readonly SarifRuleMeta[]): Log {
  const known = [...rules];
  for (const finding of report.findings) {
    if (!known.some((meta) => meta.id === finding.rule)) known.push({ id: finding.rule, description: finding.rule, defaultSeverity: finding.severity, help: `# ${finding.rule}\n` });
  }
  const index = new Map(known.map((meta, position) => [meta.id, position]));
  const keys = fingerprints(report.findings);
  const results = report.findings.map(
    (finding, position): Result => ({
      ruleId: finding.rule,
      ruleIndex: index.get(finding.rule)!,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation: { uri: finding.file, uriBaseId: '%SRCROOT%' }, region: { startLine: finding.line } } }],
      partialFingerprints: { [FINGERPRINT_KEY]: keys[position]! },
      ...(report.mode === 'change' ? { baselineState: finding.introduced ? 'new' : 'unchanged' } : {}),
      properties: { taskId: finding.taskId, fixable: finding.fix !== undefined },
    }),
  );
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, rules: known.map(ruleDescriptor) } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The root of the repository checked.' } } },
        results,
        properties: { result: report.result, base: report.base, head: report.head },
      },
    ],
  };
}
