import { posix } from 'node:path';
import type { Settings } from '../../config/settings.js';
import type { Fix } from '../../core/finding.js';
import { INDEX_PROGRESS, type DocModel, type PlanIndexEntry } from '../../model/model.js';
import { renderMarkdownRow } from '../../parse/markdown-table.js';
import { splitLines } from '../../parse/text.js';
import { insertAfter } from './row-fixes.js';

const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s/;

/** The entry a new one is modelled on: the last table row, else the last list item, else the last entry. */
function templateEntry(entries: readonly PlanIndexEntry[]): PlanIndexEntry | undefined {
  return (
    entries.findLast((entry) => entry.row !== null) ??
    entries.findLast((entry) => LIST_ITEM.test(entry.text)) ??
    entries.at(-1)
  );
}

const replaceAll = (text: string, from: string | null | undefined, to: string): string =>
  from ? text.split(from).join(to) : text;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The label of the link to `target` in a Markdown line (`[label](target)`), if any. */
const linkLabel = (line: string, target: string): string | null =>
  new RegExp(`\\[([^\\]]*)\\]\\(${escapeRegExp(target)}\\)`).exec(line)?.[1] ?? null;

/**
 * A copied list line keeps its neighbour's link label when the substitutions did not
 * touch it (`[Auth hardening](auth.md)`): the new line's label is the new plan's title.
 */
function relabel(line: string, templateLine: string, oldTarget: string, newTarget: string, label: string): string {
  const oldLabel = linkLabel(templateLine, oldTarget);
  const newLabel = linkLabel(line, newTarget);
  if (oldLabel === null || newLabel === null || newLabel !== oldLabel) return line;
  return line.replace(`[${newLabel}](${newTarget})`, `[${label}](${newTarget})`);
}

/**
 * The fix for a plan the index does not list: a new index line after the last one,
 * written like it. In a table row, cells naming the old plan's file, title or letter get
 * the new plan's, the progress note is recomputed, other cells stay empty; a list line is
 * copied with the same substitutions. With no entry to copy, a list item with a link.
 */
export function planIndexLineFix(model: DocModel, settings: Settings, planFile: string): Fix | null {
  const index = model.planIndex;
  if (!index) return null;
  const plan = model.plans.get(planFile);
  const title = plan?.title ?? null;
  const letter = settings.planOfFile(planFile);
  const description = `list ${planFile} in ${index.file}`;
  const template = templateEntry(index.entries);
  if (!template) {
    const lines = splitLines(index.text);
    let last = lines.length;
    while (last > 0 && lines[last - 1]!.text.trim() === '') last--;
    if (last === 0) return null;
    const link = posix.relative(posix.dirname(index.file), planFile);
    return insertAfter(index.file, { line: last, text: lines[last - 1]!.text }, `- [${title ?? posix.basename(planFile)}](${link})`, description);
  }

  const oldFile = template.targets[0]!;
  const oldPlan = model.plans.get(oldFile);
  const oldLetter = settings.planOfFile(oldFile);
  const relative = (file: string) => posix.relative(posix.dirname(index.file), file);
  const progress = plan?.activeProgress ? `(${plan.activeProgress.done}/${plan.activeProgress.total} Done)` : '';
  const substitute = (text: string): string => {
    let out = replaceAll(text, oldPlan?.title, title ?? `Plan ${letter ?? ''}`.trim());
    if (oldLetter && letter) out = out.replace(new RegExp(`\\bPlan ${oldLetter}\\b`, 'g'), `Plan ${letter}`);
    for (const [from, to] of [
      [oldFile, planFile],
      [relative(oldFile), relative(planFile)],
      [posix.basename(oldFile), posix.basename(planFile)],
    ] as const) {
      out = replaceAll(out, from, to);
    }
    return progress ? out.replace(INDEX_PROGRESS, progress) : out.replace(new RegExp(`\\s?${INDEX_PROGRESS.source}`, 'i'), '');
  };
  const mentionsPlan = (text: string) => text.includes(posix.basename(oldFile));

  let text: string;
  if (template.row) {
    const cells = template.row.cells.map(({ raw }) => {
      if (mentionsPlan(raw)) return substitute(raw);
      if ((oldPlan?.title && raw === oldPlan.title) || (oldLetter && raw.startsWith(`Plan ${oldLetter}`))) return title ?? `Plan ${letter ?? ''}`.trim();
      if (oldLetter && letter && raw === oldLetter) return letter;
      return '';
    });
    text = renderMarkdownRow(cells, template.row.style);
  } else {
    text = relabel(substitute(template.text), template.text, relative(oldFile), relative(planFile), title ?? posix.basename(planFile));
  }
  return insertAfter(index.file, { line: template.line, text: template.text }, text, description);
}
