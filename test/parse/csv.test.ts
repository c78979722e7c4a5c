import { parseCsv } from '../../src/parse/csv.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const header = '"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"';

describe('parseCsv', () => {
  test('strips a BOM and reads mixed CRLF / LF / CR endings and blank-line runs with git line numbers', () => {
    const text = `\uFEFF${header}\r\n"ST-B-001","One","Done","Docs","d","docs/plans/PlanB_Work.md",""\r\n\r\n\r\n"ST-B-002","Two","Ready","Docs","d","docs/plans/PlanB_Work.md",""\n\r\r\r\r\nST-B-003,Three,Backlog,Docs,d,docs/plans/PlanB_Work.md,\n`;
    const doc = parseCsv(bytes(text));
    expect(doc.problems).toEqual([]);
    expect(doc.records.map((record) => [record.line, record.fields[0]])).toEqual([
      [1, 'ID'],
      [2, 'ST-B-001'],
      [5, 'ST-B-002'],
      [7, 'ST-B-003'],
    ]);
  });

  test('a quoted field with a line break is one record starting at its first line', () => {
    const doc = parseCsv(bytes(`${header}\n"ST-B-001","One","Done","Docs","line one\nline two","p",""\n"ST-B-002","Two","Ready","Docs","d","p",""\n`));
    expect(doc.records.map((record) => record.line)).toEqual([1, 2, 4]);
    expect(doc.records[1]!.fields[4]).toBe('line one\nline two');
  });

  test('a stray quote is a problem at its line; the records after it are still read', () => {
    const doc = parseCsv(bytes(`${header}\n"ST-B-001","One "quoted" word","Done","Docs","d","p",""\n"ST-B-002","Two","Ready","Docs","d","p",""\n`));
    expect(doc.problems).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/not doubled/),
        text: '"ST-B-001","One "quoted" word","Done","Docs","d","p",""',
        // Re-read leniently (relax_quotes): the record's task and fields are not lost.
        recovered: [['ST-B-001', 'One "quoted" word', 'Done', 'Docs', 'd', 'p', '']],
      },
    ]);
    expect(doc.records.map((record) => record.fields[0])).toEqual(['ID', 'ST-B-002']);
    expect(doc.records[1]!.line).toBe(3);
  });

  test('an unclosed quote is a problem, never an exception, and earlier records survive', () => {
    const doc = parseCsv(bytes(`${header}\n"ST-B-001","One","Done","Docs","d","p",""\n"ST-B-002","Two","Ready","Docs","d","p","notes never end\n`));
    expect(doc.records.map((record) => record.fields[0])).toEqual(['ID', 'ST-B-001']);
    expect(doc.problems).toEqual([{ line: 3, message: expect.stringMatching(/never closed/), text: '"ST-B-002","Two","Ready","Docs","d","p","notes never end', recovered: [] }]);
  });

  test('after a broken record, parsing resumes on the next line: no later record is lost', () => {
    const doc = parseCsv(bytes('ID,Title\nST-B-001,"2"x\nST-B-002,two\r\nST-B-003,three\n'));
    expect(doc.problems).toEqual([{ line: 2, message: expect.stringMatching(/not doubled/), text: 'ST-B-001,"2"x', recovered: [['ST-B-001', '"2"x']] }]);
    expect(doc.records.map((record) => [record.line, record.fields[0]])).toEqual([
      [1, 'ID'],
      [3, 'ST-B-002'],
      [4, 'ST-B-003'],
    ]);
  });

  test('two records glued together (missing line break) come back as one long record', () => {
    const doc = parseCsv(bytes(`${header}\nST-B-001,One,Done,Docs,d,p,ST-B-002,Two,Ready,Docs,d,p,\n`));
    expect(doc.records[1]!.fields).toHaveLength(13);
    expect(doc.problems).toEqual([]);
  });

  test('byte ranges of records exclude line breaks', () => {
    const text = `${header}\r\nST-B-001,One,Done,Docs,d,p,\r\n`;
    const data = bytes(text);
    const record = parseCsv(data).records[1]!;
    expect(new TextDecoder().decode(data.subarray(record.start, record.end))).toBe('ST-B-001,One,Done,Docs,d,p,');
  });

  test('a record glued right after a closing quote is re-read leniently as one long record (the model splits it)', () => {
    const doc = parseCsv(bytes(`${header}\n"ST-Q-002","Make","Ready","Docs","d","p","n2"ST-Q-003,Ship widgets,Ready,Docs,d,p,\n"ST-Q-004","x","Ready","Docs","d","p",""\n`));
    expect(doc.problems.map((problem) => [problem.line, problem.recovered])).toEqual([
      [2, [['ST-Q-002', 'Make', 'Ready', 'Docs', 'd', 'p', '"n2"ST-Q-003', 'Ship widgets', 'Ready', 'Docs', 'd', 'p', '']]],
    ]);
    expect(doc.records.map((record) => record.fields[0])).toEqual(['ID', 'ST-Q-004']);
  });
});
