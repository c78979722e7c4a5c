import { parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { PRESETS, PRESET_RULES_PENDING, RELATION_RULES, TABLE_RULES } from '../../src/presets/index.js';
import { enabledRules, RULES } from '../../src/rules/index.js';

const on = (text: string) => enabledRules(parseConfig(text, 'doc-sync.yml')).map((entry) => entry.rule.id);

describe('preset: in the config', () => {
  test('an unknown preset is a config error naming the valid ones and the nearest', () => {
    expect(() => parseConfig('preset: kirro\n', 'doc-sync.yml')).toThrow(ConfigError);
    expect(() => parseConfig('preset: kirro\n', 'doc-sync.yml')).toThrow(
      /"preset" must be one of statetrace, spec-kit, kiro, bmad, backlog-md, not "kirro" \(did you mean "kiro"\?\)/,
    );
  });

  test('sources.<name> must name a source of the preset', () => {
    expect(() => parseConfig('preset: kiro\nsources:\n  task:\n    paths: x/*.md\n', 'doc-sync.yml')).toThrow(
      /"sources\.task" is not a source of the kiro preset; its sources are tasks \(did you mean "tasks"\?\)/,
    );
  });

  test('the preset gives the status vocabulary; statuses.* extends or replaces it key by key', () => {
    expect(parseConfig('preset: kiro\n', 'x').statuses).toEqual({ backlog: [], ready: ['[ ]'], 'in-progress': ['[-]'], blocked: [], 'ready-for-review': [], done: ['[x]', '[X]'] });
    const own = parseConfig('preset: bmad\nstatuses:\n  done: [shipped]\n  ready: { only: [ready] }\n', 'x').statuses;
    expect(own.done).toEqual(['shipped', 'done']);
    expect(own.ready).toEqual(['ready']);
    expect(own['ready-for-review']).toEqual(['review', 'ready for review']);
    expect(parseConfig('', 'x').statuses.done).toEqual(['Done', 'Complete', 'Completed', 'Delivered', 'Closed', 'Shipped']);
  });

  test('statetrace keeps every table rule on (the relation rules off); other presets turn the table rules off unless the config names them', () => {
    // The relation rules judge the other presets' task graphs; StateTrace's tables have rules of their own.
    expect(on('')).toEqual(RULES.map((rule) => rule.id).filter((id) => !(RELATION_RULES as readonly string[]).includes(id)));
    expect(on('preset: kiro\n')).not.toContain('status-mismatch-md-csv');
    expect(on('preset: kiro\n')).toEqual(['mojibake-introduced', 'file-unreadable', ...RELATION_RULES]);
    expect(on('preset: kiro\nrules:\n  duplicate-id: warning\n')).toContain('duplicate-id');
  });

  test('every rule a preset names exists, or is a relation rule pending on the relations branch', () => {
    const registered = new Set(RULES.map((rule) => rule.id));
    for (const preset of PRESETS.values()) {
      const named = [...preset.rulesOff, ...preset.relations.flatMap((relation) => relation.judgedBy)];
      expect(named.filter((id) => !registered.has(id) && !PRESET_RULES_PENDING.has(id))).toEqual([]);
      for (const relation of preset.relations) {
        const names = preset.sources.map((source) => source.name);
        const used = relation.kind === 'mirror' ? [relation.left, relation.right] : relation.kind === 'rollup' ? [relation.source] : [relation.from, relation.to];
        expect(used.filter((name) => !names.includes(name))).toEqual([]);
      }
    }
    // Every registered rule is a table rule, a relation rule, or judges any file's bytes.
    expect(RULES.map((rule) => rule.id).filter((id) => !(TABLE_RULES as readonly string[]).includes(id))).toEqual(['mojibake-introduced', 'file-unreadable', ...RELATION_RULES]);
    expect(RELATION_RULES.length).toBe(9);
  });
});
