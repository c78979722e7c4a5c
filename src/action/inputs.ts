import picomatch from 'picomatch';
import { FAIL_ON_LEVELS } from '../core/gate.js';
import * as z from '../config/zod-mini.js';
import { ConfigError } from '../errors.js';

/** How the sticky comment is published. */
export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const;
/** What the bot does about missing backlog rows (the bot issue fills in all but `off`). */
export const AUTO_OPEN_MODES = ['off', 'suggest', 'commit', 'pull-request'] as const;

const splitGlobs = (text: string) =>
  text
    .split(/[\n,]/)
    .map((glob) => glob.trim())
    .filter((glob) => glob.length > 0);

const globList = z.pipe(z.string(), z.transform(splitGlobs)).check(
  z.superRefine((globs: string[], context) => {
    for (const glob of globs) {
      try {
        picomatch.makeRe(glob);
      } catch {
        context.addIssue({ code: 'custom', message: `"${glob}" is not a valid glob` });
      }
    }
  }),
);

const trimmed = () => z.pipe(z.string(), z.transform((text: string) => text.trim()));
const trimmedOrNull = () => z.pipe(z.string(), z.transform((text: string) => text.trim() || null));
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.pipe(
    z.pipe(z.string(), z.transform((text: string) => text.trim().toLowerCase())),
    z.enum(values),
  );

/** The action's inputs, as action.yml declares them (empty means "default"). */
export const inputsSchema = z.object({
  token: z.string(),
  config: trimmedOrNull(),
  comment: choice(COMMENT_MODES),
  'fail-on': choice(FAIL_ON_LEVELS),
  'strict-branches': globList,
  'skip-label': trimmed(),
  'summary-path': trimmedOrNull(),
  'sarif-path': trimmedOrNull(),
  'auto-open-backlog': choice(AUTO_OPEN_MODES),
  base: trimmedOrNull(),
  head: trimmedOrNull(),
  source: choice(['auto', 'git', 'api'] as const),
});

export type ActionInputs = z.infer<typeof inputsSchema>;

/** Defaults for inputs the runner passes empty (also what action.yml declares). */
export const INPUT_DEFAULTS: Record<keyof z.input<typeof inputsSchema>, string> = {
  token: '',
  config: '',
  comment: 'always',
  'fail-on': 'error',
  'strict-branches': '',
  'skip-label': 'doc-sync:skip',
  'summary-path': '',
  'sarif-path': '',
  'auto-open-backlog': 'off',
  base: '',
  head: '',
  source: 'auto',
};

/**
 * Reads and validates every input; a bad value is a ConfigError naming the input
 * and the values it accepts.
 */
export function readInputs(getInput: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(
    Object.entries(INPUT_DEFAULTS).map(([name, fallback]) => [name, getInput(name).trim() === '' ? fallback : getInput(name)]),
  );
  const result = z.safeParse(inputsSchema, raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = String(issue.path[0] ?? '');
  const allowed = 'values' in issue && Array.isArray(issue.values) ? `; use one of ${issue.values.join(', ')}` : '';
  throw new ConfigError(`input "${name}" is invalid: ${issue.message}${allowed} (got "${raw[name] ?? ''}")`);
}

/** Is `ref` (a branch name or refs/heads/…) one of the strict branches? */
export function isStrictBranch(ref: string | null, globs: readonly string[]): boolean {
  if (!ref || globs.length === 0) return false;
  const branch = ref.replace(/^refs\/heads\//, '');
  return picomatch(globs as string[], { dot: true })(branch);
}
