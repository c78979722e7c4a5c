import { DEFAULT_CONFIG_PATHS, defaultConfig, parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { ConfigError } from '../errors.js';
import type { RepoReader } from './ports.js';

/**
 * Config discovery, one function for the CLI and the action: the config as it is at
 * `commit` of `reader` (for pull requests: the base, so a pull request cannot loosen
 * its own gate). A named file must exist; the default locations are optional.
 */
export async function loadConfigAt(reader: RepoReader, commit: string, explicitPath: string | null): Promise<{ config: Config; source: string | null }> {
  const wanted = explicitPath ? [explicitPath.replace(/^\.\//, '')] : [...DEFAULT_CONFIG_PATHS];
  const files = await reader.listFiles(commit, (path) => wanted.includes(path));
  for (const path of wanted) {
    const oid = files.get(path);
    if (!oid) continue;
    const blob = (await reader.readBlobs([oid])).get(oid)!;
    const text = new TextDecoder('utf-8').decode(blob);
    return { config: parseConfig(text, `${path} (at ${commit.slice(0, 7)})`), source: `${path} at ${commit.slice(0, 7)}` };
  }
  if (explicitPath) {
    throw new ConfigError(`the config file ${explicitPath} (the "config" input) does not exist at ${commit.slice(0, 7)}; commit it to the base branch first, or clear the input to use .github/doc-sync.yml`);
  }
  return { config: defaultConfig(), source: null };
}
