import { presetNamed, type PresetName } from '../presets/index.js';

/** The commented config `doc-sync init` writes: every key a team may need, at its default. */
export const CONFIG_TEMPLATE = `# doc-sync configuration. Every key is optional: the values below are the defaults.
# yaml-language-server: $schema=https://raw.githubusercontent.com/doc-sync/doc-sync/main/schemas/config.schema.json
# Run "doc-sync doctor" after editing: it shows what doc-sync understood with this config.

# The planning format: statetrace (this layout), spec-kit, kiro, bmad or backlog-md. A preset
# gives the defaults of every key; what you write below overrides it key by key.
preset: statetrace

paths:
  board: docs/StateTrace_TaskBoard.md        # the Markdown task board
  boardCsv: docs/taskboard/TaskBoard.csv     # its CSV mirror, row for row
  backlog: docs/CODEX_BACKLOG.md             # the backlog table
  plans: ["docs/plans/Plan*.md"]             # one glob or a list of globs of plan files
  planIndex: docs/plans/PlanIndex.md         # null if there is no index
  sessionLogs: ["docs/agents/sessions/*.md"] # [] if the team keeps no session logs (the session rules go off)

ids:
  # A task ID. The named group "plan" captures the plan letters (B in ST-B-001; AA..AF past Z).
  pattern: 'ST-(?<plan>[A-Z]{1,2})-\\d{3}'
  # Matched against a plan file's name to learn which plan it is (PlanB_Performance.md is plan B).
  planFilePattern: '^Plan(?<plan>[A-Z]{1,2})(?=[_.-])'

sessionLogs:
  namePattern: '^\\d{4}-\\d{2}-\\d{2}_session-\\d{4}\\.md$'

# Header names that identify each column (case-insensitive). The names you write are
# ADDED to the defaults and preferred over them (status: ["Stage"] also keeps "Column",
# "Status", "State"); write status: { only: ["Stage"] } to replace the defaults.
# A table with an ID column but no status (or title) column is reported, never skipped.
columns:
  id: ["ID", "Task ID", "Task"]
  title: ["Title", "Description", "Task title"]
  status: ["Column", "Status", "State"]
  owner: ["Owner/Role", "OwnerRole", "Owner", "Role"]
  deliverable: ["Deliverable", "Deliverables"]
  planLink: ["PlanLink", "Plan link", "Links", "Link"]
  notes: ["Notes", "Note"]
  plan: ["Plan"]
  preconditions: ["Preconditions", "Precondition"]
  definitionOfDone: ["Definition of done", "DoD"]

# Words that open a status cell, per category. Words you write are ADDED to the category's
# defaults (a default word you give to another category moves there); { only: [...] }
# replaces them. The longest match wins, so "Ready for Review" is ready-for-review, not
# ready. "Done - 2025-12-22" is done. A word in no category is reported by unknown-status.
statuses:
  backlog: ["Backlog", "Pending", "Deferred", "Planned", "Proposed", "Not started"]
  ready: ["Ready", "Todo", "To Do", "Next"]
  in-progress: ["In Progress", "In-Progress", "WIP", "Active", "Doing"]
  blocked: ["Blocked", "On Hold"]
  ready-for-review: ["Ready for Review", "In Review", "Review"]
  done: ["Done", "Complete", "Completed", "Delivered", "Closed", "Shipped"]

# Plan headings (extended like the lists above). Rows under a delivered heading count as
# done; the active table counts for the plan index's progress. A task table under any
# other heading is reported (plan-section-unknown) so it is never silently ignored.
sections:
  delivered: ["Recently delivered", "Delivered", "Completed", "Done"]
  active: ["Active work", "Active", "Current work", "In flight"]

# Which board tasks need a backlog row (rule backlog-entry-missing, a notice; doc-sync fix
# opens the row). Every criterion given must hold.
backlog:
  require:
    tasks: added              # added: new on the board; touched: any task the change touched
    columns: [ready, backlog] # status categories (backlog, ready, in-progress, blocked, ready-for-review, done)
    owners: []                # e.g. ["Automation"]: Owner/Role contains one of these
    plans: []                 # e.g. ["B"]: tasks of these plans only
    marker: null              # e.g. "[auto]": rows containing this text only
  notes: Opened by doc-sync   # Notes cell of the rows doc-sync opens

limits:
  maxFileBytes: 8388608       # larger documents are reported, not parsed

# Severity per rule: error | warning (or warn) | notice | off, or { severity, options }.
# "doc-sync explain" lists the rules; "doc-sync explain RULE" explains one.
rules:
  csv-not-updated: warning
`;

/**
 * The config `doc-sync init` writes for the presets it detected: the first is used, the others
 * are listed commented out. StateTrace gets the full template above; another preset gets its
 * sources and status words, the keys that preset reads.
 */
export function configTemplate(found: readonly PresetName[]): string {
  const [first = 'statetrace', ...others] = found;
  const alternatives = others.length > 0 ? `# Also found: ${others.map((name) => `preset: ${name}`).join(', ')}. Swap the line below to use one.\n` : '';
  if (first === 'statetrace') return CONFIG_TEMPLATE.replace('preset: statetrace\n', `${alternatives}preset: statetrace\n`);
  const preset = presetNamed(first);
  const list = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
  const sources = preset.sources
    .map((source) => `  ${source.name}:              # ${source.description}\n    paths: ${list(source.paths)}${source.exclude ? `\n    exclude: ${list(source.exclude)}` : ''}`)
    .join('\n');
  const statuses = Object.entries(preset.statuses)
    .map(([category, words]) => `#   ${category}: ${list(words ?? [])}`)
    .join('\n');
  return `# doc-sync configuration. Every key is optional: the values below are the ${first} preset's defaults.
# yaml-language-server: $schema=https://raw.githubusercontent.com/doc-sync/doc-sync/main/schemas/config.schema.json
# Run "doc-sync doctor" after editing: it shows what doc-sync understood with this config.

# ${preset.description}
${alternatives}preset: ${first}

# Where the preset's task sources are (globs replace the preset's).
sources:
${sources}

# Status words per category (added to the preset's; { only: [...] } replaces them). The preset's:
${statuses}
${preset.statusFile ? `# The statuses listed in ${preset.statusFile} are read too.\n` : ''}
# Severity per rule: error | warning (or warn) | notice | off, or { severity, options }.
# "doc-sync explain" lists the rules; "doc-sync explain RULE" explains one.
rules: {}
`;
}
