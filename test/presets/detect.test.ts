import { parseConfig } from '../../src/config/load.js';
import { configTemplate } from '../../src/config/template.js';
import { detectPresets, isPresetMarker } from '../../src/presets/detect.js';
import { PRESET_NAMES, presetNamed } from '../../src/presets/index.js';

describe('detectPresets', () => {
  test.each([
    [['.specify/memory/constitution.md', 'src/a.ts'], ['spec-kit']],
    [['specs/001-login/tasks.md'], ['spec-kit']],
    [['.kiro/specs/auth/tasks.md', '.kiro/steering/product.md'], ['kiro']],
    [['_bmad/bmm/config.yaml'], ['bmad']],
    [['_bmad-output/implementation-artifacts/sprint-status.yaml'], ['bmad']],
    [['backlog/config.yml', 'backlog/tasks/task-1 - A.md'], ['backlog-md']],
    [['docs/taskboard/TaskBoard.csv'], ['statetrace']],
    [['backlog/config.yml', '.kiro/specs/a/tasks.md', 'docs/StateTrace_TaskBoard.md'], ['statetrace', 'kiro', 'backlog-md']],
    [['README.md', 'specs/notes/tasks.md', 'docs/plan.md', '.kiro/specs/tasks.md'], []],
  ])('%j → %j', (paths, expected) => {
    expect(detectPresets(paths)).toEqual(expected);
    expect(paths.filter(isPresetMarker).length > 0).toBe(expected.length > 0);
  });
});

describe('configTemplate', () => {
  test.each(PRESET_NAMES.map((name) => [name]))('the %s template is a valid config equal to the preset\'s defaults', (name) => {
    const text = configTemplate([name]);
    const config = parseConfig(text, 'doc-sync.yml');
    const defaults = parseConfig(`preset: ${name}\n`, 'x');
    // The template spells the preset's source globs out; they are the preset's own.
    expect({ ...config, sources: {} }).toEqual({ ...defaults, ...(name === 'statetrace' ? { rules: config.rules } : {}) });
    for (const source of presetNamed(name).sources.filter(() => name !== 'statetrace')) {
      expect(config.sources[source.name]).toEqual({ paths: source.paths, ...(source.exclude ? { exclude: source.exclude } : {}) });
    }
    expect(text).toContain(`\npreset: ${name}\n`);
  });

  test('several presets found: the first is written, the others listed', () => {
    const text = configTemplate(['kiro', 'backlog-md']);
    expect(parseConfig(text, 'x').preset).toBe('kiro');
    expect(text).toContain('# Also found: preset: backlog-md.');
  });

  test('none found: the StateTrace template', () => {
    expect(parseConfig(configTemplate([]), 'x').preset).toBe('statetrace');
  });
});
