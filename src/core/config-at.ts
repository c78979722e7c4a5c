import { DEFAULT_CONFIG_PATHS, defaultConfig } from '../config/defaults.js';
import type { Config } from '../config/schema.js';
import { compileSettings } from '../config/settings.js';
import { ConfigError } from '../errors.js';
import type { RepoReader } from './ports.js';
import { atCommit } from './words.js';

/** A config file found at a commit: where, its blob (to compare revisions), its text. */
interface FoundConfig {
  path: string;
  oid: string;
  text: string;
}

function wantedPaths(explicitPath: string | null): string[] {
  return explicitPath ? [explicitPath.replace(/^\.\//, '')] : [...DEFAULT_CONFIG_PATHS];
}

async function findConfigAt(reader: RepoReader, commit: string, explicitPath: string | null): Promise<FoundConfig | null> {
  const wanted = wantedPaths(explicitPath);
  const files = await reader.listFiles(commit, (path) => wanted.includes(path));
  for (const path of wanted) {
    const oid = files.get(path);
    if (!oid) continue;
    const blob = (await reader.readBlobs([oid])).get(oid)!;
    return { path, oid, text: new TextDecoder('utf-8').decode(blob) };
  }
  return null;
}

/** yaml and the zod schema are loaded only here, when there is a config file to read. */
const parseFound = async (found: FoundConfig, commit: string, at = atCommit(commit)): Promise<Config> =>
  (await import('../config/load.js')).parseConfig(found.text, `${found.path} (${at})`);
const describeFound = (found: FoundConfig, commit: string, at = atCommit(commit)) => `${found.path} ${at}`;

function missingExplicit(explicitPath: string, commit: string): ConfigError {
  return new ConfigError(
    `the config file ${explicitPath} (the "config" input) does not exist at ${commit.slice(0, 7)}; commit it to the base branch first, or clear the input to use .github/doc-sync.yml`,
  );
}

/**
 * Config discovery at one commit, for runs that judge a commit by its own config
 * (pushes, dispatches). A named file must exist; the default locations are optional.
 * `at` says where `commit` is in messages ("in the working tree" for the CLI's pseudo-revisions).
 */
export async function loadConfigAt(
  reader: RepoReader,
  commit: string,
  explicitPath: string | null,
  at = atCommit(commit),
): Promise<{ config: Config; source: string | null }> {
  const found = await findConfigAt(reader, commit, explicitPath);
  if (found) return { config: await parseFound(found, commit, at), source: describeFound(found, commit, at) };
  if (explicitPath) throw missingExplicit(explicitPath, commit);
  return { config: defaultConfig(), source: null };
}

/**
 * Validates the config a change adds or edits, though the gate does not use it (it uses
 * `trusted`'s): an invalid one is a ConfigError now, not a silent pass that stops every
 * check once it has become the base's config. `at` names `proposed` in the message.
 */
export async function validateProposedConfig(
  reader: RepoReader,
  revisions: { trusted: string; proposed: string },
  explicitPath: string | null,
  at = atCommit(revisions.proposed),
): Promise<void> {
  const atProposed = await findConfigAt(reader, revisions.proposed, explicitPath);
  if (!atProposed || (await findConfigAt(reader, revisions.trusted, explicitPath))?.oid === atProposed.oid) return;
  try {
    await parseFound(atProposed, revisions.proposed, at);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError(`${error.message} The base's config gates this check, but this one takes over once the change reaches the base and then stops every check; fix it first.`);
  }
}

/** The config that gates a change, and why it is that one. */
export interface GateConfig {
  config: Config;
  /** "path at sha", or null for the defaults. */
  source: string | null;
  /** Which end the config was read from (`defaults`: neither end has a config file). */
  origin: 'base' | 'head' | 'defaults';
  /** Sentences for the log: a config the change adds or edits, the first-change rule. */
  notes: string[];
}

/**
 * The one rule, for the action and the CLI, of which config judges a change: the
 * config of `trusted` (the tip of the target branch: `pull_request.base.sha`,
 * `merge_group.base_sha`, the CLI's `--base`), so a change cannot loosen its own
 * gate; a config the change adds or edits applies once it is merged. One exception:
 * when `trusted` has no config and the defaults find no planning document there,
 * there is no gate yet to loosen, so the change's own config (at `proposed`) applies.
 */
export async function loadGateConfig(
  reader: RepoReader,
  revisions: { trusted: string; proposed: string },
  explicitPath: string | null,
): Promise<GateConfig> {
  const { trusted, proposed } = revisions;
  const atTrusted = await findConfigAt(reader, trusted, explicitPath);
  const atProposed = trusted === proposed ? atTrusted : await findConfigAt(reader, proposed, explicitPath);
  const short = (sha: string) => sha.slice(0, 7);
  if (atTrusted) {
    const notes =
      atProposed?.oid === atTrusted.oid
        ? []
        : [`The change ${atProposed ? `edits ${atProposed.path}` : `removes ${atTrusted.path}`}; the config at the base (${short(trusted)}) applies until the change is merged.`];
    return { config: await parseFound(atTrusted, trusted), source: describeFound(atTrusted, trusted), origin: 'base', notes };
  }
  if (atProposed) {
    const defaults = compileSettings(defaultConfig());
    const documentsAtBase = await reader.listFiles(trusted, defaults.isTracked);
    if (documentsAtBase.size === 0) {
      return {
        config: await parseFound(atProposed, proposed),
        source: describeFound(atProposed, proposed),
        origin: 'head',
        notes: [`The base (${short(trusted)}) has no config and no planning documents, so there is no gate yet to loosen: using ${atProposed.path} as the change adds it.`],
      };
    }
    if (explicitPath) throw missingExplicit(explicitPath, trusted);
    return {
      config: defaultConfig(),
      source: null,
      origin: 'defaults',
      notes: [`The change adds ${atProposed.path}; it applies once the change is merged. Until then the base (${short(trusted)}) has no config, so the defaults apply.`],
    };
  }
  if (explicitPath) throw missingExplicit(explicitPath, trusted);
  return { config: defaultConfig(), source: null, origin: 'defaults', notes: [] };
}
