import { BOARD, CSV, board, consistentTree, csv, plan, planPath } from '../support/docs.js';
import { gluedCsv, strayQuoteCsv, unclosedQuoteCsv } from '../support/broken-csv.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]);

testRule('row-deleted', {
  valid: [
    { name: 'a record glued onto the previous one after a closing quote keeps both tasks (csv-malformed-row reports the quote)', base, head: { ...base, [CSV]: gluedCsv } },
    { name: 'an undoubled quote in a quoted field keeps the task', base, head: { ...base, [CSV]: strayQuoteCsv('ST-B-003') } },
    { name: 'an unclosed quote keeps the task named at the start of the line', base, head: { ...base, [CSV]: unclosedQuoteCsv('ST-B-003') } },
    {
      name: 'a note written into the ID cell keeps the task (md-malformed-row reports the cell)',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002 (p1)', status: 'Done' }, { id: 'ST-B-003' }]), [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }, { id: 'ST-B-003' }]) },
    },
    {
      name: 'an emptied board is left to table-unmapped (one finding, not one per task)',
      base,
      head: { ...base, [BOARD]: '# Task Board\n' },
    },
    {
      name: 'a task moves to Done instead of being deleted',
      base,
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done - 2025-12-22' }, { id: 'ST-B-003' }]),
        [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002', status: 'Done' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'rows reordered',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-003' }, { id: 'ST-B-001' }, { id: 'ST-B-002' }]), [CSV]: csv([{ id: 'ST-B-002' }, { id: 'ST-B-003' }, { id: 'ST-B-001' }]) },
    },
    {
      name: 'removing one of two rows of an ID keeps the task on the board',
      base: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-002', title: 'Dup' }, { id: 'ST-B-003' }]) },
      head: base,
    },
    {
      name: 'deleting the whole CSV is left to doc-missing',
      base,
      head: Object.fromEntries(Object.entries(base).filter(([path]) => path !== CSV)),
    },
    {
      name: 'a row dropped from a plan only is not a board deletion',
      base,
      head: { ...base, [planPath('B')]: plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }]) },
    },
    {
      name: '--all never reports deletions',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }]) },
    },
  ],
  invalid: [
    {
      name: 'a row deleted from the Markdown board only',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-002', file: BOARD, line: 7, introduced: true, message: /removed every row of ST-B-002 from the Markdown board \(it was at line 7\)/ }],
    },
    {
      name: 'a record deleted from the CSV only',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: 'ST-B-003', file: CSV, line: 4, introduced: true, message: /from the CSV \(it was at line 4\)/ }],
    },
    {
      name: 'a task deleted from both boards: one finding per board',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-002' }, { id: 'ST-B-003' }]), [CSV]: csv([{ id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
      findings: [
        { taskId: 'ST-B-001', file: BOARD, line: 6, introduced: true, message: /Markdown board/ },
        { taskId: 'ST-B-001', file: CSV, line: 2, introduced: true, message: /CSV/ },
      ],
    },
    {
      name: 'every row of a duplicated ID removed: points at the first base row',
      base: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }, { id: 'ST-B-002', title: 'Dup' }]) },
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001' }, { id: 'ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /it was at line 3/ }],
    },
    {
      name: 'an ID renumbered on the board loses the old ID',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-004', title: 'Title of ST-B-003' }]) },
      findings: [{ taskId: 'ST-B-003', file: BOARD, line: 8, introduced: true, message: /ST-B-003/ }],
    },
  ],
});
