/**
 * Line-level facts about GFM table rows, used to keep micromark off the bytes where it
 * decides nothing. Every function here is linear in its input. None of them decides what
 * a table is: micromark does, on the lines it is given, and `parseMarkdownTables`
 * checks every shortcut against what micromark reported (and a differential test holds
 * these functions to micromark's own results on the corpus history and on fuzzed tables).
 */

const PIPE = 0x7c;
const BACKSLASH = 0x5c;
const UNDERSCORE = 0x5f;

const isSpaceOrTab = (code: number): boolean => code === 0x20 || code === 0x09;
const isAsciiAlphanumeric = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * The cells of a row that starts with `|`, as micromark spans them: each cell runs from
 * its opening pipe to the next pipe, and the last one includes the closing pipe. A pipe
 * after a backslash is text (`\|`), and `\\` is an escaped backslash.
 */
export function rowCellSpans(text: string): [number, number][] {
  const pipes: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === BACKSLASH) {
      const next = text.charCodeAt(at + 1);
      if (next === PIPE || next === BACKSLASH) at++;
    } else if (code === PIPE) pipes.push(at);
  }
  let end = text.length;
  while (end > 0 && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  const closed = pipes.length > 0 && pipes[pipes.length - 1] === end - 1;
  // The last cell runs to the end of the line, trailing whitespace included, as micromark spans it.
  end = text.length;
  if (closed && pipes.length === 1) return [[pipes[0]!, end]];
  const opening = closed ? pipes.length - 1 : pipes.length;
  const spans: [number, number][] = [];
  for (let index = 0; index < opening; index++) spans.push([pipes[index]!, index + 1 < opening ? pipes[index + 1]! : end]);
  return spans;
}

const BR_TAG = /^<br ?\/?>/i;

/**
 * The text micromark would read from a cell's content (`text[from, to)`, between its
 * pipes), when the content uses only syntax whose reading is certain without
 * micromark: plain text, code spans of single backticks (`\|` inside reads as `|`, as
 * mdast-util-gfm-table has it), `<br>` (a space), `[text](destination)` with plain text
 * and a plain destination (pushed to `links`), `_` between letters or digits, and `&`
 * that starts no entity. Anything else (escapes, emphasis, other links, images, other
 * HTML, entities) returns null: micromark reads that cell.
 */
export function simpleCellText(text: string, from: number, to: number, links: string[]): string | null {
  const found: string[] = [];
  const read = readSimpleCell(text, from, to, found);
  if (read !== null) links.push(...found);
  return read;
}

function readSimpleCell(text: string, from: number, to: number, links: string[]): string | null {
  let out = '';
  let copied = from;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    switch (code) {
      case 0x60: {
        // `code`: one backtick each side, none inside.
        const close = text.indexOf('`', at + 1);
        if (at + 1 < to && text.charCodeAt(at + 1) === 0x60) return null;
        if (close === -1 || close >= to || (close + 1 < to && text.charCodeAt(close + 1) === 0x60)) return null;
        let value = text.slice(at + 1, close).replaceAll('\\|', '|');
        if (value.length >= 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
        out += text.slice(copied, at) + value;
        at = close;
        copied = close + 1;
        break;
      }
      case 0x3c: {
        const tag = BR_TAG.exec(text.slice(at, Math.min(to, at + 6)));
        if (!tag) return null;
        out += text.slice(copied, at) + ' ';
        at += tag[0].length - 1;
        copied = at + 1;
        break;
      }
      case 0x5b: {
        // [text](destination): plain text, a destination with no space, bracket, escape or entity.
        const textEnd = text.indexOf('](', at + 1);
        if (textEnd === -1 || textEnd + 2 >= to) return null;
        const close = text.indexOf(')', textEnd + 2);
        if (close === -1 || close >= to || close === textEnd + 2) return null;
        for (let inner = at + 1; inner < textEnd; inner++) if (!isPlainLinkTextChar(text, inner, at + 1, textEnd)) return null;
        for (let inner = textEnd + 2; inner < close; inner++) if (!isPlainDestinationChar(text.charCodeAt(inner))) return null;
        links.push(text.slice(textEnd + 2, close));
        out += text.slice(copied, at) + text.slice(at + 1, textEnd);
        at = close;
        copied = close + 1;
        break;
      }
      case 0x26: {
        const next = text.charCodeAt(at + 1);
        if (at + 1 < to && (next === 0x23 || isAsciiAlphanumeric(next))) return null;
        break;
      }
      case UNDERSCORE:
        if (!(at > from && isAsciiAlphanumeric(text.charCodeAt(at - 1)) && at + 1 < to && isAsciiAlphanumeric(text.charCodeAt(at + 1)))) return null;
        break;
      case BACKSLASH:
      case 0x2a: // *
      case 0x5d: // ]
      case 0x21: // !
      case 0x7e: // ~
      case 0x00:
        return null;
      default:
        break;
    }
  }
  return out + text.slice(copied, to);
}

