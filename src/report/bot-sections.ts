/**
 * The sections the bot adds to the sticky comment under the findings: what it
 * committed or suggests, and the answers to `/doc-sync …` commands. Pure text.
 */
import type { Fix } from '../core/finding.js';
import { plural } from '../core/words.js';
import { inlineText } from './escape.js';

/** A fenced block that document text cannot close: the fence is longer than any run of backticks in it. */
const block = (language: string, text: string) => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
};
// Reasons quote document text (IDs, cells): inert, so a pull request cannot mention or link through them.
const reasons = (refused: readonly { reason: string }[]) => refused.map((item) => `- ${inlineText(item.reason)}`).join('\n');

/** A commit attempt as the bot reports it (the GitHub adapter's outcome has this shape). */
export type CommitAccount<Detail> = { committed: true; sha: string; detail: Detail } | { committed: false; reason: string; detail: Detail | null };

export interface BacklogAccount {
  opened: string[];
  refused: { id: string; reason: string }[];
  diff: string;
}

export interface FixAccount {
  rows: number;
  refused: { reason: string }[];
  diff: string;
}

export const FORK_NOTE = 'This pull request comes from a fork, where doc-sync cannot push';

/** Backlog rows committed onto `branch` (or why not). */
export function backlogCommitSection(outcome: CommitAccount<BacklogAccount>, branch: string): string {
  const lines = ['#### Backlog rows'];
  if (outcome.committed) {
    lines.push(`doc-sync committed ${plural(outcome.detail.opened.length, 'backlog row')} (${outcome.detail.opened.join(', ')}) onto \`${branch}\` in ${outcome.sha.slice(0, 7)}.`, '', block('diff', outcome.detail.diff));
  } else lines.push(`No backlog rows were committed: ${outcome.reason}.`);
  if (outcome.detail && outcome.detail.refused.length > 0) lines.push('', reasons(outcome.detail.refused));
  return lines.join('\n');
}

/** The rows a maintainer can paste, when doc-sync may not (or is not asked to) commit them. */
export function backlogSuggestionSection(planned: { fixes: readonly Fix[]; refused: readonly { reason: string }[] }, why: string | null): string {
  const lines = ['#### Backlog rows to add'];
  if (why) lines.push(why, '');
  if (planned.fixes.length > 0) {
    const anchor = planned.fixes[0]!;
    lines.push(
      `Add ${planned.fixes.length === 1 ? 'this row' : 'these rows'} to \`${anchor.file}\` after line ${anchor.line} (the table's last row):`,
      '',
      block('markdown', planned.fixes.map((fix) => fix.text ?? '').join('\n')),
    );
  }
  if (planned.refused.length > 0) lines.push('', reasons(planned.refused));
  return lines.join('\n');
}

/** `/doc-sync fix`: the fixes committed (or why not), and those that refused themselves. */
export function fixCommitSection(outcome: CommitAccount<FixAccount>, branch: string): string {
  const lines = ['#### /doc-sync fix'];
  if (outcome.committed) {
    lines.push(`Committed the fixes (${plural(outcome.detail.rows, 'row')} changed) onto \`${branch}\` in ${outcome.sha.slice(0, 7)}.`, '', block('diff', outcome.detail.diff));
  } else lines.push(`Nothing was committed: ${outcome.reason}.`);
  if (outcome.detail && outcome.detail.refused.length > 0) lines.push('', 'Refused (their target changed since the check):', reasons(outcome.detail.refused));
  return lines.join('\n');
}

export function fixNotPossibleSection(reason: 'fork' | 'nothing', rules: readonly string[]): string {
  return reason === 'fork'
    ? `#### /doc-sync fix\n${FORK_NOTE}. Run \`doc-sync fix\` locally and push the result.`
    : `#### /doc-sync fix\nThere is nothing doc-sync can fix mechanically${rules.length > 0 ? ` for ${rules.join(', ')}` : ''}.`;
}

export const BACKLOG_USAGE_SECTION = '#### /doc-sync backlog\nName the tasks: `/doc-sync backlog ST-X-NNN …`.';

/** `/doc-sync explain <rule>`: the rule's docs page, or the commands when there is no such rule. */
export function explainSection(found: { id: string; description: string; docs: string } | null, asked: string | null, help: string): string {
  if (!found) return `#### /doc-sync explain\n${asked ? `There is no rule \`${asked}\`.` : 'Name a rule: `/doc-sync explain <rule>`.'}\n\n${help}`;
  return `#### /doc-sync explain ${found.id}\n<details open><summary>${found.description}</summary>\n\n${found.docs.trim()}\n\n</details>`;
}

export function helpSection(unknown: string | null, help: string): string {
  return `#### /doc-sync\n${unknown ? `There is no command \`${unknown}\`. ` : ''}The commands:\n\n${help}`;
}

export function recheckSection(head: string, commenter: string): string {
  return `#### /doc-sync recheck\nChecked again at ${head.slice(0, 7)} for @${commenter}.`;
}

/** A changing command asked by someone without write access. */
export function writersOnlySection(command: string, commenter: string): string {
  return `#### /doc-sync ${command}\n@${commenter}, thanks, but \`/doc-sync ${command}\` changes the repository, so only people with write, maintain or admin permission may run it. A maintainer can run it for you.`;
}
