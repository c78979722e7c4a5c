import { readFrontmatter } from '../../src/sources/frontmatter.js';
import { readTaskFile } from '../../src/sources/task-file.js';

/** What callers use of a frontmatter read: kind, where the body starts, the YAML's value and its errors. */
function shape(text: string) {
  const read = readFrontmatter(text);
  if (read.kind !== 'closed') return { kind: read.kind, errors: read.kind === 'unclosed' ? read.document?.errors.map((error) => [error.code, error.pos]) : undefined };
  return { kind: read.kind, bodyOffset: read.bodyOffset, value: read.document.toJS(), errors: read.document.errors.map((error) => [error.code, error.pos]), range: read.document.contents?.range };
}

const FRONT = '---\nid: task-1\ntitle: "A: task"\nstatus: To Do\n---\n';

describe('readFrontmatter reads the first document only, whatever the body holds', () => {
  // The parse stops at the closing marker's line: a body that is not YAML (or is more YAML documents) changes nothing.
  test.each([
    ['a Markdown body with lists, colons and brackets', '\n## Notes\n- [ ] a: b: c\n  { not yaml\n'],
    ['thematic breaks and `...` lines in the body', '\n---\n\ntext\n...\n---\n'],
    ['no body at all', ''],
    ['a body right after the marker, without a blank line', 'body: [\n'],
  ])('%s', (_name, body) => {
    expect(shape(FRONT + body)).toEqual({ ...shape(`${FRONT}\n`), bodyOffset: FRONT.length });
  });

  test('the closing marker with text after it on its line, and `...` as the end', () => {
    expect(shape('---\nid: a\n--- # end\nbody\n')).toMatchObject({ kind: 'closed', bodyOffset: '---\nid: a\n--- # end\n'.length, value: { id: 'a' } });
    expect(shape('---\nid: a\n...\nbody: [\n')).toMatchObject({ kind: 'closed', bodyOffset: '---\nid: a\n...\n'.length, value: { id: 'a' } });
  });

  test('an indented `---` inside a block scalar does not close the frontmatter', () => {
    expect(shape('---\nid: a\nnotes: |\n  ---\n  more\n---\nbody\n')).toMatchObject({ kind: 'closed', value: { id: 'a', notes: '---\nmore\n' } });
  });

  test('never closed, the YAML error still names where it went wrong', () => {
    const read = shape('---\nid: a\ntitle: "unclosed\n\n## Body\n');
    expect(read.kind).toBe('unclosed');
    expect(read.errors?.length).toBeGreaterThan(0);
  });
});

describe('readTaskFile parses the Markdown body only when a count is read', () => {
  test('the counts are computed on first use, then kept', () => {
    const [task] = readTaskFile('backlog/tasks/task-1 - A.md', `${FRONT}\n## Acceptance Criteria\n- [x] #1 one\n- [ ] #2 two\n`).tasks;
    expect(Object.getOwnPropertyDescriptor(task!, 'acceptanceCriteria')?.get).toBeInstanceOf(Function);
    expect(task!.acceptanceCriteria).toEqual({ checked: 1, total: 2 });
    expect(task!.acceptanceCriteria).toBe(task!.acceptanceCriteria);
    expect({ ...task! }).toMatchObject({ id: 'task-1', acceptanceCriteria: { checked: 1, total: 2 }, definitionOfDone: { checked: 0, total: 0 } });
  });
});
