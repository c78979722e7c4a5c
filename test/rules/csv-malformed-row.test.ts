import { BOARD, CSV, board, consistentTree, csv, csvRecord } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const tasks = [{ id: 'ST-B-001' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }];
const base = consistentTree(tasks);
const HEADER = '"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"';
/** A CSV from raw lines joined with CRLF (the builders' ending). */
const rawCsv = (...lines: string[]) => [...lines, ''].join('\r\n');

testRule('csv-malformed-row', {
  valid: [
    {
      name: 'a PlanLink to a plan whose file name has a space or a non-ASCII letter',
      base,
      head: {
        ...base,
        'docs/plans/PlanB_Work and more.md': '# Plan B\n',
        'docs/plans/PlanB_Übersicht.md': '# Plan B\n',
        [CSV]: csv([{ id: 'ST-B-001', plan: 'docs/plans/PlanB_Work and more.md' }, { id: 'ST-B-002', plan: 'docs/plans/PlanB_Übersicht.md' }, { id: 'ST-B-003' }]),
      },
    },
    {
      name: 'a well-formed edit of a record',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
    },
    {
      name: 'CRLF and LF mixed, with runs of blank lines between and after records',
      base,
      head: {
        ...base,
        [CSV]: `${HEADER}\r\n${csvRecord({ id: 'ST-B-001' })}\n\n\r\n\r\n${csvRecord({ id: 'ST-B-002', status: 'Done' })}\n${csvRecord({ id: 'ST-B-003' })}\r\n\r\n\n`,
      },
    },
    {
      name: 'a UTF-8 BOM before the header and a lone CR ending',
      base,
      head: {
        ...base,
        [CSV]: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${HEADER}\r${csvRecord({ id: 'ST-B-001' })}\r\n${csvRecord({ id: 'ST-B-002' })}\r\n${csvRecord({ id: 'ST-B-003' })}\r\n`)]),
      },
    },
    {
      name: 'quoted commas, doubled quotes and line breaks inside a quoted field',
      base,
      head: {
        ...base,
        [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001', title: 'Parse, then "render"' }), csvRecord({ id: 'ST-B-002', deliverable: 'Line one\nline two' }), csvRecord({ id: 'ST-B-003' })),
      },
    },
    {
      name: 'a PlanLink given as a Markdown link to the plan is a plan path',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', plan: '[Plan B](docs/plans/PlanB_Work.md)' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]) },
    },
    {
      name: 'a malformed record already there is not judged when the change does not touch the CSV',
      base: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title "quoted" word","Ready","Docs","D","docs/plans/PlanB_Work.md",""', csvRecord({ id: 'ST-B-003' })) },
      head: {
        ...base,
        [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title "quoted" word","Ready","Docs","D","docs/plans/PlanB_Work.md",""', csvRecord({ id: 'ST-B-003' })),
        [BOARD]: board([{ id: 'ST-B-001', title: 'Renamed on the board only' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
      },
    },
  ],
  invalid: [
    {
      name: 'an unclosed quote in the last record',
      base,
      head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), csvRecord({ id: 'ST-B-002' }), '"ST-B-003","Title of ST-B-003,Ready,Docs,D,docs/plans/PlanB_Work.md,') },
      findings: [{ taskId: 'ST-B-003', file: CSV, line: 4, introduced: true, message: /^the CSV record of ST-B-003 cannot be read: a quoted field is never closed/ }],
    },
    {
      name: 'an unclosed quote mid-file swallows the records below it',
      base,
      head: {
        ...base,
        [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), 'ST-B-002,"Title of ST-B-002,Ready,Docs,D,docs/plans/PlanB_Work.md,', 'ST-B-003,Title of ST-B-003,Ready,Docs,D,docs/plans/PlanB_Work.md,'),
      },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /ST-B-002 cannot be read: .*never closed.*add the missing `"`/ }],
    },
    {
      name: 'a stray (undoubled) quote inside a quoted field',
      base,
      head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title "quoted" word","Ready","Docs","D","docs/plans/PlanB_Work.md",""', csvRecord({ id: 'ST-B-003' })) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /^the CSV record of ST-B-002 cannot be read: a quote inside a quoted field is not doubled/ }],
    },
    {
      name: 'two records glued together (missing line break): too many fields',
      base,
      head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), csvRecord({ id: 'ST-B-002' }) + csvRecord({ id: 'ST-B-003' })) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /ST-B-002 has 13 fields but the header has 7; a line break may be missing/ }],
    },
    {
      name: 'an unquoted comma splits a field: one field too many, after mixed endings and blank runs',
      base,
      head: {
        ...base,
        [CSV]: `${HEADER}\r\n${csvRecord({ id: 'ST-B-001' })}\n\n\r\n\r\n${csvRecord({ id: 'ST-B-002' })}\nST-B-003,Parse, render,Ready,Docs,D,docs/plans/PlanB_Work.md,\r\n\r\n\n`,
      },
      // The split also shifts "D" into PlanLink: one cause, so only the field count is reported.
      findings: [{ taskId: 'ST-B-003', file: CSV, line: 7, introduced: true, message: /ST-B-003 has 8 fields but the header has 7/ }],
    },
    {
      name: 'a record with fields missing',
      base,
      head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title of ST-B-002","Ready"', csvRecord({ id: 'ST-B-003' })) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /3 fields but the header has 7; fields are missing or shifted/ }],
    },
    {
      name: 'a shifted record whose PlanLink holds non-path text',
      base,
      head: {
        ...base,
        [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title of ST-B-002","Ready","Docs","Deliverable part 1","part 2 of the deliverable",""', csvRecord({ id: 'ST-B-003' })),
      },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /PlanLink of ST-B-002 \("part 2 of the deliverable"\) is not a plan file/ }],
    },
    {
      name: 'a record shifted left so its ID field holds the title',
      base,
      head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"Title of ST-B-002","Ready","Docs","D","docs/plans/PlanB_Work.md","",""', csvRecord({ id: 'ST-B-003' })) },
      findings: [{ taskId: null, file: CSV, line: 3, introduced: true, message: /"Title of ST-B-002" in its ID field, which is not a task ID/ }],
    },
    {
      name: 'a header without an ID column',
      base,
      head: { ...base, [CSV]: rawCsv('"Key","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"', csvRecord({ id: 'ST-B-001' })) },
      findings: [{ taskId: null, file: CSV, line: 1, introduced: true, message: /header has no ID column/ }],
    },
    {
      name: 'a stray quote already at base is pre-existing when the change edits the CSV elsewhere',
      base: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title "quoted" word","Ready","Docs","D","docs/plans/PlanB_Work.md",""', csvRecord({ id: 'ST-B-003' })) },
      head: {
        ...base,
        [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }, { id: 'ST-B-003' }]),
        [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001', status: 'Done' }), '"ST-B-002","Title "quoted" word","Ready","Docs","D","docs/plans/PlanB_Work.md",""', csvRecord({ id: 'ST-B-003' })),
      },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: false, message: /not doubled/ }],
    },
    {
      name: '--all reports a malformed record',
      head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), '"ST-B-002","Title of ST-B-002","Ready"', csvRecord({ id: 'ST-B-003' })) },
      findings: [{ taskId: 'ST-B-002', file: CSV, line: 3, introduced: true, message: /3 fields/ }],
    },
  ],
});

