import { problemFindings, type ProblemSentence } from './support/problems.js';
import { defineRule, noOptions } from '../core/rule.js';

/** Why doc-sync could not read the file, and what makes it readable. */
export const unreadableSentence: ProblemSentence<'unreadable'> = (problem) => {
  const { file } = problem;
  switch (problem.cause) {
    case 'lfs-pointer':
      return `${file} is a Git LFS pointer, not the document, so doc-sync cannot read it; keep planning documents in git itself (remove the path from .gitattributes' LFS filters)`;
    case 'symlink':
      return `${file} holds only the path "${problem.target}", which is what git stores for a symbolic link; doc-sync reads what git stores, so point paths.* at the real file or commit the file itself`;
    case 'binary':
      return `${file} is binary (it contains NUL bytes), so doc-sync cannot read it; it must be UTF-8 text`;
    case 'too-large':
      return `${file} is ${problem.size} bytes, over the ${problem.limit}-byte limit, so it was not checked; split it or raise limits.maxFileBytes`;
  }
};

export default defineRule({
  id: 'file-unreadable',
  description: 'A planning document is binary or too large to check.',
  defaultSeverity: 'error',
  kind: 'state',
  options: noOptions,
  check: (context) => problemFindings(context, ['unreadable'], unreadableSentence),
});
