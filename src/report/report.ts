// The report's shape is built by the core (core/report.ts); the renderers here read it through this module.
export { REPORT_SCHEMA_VERSION, reportSchema, type Report, type ReportFinding, type RuleCount } from '../core/report.js';
