import { posix } from 'node:path';

// The lookbehind anchors each match at a path start, so long runs of word characters stay
// linear. Letters of any script count (`Plän_Ü.md`); a space ends a bare path (in free text
// it ends the path), so a path with spaces is only read from a link or a whole PlanLink field.
const MD_PATH = /(?<![\p{L}\p{N}_./-])(?:[\p{L}\p{N}_.-]+\/)*[\p{L}\p{N}_.-]+\.md(?![\p{L}\p{N}_])/gu;

/** Link targets and bare `*.md` paths in a cell, with backslashes turned into slashes. */
export function pathsIn(text: string, links: readonly string[] = []): string[] {
  const found = new Set<string>();
  for (const link of links) if (!/^[a-z][a-z0-9+.-]*:/i.test(link)) found.add(link);
  for (const match of text.replace(/\\/g, '/').matchAll(MD_PATH)) found.add(match[0]);
  return [...found];
}

/**
 * Candidate repository paths for a link written in `fromFile`: as written from the
 * repository root (how the boards write them) and relative to the file (how Markdown links work).
 */
export function resolveLink(fromFile: string, target: string): string[] {
  let clean = target.trim().replace(/^<|>$/g, '').split(/[#?]/)[0]!.replace(/\\/g, '/');
  try {
    clean = decodeURIComponent(clean);
  } catch {
    // keep the raw text when it is not valid percent-encoding
  }
  if (clean === '') return [];
  const fromRoot = posix.normalize(clean.replace(/^\/+/, ''));
  const relative = posix.normalize(posix.join(posix.dirname(fromFile), clean));
  const candidates = clean.startsWith('/') ? [fromRoot] : [fromRoot, relative];
  return [...new Set(candidates)].filter((p) => !p.startsWith('../') && p !== '..');
}

/** Plan files a cell links to: each link resolved, kept when it names a plan path. */
export function planLinksIn(
  fromFile: string,
  text: string,
  links: readonly string[],
  isPlan: (path: string) => boolean,
): string[] {
  const plans: string[] = [];
  for (const target of pathsIn(text, links)) {
    const plan = resolveLink(fromFile, target).find(isPlan);
    if (plan && !plans.includes(plan)) plans.push(plan);
  }
  return plans;
}
