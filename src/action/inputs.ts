import picomatch from 'picomatch';
import { z } from 'zod';
import { FAIL_ON_LEVELS } from '../core/gate.js';
import { ConfigError } from '../errors.js';

/** How the sticky comment is published. */
export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const;
/** What the bot does about missing backlog rows (the bot issue fills in all but `off`). */
export const AUTO_OPEN_MODES = ['off', 'suggest', 'commit', 'pull-request'] as const;

const globList = z
  .string()
  .transform((text) =>
    text
      .split(/[\n,]/)
      .map((glob) => glob.trim())
      .filter((glob) => glob.length > 0),
  )
  .superRefine((globs, context) => {
    for (const glob of globs) {
      try {
        picomatch.makeRe(glob);
      } catch {
        context.addIssue({ code: 'custom', message: `"${glob}" is not a valid glob` });
      }
    }
  });

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((text) => text.trim().toLowerCase()).pipe(z.enum(values));

/** The action's inputs, as action.yml declares them (empty means "default"). */
export const inputsSchema = z.object({
  token: z.string(),
  config: z.string().transform((text) => text.trim() || null),
  comment: choice(COMMENT_MODES),
  'fail-on': choice(FAIL_ON_LEVELS),
  'strict-branches': globList,
  'skip-label': z.string().transform((text) => text.trim()),
  'summary-path': z.string().transform((text) => text.trim() || null),
  'sarif-path': z.string().transform((text) => text.trim() || null),
  'auto-open-backlog': choice(AUTO_OPEN_MODES),
  base: z.string().transform((text) => text.trim() || null),
  head: z.string().transform((text) => text.trim() || null),
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
  const result = inputsSchema.safeParse(raw);
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
