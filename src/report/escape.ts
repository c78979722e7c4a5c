/**
 * Text from the documents (cells, titles, paths) reaches people through Markdown
 * and terminals. A pull request's author chooses that text, so it must arrive as
 * text: no mentions, references, links, images or HTML in a comment, no escape
 * sequences in a terminal.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional overrides that reorder what a reader sees. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (character: string) => {
  const code = character.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Shows control characters as `\xNN` (`\u202e` …), so they are seen, not obeyed. */
export function replaceControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, hex);
}

/** One line of terminal text: control characters visible, line breaks (and tabs) as spaces. */
export function terminalText(text: string): string {
  // Line breaks first: a CRLF's CR is a line ending, not a control character to show; a lone CR is shown.
  return replaceControlCharacters(text.replace(/\r\n|[\n\t]/g, ' '));
}

/** U+2060 WORD JOINER: invisible, and it breaks GitHub's mention, reference and autolink patterns. */
const JOINER = '\u2060';

/**
 * Document text as inert inline Markdown (also safe in a table cell): Markdown
 * punctuation is backslash-escaped (no links, images, HTML, emphasis, code or cell
 * breaks), and a word joiner follows `@`, `#` and the `:`/`www.` that start URLs,
 * because GitHub turns mentions, issue references and bare URLs into links after
 * parsing, escaped or not.
 */
export function inlineText(text: string): string {
  return replaceControlCharacters(text)
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/[\\`*_[\]<>#!|~&]/g, '\\$&')
    .replace(/@(?=\w)/g, `@${JOINER}`)
    .replace(/#(?=\w)/g, `#${JOINER}`)
    .replace(/:(?=\/\/)/g, `:${JOINER}`)
    .replace(/\b(www)\./gi, `$1${JOINER}.`);
}

/**
 * Document text as a code span: GitHub renders it literally (no mentions or links
 * in code). The fence is one backtick longer than the longest run inside. In a
 * table cell `|` must be escaped even in code (GFM drops the backslash there; anywhere
 * else it would show).
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  const clean = replaceControlCharacters(text).replace(/\r\n|[\r\n]/g, ' ');
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[` ]|[` ]$/.test(clean) ? ' ' : '';
  return `${fence}${pad}${options.inTable ? clean.replace(/\|/g, '\\|') : clean}${pad}${fence}`;
}

/** A URL path from a repository path: each segment percent-encoded, parentheses too (they end a Markdown link). */
export function urlPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}
