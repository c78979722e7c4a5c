// The report's shape is built by the core (core/report.ts); the renderers here read it through this module.
export { REPORT_SCHEMA_VERSION, type Report, type ReportFinding, type RuleCount } from '../core/report.js';
// The schema (zod) is evaluated only by what imports it from here: validators, the JSON Schema.
export { reportSchema } from '../core/report-schema.js';
