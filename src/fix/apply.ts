import type { Fix } from '../core/finding.js';
import { startsWithBom, UTF8_BOM } from '../parse/text.js';

/** A fix the engine would not apply, and why. */
export interface FixRefusal {
  fix: Fix;
  reason: string;
}

/** One edit the engine made: the lines it removed and added, numbered in the file before and after. */
export interface FixEdit {
  file: string;
  fix: Fix;
  /** 1-based line in the file before: the first removed line, or the line an insert follows. */
  oldLine: number;
  removed: string[];
  /** 1-based line in the file after: the first added line (for a delete, the line after the gap). */
  newLine: number;
  added: string[];
  /** An insert: the line it follows, as it reads in the file after (the context of its hunk). */
  after: string | null;
}

export interface FixOutcome {
  /** New contents of the files the fixes changed; unchanged files are absent. */
  files: Map<string, Uint8Array>;
  /** Fixes whose edit was made. */
  applied: Fix[];
  /** Fixes whose result the file already has: nothing to do. */
  unchanged: Fix[];
  /** Fixes whose target no longer reads as expected, or that clash with another fix. */
  refused: FixRefusal[];
  /** The edits made, by file and line, for a diff. */
  edits: FixEdit[];
}

const LF = 0x0a;
const CR = 0x0d;
const encoder = new TextEncoder();
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A line of the file as bytes: content [start, contentEnd), then its line ending up to `end`. */
interface ByteLine {
  start: number;
  contentEnd: number;
  end: number;
}

/** Lines as `splitLines` (src/parse/text.ts) cuts them, but over bytes, so untouched lines are copied unchanged. */
function byteLines(bytes: Uint8Array): ByteLine[] {
  const lines: ByteLine[] = [];
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(LF, start);
    if (newline === -1) {
      lines.push({ start, contentEnd: bytes.length, end: bytes.length });
      break;
    }
    const contentEnd = newline > start && bytes[newline - 1] === CR ? newline - 1 : newline;
    lines.push({ start, contentEnd, end: newline + 1 });
    start = newline + 1;
  }
  return lines;
}

/** One file being fixed: its lines, read lazily as text. */
class FileLines {
  readonly lines: ByteLine[];
  readonly hasBom: boolean;
  private readonly texts: (string | undefined)[] = [];

  constructor(readonly bytes: Uint8Array) {
    this.lines = byteLines(bytes);
    this.hasBom = startsWithBom(bytes);
  }

  get count(): number {
    return this.lines.length;
  }

  private contentStart(index: number): number {
    return index === 0 && this.hasBom ? 3 : this.lines[index]!.start;
  }

  /** Text of a 1-based line (BOM and line ending excluded); undefined past the end. */
  text(line: number): string | undefined {
    const index = line - 1;
    if (index < 0 || index >= this.lines.length) return undefined;
    let text = this.texts[index];
    if (text === undefined) {
      const { contentEnd } = this.lines[index]!;
      text = lenient.decode(this.bytes.subarray(this.contentStart(index), contentEnd));
      this.texts[index] = text;
    }
    return text;
  }

  /** Whether the lines from `line` on read exactly `expected`. */
  matches(line: number, expected: readonly string[]): boolean {
    return expected.every((text, offset) => this.text(line + offset) === text);
  }

  /** Whether lines `first`..`last` are valid UTF-8 (a line that is not cannot be rewritten byte-exactly). */
  validUtf8(first: number, last: number): boolean {
    try {
      for (let line = first; line <= last; line++) strict.decode(this.bytes.subarray(this.contentStart(line - 1), this.lines[line - 1]!.contentEnd));
      return true;
    } catch {
      return false;
    }
  }

  /** Whether any run of lines reads `expected`. */
  contains(expected: readonly string[]): boolean {
    for (let line = 1; line + expected.length - 1 <= this.count; line++) if (this.matches(line, expected)) return true;
    return false;
  }

  eol(index: number): Uint8Array {
    const { contentEnd, end } = this.lines[index]!;
    return this.bytes.subarray(contentEnd, end);
  }

  /** The first line ending the file uses; `\n` when it has none. */
  defaultEol(): Uint8Array {
    const first = this.lines.find((line) => line.end > line.contentEnd);
    return first ? this.bytes.subarray(first.contentEnd, first.end) : Uint8Array.of(LF);
  }
}

const linesOf = (text: string): string[] => text.split('\n');

