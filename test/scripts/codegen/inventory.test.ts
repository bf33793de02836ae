/**
 * The generator's model against the project's hand-checked inventory of the spec's definitions
 * (test/fixtures/spec-inventory.md): same definitions both ways, same fields and cardinalities in the
 * same order, same enum values, same sources, same totals. The inventory is checked against the spec
 * text too: each line it cites names its definition.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_VERSIONS, type SpecVersion, type VersionModel } from '../../../scripts/codegen/model';
import { readSpec } from '../../../scripts/codegen/read-spec';
import { countTotals } from '../../../scripts/codegen/totals';
import { fromSpec, readSpecFile, specDir } from '../../support/spec';
import { type InventoryEntry, type InventoryTotals, parseInventory } from './inventory';

const model = fromSpec(() => readSpec(specDir()));
const inventory = parseInventory(
  readFileSync(new URL('../../fixtures/spec-inventory.md', import.meta.url), 'utf8'),
);

/** The totals stated in the issue; the inventory must say the same. */
const EXPECTED_TOTALS: Record<
  SpecVersion,
  Pick<InventoryTotals, 'objectsAndClasses' | 'fields' | 'enums' | 'enumValues'>
> = {
  '2.1.1': { objectsAndClasses: 34, fields: 177, enums: 23, enumValues: 142 },
  '2.2.1': { objectsAndClasses: 54, fields: 294, enums: 34, enumValues: 233 },
};

interface Comparable {
  module: string;
  kind: string;
  items: string[];
}

function inventoryOf(version: SpecVersion) {
  const found = inventory[version];
  if (!found) throw new Error(`The inventory has no part for OCPI ${version}`);
  return found;
}

function withSuffix(name: string, cardinality: string): string {
  return cardinality === '1' ? name : `${name}${cardinality}`;
}

/** Every definition of the model keyed by `file name`, in the inventory's terms. */
function modelDefinitions(version: VersionModel): Record<string, Comparable> {
  const result: Record<string, Comparable> = {};
  for (const module of version.modules) {
    for (const object of module.objects) {
      const items = object.fields.map((field) => withSuffix(field.name, field.cardinality));
      result[`${module.file} ${object.name}`] = { module: module.name, kind: object.kind, items };
    }
    for (const enumModel of module.enums) {
      const items = enumModel.values.map((value) => value.value);
      result[`${module.file} ${enumModel.name}`] = { module: module.name, kind: 'enum', items };
    }
    for (const primitive of module.primitives) {
      result[`${module.file} ${primitive.name}`] = { module: module.name, kind: 'primitive type', items: [] };
    }
  }
  return result;
}

function inventoryDefinitions(entries: readonly InventoryEntry[]): Record<string, Comparable> {
  const result: Record<string, Comparable> = {};
  for (const entry of entries) {
    result[`${entry.file} ${entry.name}`] = { module: entry.module, kind: entry.kind, items: entry.items };
  }
  return result;
}

/** Definition names of each file in spec order (objects and enums interleaved, as in the spec). */
function modelOrder(version: VersionModel): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const module of version.modules) {
    const all = [...module.objects, ...module.enums, ...module.primitives];
    all.sort((left, right) => left.source.line - right.source.line);
    order[module.file] = all.map((definition) => definition.name);
  }
  return order;
}

function inventoryOrder(entries: readonly InventoryEntry[]): Record<string, string[]> {
  const order: Record<string, string[]> = {};
  for (const entry of entries) order[entry.file] = [...(order[entry.file] ?? []), entry.name];
  return order;
}

describe('the inventory', () => {
  it('has a part for each spec version, with the totals stated in the issue', () => {
    for (const version of SPEC_VERSIONS) {
      expect(inventoryOf(version).totals).toMatchObject(EXPECTED_TOTALS[version]);
    }
  });

  it.each(SPEC_VERSIONS)(
    'cites for each %s definition a line of the tagged spec that names it',
    (version) => {
      for (const entry of inventoryOf(version).entries) {
        const line = readSpecFile(version, entry.file).split('\n')[entry.line - 1];
        expect(line, `${entry.file}:${entry.line}`).toContain(entry.name);
      }
    },
  );
});

describe.each(SPEC_VERSIONS)('spec model %s against the inventory', (versionName) => {
  const expected = inventoryOf(versionName);
  const version = () => model().versions[versionName];

  it('defines exactly the inventory objects, classes, enums and primitive types, with the same fields and values', () => {
    expect(modelDefinitions(version())).toEqual(inventoryDefinitions(expected.entries));
  });

  it('lists definitions in the inventory order within each file', () => {
    const files = version().modules.filter((module) =>
      expected.entries.some((entry) => entry.file === module.file),
    );
    const order = modelOrder({ ...version(), modules: files });
    expect(order).toEqual(inventoryOrder(expected.entries));
  });

  it('agrees with the inventory "# fields / values" column', () => {
    for (const entry of expected.entries) {
      if (entry.count !== undefined) expect(entry.items, `${entry.name}`).toHaveLength(entry.count);
    }
  });

  it('records the same source section, anchor and heading line as the inventory', () => {
    const sources = new Map(
      version().modules.flatMap((module) =>
        [...module.objects, ...module.enums, ...module.primitives].map((definition) => [
          definition.name,
          definition.source,
        ]),
      ),
    );
    for (const entry of expected.entries) {
      const source = sources.get(entry.name);
      expect(source, entry.name).toMatchObject({
        file: entry.file,
        section: entry.section,
        line: entry.line,
      });
      // The inventory cites no anchor for primitive types; the model keeps the one the spec has.
      if (entry.kind !== 'primitive type') expect(source?.anchor, entry.name).toBe(entry.anchor);
    }
  });

  it('has the inventory unnamed structures (response envelope, version-details data) and no other', () => {
    const unnamed = version().modules.flatMap((module) =>
      module.unnamed.map((structure) => ({
        file: module.file,
        path: structure.path.join(' / '),
        items: structure.fields.map((field) => withSuffix(field.name, field.cardinality)),
      })),
    );
    expect(unnamed).toHaveLength(expected.unnamed.length);
    for (const structure of expected.unnamed) {
      const match = unnamed.find((candidate) => candidate.file === structure.file);
      expect(match, structure.section).toBeDefined();
      expect(match?.path.endsWith(structure.section)).toBe(true);
      expect(match?.items).toEqual(structure.items);
    }
  });

  it('has the inventory totals, which are the issue totals', () => {
    const totals = countTotals(version());
    expect(totals).toEqual(expected.totals);
    expect(totals).toMatchObject(EXPECTED_TOTALS[versionName]);
  });

  it('resolves every type reference to a definition of the same version', () => {
    expect(version().unresolved).toEqual([]);
    const refs = version().modules.flatMap((module) =>
      module.objects.flatMap((object) => object.fields.map((field) => field.type)),
    );
    const unresolvedRefs = refs.filter((type) => type.kind === 'ref' && type.resolved === undefined);
    expect(refs.filter((type) => type.kind === 'ref').length).toBeGreaterThan(50);
    expect(unresolvedRefs).toEqual([]);
  });

  it('maps every type cell of the counted objects and classes (nothing left as text)', () => {
    const unparsed = version().modules.flatMap((module) =>
      module.objects.flatMap((object) =>
        object.fields
          .filter((field) => field.type.kind === 'unparsed')
          .map((field) => `${object.name}.${field.name}`),
      ),
    );
    expect(unparsed).toEqual([]);
  });
});
