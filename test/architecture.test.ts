import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/**
 * The layers, lowest first: a module may import its own folder and lower layers,
 * never a higher one or a peer on the same rank (report and fix; action and cli).
 * errors.ts and version.ts are the ground floor every layer may stand on.
 */
const RANKS: Record<string, number> = {
  errors: 0,
  version: 0,
  parse: 1,
  // Presets are data (sources, vocabularies, relations, rule sets) that config and model build on.
  presets: 1.5,
  // Task-source readers (checklists, frontmatter, ledgers): parse's peers for formats other than tables; they read through parse.
  sources: 2,
  config: 2,
  model: 3,
  diff: 4,
  core: 5,
  rules: 6,
  report: 7,
  fix: 7,
  adapters: 8,
  schemas: 8,
  action: 9,
  cli: 9,
  api: 9,
  'cli-entry': 10,
  index: 10,
};

/** Packages only adapters and above may touch: the engine never talks to GitHub or the runner. */
const OUTSIDE_WORLD = /^(@actions\/|@octokit\/)/;

/**
 * Imports that still run the wrong way, each a known item to fix. Empty since issue 11:
 * a new entry needs a reason, and the test fails when a listed one is gone, so it only shrinks.
 */
const KNOWN_EXCEPTIONS = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The layer of a file under src/: its top folder, or its own name for top-level files. */
const layerOf = (path: string) => {
  const [top = '', ...rest] = relative('src', path).split('/');
  return rest.length > 0 ? top : top.replace(/\.ts$/, '');
};

interface ImportEdge {
  from: string;
  to: string;
  specifier: string;
}

/** Every import and re-export of every module under src/, as the TypeScript compiler reads them. */
function importEdges(): ImportEdge[] {
  return sourceFiles('src').flatMap((file) =>
    ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map(({ fileName }) => ({
      from: relative('src', file),
      to: fileName.startsWith('.') ? relative('src', normalize(join(dirname(file), fileName)).replace(/\.js$/, '.ts')) : fileName,
      specifier: fileName,
    })),
  );
}

const edges = importEdges();
const internal = edges.filter((edge) => edge.specifier.startsWith('.'));
const key = (edge: ImportEdge) => `${edge.from} -> ${edge.to}`;
const rankOf = (path: string) => RANKS[layerOf(join('src', path))];

describe('layers import one way: parse < config < model < diff < core < rules < report / fix < adapters < action / cli', () => {
  test('the import graph was read (a broken reader must not pass)', () => {
    expect(internal.length).toBeGreaterThan(200);
    expect(internal.map(key)).toContain('core/check.ts -> model/build.ts');
  });

  test('every module sits in a known layer', () => {
    const unknown = [...new Set(sourceFiles('src').map(layerOf))].filter((layer) => RANKS[layer] === undefined);
    expect(unknown).toEqual([]);
  });

  test('no module imports a higher layer or a peer', () => {
    const upward = internal.filter((edge) => {
      const from = layerOf(join('src', edge.from));
      const to = layerOf(join('src', edge.to));
      return from !== to && rankOf(edge.to)! >= rankOf(edge.from)! && !KNOWN_EXCEPTIONS.has(key(edge));
    });
    expect(upward.map(key)).toEqual([]);
  });

  test('the known exceptions still exist (delete an entry once it is fixed)', () => {
    const present = new Set(internal.map(key));
    expect([...KNOWN_EXCEPTIONS].filter((exception) => !present.has(exception))).toEqual([]);
  });

  test('only adapters and above talk to GitHub or the runner (@actions/*, @octokit/*)', () => {
    const leaks = edges.filter((edge) => OUTSIDE_WORLD.test(edge.specifier) && rankOf(edge.from)! < RANKS.adapters!);
    expect(leaks.map((edge) => `${edge.from} -> ${edge.specifier}`)).toEqual([]);
  });
});