const quote = (text: string | undefined): string =>
  text === undefined ? 'nothing (the file is shorter)' : `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;

/** An edit scheduled against the file as given, in its line numbers. */
interface Scheduled {
  fix: Fix;
  kind: 'replace' | 'delete' | 'insert';
  /** replace/delete: first line; insert: the line it goes after. */
  at: number;
  /** Lines removed (replace/delete). */
  count: number;
  added: string[];
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** A piece of the output: one line's content and ending. */
interface Piece {
  content: Uint8Array;
  eol: Uint8Array;
}

/** Where a fix sits in the file before any fix: inserts after line L come after an edit of line L. */
const position = (fix: Fix): number => (fix.kind === 'insert' ? fix.line + 0.5 : fix.line);

function invalid(fix: Fix): string | null {
  if (!Number.isInteger(fix.line) || fix.line < 1) return `line ${fix.line} is not a 1-based line number`;
  if (fix.kind !== 'delete' && fix.text === undefined) return `an ${fix.kind} fix needs a text`;
  if (fix.kind === 'insert' && fix.expected.includes('\n')) return 'an insert anchors on one line; its expected text has a line break';
  return null;
}

/**
 * Checks each fix of one file against the file as given, and schedules the edits.
 * The fixes describe edits of one earlier version of the file; the file may be that
 * version, or have some of the edits already (then they are `unchanged`, and the lines
 * after them have shifted), or have changed where a fix applies (then it is refused).
 */
function planFile(file: FileLines, fixes: readonly Fix[], refuse: (fix: Fix, reason: string) => void, unchanged: (fix: Fix) => void): Scheduled[] {
  const ordered = [...fixes].sort((a, b) => position(a) - position(b));
  // The last line a replace writes: an insert after the replaced line may find it there instead.
  const rewrittenAnchors = new Map<number, Set<string>>();
  for (const fix of ordered) {
    if (fix.kind !== 'replace') continue;
    const last = fix.line + linesOf(fix.expected).length - 1;
    const texts = rewrittenAnchors.get(last) ?? new Set<string>();
    texts.add(linesOf(fix.text!).at(-1)!);
    rewrittenAnchors.set(last, texts);
  }

  const scheduled: Scheduled[] = [];
  const claimed: [number, number][] = [];
  let shift = 0;
  // Per anchor: where it is in the file, and where the next insert after it goes
  // (past the inserts found already there).
  const anchors = new Map<number, { at: number; cursor: number }>();
  for (const fix of ordered) {
    const expected = linesOf(fix.expected);
    if (fix.kind === 'insert') {
      const place = anchors.get(fix.line) ?? { at: fix.line + shift, cursor: fix.line + shift + 1 };
      anchors.set(fix.line, place);
      const anchor = file.text(place.at);
      if (anchor !== fix.expected && !rewrittenAnchors.get(fix.line)?.has(anchor ?? '')) {
        refuse(fix, `line ${fix.line} was expected to read ${quote(fix.expected)} but reads ${quote(anchor)}; the target moved since the fix was computed`);
        continue;
      }
      const added = linesOf(fix.text!);
      if (file.matches(place.cursor, added)) {
        unchanged(fix);
        place.cursor += added.length;
        shift += added.length;
        continue;
      }
      scheduled.push({ fix, kind: 'insert', at: place.cursor - 1, count: 0, added });
      continue;
    }

    const at = fix.line + shift;
    const last = at + expected.length - 1;
    if (fix.kind === 'replace' && fix.text === fix.expected && file.matches(at, expected)) {
      unchanged(fix);
    } else if (file.matches(at, expected)) {
      const clash = claimed.find(([from, to]) => at <= to && last >= from);
      if (clash) {
        refuse(fix, `another fix already rewrites line${clash[0] === clash[1] ? ` ${clash[0]}` : `s ${clash[0]}-${clash[1]}`}; apply one, re-run the check, then the other`);
        continue;
      }
      if (!file.validUtf8(at, last)) {
        refuse(fix, `line ${at} is not valid UTF-8, so it cannot be rewritten exactly; fix it by hand`);
        continue;
      }
      claimed.push([at, last]);
      scheduled.push({ fix, kind: fix.kind, at, count: expected.length, added: fix.kind === 'replace' ? linesOf(fix.text!) : [] });
    } else if (fix.kind === 'replace' && file.matches(at, linesOf(fix.text!))) {
      unchanged(fix);
      shift += linesOf(fix.text!).length - expected.length;
    } else if (fix.kind === 'delete' && !file.contains(expected)) {
      unchanged(fix);
      shift -= expected.length;
    } else {
      refuse(fix, `line ${fix.line} was expected to read ${quote(expected[0])} but reads ${quote(file.text(at))}; the target moved since the fix was computed`);
    }
  }
  return scheduled;
}

/** Writes the file with the scheduled edits; returns its bytes and the edits with their lines. */
function writeFile(path: string, file: FileLines, scheduled: readonly Scheduled[]): { bytes: Uint8Array; edits: FixEdit[] } {
  const rewrites = new Map<number, Scheduled>();
  const inserts = new Map<number, Scheduled[]>();
  for (const edit of scheduled) {
    if (edit.kind === 'insert') inserts.set(edit.at, [...(inserts.get(edit.at) ?? []), edit]);
    else rewrites.set(edit.at, edit);
  }
  const defaultEol = file.defaultEol();
  const pieces: Piece[] = [];
  // The BOM opens the output whatever happens to the first line.
  let bomPending = file.hasBom;
  const push = (content: Uint8Array, eol: Uint8Array): void => {
    pieces.push({ content: bomPending ? concat(UTF8_BOM, content) : content, eol });
    bomPending = false;
  };
  const edits: FixEdit[] = [];
  // A line added after the last line, which had no line break: that line gets one, the new last line none.
  const append = (content: Uint8Array, eol: Uint8Array): void => {
    const previous = pieces.at(-1);
    if (previous && previous.eol.length === 0) {
      previous.eol = defaultEol;
      push(content, new Uint8Array(0));
    } else push(content, eol);
  };
  const emitInserts = (after: number): void => {
    for (const edit of inserts.get(after) ?? []) {
      const eol = pieces.at(-1)?.eol.length ? pieces.at(-1)!.eol : defaultEol;
      const previous = pieces.at(-1)?.content ?? new Uint8Array(0);
      const context = lenient.decode(pieces.length === 1 && file.hasBom ? previous.subarray(UTF8_BOM.length) : previous);
      edits.push({ file: path, fix: edit.fix, oldLine: after, removed: [], newLine: pieces.length + 1, added: edit.added, after: context });
      for (const text of edit.added) append(encoder.encode(text), eol);
    }
  };

  for (let line = 1; line <= file.count; ) {
    const rewrite = rewrites.get(line);
    if (!rewrite) {
      const { start, contentEnd } = file.lines[line - 1]!;
      push(file.bytes.subarray(line === 1 && file.hasBom ? start + UTF8_BOM.length : start, contentEnd), file.eol(line - 1));
      emitInserts(line);
      line++;
      continue;
    }
    const removed = Array.from({ length: rewrite.count }, (_, offset) => file.text(line + offset)!);
    edits.push({ file: path, fix: rewrite.fix, oldLine: line, removed, newLine: pieces.length + 1, added: rewrite.added, after: null });
    rewrite.added.forEach((text, index) => {
      // Each new line keeps the ending of the line it replaces; extra lines take the last inner one.
      const source = Math.min(index, rewrite.count - 1);
      const isLast = index === rewrite.added.length - 1;
      const eol = isLast ? file.eol(line + rewrite.count - 2) : file.eol(line - 1 + source);
      push(encoder.encode(text), !isLast && eol.length === 0 ? defaultEol : eol);
    });
    for (let offset = 0; offset < rewrite.count; offset++) emitInserts(line + offset);
    line += rewrite.count;
  }

  const size = pieces.reduce((total, piece) => total + piece.content.length + piece.eol.length, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece.content, offset);
    offset += piece.content.length;
    bytes.set(piece.eol, offset);
    offset += piece.eol.length;
  }
  return { bytes, edits };
}

const identity = (fix: Fix): string => JSON.stringify([fix.file, fix.kind, fix.line, fix.expected, fix.text ?? null]);

/**
 * Applies fixes to file contents, byte-exactly: only the lines a fix targets change;
 * the BOM, every other line and its line ending, blank lines and comments stay as they
 * were. A fix whose target no longer reads as expected is refused, not forced; a fix
 * already applied is `unchanged`, so applying the same fixes twice changes nothing the
 * second time. Identical fixes (two findings, one repair) are made once. Pure: `files`
 * maps paths to their current bytes, and the result holds only the files that changed.
 */
export function applyFixes(files: ReadonlyMap<string, Uint8Array>, fixes: readonly Fix[]): FixOutcome {
  const status = new Map<string, { state: 'applied' | 'unchanged' } | { state: 'refused'; reason: string }>();
  const distinct = new Map<string, Fix>();
  for (const fix of fixes) if (!distinct.has(identity(fix))) distinct.set(identity(fix), fix);
  const refuse = (fix: Fix, reason: string) => status.set(identity(fix), { state: 'refused', reason });
  const unchanged = (fix: Fix) => status.set(identity(fix), { state: 'unchanged' });

  const byFile = new Map<string, Fix[]>();
  for (const fix of distinct.values()) {
    const problem = invalid(fix);
    if (problem) refuse(fix, problem);
    else byFile.set(fix.file, [...(byFile.get(fix.file) ?? []), fix]);
  }

  const changed = new Map<string, Uint8Array>();
  const edits: FixEdit[] = [];
  for (const [path, fileFixes] of byFile) {
    const bytes = files.get(path);
    if (!bytes) {
      for (const fix of fileFixes) refuse(fix, `${path} does not exist`);
      continue;
    }
    const file = new FileLines(bytes);
    const scheduled = planFile(file, fileFixes, refuse, unchanged);
    for (const edit of scheduled) status.set(identity(edit.fix), { state: 'applied' });
    if (scheduled.length === 0) continue;
    const written = writeFile(path, file, scheduled);
    changed.set(path, written.bytes);
    edits.push(...written.edits);
  }

  const outcome: FixOutcome = { files: changed, applied: [], unchanged: [], refused: [], edits };
  for (const fix of fixes) {
    const result = status.get(identity(fix))!;
    if (result.state === 'refused') outcome.refused.push({ fix, reason: result.reason });
    else outcome[result.state].push(fix);
  }
  return outcome;
}
