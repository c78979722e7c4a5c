import { parseConfig } from '../../src/config/load.js';
import { diagnose, renderDiagnosis } from '../../src/report/doctor.js';
import { MemoryRepo, type Tree } from '../support/memory-repo.js';

async function doctorOf(tree: Tree, configText: string) {
  return diagnose({
    reader: new MemoryRepo({ head: tree }),
    revision: 'head',
    config: parseConfig(configText, '.github/doc-sync.yml'),
    configSource: '.github/doc-sync.yml',
    configReason: 'found in the working tree',
  });
}

describe('doctor for a preset', () => {
  test('lists each source with its files, tasks, problems and statuses, and asks for the ones outside the vocabulary', async () => {
    const diagnosis = await doctorOf(
      {
        '_bmad-output/implementation-artifacts/sprint-status.yaml': 'development_status:\n  epic-1: in-progress\n  1-1-a: review\n  1-2-b: shelved\n',
        '_bmad-output/implementation-artifacts/1-1-a.md': '# Story 1.1: A\n\nStatus: review\n',
      },
      'preset: bmad\n',
    );
    expect(diagnosis.documents).toEqual([]);
    expect(diagnosis.preset!.sources.map((source) => [source.name, source.files.length, source.tasks, source.statuses])).toEqual([
      ['ledger', 1, 3, { 'in-progress': ['in-progress'], 'ready-for-review': ['review'], unknown: ['shelved'] }],
      ['stories', 1, 1, { 'ready-for-review': ['review'] }],
    ]);
    expect(diagnosis.needsConfig).toEqual(['ledger: statuses not in the bmad vocabulary: "shelved"; add each under statuses.<category> in .github/doc-sync.yml']);
    const text = renderDiagnosis(diagnosis);
    expect(text).toContain('Preset bmad, task sources:\n  ledger (ledger) **/sprint-status.yaml: 1 file, 3 tasks, 0 problems');
    expect(text).not.toContain('paths.board');
    // The StateTrace sections (documents by path, task tables, their statuses) mean nothing to a preset without tables.
    expect(text).not.toMatch(/^(Documents|Task tables|Statuses seen):/m);
  });

  test('a source with no files or with reader problems says so', async () => {
    const diagnosis = await doctorOf({ 'specs/001-a/tasks.md': '- [ ] no id here\n' }, 'preset: spec-kit\n');
    expect(diagnosis.preset!.sources[0]!.problems).toEqual([expect.stringMatching(/^specs\/001-a\/tasks\.md:1: 1 checkboxes but none with a task ID/)]);
    expect(renderDiagnosis(diagnosis)).toContain('    ! specs/001-a/tasks.md:1: 1 checkboxes');
    const empty = await doctorOf({ 'README.md': '# x\n' }, 'preset: kiro\n');
    expect(empty.needsConfig).toEqual(['sources.tasks: nothing at .kiro/specs/*/tasks.md; set sources.tasks.paths in .github/doc-sync.yml']);
  });
});
