import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { jsonSchemas } from '../src/schemas.js';
import { RULES } from '../src/rules/index.js';
import { VERSION } from '../src/version.js';

describe('generated and registered artefacts stay in sync', () => {
  test.each(Object.entries(jsonSchemas()))('schemas/%s matches the zod schema (run "npm run schema")', (name, schema) => {
    const committed: unknown = JSON.parse(readFileSync(`schemas/${name}`, 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  test('every registered rule has a docs page and a test file; every docs page has a rule', () => {
    for (const rule of RULES) {
      expect([rule.id, existsSync(`docs/rules/${rule.id}.md`)]).toEqual([rule.id, true]);
      expect([rule.id, existsSync(`test/rules/${rule.id}.test.ts`)]).toEqual([rule.id, true]);
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description).toMatch(/\.$/);
    }
    const pages = readdirSync('docs/rules').map((file) => file.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(RULES.map((rule) => rule.id).sort());
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });

  test('every rule file in src/rules is registered', () => {
    const files = readdirSync('src/rules').filter((file) => file.endsWith('.ts') && !['index.ts', 'rule.ts'].includes(file));
    expect(files.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  test('the reported tool version is the package version', () => {
    expect(VERSION).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
  });
});
