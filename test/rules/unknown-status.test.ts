import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
const both = (s1: string, s2 = 'Ready') => ({
  [BOARD]: board([{ id: 'ST-B-001', status: s1 }, { id: 'ST-B-002', status: s2 }]),
  [CSV]: csv([{ id: 'ST-B-001', status: s1 }, { id: 'ST-B-002', status: s2 }]),
});

testRule('unknown-status', {
  valid: [
    { name: 'a dated Done and a Blocked note', base, head: { ...base, ...both('Done - 2025-12-22', 'Blocked (waiting on API)') } },
    { name: 'emoji, emphasis and hyphen variants', base, head: { ...base, ...both('✅ Done', '**In-Progress**') } },
    { name: 'a longer known word wins over its prefix', base, head: { ...base, ...both('Ready for Review') } },
    { name: 'an empty status cell is no status', base, head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: '' }, { id: 'ST-B-002' }]) } },
    {
      name: 'a word added to the vocabulary in the config',
      config: { statuses: { done: ['Done', 'Finished'] } },
      base,
      head: { ...base, ...both('Finished') },
    },
    {
      name: 'only the first row of a duplicated ID gives the status',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-001', status: 'Mystery' }]) },
    },
    {
      name: 'a status read from cells shifted by a split cell is left to md-malformed-row',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }], ['| ST-B-002 | Split `x|y` | Ready | Docs | D | docs/plans/PlanB_Work.md |']) },
    },
    {
      name: 'an untouched unknown status is not judged in a change',
      base: { ...base, ...both('Mystery') },
      head: { ...base, ...both('Mystery', 'Done') },
    },
  ],
  invalid: [
    {
      name: 'an unknown word on the Markdown board',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Finished' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /^the status "Finished" of ST-B-001 is not a known status word/ }],
    },
    {
      name: 'a known word glued to more letters is not that word',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Readyish' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /"Readyish" of ST-B-002/ }],
    },
    {
      name: 'unknown on both boards: one finding per board',
      base,
      head: { ...base, ...both('Ready', 'Parked') },
      findings: [
        { taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /"Parked"/ },
        { taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /"Parked"/ },
      ],
    },
    {
      name: 'a long status is quoted up to 60 characters',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: `Waiting on the vendor to confirm the new API contract first, then start` }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: CSV, line: 2, introduced: true, message: /the status "Waiting on the vendor to confirm the new API contract first," of ST-B-001/ }],
    },
    {
      name: 'the same unknown status at base is pre-existing on a touched task',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Mystery' }, { id: 'ST-B-002' }]) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Mystery', title: 'Renamed' }, { id: 'ST-B-002' }]),
        [CSV]: csv([{ id: 'ST-B-001', title: 'Renamed' }, { id: 'ST-B-002' }]),
      },
      findings: [{ taskId: 'ST-B-001', file: BOARD, line: 6, introduced: false, message: /"Mystery"/ }],
    },
    {
      name: 'an unknown word in a plan while the board keeps a known one',
      base,
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-001', status: 'Parked' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-001', file: planPath('B'), line: 9, introduced: true, message: /^the status "Parked" of ST-B-001 in docs\/plans\/PlanB_Work\.md is not a known status word/ }],
    },
    {
      name: '--all reports every unknown status',
      head: { ...base, ...both('Ready', 'TBD') },
      findings: [
        { taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true },
        { taskId: 'ST-B-002', file: CSV, line: 3, introduced: true },
      ],
    },
  ],
});
