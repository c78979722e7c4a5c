import type { z } from 'zod';
import type { Finding } from './finding.js';
import type { reportSchema, ruleCountSchema } from './report-schema.js';

/** Version of the JSON report's shape; bump on any incompatible change. */
export const REPORT_SCHEMA_VERSION = 1;

/** The JSON report (its schema: `reportSchema` in report-schema.ts). */
export type Report = z.infer<typeof reportSchema>;
/** A finding as the report carries it: the engine's own `Finding`. */
export type ReportFinding = Finding;
export type RuleCount = z.infer<typeof ruleCountSchema>;
