/**
 * CSV boards (default layout, plan B) with one record csv-parse rejects, modelled on
 * what real history contains: the rules must keep the task, not report it deleted or missing.
 */
const HEADER = '"ID","Title","Column","OwnerRole","Deliverable","PlanLink","Notes"';
const record = (id: string, title = `Title of ${id}`, notes = '') => `"${id}","${title}","Ready","Docs","Deliverable of ${id}","docs/plans/PlanB_Work.md","${notes}"`;
const lines = (...rows: string[]) => [HEADER, ...rows, ''].join('\n');

/** ST-B-002's record glued onto ST-B-001's right after its closing quote, then ST-B-003. */
export const gluedCsv = lines(
  `${record('ST-B-001', 'Title of ST-B-001', 'n2')}ST-B-002,Title of ST-B-002,Ready,Docs,Deliverable of ST-B-002,docs/plans/PlanB_Work.md,`,
  record('ST-B-003'),
);

/** ST-B-002's title holds an undoubled quote; the ids given follow it. */
export const strayQuoteCsv = (...after: string[]) => lines(record('ST-B-001'), record('ST-B-002', 'uses the "gloss" preset'), ...after.map((id) => record(id)));

/** ST-B-002's title opens a quote that is never closed; the ids given follow it. */
export const unclosedQuoteCsv = (...after: string[]) => lines(record('ST-B-001'), record('ST-B-002').replace('"Title of ST-B-002"', '"Title of ST-B-002'), ...after.map((id) => record(id)));
