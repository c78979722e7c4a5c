/** The programmatic API: what the CLI, the action and our scripts build on. */
export { GitReader, findRepositoryRoot, defaultBase } from './adapters/git/git-reader.js';
export { loadConfig, parseConfig, defaultConfig } from './config/load.js';
export { configSchema, type Config } from './config/schema.js';
export { BlobStore } from './core/blob-store.js';
export { runCheck, failsGate, loadModelAt, DEFAULT_GATE, type CheckRequest, type CheckResult, type GatePolicy } from './core/check.js';
export { DocSyncError, ConfigError, RevisionError, SourceError, describeError } from './errors.js';
export type { Finding, Fix, Severity } from './core/finding.js';
export { applyFixes, type FixEdit, type FixOutcome, type FixRefusal } from './fix/apply.js';
export { backlogRowFixes, type BacklogRowFixes } from './rules/support/backlog-fix.js';
export { renderFixDiff } from './fix/diff.js';
export { OverlayReader } from './fix/overlay.js';
export type { RepoReader } from './core/ports.js';
export { reportSchema, REPORT_SCHEMA_VERSION, type Report } from './report/report.js';
export { renderText } from './report/text.js';
export { renderMarkdown, renderSummary, parseMarkdownReport, COMMENT_MARKER, type LinkTarget } from './report/markdown.js';
export { RULES, enabledRules } from './rules/index.js';
export { VERSION } from './version.js';
export { jsonSchemas } from './schemas.js';
