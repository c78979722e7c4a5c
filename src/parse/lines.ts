import { DocumentTooComplexError, MARKDOWN_LIMITS } from './limits.js';

/** One line of Markdown as CommonMark reads it, with the git line it belongs to. */
export interface MarkdownLine {
  /** The line's text without its ending. */
  text: string;
  /** 1-based line as git and GitHub count them (lines end at `\n`). */
  gitLine: number;
  /**
   * The text a fix reads at `gitLine`: the git line as `splitLines` gives it when this
   * line is the whole git line, else `text` (a lone `\r` split the git line, and no
   * edit of one part can be written as a line edit).
   */
  source: string;
  /** No lone `\r` split this line's git line. */
  wholeGitLine: boolean;
}

const CR = 0x0d;

/**
 * Splits Markdown into lines. `\n`, `\r\n` and a lone `\r` all end a line, as CommonMark
 * says, so a file saved with old-Mac line endings keeps its table rows; a run of `\r`
 * right before `\n` (or at the end of the file) counts as part of that line ending, as
 * real boards write `\r\r\r\r\n`. Line numbers stay git's. Linear in the input; a line
 * longer than the limit throws {@link DocumentTooComplexError}.
 */
export function markdownLines(source: string, maxLineChars: number = MARKDOWN_LIMITS.maxLineChars): MarkdownLine[] {
  const lines: MarkdownLine[] = [];
  let gitLine = 0;
  let start = 0;
  // The next `\r` at or after `start`, searched again only once passed: one scan in all.
  let nextCr = source.indexOf('\r');
  while (start < source.length) {
    gitLine++;
    const newline = source.indexOf('\n', start);
    const lineEnd = newline === -1 ? source.length : newline;
    // splitLines' view of the line: one `\r` before `\n` belongs to the ending.
    const gitText = source.slice(start, newline !== -1 && lineEnd > start && source.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd);
    let contentEnd = lineEnd;
    while (contentEnd > start && source.charCodeAt(contentEnd - 1) === CR) contentEnd--;
    if (nextCr !== -1 && nextCr < start) nextCr = source.indexOf('\r', start);
    if (nextCr === -1 || nextCr >= contentEnd) {
      const text = source.slice(start, contentEnd);
      if (text.length > maxLineChars) throw tooLong(gitLine, text.length, maxLineChars);
      lines.push({ text, gitLine, source: gitText, wholeGitLine: true });
    } else {
      let at = start;
      while (at <= contentEnd) {
        if (nextCr !== -1 && nextCr < at) nextCr = source.indexOf('\r', at);
        const cr = nextCr === -1 || nextCr > contentEnd ? contentEnd : nextCr;
        const text = source.slice(at, cr);
        if (text.length > maxLineChars) throw tooLong(gitLine, text.length, maxLineChars);
        lines.push({ text, gitLine, source: text, wholeGitLine: false });
        at = cr + 1;
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

function tooLong(line: number, length: number, limit: number): DocumentTooComplexError {
  return new DocumentTooComplexError(`line ${line} is ${length} characters long (the limit is ${limit})`, line);
}
