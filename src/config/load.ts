import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parseDocument } from 'yaml';
import { ConfigError } from '../errors.js';
import { formatIssues } from './format-issues.js';
import { defaultConfig, DEFAULT_CONFIG_PATHS } from './defaults.js';
import { configSchema, type Config } from './schema.js';

// Reading a config file needs yaml and the zod schema; without one, callers take
// defaultConfig and DEFAULT_CONFIG_PATHS from defaults.ts and never load this module.
export { defaultConfig, DEFAULT_CONFIG_PATHS };

/** Parses and validates config text; every problem is a ConfigError naming the key. */
export function parseConfig(text: string, source: string): Config {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    const line = first.linePos?.[0].line;
    throw new ConfigError(`${source}${line ? `:${line}` : ''}: not valid YAML: ${first.message.split('\n')[0]}`);
  }
  const raw: unknown = document.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${source}: the configuration must be a YAML mapping (key: value), not ${Array.isArray(raw) ? 'a list' : typeof raw}.`);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(formatIssues(source, result.error.issues));
  return result.data;
}

/**
 * Reads the config from an explicit path (must exist) or from the default locations
 * under `root` (optional). Returns the config and where it came from.
 */
export async function loadConfig(
  root: string,
  explicitPath?: string,
  cwd: string = process.cwd(),
): Promise<{ config: Config; source: string | null }> {
  const candidates = explicitPath ? [isAbsolute(explicitPath) ? explicitPath : join(cwd, explicitPath)] : DEFAULT_CONFIG_PATHS.map((p) => join(root, p));
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !explicitPath) continue;
      throw new ConfigError(`cannot read the config file ${path}: ${(error as Error).message.replace(/^[A-Z]+: /, '')}. Check the --config path.`);
    }
    return { config: parseConfig(text, explicitPath ?? path.slice(root.length + 1)), source: path };
  }
  return { config: defaultConfig(), source: null };
}
