import type { Paragraph, Root } from 'mdast';
import type { Processor } from 'unified';

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
 * Longer comments carry no command: commands are one line, and micromark's work on
 * nested lists and quotes grows faster than the text (a 16 KiB comment of nested
 * lists takes seconds), so any commenter could stall the run otherwise.
 */
export const MAX_COMMAND_COMMENT = 4096;

const COMMAND_LINE = /^\/doc-sync(?:[ \t]+(.*))?$/i;

/**
 * Block structure only: emphasis, links, images and references are never needed to
 * find a command, and they are where micromark spends its time on hostile text.
 */
function blocksOnly(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: ['attention', 'labelStartLink', 'labelStartImage', 'labelEnd', 'autolink', 'characterReference', 'hardBreakEscape'] } });
}

/**
 * The Markdown parser, loaded with the first comment that may hold a command: most
 * comments never mention doc-sync, and loading remark is most of the action's start.
 */
let commentParser: Promise<Pick<Processor, 'parse'>> | null = null;
function loadCommentParser(): Promise<Pick<Processor, 'parse'>> {
  commentParser ??= (async () => {
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    return unified().use(remarkParse).use(blocksOnly);
  })();
  return commentParser;
}

/** The lines of a paragraph as GitHub shows them as text: no inline code, no inline HTML. */
function visibleLines(paragraph: Paragraph): string[] {
  let text = '';
  for (const child of paragraph.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'break') text += '\n';
    else text += '\u0000';
  }
  return text.split('\n').map((line) => line.trim());
}

function commandOf(args: string): SlashCommand {
  const [word = '', ...rest] = args.trim().split(/\s+/).filter((part) => part.length > 0);
  switch (word.toLowerCase()) {
    case 'recheck':
      return { name: 'recheck' };
    case 'fix':
      return { name: 'fix', rules: rest };
    case 'backlog':
      return { name: 'backlog', ids: rest.map((id) => id.replace(/[,;]$/, '')) };
    case 'explain':
      return { name: 'explain', rule: rest[0] ?? null };
    case '':
    case 'help':
      return { name: 'help', unknown: null };
    default:
      return { name: 'help', unknown: word };
  }
}

/**
 * The command in a comment: the first line of a top-level paragraph that is
 * `/doc-sync …`, parsed with the Markdown parser, so nothing GitHub renders as hidden
 * or as code (HTML comments, `<pre>`, fenced or indented code, quotes, list items,
 * inline code) runs: a reply quoting an earlier command runs nothing. Null when there
 * is none, or when the comment is over MAX_COMMAND_COMMENT characters.
 */
export async function parseSlashCommand(body: string): Promise<SlashCommand | null> {
  // Most comments never mention doc-sync: no parser, no parse for them.
  if (!/^[ \t]*\/doc-sync/im.test(body) || body.length > MAX_COMMAND_COMMENT) return null;
  const tree = (await loadCommentParser()).parse(body) as Root;
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue;
    for (const line of visibleLines(node)) {
      const match = COMMAND_LINE.exec(line);
      if (match) return commandOf(match[1] ?? '');
    }
  }
  return null;
}
