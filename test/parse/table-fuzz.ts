/** Deterministic generators of Markdown tables with the syntax a fast path could get wrong. */

import { seededRandom } from '../../scripts/seeded-random.mjs';

const CELLS = [
  'ST-B-001', 'Done', 'In Progress', 'plain text', '', ' ', 'PlanA_Routing', 'a_b_c', '_a_', 'a_', '_a', '*a*', '**Done**',
  '`code`', '`a|b`', '`a\\|b`', 'a \\| b', 'a \\\\', '\\\\', '[plan](docs/plans/PlanA_X.md)', '![img](x.png)', '<br>',
  'x<br/>y', '&amp;', '&#124;', 'a&b', '~~gone~~', 'tab\there', '\u00a0nbsp\u00a0', 'emoji ✅', 'a > b', '-->',
  '<!-- c -->', '# not heading', '- not list', '> not quote', '1. not list', 'http://x.y/z', '[ref]', '[a]', 'x]', '!',
  '\\', '\\*', '**', '***a***', '`', '``a``', 'a  b   c', ':---', '---', '===', '<div>', 'a|', '|', '`a <br> b`', '` a `', '`  `', '` `` `', '&', 'a & b', '&x', '&#', '<BR>', '<br >', '<br  />', 'x `a` y `b` z', '`a\\\\`', '`x` <br> `y`',
  '[a](b)', '[PlanA_X](docs/plans/PlanA_X.md)', '[a b](c)', '[](x)', '[a]()', '[a](b c)', '[a](<b>)', '[a](b "t")', '[a_](b)',
  '[a](b)(c)', '[[a]](b)', 'x [a](b) y [c](d)', '[a](b&amp;c)', '[a](b\\c)', '[`a`](b)', '[a](b)]', '[a](b_c)', '[a](b',
];

const PROSE = [
  '', '# Heading', '## Active tasks', '### Delivered', 'Some prose with *emphasis* and [a link](x).', '- a list item',
  '  - nested item', '> a quote', '> | ST-B-009 | quoted |', '```', '~~~', '    indented code', '<!-- comment -->', '<!--',
  '-->', '<div>', '</div>', 'Title', '=====', '---', '***', '1. ordered', 'text | with pipe', '| lone pipe line |',
  '[def]: http://x', '<pre>', '</pre>', 'a line with `code` and \\* escapes', '* star item', '+ plus item',
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function row(random: () => number, cells: number): string {
  const parts = Array.from({ length: cells }, () => {
    const cell = random() < 0.5 ? `ST-B-${String(Math.floor(random() * 999)).padStart(3, '0')}` : pick(random, CELLS);
    const pad = random() < 0.8 ? ' ' : random() < 0.5 ? '' : '  ';
    return `${pad}${cell}${pad}`;
  });
  const lead = random() < 0.95 ? '|' : random() < 0.5 ? ' |' : '';
  const trail = random() < 0.85 ? '|' : random() < 0.5 ? '| ' : '';
  return `${lead}${parts.join('|')}${trail}`;
}

/** A document of a few tables, prose and the interruptions real boards have. */
export function fuzzTableDocument(seed: number): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  const tables = 1 + Math.floor(random() * 3);
  for (let t = 0; t < tables; t++) {
    for (let p = Math.floor(random() * 4); p > 0; p--) lines.push(pick(random, PROSE));
    if (random() < 0.7) lines.push('');
    const columns = 1 + Math.floor(random() * 5);
    lines.push(row(random, columns));
    lines.push(random() < 0.9 ? `|${Array.from({ length: columns }, () => pick(random, ['---', ':--', '--:', ':-:', ' --- '])).join('|')}|` : '|---|');
    for (let r = Math.floor(random() * 12); r > 0; r--) {
      const roll = random();
      if (roll < 0.75) lines.push(row(random, Math.max(1, columns + (random() < 0.8 ? 0 : Math.floor(random() * 3) - 1))));
      else if (roll < 0.85) lines.push(pick(random, ['<!-- LANDMARK: x -->', '', '<!--', '-->']));
      else lines.push(pick(random, PROSE));
    }
  }
  const ending = pick(random, ['\n', '\n', '\r\n', '\r', '\r\r\r\n']);
  return lines.join(ending) + (random() < 0.5 ? ending : '');
}

/** A real document with lines swapped, duplicated, dropped or cut: corpus quirks in new places. */
export function mutateDocument(text: string, seed: number): string {
  const random = seededRandom(seed);
  const lines = text.split('\n');
  for (let n = 1 + Math.floor(random() * 6); n > 0; n--) {
    const at = Math.floor(random() * lines.length);
    const roll = random();
    if (roll < 0.25) lines.splice(at, 1);
    else if (roll < 0.5) lines.splice(at, 0, lines[Math.floor(random() * lines.length)] ?? '');
    else if (roll < 0.7) lines[at] = (lines[at] ?? '').slice(0, Math.floor(random() * (lines[at]?.length ?? 0)));
    else if (roll < 0.85) lines.splice(at, 0, pick(random, PROSE));
    else lines[at] = `${lines[at] ?? ''}${pick(random, CELLS)}`;
  }
  return lines.join('\n');
}
