import { bmad, kiro, ledgerText, storyText, testGraphRule } from '../support/graph.js';
import { testRule } from '../support/rule-tester.js';

const SPEC = '.kiro/specs/search/tasks.md';
/** Task 1 (line 1) with sub-tasks 1.1 (line 2) and 1.2 (line 3), nested. */
const spec = (parent: string, first: string, second: string, extra = '') =>
  `- ${parent} 1. Build the index\n  - ${first} 1.1 Tokenise\n  - ${second} 1.2 Rank\n${extra}`;

testGraphRule('rollup-parent-open-children', {
  valid: [
    { name: 'Kiro: parent ticked with every sub-task ticked', head: kiro({ [SPEC]: spec('[x]', '[x]', '[x]') }) },
    { name: 'Kiro: parent open with open sub-tasks', head: kiro({ [SPEC]: spec('[ ]', '[x]', '[ ]') }) },
    { name: 'Kiro: an open optional sub-task does not block its parent', head: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]*') }) },
    {
      name: 'Kiro: flat sub-tasks (no nesting) of a closed parent, all ticked',
      head: kiro({ [SPEC]: '- [x] 2. Ship\n- [x] 2.1 Build\n- [X] 2.2 Publish\n' }),
    },
    {
      name: 'BMAD: epic done with every story done; the open retrospective is optional',
      head: bmad(ledgerText({ 'epic-1': 'done', '1-1-a': 'done', '1-2-b': 'done', 'epic-1-retrospective': 'optional' }), {}),
    },
    {
      name: 'an untouched family is not judged in a change',
      base: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]', '- [ ] 2. Other\n') }),
      head: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]', '- [x] 2. Other\n') }),
    },
  ],
  invalid: [
    {
      name: 'Kiro: the parent ticked while 1.2 is open (introduced)',
      base: kiro({ [SPEC]: spec('[ ]', '[x]', '[ ]') }),
      head: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]') }),
      findings: [{ taskId: `${SPEC}#1`, file: SPEC, line: 1, introduced: true, message: /^task 1 of \.kiro\/specs\/search\/tasks\.md is "\[x\]" \(.*:1\) but 1 required sub-task is not done: 1\.2 "\[ \]" \(line 3\); finish it/ }],
    },
    {
      name: 'Kiro: an in-progress sub-task is not done either; both open ones are listed',
      head: kiro({ [SPEC]: spec('[x]', '[-]', '[ ]') }),
      findings: [{ line: 1, introduced: true, message: /2 required sub-tasks are not done: 1\.1 "\[-\]" \(line 2\), 1\.2 "\[ \]" \(line 3\)/ }],
    },
    {
      name: 'Kiro: flat sub-tasks take their parent from the dotted ID',
      head: kiro({ [SPEC]: '- [x] 2. Ship\n- [x] 2.1 Build\n- [ ] 2.2 Publish\n' }),
      findings: [{ taskId: `${SPEC}#2`, line: 1, message: /2\.2 "\[ \]" \(line 3\)/ }],
    },
    {
      name: 'Kiro: unticking a sub-task under a ticked parent is judged (the child is the touched task)',
      base: kiro({ [SPEC]: spec('[x]', '[x]', '[x]') }),
      head: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]') }),
      findings: [{ taskId: `${SPEC}#1`, introduced: true }],
    },
    {
      name: 'Kiro: adding an open sub-task under a ticked parent is introduced',
      base: kiro({ [SPEC]: '- [x] 1. Build the index\n  - [x] 1.1 Tokenise\n' }),
      head: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]') }),
      findings: [{ taskId: `${SPEC}#1`, introduced: true, message: /1\.2 "\[ \]" \(line 3\)/ }],
    },
    {
      name: 'Kiro: already there at base is pre-existing when the family is touched',
      base: kiro({ [SPEC]: spec('[x]', '[ ]', '[ ]') }),
      head: kiro({ [SPEC]: spec('[x]', '[x]', '[ ]') }),
      findings: [{ taskId: `${SPEC}#1`, introduced: false }],
    },
    {
      name: 'BMAD: epic-1 done while story 1-2 is in review',
      head: bmad(ledgerText({ 'epic-1': 'done', '1-1-a': 'done', '1-2-b': 'review', 'epic-1-retrospective': 'optional' }), { '1-1-a': storyText('done'), '1-2-b': storyText('review') }),
      findings: [{ taskId: 'epic-1', file: '_bmad-output/implementation-artifacts/sprint-status.yaml', line: 3, message: /^epic-1 is "done" .* 1-2-b "review" \(line 5\)/ }],
    },
  ],
});

// Through the engine: the kiro preset reads .kiro/specs/*/tasks.md and judges the keys the change touched.
testRule('rollup-parent-open-children', {
  valid: [{ name: 'engine, kiro: an archived spec is not read', head: { [SPEC]: spec('[ ]', '[x]', '[ ]'), '.kiro/specs/_archived/old/tasks.md': spec('[x]', '[ ]', '[ ]') }, config: { preset: 'kiro' } }],
  invalid: [
    {
      name: 'engine, kiro: ticking the parent with 1.2 open is introduced',
      base: { [SPEC]: spec('[ ]', '[x]', '[ ]') },
      head: { [SPEC]: spec('[x]', '[x]', '[ ]') },
      config: { preset: 'kiro' },
      findings: [{ taskId: `${SPEC}#1`, file: SPEC, line: 1, introduced: true, message: /1\.2 "\[ \]" \(line 3\)/ }],
    },
    {
      name: 'engine, kiro: ticking 1.1 under a parent already ticked with 1.2 open is pre-existing',
      base: { [SPEC]: spec('[x]', '[ ]', '[ ]') },
      head: { [SPEC]: spec('[x]', '[x]', '[ ]') },
      config: { preset: 'kiro' },
      findings: [{ taskId: `${SPEC}#1`, introduced: false }],
    },
  ],
});
