import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { SourceProblem, SourceRead, SourceTask } from './types.js';
import { yamlErrorText } from './yaml-error.js';

/** What a ledger entry is, read from its key (BMAD `sprint-status.yaml`). */
export type LedgerEntryKind = 'epic' | 'story' | 'retrospective';

export interface LedgerTask extends SourceTask {
  kind: LedgerEntryKind;
}

/** A ledger's entries, and where it says its story files are (`story_location:`). */
export interface LedgerRead extends SourceRead<LedgerTask> {
  storyLocation?: string;
}

const EPIC_KEY = /^epic-(\d+)$/;
const RETROSPECTIVE_KEY = /^epic-(\d+)-retrospective$/;
/** `3-2-digest-delivery`: epic number, story number, slug; BMAD derives the epic from the first. */
const STORY_KEY = /^(\d+)-\d+(?:-|$)/;

/**
 * Reads a YAML status ledger. The BMAD form is a `development_status` map of
 * `key: status` entries (`epic-1`, `1-2-story-slug`, `epic-1-retrospective`), each story
 * belonging to the epic of its leading number. Some teams write `epics:` as a list of
 * `{id, title, status, stories: [{id, title, status}]}` instead; that is read too. YAML
 * errors (a duplicate key left by a merge among them) and entries that are not a status word
 * are problems with their line.
 */
export function readLedger(file: string, text: string): LedgerRead {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lines.linePos(offset).line);
  const problems: SourceProblem[] = [];
  for (const error of document.errors) {
    const line = lineAt(error.pos[0]);
    // One broken line often raises several errors; the first says what is wrong.
    if (problems.some((problem) => problem.line === line)) continue;
    const what = yamlErrorText(error);
    problems.push({ file, line, message: `the ledger is not valid YAML (${what}); fix this line so the ledger can be read.` });
  }
  const tasks: LedgerTask[] = [];
  const root = document.contents;

  const statusEntries = isMap(root) ? root.get('development_status', true) : undefined;
  const epicList = isMap(root) ? root.get('epics', true) : undefined;
  if (isMap(statusEntries) && statusEntries.items.length === 0) {
    problems.push({ file, line: lineAt(statusEntries.range?.[0]), message: '`development_status:` has no entries, so no status in this ledger can be checked; run sprint planning again or list the stories.' });
  } else if (isMap(statusEntries)) {
    for (const pair of statusEntries.items as Pair<YamlNode, YamlNode>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const line = lineAt(pair.key?.range?.[0]);
      if (key === undefined) continue;
      if (!isScalar(pair.value) || pair.value.value === null || typeof pair.value.value === 'object') {
        problems.push({ file, line, message: `development_status.${key} should be a status word such as \`done\`; write it as \`${key}: <status>\`.` });
        continue;
      }
      tasks.push(statusEntry(file, key, String(pair.value.value).trim(), line));
    }
  } else if (isSeq(epicList)) {
    readEpicList(file, epicList.items, lineAt, tasks, problems);
  } else if (problems.length === 0) {
    const line = isMap(statusEntries) || statusEntries === undefined ? 1 : lineAt((statusEntries as YamlNode).range?.[0]);
    problems.push({
      file,
      line,
      message: 'this ledger has no `development_status:` map of `story-key: status` entries (nor an `epics:` list), so no status in it can be checked.',
    });
  }
  const storyLocation: unknown = isMap(root) ? root.get('story_location') : undefined;
  return typeof storyLocation === 'string' && storyLocation.trim() !== '' ? { tasks, problems, storyLocation: storyLocation.trim() } : { tasks, problems };
}

function statusEntry(file: string, key: string, status: string, line: number): LedgerTask {
  const retrospective = RETROSPECTIVE_KEY.exec(key);
  if (retrospective) return { id: key, title: key, status, kind: 'retrospective', parent: `epic-${retrospective[1]}`, optional: true, file, line };
  if (EPIC_KEY.test(key)) return { id: key, title: key, status, kind: 'epic', file, line };
  const story = STORY_KEY.exec(key);
  const task: LedgerTask = { id: key, title: key, status, kind: 'story', file, line };
  if (story) task.parent = `epic-${story[1]}`;
  return task;
}

function readEpicList(
  file: string,
  epics: readonly unknown[],
  lineAt: (offset: number | undefined) => number,
  tasks: LedgerTask[],
  problems: SourceProblem[],
): void {
  const entry = (node: unknown, kind: LedgerEntryKind, parent?: string): YAMLMap | undefined => {
    const line = lineAt((node as YamlNode | null)?.range?.[0]);
    if (!isMap(node)) {
      problems.push({ file, line, message: `each ${kind} in \`epics:\` should be a map with id and status.` });
      return undefined;
    }
    const id = textOf(node.get('id', true));
    const status = textOf(node.get('status', true));
    if (!id || status === undefined) {
      problems.push({ file, line, message: `this ${kind} in \`epics:\` has no ${id ? 'status' : 'id'}; give it \`id:\` and \`status:\`.` });
      return undefined;
    }
    const task: LedgerTask = { id, title: textOf(node.get('title', true)) ?? id, status, kind, file, line };
    if (parent) task.parent = parent;
    tasks.push(task);
    return node;
  };
  for (const epicNode of epics) {
    const epic = entry(epicNode, 'epic');
    if (!epic) continue;
    const epicId = textOf(epic.get('id', true))!;
    const stories = epic.get('stories', true);
    if (isSeq(stories)) for (const story of stories.items) entry(story, 'story', epicId);
  }
}

function textOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value).trim();
}
