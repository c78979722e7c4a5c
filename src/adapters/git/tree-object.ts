import { SourceError } from '../../errors.js';

/** One entry of a git tree object. */
export interface TreeEntry {
  /** As git writes it: `40000` for a tree, `100644`, `100755`, `120000` (symlink), `160000` (submodule). */
  mode: string;
  name: string;
  oid: string;
}

/** Tree entries are directories when their mode is this (git writes it without the leading zero). */
export const TREE_MODE = '40000';

/**
 * The entries of a tree object's raw bytes: each `<mode> <name>\0<id>` with the id in
 * binary, 20 bytes for SHA-1 and 32 for SHA-256 (`oidBytes`).
 */
export function parseTree(content: Buffer, oidBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + oidBytes > content.length) throw new SourceError(`git gave a malformed tree object (at byte ${at}); run git fsck on the repository`);
    entries.push({
      mode: content.toString('latin1', at, space),
      name: content.toString('utf8', space + 1, nul),
      oid: content.toString('hex', nul + 1, nul + 1 + oidBytes),
    });
    at = nul + 1 + oidBytes;
  }
  return entries;
}

/** The tree id a commit object's text starts with (`tree <id>`). */
export function commitTree(content: Buffer): string | null {
  const match = /^tree ([0-9a-f]{40,64})\n/.exec(content.toString('latin1', 0, 80));
  return match ? match[1]! : null;
}

/** A submodule's entry: a commit of another repository, not a file. */
export const GITLINK_MODE = '160000';
