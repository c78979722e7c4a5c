/** How much a finding matters; `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'notice';
export type ConfiguredSeverity = Severity | 'off';

/** A precise text edit of one file, computed from parsed positions (applied by the fix engine). */
export interface Fix {
  file: string;
  /** 1-based line the edit applies at; `insert` inserts before it. */
  line: number;
  kind: 'insert' | 'replace' | 'delete';
  /** The exact text expected at `line` before the edit (replace/delete), so a moved target is refused. */
  expected?: string;
  text?: string;
}

/** One problem, as plain data: the same object in every output channel. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  taskId: string | null;
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
