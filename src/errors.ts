/**
 * Operational failures: doc-sync could not check at all (exit code 2).
 * Disagreeing or malformed documents are never errors: they are findings.
 */
export class DocSyncError extends Error {
  /** One sentence that says what went wrong and what to do. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The configuration file or an input is invalid. */
export class ConfigError extends DocSyncError {}

/** A revision cannot be resolved, or the directory is not a git repository. */
export class RevisionError extends DocSyncError {}

/** Reading the repository failed (git or API transport, permissions). */
export class SourceError extends DocSyncError {}

/** Wording for a command-line usage problem. */
export class UsageError extends DocSyncError {}

/** The message to show for any thrown value, never a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof DocSyncError) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
