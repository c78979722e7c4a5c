import { DocSyncError } from '../errors.js';

/**
 * Bounds on the work one document may cost. A pull request chooses the content, so
 * every step that is not linear in the input gets a cap here. The figures leave wide
 * room above the largest real board seen (220 KB, 1,031 lines, 8.7 KB lines, 12 columns).
 */
export const MARKDOWN_LIMITS = {
  /** Characters in one line (a real board's longest is ~9,000). */
  maxLineChars: 64 * 1024,
  /** Characters handed to micromark per document, after plain table rows are taken on the fast path. */
  maxRemarkChars: 1024 * 1024,
  /**
   * Characters that can start inline syntax (`*_[]!\`\\&<~`) handed to micromark, per
   * line and per document: its emphasis and link matching grows with their square
   * (a real board has at most ~200 on a line and ~3,400 in all).
   */
  maxInlineTriggersPerLine: 4000,
  maxInlineTriggers: 40_000,
  /** Lines handed to micromark per document, after plain rows and repeated prose are left out (a real board: ~1,000). */
  maxRemarkLines: 20_000,
  /** Cells in one table row (a real board has about a dozen columns). */
  maxCellsPerRow: 1000,
  /** Cells in one table, rows times columns (100,000 tasks of a dozen columns fit). */
  maxCellsPerTable: 2_000_000,
  /** Block quotes and list items open on one line (micromark's work grows with the square of it). */
  maxNesting: 100,
} as const;

/** Bounds on a whole check: what many documents may cost together. */
export const CHECK_LIMITS = {
  /** CPU time spent parsing documents in one check, in ms (a real board takes about one second). */
  maxParseMs: 60_000,
  /** Share of the JavaScript heap limit the check may fill before it stops reading more documents. */
  maxHeapShare: 0.7,
} as const;

/**
 * A document would cost more than its limits allow. Thrown by the parser with the
 * 1-based line where the limit was crossed; the core adds the file (and the revision), so
 * the check ends with one sentence (exit 2) and a hostile document never stalls or
 * crashes it.
 */
export class DocumentTooComplexError extends DocSyncError {
  constructor(
    /** What was too much, as a clause: "line 3 is 70000 characters long (the limit is 65536)". */
    readonly reason: string,
    /** 1-based line (git's count) where the limit was crossed. */
    readonly line: number,
    /** The file, with its revision, once the core knows it. */
    readonly file?: string,
  ) {
    super(
      file
        ? `${file} is too complex to check: ${reason}; simplify or split that part of the document (doc-sync reads tables, headings and plain prose)`
        : `the document is too complex to check: ${reason}`,
    );
  }
}
