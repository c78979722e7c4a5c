import { defaultConfig } from '../../src/config/defaults.js';
import { configSchema } from '../../src/config/schema.js';

// defaults.ts restates the schema's defaults without zod, so a check with no config file
// never builds the schema: the two must not drift apart.
describe('defaultConfig (built without zod)', () => {
  test('is exactly what the schema makes of an empty config, key order included', () => {
    const parsed = configSchema.parse({});
    expect(defaultConfig()).toEqual(parsed);
    expect(JSON.stringify(defaultConfig())).toBe(JSON.stringify(parsed));
  });

  test('is a new object each call: a caller editing one does not change the next', () => {
    const first = defaultConfig();
    first.paths.plans.push('elsewhere/*.md');
    first.columns.id.push('Key');
    first.statuses.done.push('Shipped');
    first.backlog.require.columns.push('done');
    expect(defaultConfig()).toEqual(configSchema.parse({}));
  });
});
