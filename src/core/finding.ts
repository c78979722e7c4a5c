import type { z } from 'zod';
import type { findingSchema, fixSchema, severitySchema } from './report-schema.js';

/** How much a finding matters; `off` exists only in configuration. */
export type Severity = z.infer<typeof severitySchema>;
export type ConfiguredSeverity = Severity | 'off';

/** The rank of each severity (0 is the most important): the one order every list and count sorts by. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, notice: 2 };

/**
 * A precise text edit of one file, computed from parsed positions and applied by the
 * fix engine (src/fix). Lines are counted as git counts them (they end at `\n`); texts
 * hold line contents joined by `\n`, without line endings: the engine writes each new
 * line with the ending of the line it replaces or follows, and keeps a BOM.
 *
 * - `replace`: the lines from `line` on, which must read `expected`, become `text`.
 * - `delete`: the lines from `line` on, which must read `expected`, are removed.
 * - `insert`: `text` goes in after line `line` (the anchor), which must read `expected`.
 *
 * A fix whose `expected` no longer matches is refused; one whose result is already
 * there is skipped, so applying fixes twice changes nothing the second time.
 */
export type Fix = z.infer<typeof fixSchema>;

/**
 * One problem, as plain data: the same object in every output channel. The schema
 * (report-schema.ts) is the one definition: this type is inferred from it and the JSON
 * report embeds it.
 */
export type Finding = z.infer<typeof findingSchema>;

/** What a rule reports; the engine adds rule id, severity and `introduced`. */
export interface RuleFinding {
  message: string;
  taskId: string | null;
  /** Every task the finding is about, for a rule that judges several at once. */
  taskIds?: string[];
  file: string;
  line: number;
  /**
   * Identity used to tell whether the same problem existed at base. Defaults to
   * the task ID (else the file); rules whose findings can repeat per task give a sharper key.
   */
  key?: string;
  /** A rule that knows better than the base re-run (e.g. counts) decides itself. */
  introduced?: boolean;
  fix?: Fix;
}

/** Most important first: introduced before pre-existing, errors before warnings, then by place. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(b.introduced) - Number(a.introduced) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.rule.localeCompare(b.rule) ||
    (a.taskId ?? '').localeCompare(b.taskId ?? '')
  );
}
