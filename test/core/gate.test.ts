import { gatePolicy } from '../../src/core/gate.js';

describe('gatePolicy: the one gate decision of the action and the CLI', () => {
  test.each([
    ['error', false, { failOn: 'error', strict: false }],
    ['warning', false, { failOn: 'warning', strict: false }],
    ['never', false, { failOn: 'never', strict: false }],
    // A strict branch (or --strict) makes warnings fail and counts pre-existing drift...
    ['error', true, { failOn: 'warning', strict: true }],
    ['warning', true, { failOn: 'warning', strict: true }],
    // ...but never stays never: report-only is the user's explicit choice.
    ['never', true, { failOn: 'never', strict: true }],
  ] as const)('fail-on %s, strict %s', (failOn, strict, gate) => {
    expect(gatePolicy(failOn, strict)).toEqual(gate);
  });
});
