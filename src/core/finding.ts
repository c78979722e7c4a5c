/** How much a finding matters; `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'notice';
export type ConfiguredSeverity = Severity | 'off';

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
export interface Fix {
  /** Repository-relative path. */
  file: string;
  kind: 'insert' | 'replace' | 'delete';
  /** 1-based: the first line replaced or deleted, or the line inserted after. */
  line: number;
  /** The exact text of those lines (or of the anchor line) when the fix was computed. */
  expected: string;
  /** The new line(s); absent for `delete`. */
  text?: string;
  /** What the fix does, for people ("add the CSV record of ST-B-004"). */
  description: string;
}

/** One problem, as plain data: the same object in every output channel. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  taskId: string | null;
  /** Every task the finding is about, for a rule that judges several at once (`taskId` is null when there are several). */
  taskIds?: string[];
  file: string;
  /** 1-based line; 1 when the finding is about a whole file. */
  line: number;
  /** True when the change under check created it (it was not there at base). */
  introduced: boolean;
  fix?: Fix;
}

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

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Most important first: introduced before pre-existing, errors before warnings, then by place. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    Number(b.introduced) - Number(a.introduced) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.rule.localeCompare(b.rule) ||
    (a.taskId ?? '').localeCompare(b.taskId ?? '')
  );
}
