// Names written once: a spec name is written where the generator defines it, a curated name where the
// curated layer defines it, and both in the export list the generator writes (src/v2xx/generated/
// exports.ts), which the version entry re-exports. No hand-written list repeats them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../../scripts/codegen/spec-dir';

const read = (file: string) => readFileSync(path.join(repositoryRoot(), file), 'utf8');

/** The names in the `export { ... }` and `import { ... }` statements of a source text, by module. */
function namesByModule(text: string, keyword: 'export' | 'import'): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const statement = new RegExp(`^${keyword} (?:type )?\\{([^}]*)\\} from '([^']+)';`, 'gm');
  for (const [, list = '', module = ''] of text.matchAll(statement)) {
    const listed = list
      .split(',')
      .map((name) => name.trim().replace(/^type /, ''))
      .filter((name) => name !== '');
    names.set(module, [...(names.get(module) ?? []), ...listed]);
  }
  return names;
}

describe.each(['v211', 'v221'])('%s', (version) => {
  const listed = namesByModule(read(`src/${version}/generated/exports.ts`), 'export');
  const generated = listed.get('./schemas') ?? [];
  const spec = new Set(generated);
  const curatedFiles = readdirSync(path.join(repositoryRoot(), 'src', version, 'schemas')).map(
    (file) => `src/${version}/schemas/${file}`,
  );

  it('has a generated export list of the spec names', () => {
    expect(generated.length).toBeGreaterThan(100);
    expect(generated).toContain('LocationSchema');
  });

  it('lists the public names of the curated layer, each where it is defined', () => {
    const curated = [...listed].filter(([module]) => module.startsWith('../schemas/'));
    expect(curated.flatMap(([, names]) => names)).toContain('LocationPatchSchema');
    for (const [module, names] of curated) {
      const text = read(`src/${version}/schemas/${module.slice('../schemas/'.length)}.ts`);
      for (const name of names) {
        expect(text, name).toMatch(new RegExp(`^export (const|function|interface|type) ${name}\\b`, 'm'));
      }
    }
  });

  it('names nothing in its entry by hand that the generated list has', () => {
    const all = new Set([...listed.values()].flat());
    const entry = namesByModule(read(`src/${version}/index.ts`), 'export');
    expect([...entry.values()].flat().filter((name) => all.has(name))).toEqual([]);
  });

  it('defines no spec name in the curated layer', () => {
    const defined = curatedFiles.flatMap((file) =>
      [...read(file).matchAll(/^export (?:const|interface|type|function) (\w+)/gm)].map(([, name]) => name),
    );
    expect(defined.filter((name) => name !== undefined && spec.has(name))).toEqual([]);
  });

  it('re-exports a generated name from the curated layer only for a module that imports it from there', () => {
    // operations/ and client.ts still import some spec schemas from schemas/<module>.ts; the re-exports
    // that serve them go once they import from ../generated/schemas.
    const importers = [
      `src/${version}/client.ts`,
      ...readdirSync(path.join(repositoryRoot(), 'src', version, 'operations')).map(
        (file) => `src/${version}/operations/${file}`,
      ),
    ];
    for (const file of curatedFiles) {
      const reExported = namesByModule(read(file), 'export').get('../generated/schemas') ?? [];
      const module = `./${path.basename(file, '.ts')}`;
      const imported = new Set(
        importers.flatMap((importer) => {
          const specifier = importer.endsWith('client.ts')
            ? `./schemas/${module.slice(2)}`
            : `../schemas/${module.slice(2)}`;
          return namesByModule(read(importer), 'import').get(specifier) ?? [];
        }),
      );
      expect(
        reExported.filter((name) => !imported.has(name)),
        file,
      ).toEqual([]);
    }
  });
});