/** Link text that is certainly plain: no syntax at all, and `_` only inside a word. */
function isPlainLinkTextChar(text: string, at: number, from: number, to: number): boolean {
  const code = text.charCodeAt(at);
  if (code === UNDERSCORE) return at > from && at + 1 < to && isAsciiAlphanumeric(text.charCodeAt(at - 1)) && isAsciiAlphanumeric(text.charCodeAt(at + 1));
  return !'\\`*[]!<&~()'.includes(text[at]!) && code !== 0;
}

/** A destination character micromark keeps as written. */
const isPlainDestinationChar = (code: number): boolean =>
  code > 0x20 && code !== 0x7f && !'\\`*[]()<>&"\''.includes(String.fromCharCode(code));

const DELIMITER_CELL = /^:?-+:?$/;

/** A GFM delimiter row (`|---|:--:|`): cells of hyphens with optional colons, pipes between. */
export function isDelimiterRow(text: string): boolean {
  let body = text.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  if (body === '') return false;
  return body.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}

/** Where a line's content starts after block quote markers, list markers and indentation, and how many containers it opens. */
export function containerPrefix(text: string): { content: number; depth: number } {
  let at = 0;
  let depth = 0;
  for (;;) {
    while (at < text.length && isSpaceOrTab(text.charCodeAt(at))) at++;
    const code = text.charCodeAt(at);
    if (code === 0x3e /* > */) {
      at++;
      depth++;
      continue;
    }
    const endsMarker = (offset: number) => offset >= text.length || isSpaceOrTab(text.charCodeAt(offset));
    if ((code === 0x2d || code === 0x2a || code === 0x2b) /* - * + */ && endsMarker(at + 1)) {
      at++;
      depth++;
      continue;
    }
    if (code >= 0x30 && code <= 0x39) {
      let digits = at;
      while (digits < text.length && digits - at < 9 && text.charCodeAt(digits) >= 0x30 && text.charCodeAt(digits) <= 0x39) digits++;
      const mark = text.charCodeAt(digits);
      if ((mark === 0x2e || mark === 0x29) /* . ) */ && endsMarker(digits + 1)) {
        at = digits + 1;
        depth++;
        continue;
      }
    }
    return { content: at, depth };
  }
}

/** Only thematic-break characters (`- - -`, `***`): such a line opens no container, however many markers it has. */
export function isBreakLike(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!(isSpaceOrTab(code) || code === 0x2d || code === 0x2a || code === 0x5f)) return false;
  }
  return true;
}

/**
 * Characters that can start an inline construct. In a prose line they cost micromark
 * work (`*a` repeated is quadratic) and decide nothing doc-sync reads, so prose lines are
 * handed over with them replaced by a letter. Line starts are left alone: they decide
 * the block structure.
 */
const INLINE_TRIGGERS = new Set([0x2a, 0x5f, 0x5b, 0x5d, 0x21, 0x60, BACKSLASH, 0x26, 0x3c, 0x7e]);

/** How many inline triggers `text` holds: what micromark's worst cases grow with. */
export function countInlineTriggers(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at++) if (INLINE_TRIGGERS.has(text.charCodeAt(at))) count++;
  return count;
}

/** `text` with every inline trigger from `from` on replaced by `a` (same length, so offsets keep). */
export function neutralizeInline(text: string, from: number): string {
  let out = '';
  let copied = 0;
  for (let at = from; at < text.length; at++) {
    if (!INLINE_TRIGGERS.has(text.charCodeAt(at))) continue;
    out += text.slice(copied, at) + 'a';
    copied = at + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
