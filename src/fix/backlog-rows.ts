import { z } from 'zod';
import type { Settings } from '../config/settings.js';
import { ConfigError } from '../errors.js';
import type { DocModel } from '../model/model.js';
import { applyFixes } from './apply.js';
import { backlogRowFixes } from '../rules/support/backlog-fix.js';
import { renderFixDiff } from './diff.js';

/** Where doc-sync records the backlog rows it opened, so it never opens one twice. */
export const OPENED_RECORD = '.github/doc-sync/backlog-opened.json';

/** The record: task ID → where doc-sync opened its row (`#12`, `push 1a2b3c4`). */
export interface OpenedRecord {
  opened: Record<string, string>;
}

const recordSchema = z.object({ opened: z.record(z.string(), z.string()) });

/**
 * Reads the record. A missing file is an empty record; a broken one stops the bot
 * (treating it as empty would reopen every row a person removed).
 */
export function parseOpenedRecord(bytes: Uint8Array | null | undefined): OpenedRecord {
  if (!bytes) return { opened: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    throw new ConfigError(`${OPENED_RECORD} is not valid JSON; fix it (it lists the backlog rows doc-sync opened, so it never opens one twice)`);
  }
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(
      `${OPENED_RECORD} should be {"opened": {"<task ID>": "<where>", …}}, but ${issue.path.length > 0 ? issue.path.join('.') : 'the file'}: ${issue.message}; fix it or delete it (doc-sync may then reopen rows a person removed)`,
    );
  }
  return { opened: { ...parsed.data.opened } };
}

export function renderOpenedRecord(record: OpenedRecord): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`);
}

/** What planning the rows found: the IDs opened, those left out and why, the diff. */
export interface BacklogDetail {
  opened: string[];
  refused: { id: string; reason: string }[];
  diff: string;
}

export interface BacklogRowsInput {
  /** The board the rows are copied from and the backlog they go in. */
  model: DocModel;
  settings: Settings;
  /** The backlog file's and the record's current bytes (null: the file does not exist). */
  backlog: Uint8Array | null;
  record: Uint8Array | null;
  ids: readonly string[];
  notes: string;
  /** What the record says about each row opened now. */
  stamp: string;
}

/**
 * Plans backlog rows for `ids`: rows rendered from the board in the backlog's own
 * style, minus IDs the record says were opened once (a row a person removed stays
 * removed), plus the record update. Pure: bytes and a model in, changed files out.
 */
export function planBacklogRows(input: BacklogRowsInput): { files: Map<string, Uint8Array>; detail: BacklogDetail } {
  const backlogPath = input.settings.config.paths.backlog;
  const record = parseOpenedRecord(input.record);
  const fresh = input.ids.filter((id) => !record.opened[id]);
  const refused = input.ids
    .filter((id) => record.opened[id])
    .map((id) => ({ id, reason: `${id}: doc-sync opened its backlog row before (${record.opened[id]}, recorded in ${OPENED_RECORD}); someone removed it since, so doc-sync leaves it out` }));
  const planned = backlogRowFixes(input.model, input.settings, fresh, input.notes);
  refused.push(...planned.refused.map((item) => ({ id: item.id, reason: item.reason })));
  const outcome = input.backlog ? applyFixes(new Map([[backlogPath, input.backlog]]), planned.fixes) : null;
  // planned.ids[i] is the task of planned.fixes[i].
  const opened = planned.fixes.flatMap((fix, index) => (outcome?.applied.includes(fix) ? [planned.ids[index]!] : []));
  for (const item of outcome?.refused ?? []) refused.push({ id: '', reason: item.reason });
  const files = new Map(outcome?.files ?? []);
  if (opened.length > 0) {
    for (const id of opened) record.opened[id] = input.stamp;
    files.set(OPENED_RECORD, renderOpenedRecord(record));
  }
  return { files, detail: { opened, refused, diff: outcome ? renderFixDiff(outcome.edits) : '' } };
}
