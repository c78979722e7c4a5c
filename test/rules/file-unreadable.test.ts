import { BOARD, CSV, board, consistentTree, sessionPath } from '../support/docs.js';
import { testRule } from '../support/rule-tester.js';

const base = consistentTree([{ id: 'ST-B-001' }, { id: 'ST-B-002' }]);
const utf8 = (text: string) => new TextEncoder().encode(text);
/** The board with one NUL byte in the middle of a row. */
const boardWithNul = (() => {
  const bytes = utf8(board([{ id: 'ST-B-001', title: 'Parse @ render' }, { id: 'ST-B-002' }]));
  bytes[bytes.indexOf(0x40)] = 0;
  return bytes;
})();
const limits = { limits: { maxFileBytes: 100 } };
/** Exactly `size` bytes of session-log text. */
const logOfSize = (size: number) => `# Session\n\nTask: ST-B-001\n${'x'.repeat(size - 27)}\n`;

testRule('file-unreadable', {
  valid: [
    { name: 'ordinary UTF-8 documents', base, head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) } },
    {
      name: 'a binary file outside the planning documents is not read',
      base,
      head: { ...base, 'docs/images/board.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]) },
    },
    {
      name: 'a file of exactly maxFileBytes is within the limit',
      config: limits,
      base: { [BOARD]: '# b\n', [CSV]: '"ID"\r\n' },
      head: { [BOARD]: '# b\n', [CSV]: '"ID"\r\n', [sessionPath(1)]: logOfSize(100) },
    },
    {
      name: 'an unchanged binary file is not judged in a change',
      base: { ...base, [CSV]: boardWithNul },
      head: { ...base, [CSV]: boardWithNul, [BOARD]: board([{ id: 'ST-B-001', title: 'Renamed' }, { id: 'ST-B-002' }]) },
    },
  ],
  invalid: [
    {
      name: 'a board committed as a Git LFS pointer is reported as one, not as every row deleted',
      base,
      head: { ...base, [BOARD]: 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n' },
      findings: [{ taskId: null, file: BOARD, line: 1, introduced: true, message: /is a Git LFS pointer, not the document/ }],
    },
    {
      name: 'a CSV committed as a symbolic link (git stores the target path) is reported as one',
      base,
      head: { ...base, [CSV]: '../shared/TaskBoard.csv' },
      findings: [{ taskId: null, file: CSV, line: 1, introduced: true, message: /holds only the path "\.\.\/shared\/TaskBoard\.csv", which is what git stores for a symbolic link/ }],
    },
    {
      name: 'a NUL byte makes the board binary',
      base,
      head: { ...base, [BOARD]: boardWithNul },
      findings: [{ taskId: null, file: BOARD, line: 1, introduced: true, message: /StateTrace_TaskBoard\.md is binary \(it contains NUL bytes\)/ }],
    },
    {
      name: 'a session log one byte over limits.maxFileBytes',
      config: limits,
      base: { [BOARD]: '# b\n', [CSV]: '"ID"\r\n' },
      head: { [BOARD]: '# b\n', [CSV]: '"ID"\r\n', [sessionPath(1)]: logOfSize(101) },
      findings: [{ taskId: null, file: sessionPath(1), line: 1, introduced: true, message: /is 101 bytes, over the 100-byte limit/ }],
    },
    {
      name: 'a board that grew past the limit',
      config: limits,
      base: { [BOARD]: '# Task Board\n', [CSV]: '"ID"\r\n' },
      head: { [BOARD]: board([{ id: 'ST-B-001' }]), [CSV]: '"ID"\r\n' },
      findings: [{ taskId: null, file: BOARD, line: 1, introduced: true, message: /over the 100-byte limit, so it was not checked/ }],
    },
    {
      name: 'a file already too large at base is pre-existing',
      config: limits,
      base,
      head: { ...base, [BOARD]: board([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]) },
      findings: [{ taskId: null, file: BOARD, line: 1, introduced: false, message: /over the 100-byte limit/ }],
    },
    {
      name: 'an edited file that stays binary is pre-existing',
      base: { ...base, [CSV]: boardWithNul },
      head: { ...base, [CSV]: new Uint8Array([...boardWithNul, 0x41]) },
      findings: [{ taskId: null, file: CSV, line: 1, introduced: false, message: /binary/ }],
    },
    {
      name: '--all reports an unreadable file',
      head: { ...base, [CSV]: new Uint8Array([0x22, 0x49, 0x44, 0x22, 0x00, 0x0d, 0x0a]) },
      findings: [{ taskId: null, file: CSV, line: 1, introduced: true, message: /binary/ }],
    },
  ],
});
