// The zod schemas of the report and its findings: the one definition of their shapes (the
// types in finding.ts and report.ts are inferred from them, the committed JSON Schema is
// generated from them). Only what validates or describes a report imports this module;
// code that needs the types alone imports those, and does not evaluate zod.
import { z } from 'zod';
import { REPORT_SCHEMA_VERSION } from './report.js';

/** How much a finding matters; `off` exists only in configuration. */
export const severitySchema = z.enum(['error', 'warning', 'notice']);

/** A fix: a precise text edit of one file (what it means: `Fix` in finding.ts). */
export const fixSchema = z
  .strictObject({
    file: z.string().describe('Repository-relative path of the file to edit.'),
    kind: z.enum(['insert', 'replace', 'delete']),
    line: z.number().int().min(1).describe('1-based: the first line replaced or deleted, or the line inserted after.'),
    expected: z
      .string()
      .describe('Exact text of those lines (or of the anchor line), lines joined by \\n without line endings; a fix whose target no longer reads so is refused.'),
    text: z.string().optional().describe('The new line(s), joined by \\n; absent for delete.'),
    description: z.string().describe('What the fix does, for people.'),
  })
  .describe('A text edit of one file that repairs the finding (doc-sync fix applies it byte-exactly).');

/** A finding, as every output channel carries it (`Finding` in finding.ts). */
export const findingSchema = z.strictObject({
  rule: z.string().describe('Rule id; docs at docs/rules/<rule>.md.'),
  severity: severitySchema,
  message: z.string(),
  taskId: z.string().nullable(),
  taskIds: z
    .array(z.string())
    .optional()
    .describe('Every task the finding is about, as data (e.g. all the tasks whose board status moved without a session log); taskId is null when there are several.'),
  file: z.string(),
  // 1 when the finding is about a whole file.
  line: z.number().int().min(1).describe('1-based line.'),
  introduced: z.boolean().describe('True when the change created the finding (it was not there at base).'),
  fix: fixSchema.optional(),
});

/** A StateTrace table, or (other presets) the name of the preset's task source, e.g. `tasks`, `ledger`. */
const source = z.union([z.enum(['board', 'csv', 'backlog', 'plan']), z.string().min(1)]);

/** The findings of one rule, counted. */
export const ruleCountSchema = z.strictObject({
  rule: z.string(),
  severity: severitySchema,
  introduced: z.number().int().min(0),
  preExisting: z.number().int().min(0),
  fixable: z.number().int().min(0).describe('Findings with a fix (`doc-sync fix`, `/doc-sync fix`).'),
});

/** The JSON report, the same object in every channel. */
export const reportSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    tool: z.strictObject({ name: z.literal('doc-sync'), version: z.string() }),
    mode: z.enum(['change', 'all']).describe('`change`: the change base..head; `all`: every task at head.'),
    result: z.enum(['pass', 'fail']),
    base: z.string().nullable().describe('Full SHA of the base commit (null in `all` mode).'),
    head: z
      .string()
      .describe('What was judged: the full SHA of the head commit, or "working-tree" / "index" when the CLI judged uncommitted files (the default, or --staged).'),
    summary: z.strictObject({
      errors: z.number().int().min(0),
      warnings: z.number().int().min(0),
      notices: z.number().int().min(0),
      /** Findings that fail the gate. */
      failing: z.number().int().min(0),
      tasksTouched: z.number().int().min(0),
      filesChanged: z.number().int().min(0),
      filesParsed: z.number().int().min(0),
    }),
    tasks: z.array(
      z.strictObject({
        id: z.string(),
        changes: z.array(
          z.strictObject({
            source,
            file: z.string(),
            line: z.number().int().min(1),
            kind: z.enum(['added', 'removed', 'modified']),
            statusBefore: z.string().nullable(),
            statusAfter: z.string().nullable(),
          }),
        ),
        sources: z.array(z.strictObject({ source, file: z.string(), line: z.number().int().min(1) })),
      }),
    ),
    config: z
      .strictObject({
        source: z.string().describe('The config file and the revision it was read at, or the defaults and why.'),
        rulesOff: z.array(z.string()).describe('Registered rules that did not run: set off in the config, or off for want of the documents they judge.'),
        offByLayout: z
          .array(z.strictObject({ rule: z.string(), reason: z.string() }))
          .optional()
          .describe('Rules in rulesOff that the repository at head turned off, with why (e.g. the session-log folder is git-ignored, so no change can add a log).'),
      })
      .optional()
      .describe('Which config judged the change: a pull request is judged by its base branch\'s config, so this says where the gate came from.'),
    findings: z.array(findingSchema),
    skipped: z
      .strictObject({ label: z.string(), by: z.string() })
      .optional()
      .describe('Set when the gate was skipped by a label; the findings are still listed but fail nothing.'),
    durationMs: z.number().min(0),
    omitted: z
      .strictObject({
        findings: z.number().int().min(0).describe('Findings left out (the least important ones).'),
        fixes: z.boolean().describe('True when the fix edits of the kept findings were left out.'),
        tasks: z.boolean().describe('True when `tasks` was emptied.'),
        rules: z.array(ruleCountSchema).describe('Every finding counted per rule, the left-out ones too.'),
      })
      .optional()
      .describe('Set only on a copy trimmed to fit a size-limited channel (the pull request comment); the full report is in the job summary and the report-path file.'),
  })
  .describe('doc-sync JSON report');
