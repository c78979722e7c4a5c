import { z } from 'zod';
import { findingSchema, severitySchema as severity, type Finding } from './finding.js';

/** Version of the JSON report's shape; bump on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

/** A StateTrace table, or (other presets) the name of the preset's task source, e.g. `tasks`, `ledger`. */
const source = z.union([z.enum(['board', 'csv', 'backlog', 'plan']), z.string().min(1)]);

/** The findings of one rule, counted. */
export const ruleCountSchema = z.strictObject({
  rule: z.string(),
  severity,
  introduced: z.number().int().min(0),
  preExisting: z.number().int().min(0),
  fixable: z.number().int().min(0).describe('Findings with a fix (`doc-sync fix`, `/doc-sync fix`).'),
});

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

export type Report = z.infer<typeof reportSchema>;
/** A finding as the report carries it: the engine's own `Finding`. */
export type ReportFinding = Finding;
export type RuleCount = z.infer<typeof ruleCountSchema>;
