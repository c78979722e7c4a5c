import { parseConfig, defaultConfig } from '../../src/config/load.js';
import { diagnose, renderDiagnosis } from '../../src/report/doctor.js';
import { consistentTree } from '../support/docs.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

const opsBoard = ['# Ops', '', '| ID | Title | Stage | Owner |', '|----|-------|-------|-------|', '| OPS-7 | Rotate keys | Shipped | sre |', '| OPS-8 | Expire tokens | Parked | sre |', ''].join('\n');

async function doctorOf(tree: Tree, configText: string | null) {
  const config = configText === null ? defaultConfig() : parseConfig(configText, '.github/doc-sync.yml');
  return diagnose({
    reader: new MemoryRepo({ head: tree }),
    revision: 'head',
    config,
    configSource: configText === null ? null : '.github/doc-sync.yml',
    configReason: configText === null ? 'no config file, so the defaults apply' : 'found in the working tree',
  });
}

describe('doctor', () => {
  test('the default layout is understood: every document found, every table mapped, nothing needs config', async () => {
    const diagnosis = await doctorOf({ ...consistentTree([{ id: 'ST-B-001', status: 'Done' }, { id: 'ST-B-002' }]), 'docs/agents/sessions/2025-12-22_session-0001.md': '# s\n' }, null);
    expect(diagnosis.needsConfig).toEqual([]);
    expect(diagnosis.documents.map((document) => [document.key, document.files.length])).toEqual([
      ['paths.board', 1],
      ['paths.boardCsv', 1],
      ['paths.backlog', 1],
      ['paths.planIndex', 1],
      ['paths.plans', 1],
      ['paths.sessionLogs', 1],
    ]);
    expect(diagnosis.tables.find((table) => table.role === 'Markdown board')).toEqual({
      file: 'docs/StateTrace_TaskBoard.md',
      line: 4,
      role: 'Markdown board',
      columns: [
        { header: 'ID', role: 'id' },
        { header: 'Title', role: 'title' },
        { header: 'Column', role: 'status' },
        { header: 'Owner/Role', role: 'owner' },
        { header: 'Deliverable', role: 'deliverable' },
        { header: 'Links', role: 'planLink' },
      ],
      rows: 2,
    });
    expect(diagnosis.statuses).toEqual({ done: ['Done'], ready: ['Ready'] });
    const text = renderDiagnosis(diagnosis);
    expect(text).toMatch(/^Config: the defaults \(StateTrace layout\)\n {2}no config file, so the defaults apply$/m);
    expect(text).toMatch(/^doc-sync understood every document: nothing needs config\.$/m);
  });

  test('another team\'s layout with the defaults: every gap named with its key', async () => {
    const diagnosis = await doctorOf({ 'planning/BOARD.md': opsBoard }, 'paths:\n  board: planning/BOARD.md\n  sessionLogs: []\nids:\n  pattern: "OPS-\\\\d+"\n');
    expect(diagnosis.needsConfig).toEqual([
      'paths.boardCsv: nothing at docs/taskboard/TaskBoard.csv; set paths.boardCsv in .github/doc-sync.yml',
      'paths.backlog: nothing at docs/CODEX_BACKLOG.md; set paths.backlog in .github/doc-sync.yml',
      'paths.planIndex: nothing at docs/plans/PlanIndex.md; set paths.planIndex in .github/doc-sync.yml (null if there is none)',
      'paths.plans: nothing at docs/plans/Plan*.md; set paths.plans in .github/doc-sync.yml',
      expect.stringMatching(/^planning\/BOARD\.md:3: the task table at line 3 has an ID column but no status column .* set columns\.status: \["Stage"\] in \.github\/doc-sync\.yml$/),
    ]);
    expect(diagnosis.rulesOff.map((rule) => rule.id)).toEqual(['session-log-missing', 'session-log-task-missing', 'session-log-name']);
    expect(renderDiagnosis(diagnosis)).toMatch(/^ {4}ID → id \| Title → title \| Stage → \(unmapped\) \| Owner → owner$/m);
  });

  test('a session-log folder git-ignored at the revision: the session rules are off with the .gitignore line, and no log is not a gap', async () => {
    const diagnosis = await doctorOf({ ...consistentTree([{ id: 'ST-B-001', status: 'Done' }]), '.gitignore': 'node_modules/\ndocs/agents/sessions/\n' }, null);
    expect(diagnosis.needsConfig).toEqual([]);
    expect(diagnosis.rulesOff).toEqual(
      ['session-log-missing', 'session-log-task-missing', 'session-log-name'].map((id) => ({
        id,
        reason: 'docs/agents/sessions/ is git-ignored (.gitignore line 2: docs/agents/sessions/) at head: session logs are kept out of git, so no change can add one',
      })),
    );
  });

  test('status words in no category are listed with the key to set', async () => {
    const diagnosis = await doctorOf({ 'planning/BOARD.md': opsBoard }, 'paths:\n  board: planning/BOARD.md\nids:\n  pattern: "OPS-\\\\d+"\ncolumns:\n  status: Stage\n');
    expect(diagnosis.statuses).toEqual({ done: ['Shipped'], unknown: ['Parked'] });
    expect(diagnosis.needsConfig).toContainEqual('status words in no category: "Parked"; add each under statuses.<category> in .github/doc-sync.yml (e.g. statuses.done: ["Parked"])');
  });
});
