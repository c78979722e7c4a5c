import type { RuleFinding } from '../core/finding.js';
import { defineRule, noOptions } from '../core/rule.js';
import { placeOf } from './graph/relations.js';

export default defineRule({
  id: 'task-source-unreadable',
  description: 'A task source file (checklist, task file, ledger, story file, exported board) has something its reader could not read.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check({ head, changes, mode }) {
    const changed = new Set(changes.files.map((file) => file.path));
    const findings: RuleFinding[] = [];
    for (const source of head.graph.sources.values()) {
      // A key written twice in a ledger is also a YAML error on the second line: task-id-duplicate reports it, once.
      const restated = new Set(
        [...source.byKey.values()].filter((statements) => statements.length > 1).flatMap((statements) => statements.slice(1).map(placeOf)),
      );
      const seen = new Map<string, number>();
      const reported = new Set<string>();
      for (const problem of source.problems) {
        // Like file-unreadable: a change answers for the files it edits; --all for every file.
        if (mode !== 'all' && !changed.has(problem.file)) continue;
        // One broken line can fail two ways (not YAML, then not a status); the first says what is wrong.
        if (restated.has(placeOf(problem)) || reported.has(placeOf(problem))) continue;
        reported.add(placeOf(problem));
        // Identity without the line, so an edit above an old problem does not make it new; the count keeps a second one new.
        const identity = `${problem.file}:${problem.message}`;
        const occurrence = (seen.get(identity) ?? 0) + 1;
        seen.set(identity, occurrence);
        findings.push({
          taskId: null,
          file: problem.file,
          line: problem.line,
          message: `${problem.message} (source "${source.name}")`,
          key: `${source.name}:${identity}:${occurrence}`,
        });
      }
    }
    return findings;
  },
});
