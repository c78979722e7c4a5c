import { z } from 'zod';
import type { Settings } from '../config/settings.js';
import type { ConfiguredSeverity, RuleFinding, Severity } from './finding.js';
import type { ChangeSet } from '../diff/changes.js';
import type { DocModel } from '../model/model.js';

/** What a rule sees. Rules read it and never change it. */
export interface RuleContext<Options = object> {
  /** `change`: checking a change (base → head); `all`: auditing every task at head. */
  readonly mode: 'change' | 'all';
  /** The documents before the change (an empty model in `all` mode). */
  readonly base: DocModel;
  /** The documents the rule judges. */
  readonly head: DocModel;
  readonly changes: ChangeSet;
  /** Task IDs to judge: the touched tasks, or every task in `all` mode. */
  readonly tasks: ReadonlySet<string>;
  readonly settings: Settings;
  readonly options: Options;
}

/**
 * One rule, one module: metadata plus a pure check.
 *
 * `state` rules judge one revision (`head`); the engine runs them once more with the base
 * as head to tell introduced findings from pre-existing ones. `change` rules judge the
 * change itself; their findings are always introduced, and `--all` skips them.
 */
export interface Rule<Options = object> {
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: ConfiguredSeverity;
  readonly kind: 'state' | 'change';
  /**
   * The documents a layout may keep out of the repository: a `session-logs` rule is off when
   * `paths.sessionLogs` is empty, and the engine turns it off when the session-log folder is
   * git-ignored at head (no change could add a log there).
   */
  readonly needs?: 'session-logs';
  /** Validates and defaults `rules.<id>.options` in the config. */
  readonly options: z.ZodType<Options>;
  check(context: RuleContext<Options>): RuleFinding[];
}

/** Keeps a rule's option type while storing rules in one registry list. */
export function defineRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** The options schema of a rule that takes none: any key is an error. */
export const noOptions = z.strictObject({});

/** A rule as a check runs it: its configured severity and validated options. */
export interface EnabledRule {
  rule: Rule<object>;
  severity: Severity;
  options: object;
}
