// The public API under review: every name each entry exports, values and types alike, is kept in
// test/exports/<entry>.txt, so that a new, renamed or removed public name shows in the diff of a change.
// The README's entry-point table may only name what its entry exports.
import { readFileSync, writeFileSync } from 'node:fs';
import * as root from '@org/ocpi';
import * as node from '@org/ocpi/node';
import * as testing from '@org/ocpi/testing';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { ENTRY_SOURCES, editorProgram, repoPath } from '../consumer-program';

const REPO = new URL('../../../', import.meta.url);
const UPDATE = process.env.UPDATE_EXPORTS === '1';
const TYPE_MARKER = 'type ';

/** Each subpath of package.json's `exports`, with the module the tests load for it (vitest's aliases). */
const ENTRIES = [
  { subpath: '.', name: '@org/ocpi', list: 'root', module: root },
  { subpath: './v211', name: '@org/ocpi/v211', list: 'v211', module: v211 },
  { subpath: './v221', name: '@org/ocpi/v221', list: 'v221', module: v221 },
  { subpath: './node', name: '@org/ocpi/node', list: 'node', module: node },
  { subpath: './testing', name: '@org/ocpi/testing', list: 'testing', module: testing },
] as const;

interface ExportedName {
  name: string;
  typeOnly: boolean;
}

/**
 * Every name an entry exports, from its source text: types are erased at run time, so the TypeScript
 * checker lists them (in the program the other public-API tests read). A name is type-only when the
 * loaded module does not have it.
 */
function exportedNames(): Map<string, ExportedName[]> {
  const program = editorProgram();
  const checker = program.getTypeChecker();
  return new Map(
    ENTRIES.map(({ list, module }) => {
      const source = ENTRY_SOURCES[list];
      const file = program.getSourceFile(repoPath(source));
      const symbol = file && checker.getSymbolAtLocation(file);
      if (!symbol) throw new Error(`TypeScript found no module in ${source}`);
      const values = new Set(Object.keys(module));
      const names = checker
        .getExportsOfModule(symbol)
        .map(({ name }) => ({ name, typeOnly: !values.has(name) }))
        .sort((a, b) => compare(a.name, b.name));
      return [list, names];
    }),
  );
}

// Code-unit order, as Array.prototype.sort: the same on every machine and locale.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const listFile = (list: string) => new URL(`test/exports/${list}.txt`, REPO);

function render(entry: (typeof ENTRIES)[number], names: readonly ExportedName[]): string {
  const header = [
    `# The public exports of ${entry.name} (${ENTRY_SOURCES[entry.list]}), one per line; \`${TYPE_MARKER.trim()}\` marks a type-only`,
    '# export. Checked by test/types/public-api/export-lists.ts; after a deliberate change of the API: UPDATE_EXPORTS=1 npx vitest run test/types/public-api',
  ];
  const lines = names.map(({ name, typeOnly }) => (typeOnly ? `${TYPE_MARKER}${name}` : name));
  return `${[...header, ...lines].join('\n')}\n`;
}

function readList(list: string): string {
  try {
    return readFileSync(listFile(list), 'utf8');
  } catch {
    return '';
  }
}

const HOW_TO_UPDATE =
  'If this change of the public API is deliberate, rewrite the lists with ' +
  '`UPDATE_EXPORTS=1 npx vitest run test/types/public-api` and commit them with the change, so that the new, ' +
  'renamed or removed names show in its diff; otherwise keep the name out of the entry point.';

const actual = exportedNames();

describe('export lists', () => {
  it('covers every entry of the exports map', () => {
    const packageJson = JSON.parse(readFileSync(new URL('package.json', REPO), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const subpaths = Object.keys(packageJson.exports).filter((subpath) => subpath !== './package.json');
    expect(subpaths.sort(), 'a new entry point needs a list here').toEqual(
      ENTRIES.map(({ subpath }) => subpath).sort(),
    );
  });

  describe.each(ENTRIES)('$name', (entry) => {
    const names = actual.get(entry.list) ?? [];

    it('has every run-time export in its type-level list', () => {
      const listed = new Set(names.map(({ name }) => name));
      expect(Object.keys(entry.module).filter((name) => !listed.has(name))).toEqual([]);
    });

    it(`matches test/exports/${entry.list}.txt`, () => {
      const exported = render(entry, names);
      if (UPDATE) writeFileSync(listFile(entry.list), exported);
      expect(
        exported,
        `${entry.name} exports other names than test/exports/${entry.list}.txt lists ` +
          `(+ exported but not listed, - listed but not exported). ${HOW_TO_UPDATE}`,
      ).toBe(readList(entry.list));
    });
  });
});

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('one meaning per name', () => {
  const all = ENTRIES.flatMap((entry) =>
    (actual.get(entry.list) ?? []).map((exported) => ({ ...exported, entry: entry.name })),
  );

  it('exports a name from one entry only, or from both versions as each version’s own', () => {
    const VERSION_ENTRIES: readonly string[] = ['@org/ocpi/v211', '@org/ocpi/v221'];
    const shared = [...groupBy(all, ({ name }) => name)]
      .filter(([, uses]) => uses.length > 1 && !uses.every(({ entry }) => VERSION_ENTRIES.includes(entry)))
      .map(([name, uses]) => `${name}: ${uses.map(({ entry }) => entry).join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('has no two values whose names differ only by case', () => {
    const values = [...new Set(all.filter(({ typeOnly }) => !typeOnly).map(({ name }) => name))];
    const clashes = [...groupBy(values, (name) => name.toLowerCase()).values()].filter(
      (names) => names.length > 1,
    );
    expect(clashes).toEqual([]);
  });
});

describe('README entry-point table', () => {
  const readme = readFileSync(new URL('README.md', REPO), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Entry points\n')) ?? '';
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(import|-+)\s*\|/.test(line))
    .map((line) => line.split('|').slice(1, -1));

  it('has a row for every entry', () => {
    const entriesInTable = new Set(rows.map(([first]) => first?.trim()));
    expect(ENTRIES.filter(({ name }) => !entriesInTable.has(`\`${name}\``)).map(({ name }) => name)).toEqual(
      [],
    );
  });

  it('names only what the entry of its row exports', () => {
    const wrong = rows.flatMap(([first, ...cells]) => {
      const entry = ENTRIES.find(({ name }) => first?.trim() === `\`${name}\``);
      const names = new Set((entry && actual.get(entry.list)?.map(({ name }) => name)) ?? []);
      const mentioned = cells.flatMap((cell) =>
        [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''),
      );
      return mentioned
        .filter((code) => !names.has(code.replace(/\(\)$/, '')))
        .map((code) => `${first?.trim()}: \`${code}\``);
    });
    expect(
      wrong,
      'a backticked word in a row of the README entry-point table must be an export of that row’s entry, ' +
        'written `name` or `name()`; other code words go in plain text or below the table',
    ).toEqual([]);
  });

  it('names every value of the root, node and testing entries', () => {
    const described = ['root', 'node', 'testing'];
    const missing = ENTRIES.filter(({ list }) => described.includes(list)).flatMap((entry) => {
      const text = rows
        .filter(([first]) => first?.trim() === `\`${entry.name}\``)
        .flatMap((cells) => cells.slice(1))
        .join('|');
      return Object.keys(entry.module)
        .filter((name) => !text.includes(`\`${name}\``) && !text.includes(`\`${name}()\``))
        .map((name) => `${entry.name}: ${name}`);
    });
    expect(
      missing,
      'every function, class and constant of the root, node and testing entries is named in its rows of the ' +
        'README entry-point table: it is where a user learns what an entry offers',
    ).toEqual([]);
  });
});
