import { posix } from 'node:path';
import ignore, { isPathValid, type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { RepoReader } from './ports.js';
import { lineTexts } from '../parse/text.js';

const GITIGNORE = '.gitignore';

/** The directory a `.gitignore` at `path` speaks for ('' for the repository root). */
const dirOf = (path: string) => (path === GITIGNORE ? '' : path.slice(0, -GITIGNORE.length - 1));

/** `a/b/c` → `a`, `a/b`, `a/b/c`: the directories git walks through to reach `folder`. */
const walk = (folder: string) => folder.split('/').map((_, index, parts) => parts.slice(0, index + 1).join('/'));

const isWithin = (dir: string, path: string) => dir === '' || path.startsWith(`${dir}/`);

/**
 * The fixed folder of a glob (`docs/sessions/*.md` → `docs/sessions`; a plain path gives its
 * directory), '' when it starts with a wildcard.
 */
export function folderOfGlob(glob: string): string {
  const { base, isGlob } = picomatch.scan(glob);
  const folder = isGlob ? base : posix.dirname(base);
  return folder === '.' ? '' : folder;
}

/** Accepts the `.gitignore` files that can speak for a session-log folder of `globs` (the root one, and those on the way). */
export function gitignoresOnTheWay(globs: readonly string[]): (path: string) => boolean {
  const folders = globs.map(folderOfGlob);
  return (path) => (path === GITIGNORE || path.endsWith(`/${GITIGNORE}`)) && folders.some((folder) => isWithin(dirOf(path), folder));
}

/**
 * Why the session-log folders are kept out of git at `commit`, or null when a log can be
 * committed under at least one of them. Reads the `.gitignore` files on the way to each
 * folder through the reader (the blobs at that revision, as for the planning files) and
 * decides as git's directory walk does, with the `ignore` package: a deeper `.gitignore`
 * overrides a shallower one, the last matching line wins, and a folder under an ignored
 * folder is ignored. Local excludes (.git/info/exclude, core.excludesFile) are not part
 * of a revision and are not read. `listed` saves a listing when the caller already has
 * the `.gitignore` files that `gitignoresOnTheWay` accepts.
 */
export async function sessionLogsIgnoredAt(reader: RepoReader, commit: string, globs: readonly string[], listed?: ReadonlyMap<string, string>): Promise<string | null> {
  const folders = [...new Set(globs.map(folderOfGlob))];
  // A glob that starts with a wildcard can take a log anywhere, the root is never ignored,
  // and a path git could not hold (absolute, `..`) is not for a .gitignore to judge.
  if (folders.length === 0 || folders.some((folder) => folder === '' || !isPathValid(`${folder}/`))) return null;
  listed ??= await reader.listFiles(commit, gitignoresOnTheWay(globs));
  if (listed.size === 0) return null;
  const blobs = await reader.readBlobs([...new Set(listed.values())]);
  const rules = new Map<string, { file: string; rules: Ignore }>();
  for (const [file, oid] of listed) {
    const lines = lineTexts(new TextDecoder().decode(blobs.get(oid)));
    // The mark is the 1-based line, so the reason can point at it.
    rules.set(dirOf(file), { file, rules: ignore().add(lines.map((pattern, index) => ({ pattern, mark: String(index + 1) }))) });
  }
  const reasons: string[] = [];
  for (const folder of folders) {
    const why = ignoredBy(folder, rules);
    if (!why) return null;
    reasons.push(`${folder}/ is git-ignored (${why})`);
  }
  return reasons.join('; ');
}

/**
 * Why the session-log rules cannot judge `commit`, in the words reports use, or null
 * when a log can be committed: the one sentence the check and `doctor` both print.
 */
export async function sessionLogsOffReason(reader: RepoReader, commit: string, globs: readonly string[], listed?: ReadonlyMap<string, string>): Promise<string | null> {
  const ignored = await sessionLogsIgnoredAt(reader, commit, globs, listed);
  if (!ignored) return null;
  const at = /^[0-9a-f]{40}$/.test(commit) ? commit.slice(0, 7) : commit;
  return `${ignored} at ${at}: session logs are kept out of git, so no change can add one`;
}

/** The `.gitignore` line that keeps `folder` out of git, as "file line N: pattern", or null. */
function ignoredBy(folder: string, rules: ReadonlyMap<string, { file: string; rules: Ignore }>): string | null {
  for (const dir of walk(folder)) {
    // The deepest .gitignore above `dir` that has a say decides, as in git.
    const owners = [...rules.keys()].filter((owner) => owner !== dir && isWithin(owner, dir)).sort((a, b) => b.length - a.length);
    for (const owner of owners) {
      const { file, rules: set } = rules.get(owner)!;
      const result = set.test(`${owner === '' ? dir : dir.slice(owner.length + 1)}/`);
      if (result.ignored) return `${file} line ${result.rule?.mark ?? '?'}: ${result.rule?.pattern ?? ''}`;
      if (result.unignored) break;
    }
  }
  return null;
}
