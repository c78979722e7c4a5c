import { marked } from 'marked';
import { backlogCommitSection, backlogSuggestionSection } from '../../src/report/bot-sections.js';

/** The bot's sections quote document text; a pull request's author chooses it. */
describe('bot sections keep document text inert', () => {
  test('a refusal reason cannot mention, reference or link', () => {
    const section = backlogSuggestionSection({ fixes: [], refused: [{ reason: 'OPS-9 "ping @security-team about #12 [here](https://evil.example)" is not on a board' }] }, null);
    const html = marked.parse(section, { async: false });
    expect(html).not.toMatch(/<a /);
    expect(section).not.toMatch(/@security-team/);
    expect(section).not.toMatch(/(^|[^\\])#12/);
  });

  test('a diff with a fence in it stays inside its block', () => {
    const diff = '+| OPS-9 | ``` closes the block | Todo |\n+</details> @team\n';
    const section = backlogCommitSection({ committed: true, sha: 'a'.repeat(40), detail: { opened: ['OPS-9'], refused: [], diff } }, 'feature');
    const html = marked.parse(section, { async: false });
    // Everything after the opening fence is one code block: the row and the mention are text in it.
    expect(html.match(/<pre>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/details&gt; @team');
    expect(html).not.toMatch(/<\/details>/);
  });
});
