import { BACKLOG, BOARD, CSV, backlog, board, consistentTree, csv, plan, planPath, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001', title: 'Parse – render' }, { id: 'ST-B-002', title: 'Café menu' }]);
const utf8 = (text: string) => new TextEncoder().encode(text);

testRule('mojibake-introduced', {
  valid: [
    {
      name: 'a non-ASCII character reworded away, no "?" gained',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse - render' }, { id: 'ST-B-002', title: 'Café menu' }]) },
    },
    {
      name: 'an edit that keeps the non-ASCII characters',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse – render', status: 'Done' }, { id: 'ST-B-002', title: 'Café menu' }]) },
    },
    {
      name: 'a file that legitimately adds "???" while keeping its non-ASCII characters',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse – render' }, { id: 'ST-B-002', title: 'Café menu' }, { id: 'ST-B-003', title: 'Why??? – find out' }]) },
    },
    {
      name: '"???" added to an all-ASCII file',
      base,
      head: { ...base, [BACKLOG]: backlog([{ id: 'ST-B-009', title: 'Huh??? investigate' }]) },
    },
    {
      name: 'a U+FFFD already at base is not gained',
      base: { ...base, [planPath('B')]: `${plan('B', [{ id: 'ST-B-001' }, { id: 'ST-B-002' }])}Old note: caf\uFFFD\n` },
      head: { ...base, [planPath('B')]: `${plan('B', [{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }])}Old note: caf\uFFFD\n` },
    },
    {
      name: 'a deleted file is not judged',
      base: { ...base, [sessionPath(1)]: sessionLog(['ST-B-001']) + 'Note \uFFFD\n' },
      head: base,
    },
    {
      name: 'non-ASCII removed without replacement runs (a deliberate rewording)',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse - render' }, { id: 'ST-B-002', title: 'Cafe menu' }]) },
    },
    {
      name: '--all never reports (change rule)',
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse ??? render' }, { id: 'ST-B-002', title: 'Caf\uFFFD menu' }]) },
    },
  ],
  invalid: [
    {
      name: 'each non-ASCII character became a single "?" (Set-Content -Encoding ascii)',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse ? render' }, { id: 'ST-B-002', title: 'Caf? menu' }]) },
      findings: [{ taskId: null, file: BOARD, line: 6, introduced: true, message: /gained "\?" marks where it lost 2 non-ASCII characters \(first at line 6\)/ }],
    },
    {
      name: '"–" turned into "???"',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse ??? render' }, { id: 'ST-B-002', title: 'Café menu' }]) },
      findings: [{ taskId: null, file: BOARD, line: 6, introduced: true, message: /gained "\?\?\?" runs where it lost non-ASCII characters \(first at line 6\)/ }],
    },
    {
      name: 'every non-ASCII character of the CSV turned into "???" (whole-file re-save)',
      base,
      head: { ...base, [CSV]: csv([{ id: 'ST-B-001', title: 'Parse ??? render' }, { id: 'ST-B-002', title: 'Caf??? menu' }]) },
      findings: [{ taskId: null, file: CSV, line: 2, introduced: true, message: /"\?\?\?" runs/ }],
    },
    {
      name: 'U+FFFD replacing "é"',
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', title: 'Parse – render' }, { id: 'ST-B-002', title: 'Caf\uFFFD menu' }]) },
      findings: [{ taskId: null, file: BOARD, line: 7, introduced: true, message: /gained U\+FFFD replacement characters .*\(first at line 7\)/ }],
    },
    {
      name: 'bytes re-saved as Windows-1252 ("–" is 0x96, invalid UTF-8) decode to U+FFFD',
      base,
      head: {
        ...base,
        [BOARD]: (() => {
          const text = board([{ id: 'ST-B-001', title: 'Parse @ render' }, { id: 'ST-B-002', title: 'Café menu' }]);
          const bytes = utf8(text);
          bytes[bytes.indexOf(0x40)] = 0x96;
          return bytes;
        })(),
      },
      findings: [{ taskId: null, file: BOARD, line: 6, introduced: true, message: /U\+FFFD/ }],
    },
    {
      name: 'an added session log with U+FFFD',
      base,
      head: { ...base, [sessionPath(1)]: `${sessionLog(['ST-B-001'])}Moved ST-B-001 \uFFFD done\n` },
      findings: [{ taskId: null, file: sessionPath(1), line: 7, introduced: true, message: /U\+FFFD/ }],
    },
  ],
});

// REPLACEMENT_RUN is a /g regex used with .test() inside findIndex: after it matches an
// unchanged line its lastIndex is left mid-line, so the next line's new run is missed and
// the finding falls back to line 1.
describe('regression: the first new replacement run is missed after an unchanged line that has one', () => {
  const legacy = consistentTree([{ id: 'ST-B-001', title: 'Legacy importer printed ??? for unknown glyphs' }, { id: 'ST-B-002', title: 'Parse – render' }]);
  testRule('mojibake-introduced', {
    valid: [],
    invalid: [
      {
        name: 'points at the changed line 7, not line 1',
        base: legacy,
        head: { ...legacy, [BOARD]: board([{ id: 'ST-B-001', title: 'Legacy importer printed ??? for unknown glyphs' }, { id: 'ST-B-002', title: 'Parse ??? render' }]) },
        findings: [{ taskId: null, file: BOARD, line: 7, introduced: true, message: /first at line 7/ }],
      },
    ],
  });
});
