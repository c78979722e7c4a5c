import { consistentTree, sessionLog, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = { ...consistentTree([{ id: 'ST-B-001' }]), [sessionPath(1)]: sessionLog(['ST-B-001']) };
const DIR = 'docs/agents/sessions';
const log = sessionLog(['ST-B-001']);

testRule('session-log-name', {
  valid: [
    { name: 'an added log with a proper name', base, head: { ...base, [sessionPath(2, '2026-01-05')]: log } },
    {
      name: 'editing an existing log with an old-style name',
      base: { ...base, [`${DIR}/session-notes.md`]: log },
      head: { ...base, [`${DIR}/session-notes.md`]: `${log}More notes.\n` },
    },
    {
      name: 'the head ignores the session-log folder in .gitignore: the session rules are off',
      base,
      head: { ...base, '.gitignore': `${DIR}/\n`, [`${DIR}/2025-12-22_session-12.md`]: log },
    },
    { name: 'a file outside the session-log globs', base, head: { ...base, 'docs/agents/notes.md': log } },
    {
      name: 'a configured name pattern',
      config: { sessionLogs: { namePattern: '^S\\d{3}\\.md$' } },
      base,
      head: { ...base, [`${DIR}/S042.md`]: log },
    },
    { name: '--all never reports (change rule)', head: { ...base, [`${DIR}/notes.md`]: log } },
  ],
  invalid: [
    {
      name: 'a session number with too few digits',
      base,
      head: { ...base, [`${DIR}/2025-12-22_session-12.md`]: log },
      findings: [
        {
          taskId: null,
          file: `${DIR}/2025-12-22_session-12.md`,
          line: 1,
          introduced: true,
          message: /^the session log name 2025-12-22_session-12\.md does not match .*; rename it \(e\.g\. 2025-12-22_session-0001\.md\)/,
        },
      ],
    },
    {
      name: 'no date, and a hyphen for the underscore: one finding per file, by path',
      base,
      head: { ...base, [`${DIR}/session-0002.md`]: log, [`${DIR}/2025-12-23-session-0003.md`]: log },
      findings: [
        { taskId: null, file: `${DIR}/2025-12-23-session-0003.md`, line: 1, introduced: true },
        { taskId: null, file: `${DIR}/session-0002.md`, line: 1, introduced: true },
      ],
    },
    {
      name: 'a rename to a bad name is an added file',
      base,
      head: { ...Object.fromEntries(Object.entries(base).filter(([path]) => path !== sessionPath(1))), [`${DIR}/2025-12-22_Session-0001.md`]: log },
      findings: [{ taskId: null, file: `${DIR}/2025-12-22_Session-0001.md`, line: 1, introduced: true, message: /Session-0001\.md does not match/ }],
    },
    {
      name: 'a configured pattern rejects the default style',
      config: { sessionLogs: { namePattern: '^S\\d{3}\\.md$' } },
      base,
      head: { ...base, [sessionPath(2)]: log },
      findings: [{ taskId: null, file: sessionPath(2), line: 1, introduced: true, message: /does not match \^S\\d\{3\}\\\.md\$/ }],
    },
  ],
});
