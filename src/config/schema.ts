import picomatch from 'picomatch';
import { z } from 'zod';

/** A JavaScript regular expression given as a string; compiled once when config is resolved. */
const regexString = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression (JavaScript syntax, e.g. "ST-(?<plan>[A-Z]{1,2})-\\d{3}")' },
);

/** A repository-relative glob such as `docs/plans/Plan*.md`. */
const glob = z.string().min(1).refine(
  (pattern) => {
    if (pattern.startsWith('/') || /(^|\/)\.\.(\/|$)/.test(pattern) || pattern.includes('\\')) return false;
    try {
      picomatch.makeRe(pattern);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid glob: use a repository-relative path with forward slashes, e.g. "docs/plans/Plan*.md"' },
);

const repoPath = glob.refine((value) => !/[*?[\]{}]/.test(value), { message: 'must be a file path, not a glob' });

const aliases = (defaults: string[]) => z.array(z.string().min(1)).min(1).default(defaults);

/** Categories in workflow order; the order also breaks ties between equally long status words. */
export const STATUS_CATEGORIES = ['backlog', 'ready', 'in-progress', 'blocked', 'ready-for-review', 'done'] as const;

export const severitySetting = z.enum(['error', 'warning', 'notice', 'off']);

export const ruleSetting = z.union([
  severitySetting,
  z.strictObject({
    severity: severitySetting.optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    paths: z
      .strictObject({
        board: repoPath.default('docs/StateTrace_TaskBoard.md').describe('The Markdown task board.'),
        boardCsv: repoPath.default('docs/taskboard/TaskBoard.csv').describe('The CSV mirror of the task board.'),
        backlog: repoPath.default('docs/CODEX_BACKLOG.md').describe('The backlog table.'),
        plans: z.array(glob).min(1).default(['docs/plans/Plan*.md']).describe('Globs of plan files.'),
        planIndex: repoPath.nullable().default('docs/plans/PlanIndex.md').describe('The plan index; null if there is none.'),
        sessionLogs: z.array(glob).default(['docs/agents/sessions/*.md']).describe('Globs of session logs.'),
      })
      .prefault({}),
    ids: z
      .strictObject({
        pattern: regexString
          .default('ST-(?<plan>[A-Z]{1,2})-\\d{3}')
          .describe('A task ID; the named group `plan` captures the plan letters.'),
        planFilePattern: regexString
          .default('^Plan(?<plan>[A-Z]{1,2})(?=[_.-])')
          .describe('Matched against a plan file name; the group `plan` names the plan it belongs to.'),
      })
      .prefault({}),
    sessionLogs: z
      .strictObject({
        namePattern: regexString
          .default('^\\d{4}-\\d{2}-\\d{2}_session-\\d{4}\\.md$')
          .describe('File name a session log must have.'),
      })
      .prefault({}),
    columns: z
      .strictObject({
        id: aliases(['ID', 'Task ID', 'Task']),
        title: aliases(['Title', 'Description', 'Task title']),
        status: aliases(['Column', 'Status', 'State']),
        owner: aliases(['Owner/Role', 'OwnerRole', 'Owner', 'Role']),
        deliverable: aliases(['Deliverable', 'Deliverables']),
        planLink: aliases(['PlanLink', 'Plan link', 'Links', 'Link']),
        notes: aliases(['Notes', 'Note']),
        plan: aliases(['Plan']),
        preconditions: aliases(['Preconditions', 'Precondition']),
        definitionOfDone: aliases(['Definition of done', 'DoD']),
      })
      .prefault({})
      .describe('Header names (case-insensitive) that identify each column, in preference order.'),
    statuses: z
      .strictObject({
        done: aliases(['Done', 'Complete', 'Completed', 'Delivered', 'Closed', 'Shipped']),
        'ready-for-review': aliases(['Ready for Review', 'In Review', 'Review']),
        'in-progress': aliases(['In Progress', 'In-Progress', 'WIP', 'Active', 'Doing']),
        ready: aliases(['Ready', 'Todo', 'To Do', 'Next']),
        blocked: aliases(['Blocked', 'On Hold']),
        backlog: aliases(['Backlog', 'Pending', 'Deferred', 'Planned', 'Proposed', 'Not started']),
      })
      .prefault({})
      .describe('Words that open a status cell, per category; the longest match wins ("Ready for Review" beats "Ready").'),
    sections: z
      .strictObject({
        delivered: aliases(['Recently delivered', 'Delivered', 'Completed', 'Done']).describe(
          'Headings of plan sections whose rows count as done.',
        ),
        active: aliases(['Active work', 'Active', 'Current work', 'In flight']).describe(
          'Headings of the plan section counted for index progress.',
        ),
      })
      .prefault({}),
    backlog: z
      .strictObject({
        require: z
          .strictObject({
            tasks: z
              .enum(['added', 'touched'])
              .default('added')
              .describe('Which tasks are judged: those the change newly adds to a board, or every task it touches.'),
            columns: z
              .array(z.enum(STATUS_CATEGORIES))
              .min(1)
              .default(['ready', 'backlog'])
              .describe('Board columns (status categories) whose tasks need a backlog row.'),
            owners: z
              .array(z.string().min(1))
              .default([])
              .describe('Only tasks whose Owner/Role contains one of these (ignoring case); empty: any owner.'),
            plans: z.array(z.string().min(1)).default([]).describe('Only tasks of these plans (letters such as "B"); empty: any plan.'),
            marker: z
              .string()
              .min(1)
              .nullable()
              .default(null)
              .describe('Only tasks whose board row contains this text (e.g. "[auto]"); null: no marker needed.'),
          })
          .prefault({})
          .describe('Which board tasks need a backlog row (rule backlog-entry-missing); every criterion given must hold.'),
        notes: z
          .string()
          .default('Opened by doc-sync')
          .describe('Notes cell of a backlog row doc-sync opens; the bot puts a link to the pull request here.'),
      })
      .prefault({}),
    limits: z
      .strictObject({
        maxFileBytes: z.number().int().positive().default(8 * 1024 * 1024).describe('Larger documents are reported, not parsed.'),
      })
      .prefault({}),
    rules: z.record(z.string(), ruleSetting).default({}).describe('Per-rule severity or { severity, options }.'),
  })
  .describe('doc-sync configuration (.github/doc-sync.yml).');

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
export type ColumnName = keyof Config['columns'];
export type StatusCategory = keyof Config['statuses'];
export type BacklogRequirement = Config['backlog']['require'];
