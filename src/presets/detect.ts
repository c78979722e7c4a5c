import picomatch from 'picomatch';
import { PRESETS } from './index.js';
import type { PresetName } from './types.js';

const markerMatchers = [...PRESETS.values()].map((preset) => ({ name: preset.name, matches: picomatch([...preset.markers], { dot: true }) }));

/** True for a path that marks some preset (so `init` lists only those). */
export function isPresetMarker(path: string): boolean {
  return markerMatchers.some((marker) => marker.matches(path));
}

/**
 * The presets whose marker files are among `paths` (repository-relative), in the order of
 * `PRESET_NAMES` (statetrace first). A repository may use several formats; `init` writes the
 * first and lists the others.
 */
export function detectPresets(paths: Iterable<string>): PresetName[] {
  const found = new Set<PresetName>();
  for (const path of paths) for (const marker of markerMatchers) if (marker.matches(path)) found.add(marker.name);
  return markerMatchers.map((marker) => marker.name).filter((name) => found.has(name));
}
