import { BACKLOG_MD } from './backlog-md.js';
import { BMAD } from './bmad.js';
import { KIRO } from './kiro.js';
import { SPEC_KIT } from './spec-kit.js';
import { STATETRACE } from './statetrace.js';
import { PRESET_NAMES, type Preset, type PresetName } from './types.js';

export { STATUS_DEFAULTS } from './statetrace.js';
export { PRESET_NAMES, STATUS_CATEGORIES, type StatusCategory, type Relation, type TaskSourceKind, type Preset, type PresetName, type PresetRelation, type PresetSource, type ChecklistFormat } from './types.js';
export { PRESET_RULES_PENDING, RELATION_RULES, TABLE_RULES } from './rule-sets.js';

/** Every preset by name; `statetrace` is the default. */
export const PRESETS: ReadonlyMap<PresetName, Preset> = new Map([STATETRACE, SPEC_KIT, KIRO, BMAD, BACKLOG_MD].map((preset) => [preset.name, preset]));

export const DEFAULT_PRESET: PresetName = 'statetrace';

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The preset of that name (callers validate names with `isPresetName`; the config schema does). */
export function presetNamed(name: PresetName): Preset {
  return PRESETS.get(name)!;
}
