/** The commented config `doc-sync init` writes: every key at its default. */
export const CONFIG_TEMPLATE = `# doc-sync configuration. Every key is optional: the values below are the defaults.
# Schema (for editor completion): https://github.com/doc-sync/doc-sync/blob/main/schemas/config.schema.json

paths:
  board: docs/StateTrace_TaskBoard.md        # the Markdown task board
  boardCsv: docs/taskboard/TaskBoard.csv     # its CSV mirror, row for row
  backlog: docs/CODEX_BACKLOG.md             # the backlog table
  plans: ["docs/plans/Plan*.md"]             # globs of plan files
  planIndex: docs/plans/PlanIndex.md         # null if there is no index
  sessionLogs: ["docs/agents/sessions/*.md"] # globs of session logs

ids:
  # A task ID. The named group "plan" captures the plan letters (B in ST-B-001; AA..AF past Z).
  pattern: 'ST-(?<plan>[A-Z]{1,2})-\\d{3}'
  # Matched against a plan file's name to learn which plan it is (PlanB_Performance.md is plan B).
  planFilePattern: '^Plan(?<plan>[A-Z]{1,2})(?=[_.-])'

sessionLogs:
  namePattern: '^\\d{4}-\\d{2}-\\d{2}_session-\\d{4}\\.md$'

# Header names that identify each column (case-insensitive), in order of preference.
# columns:
#   owner: ["Owner/Role", "OwnerRole", "Owner", "Role"]
#   planLink: ["PlanLink", "Plan link", "Links", "Link"]

# Words that open a status cell, per category. The longest match wins, so
# "Ready for Review" is ready-for-review, not ready. "Done - 2025-12-22" is done.
# statuses:
#   done: ["Done", "Complete", "Completed", "Delivered", "Closed", "Shipped"]
#   backlog: ["Backlog", "Pending", "Deferred", "Planned", "Proposed", "Not started"]

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

# Severity per rule: error | warning | notice | off, or { severity, options }.
# "doc-sync explain" lists the rules; "doc-sync explain RULE" explains one.
rules:
  # Teams that keep session logs out of git turn these off:
  # session-log-missing: off
  # session-log-task-missing: off
  csv-not-updated: warning
`;
