/** The `/doc-sync …` commands a pull request comment can give. */
export type SlashCommand =
  | { name: 'recheck' }
  | { name: 'fix'; rules: string[] }
  | { name: 'backlog'; ids: string[] }
  | { name: 'explain'; rule: string | null }
  | { name: 'help'; unknown: string | null };

/** Commands that change the repository: only writers may run them. */
export const CHANGING_COMMANDS: ReadonlySet<SlashCommand['name']> = new Set(['fix', 'backlog']);

export const COMMAND_HELP = [
  '`/doc-sync recheck`: run the check again and update this comment.',
  '`/doc-sync fix [rule …]`: commit the mechanical fixes (all, or those of the rules named) onto this branch.',
  '`/doc-sync backlog ST-X-NNN …`: open backlog rows for these tasks.',
  '`/doc-sync explain <rule>`: show what a rule checks and how to fix it.',
  '',
  '`fix` and `backlog` need write access to the repository.',
].join('\n');

/**
 * The command in a comment: the first line that starts with `/doc-sync`, outside
 * quotes and code blocks (a reply quoting an earlier command runs nothing). Null
 * when there is none.
 */
export function parseSlashCommand(body: string): SlashCommand | null {
  let fenced = false;
  for (const rawLine of body.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || line.startsWith('>')) continue;
    const match = /^\/doc-sync(?:\s+(.*))?$/i.exec(line);
    if (!match) continue;
    const [word = '', ...args] = (match[1] ?? '').trim().split(/\s+/).filter((part) => part.length > 0);
    switch (word.toLowerCase()) {
      case 'recheck':
        return { name: 'recheck' };
      case 'fix':
        return { name: 'fix', rules: args };
      case 'backlog':
        return { name: 'backlog', ids: args.map((id) => id.replace(/[,;]$/, '')) };
      case 'explain':
        return { name: 'explain', rule: args[0] ?? null };
      case '':
      case 'help':
        return { name: 'help', unknown: null };
      default:
        return { name: 'help', unknown: word };
    }
  }
  return null;
}
