// The rules tables and the overrides table, as the generator reads them: every name they give is a
// definition of its version, every ruled schema carries its rule where it is defined (and no other
// schema carries one), and the generator shares a definition only when both versions check it alike.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { commandBodies } from '../../../scripts/codegen/command-bodies';
import { emitSchemas, sharedDefinitions } from '../../../scripts/codegen/emit-schemas';
import type { ObjectModel, SpecVersion, VersionModel } from '../../../scripts/codegen/model';
import { type FieldOverride, overrideProblems } from '../../../scripts/codegen/overrides';
import { RULE_TABLES, type RuleTables, ruleTableProblems } from '../../../scripts/codegen/rule-tables';
import { repositoryRoot } from '../../../scripts/codegen/spec-dir';
import { generatedFile, SHARED_FILE } from '../../../scripts/codegen/write-generated';
import { describeWithSpec } from '../../support/spec';
import { specModel } from '../../support/spec-coverage';

const ENTRIES: Record<SpecVersion, Record<string, unknown>> = { '2.1.1': v211, '2.2.1': v221 };
type Checked = z.ZodMiniType & { _zod: { def: { checks?: unknown[] } } };

/** The names whose schema a generated file defines with `.check(specRule(rules.<Name>))`. */
function attachedRules(file: string): string[] {
  const text = readFileSync(path.join(repositoryRoot(), file), 'utf8');
  return [...text.matchAll(/\.check\(\/\*@__PURE__\*\/ specRule\(rules\.(\w+)\)\)/g)].map(
    ([, name]) => name as string,
  );
}

/** The names whose schema a generated file defines with `.check(<check>())`. */
function attachedChecks(file: string, check: string): string[] {
  const text = readFileSync(path.join(repositoryRoot(), file), 'utf8');
  const definition = new RegExp(
    `export const (\\w+)Schema(?:: [^=]+)? = [^;]*?\\.check\\(\\/\\*@__PURE__\\*\\/ ${check}\\(\\)\\);`,
    'gs',
  );
  return [...text.matchAll(definition)].map(([, name]) => name as string);
}

describeWithSpec('the rules tables in src/', () => {
  const models = { '2.1.1': specModel('2.1.1'), '2.2.1': specModel('2.2.1') } as const;
  const shared = sharedDefinitions(models['2.1.1'], models['2.2.1'], { rules: RULE_TABLES });

  it('name only objects and classes of their version, and the common table only shared ones', () => {
    expect(ruleTableProblems([models['2.1.1'], models['2.2.1']], shared, RULE_TABLES)).toEqual([]);
    expect(Object.keys(RULE_TABLES.common)).toEqual(['EnergySource']);
  });

  it.each(['2.1.1', '2.2.1'] as const)(
    '%s: give every shared definition they name the common check',
    (version) => {
      const table = RULE_TABLES.versions[version];
      for (const name of Object.keys(RULE_TABLES.common))
        expect(table[name], name).toBe(RULE_TABLES.common[name]);
    },
  );

  it.each(['2.1.1', '2.2.1'] as const)(
    '%s: each ruled schema carries its rule where it is defined',
    (version) => {
      const table = Object.keys(RULE_TABLES.versions[version]);
      const own = table.filter((name) => !shared.has(name)).sort();
      expect(attachedRules(generatedFile(version)).sort()).toEqual(own);
      expect(attachedRules(SHARED_FILE).sort()).toEqual(table.filter((name) => shared.has(name)).sort());
    },
  );

  it.each(['2.1.1', '2.2.1'] as const)(
    '%s: only ruled objects, the objects that hold them and choices carry checks',
    (version) => {
      const api = ENTRIES[version];
      const objects: ObjectModel[] = models[version].modules.flatMap((module) => module.objects);
      const holders = holdersOfRules(objects, RULE_TABLES.versions[version]);
      expect(holders.size).toBeGreaterThan(3);
      for (const { name, fields } of objects) {
        const checks = (api[`${name}Schema`] as Checked)._zod.def.checks?.length ?? 0;
        const choices = new Set(
          fields.flatMap(({ choiceGroup }) => (choiceGroup === undefined ? [] : [choiceGroup])),
        );
        const ruledOrHolder = name in RULE_TABLES.versions[version] || holders.has(name);
        expect(checks, name).toBe(choices.size + (ruledOrHolder ? 1 : 0));
      }
      const inside = [generatedFile(version), SHARED_FILE].flatMap((file) =>
        attachedChecks(file, 'rulesInside'),
      );
      expect(inside.sort()).toEqual([...holders].sort());
    },
  );

  it.each(['2.1.1', '2.2.1'] as const)('%s: a PATCH body carries one check', (version) => {
    // Its object's rule, or the check that holds back the rules inside while a field has the wrong type.
    const api = ENTRIES[version];
    const patches = Object.keys(api).filter((name) => name.endsWith('PatchSchema'));
    expect(patches.length).toBeGreaterThan(2);
    for (const patch of patches) expect((api[patch] as Checked)._zod.def.checks?.length, patch).toBe(1);
  });
});