// CSV syntax problems are keyed by their message only (`csv-syntax:<message>`), so a second
// stray quote added by the change matches the one already at base and is marked pre-existing.
describe('regression: a new CSV syntax error is pre-existing when base has another of the same kind', () => {
  const stray = (id: string) => `"${id}","Title "quoted" word","Ready","Docs","D","docs/plans/PlanB_Work.md",""`;
  testRule('csv-malformed-row', {
    valid: [],
    invalid: [
      {
        name: 'the stray quote added at line 4 is introduced; the one at line 3 is not',
        base: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), stray('ST-B-002'), csvRecord({ id: 'ST-B-003' })) },
        head: { ...base, [CSV]: rawCsv(HEADER, csvRecord({ id: 'ST-B-001' }), stray('ST-B-002'), stray('ST-B-003')) },
        findings: [
          { taskId: 'ST-B-003', file: CSV, line: 4, introduced: true, message: /not doubled/ },
          { taskId: 'ST-B-002', file: CSV, line: 3, introduced: false, message: /not doubled/ },
        ],
      },
    ],
  });
});

/** The real-history classes (synthetic repros, invented IDs): a record csv-parse rejects keeps its task. */
describe('a record csv-parse rejects names its task', () => {
  const qTasks = [{ id: 'ST-Q-001' }, { id: 'ST-Q-002', title: 'Make widgets' }, { id: 'ST-Q-003', title: 'Ship widgets' }];
  const qBase = consistentTree(qTasks);
  const PLAN_Q = 'docs/plans/PlanQ_Work.md';
  const record = (id: string, title: string, notes = '') => `"${id}","${title}","Ready","Docs","Deliverable of ${id}","${PLAN_Q}","${notes}"`;
  testRule('csv-malformed-row', {
    valid: [],
    invalid: [
      {
        name: 'a record glued onto the previous one right after its closing quote: one finding naming both tasks',
        base: qBase,
        head: {
          ...qBase,
          [CSV]: rawCsv(HEADER, record('ST-Q-001', 'Title of ST-Q-001'), `${record('ST-Q-002', 'Make widgets', 'n2')}ST-Q-003,Ship widgets,Ready,Docs,Deliverable of ST-Q-003,${PLAN_Q},`),
        },
        findings: [
          {
            taskId: 'ST-Q-002',
            file: CSV,
            line: 3,
            introduced: true,
            message: /^the CSV record of ST-Q-002 and ST-Q-003 cannot be read: a quote inside a quoted field is not doubled.*; ST-Q-003 starts right after a closing quote, so a line break is missing before it$/,
          },
        ],
      },
      {
        name: 'an undoubled quote inside a quoted field',
        base: qBase,
        head: { ...qBase, [CSV]: rawCsv(HEADER, record('ST-Q-001', 'Title of ST-Q-001'), record('ST-Q-002', 'uses the "gloss" preset'), record('ST-Q-003', 'Ship widgets')) },
        findings: [{ taskId: 'ST-Q-002', file: CSV, line: 3, message: /^the CSV record of ST-Q-002 cannot be read: a quote inside a quoted field is not doubled/ }],
      },
    ],
  });
});