/** The objects without a rule of their own that hold a ruled object, at any depth. */
function holdersOfRules(
  objects: readonly ObjectModel[],
  table: Readonly<Record<string, unknown>>,
): Set<string> {
  const byName = new Map(objects.map((object) => [object.name, object]));
  const holds = (object: ObjectModel): boolean =>
    object.fields.some(({ type }) => {
      if (type.kind !== 'ref') return false;
      const next = byName.get(type.name);
      return type.name in table || (next !== undefined && holds(next));
    });
  return new Set(
    objects.filter((object) => !(object.name in table) && holds(object)).map(({ name }) => name),
  );
}

describe('the generator with made-up tables', () => {
  const source = { file: 'x.asciidoc', section: 'X', line: 1 };
  const leaf = (name: string): ObjectModel => ({
    name,
    kind: 'class',
    source,
    fields: [{ name: 'n', line: 1, cardinality: '1', type: { kind: 'primitive', name: 'number' } }],
  });
  const holder: ObjectModel = {
    name: 'Holder',
    kind: 'object',
    source,
    fields: [{ name: 'leaf', line: 1, cardinality: '*', type: { kind: 'ref', name: 'Leaf' } }],
  };
  const model = (version: SpecVersion, objects: ObjectModel[]): VersionModel => ({
    version,
    source: { dir: version, format: 'asciidoc' },
    modules: [
      {
        name: 'X',
        file: 'x.asciidoc',
        objects,
        enums: [{ name: 'Kind', values: [{ value: 'A', line: 1 }], source }],
        primitives: [],
        unnamed: [],
      },
    ],
    unresolved: [],
    diagnostics: [],
  });
  const [older, newer] = [model('2.1.1', [leaf('Leaf'), holder]), model('2.2.1', [leaf('Leaf'), holder])];
  const check = () => undefined;
  const other = () => undefined;
  const tables = (older211: unknown, newer221: unknown, common: unknown): RuleTables => ({
    common: common === undefined ? {} : { Leaf: common },
    versions: {
      '2.1.1': older211 === undefined ? {} : { Leaf: older211 },
      '2.2.1': newer221 === undefined ? {} : { Leaf: newer221 },
    },
  });

  it('shares a definition that both versions check alike with the common check, and its holders', () => {
    expect([...sharedDefinitions(older, newer, { rules: tables(check, check, check) })].sort()).toEqual([
      'Holder',
      'Kind',
      'Leaf',
    ]);
  });

  it('keeps a definition per version when the versions check it differently, and so its holders', () => {
    expect([...sharedDefinitions(older, newer, { rules: tables(check, other, undefined) })]).toEqual([
      'Kind',
    ]);
  });

  it('refuses tables that contradict each other', () => {
    expect(() => sharedDefinitions(older, newer, { rules: tables(check, check, undefined) })).toThrow(
      'Both versions check Leaf alike',
    );
    expect(() => sharedDefinitions(older, newer, { rules: tables(check, other, check) })).toThrow(
      'do not both give it that check',
    );
  });

  it('names what a table gives that the model does not have', () => {
    const rules: RuleTables = {
      common: { Holder: check },
      versions: { '2.1.1': { Nope: check }, '2.2.1': {} },
    };
    expect(ruleTableProblems([older, newer], new Set(['Kind']), rules)).toEqual([
      '2.1.1 rules table: Nope is no object or class',
      'common rules table: Holder is not shared by both versions',
    ]);
  });

  it('attaches the rule at the definition, so every holder of it gets it, and holds it back there', () => {
    const pin = { version: '2.2.1' as const, tag: 'v2.2.1-d2', commit: '0'.repeat(40) };
    const emitted = emitSchemas(newer, {
      pin,
      errataApplied: false,
      rules: tables(undefined, check, undefined),
    });
    expect(emitted).toContain("import { rulesInside, specRule } from '../../common/schema/spec-rule';");
    expect(emitted).toContain("import * as rules from '../schemas/spec-rules';");
    // The check closes Leaf's own schema: Leaf's type follows it.
    expect(emitted).toContain('}).check(/*@__PURE__*/ specRule(rules.Leaf));\n/**\n * OCPI 2.2.1 `Leaf` ');
    expect(emitted).toContain(
      'leaf: /*@__PURE__*/ z.optional(/*@__PURE__*/ z.array(LeafSchema)),\n}).check(/*@__PURE__*/ rulesInside());',
    );
    expect(emitSchemas(newer, { pin, errataApplied: false })).not.toContain('specRule');
  });

  it('writes an overridden field as the overrides table says, and checks the table against the model', () => {
    const withKind: ObjectModel = {
      ...leaf('Tagged'),
      fields: [{ name: 'kind', line: 1, cardinality: '1', type: { kind: 'ref', name: 'Kind' } }],
    };
    const version = model('2.2.1', [withKind]);
    const override: FieldOverride = {
      object: 'Tagged',
      field: 'kind',
      kind: 'open-enum',
      versions: ['2.2.1'],
      note: 'Made up.',
    };
    const pin = { version: '2.2.1' as const, tag: 'v2.2.1-d2', commit: '0'.repeat(40) };
    const emitted = emitSchemas(version, { pin, errataApplied: false, overrides: [override] });
    expect(emitted).toContain('  kind: /*@__PURE__*/ openEnum(KindValues),');
    expect(emitted).toContain(
      ' * `kind` takes any string, unlike its table (scripts/codegen/overrides.ts). Made up.',
    );
    expect(overrideProblems(version, [override])).toEqual([]);
    expect(overrideProblems(version, [{ ...override, field: 'nope' }])).toEqual([
      '2.2.1 Tagged.nope: no such field to override',
    ]);
    expect(overrideProblems(model('2.2.1', [leaf('Tagged')]), [{ ...override, field: 'n' }])).toEqual([
      '2.2.1 Tagged.n: an open-enum override needs a field whose type is an enum',
    ]);
  });
});

describe('the command bodies the generator derives', () => {
  const source = { file: 'x.asciidoc', section: 'X', line: 1 };
  const version = (objects: string[]): VersionModel => ({
    version: '2.2.1',
    source: { dir: '2.2.1', format: 'asciidoc' },
    modules: [
      {
        name: 'Commands',
        file: 'x.asciidoc',
        objects: objects.map((name) => ({ name, kind: 'object', source, fields: [] })),
        enums: [{ name: 'CommandType', values: [{ value: 'START_SESSION', line: 1 }], source }],
        primitives: [],
        unnamed: [],
      },
    ],
    unresolved: [],
    diagnostics: [],
  });

  it('maps each CommandType value to the object named after it, and refuses one without', () => {
    expect(commandBodies(version(['StartSession']))).toEqual([
      { command: 'START_SESSION', body: 'StartSession' },
    ]);
    expect(() => commandBodies(version([]))).toThrow(
      '2.2.1 CommandType START_SESSION: no StartSession object',
    );
  });
});
