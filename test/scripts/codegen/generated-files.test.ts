// The generated schemas in src/ are exactly what the generator makes from the spec today: nobody
// edited them by hand, and nobody changed the generator without regenerating.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitSchemas, fieldExpression, sharedDefinitions } from '../../../scripts/codegen/emit-schemas';
import { applyErrata, renderErrataChanges } from '../../../scripts/codegen/errata';
import { readSpec } from '../../../scripts/codegen/read-spec';
import { repositoryRoot } from '../../../scripts/codegen/spec-dir';
import { readSpecPin } from '../../../scripts/codegen/spec-pin';
import { renderGenerated } from '../../../scripts/codegen/write-generated';
import { describeWithSpec, specDir } from '../../support/spec';

describeWithSpec('generated schemas', () => {
  const errata = applyErrata(readSpec(specDir()), specDir());
  const files = renderGenerated(errata.model, readSpecPin(), true);

  it('are listed with their errata in the README', () => {
    const readme = readFileSync(path.join(repositoryRoot(), 'README.md'), 'utf8');
    const listed = /<!-- errata -->\n([\s\S]*?)<!-- \/errata -->/.exec(readme)?.[1]?.trimEnd().split('\n');
    expect(listed).toEqual(renderErrataChanges(errata.changes));
  });

  it('cover both versions, and what they share once in common', () => {
    expect([...files.keys()].sort()).toEqual([
      'src/common/generated/iso-codes.ts',
      'src/common/generated/schemas.ts',
      'src/v211/generated/compiled-pairs.ts',
      'src/v211/generated/compiled.ts',
      'src/v211/generated/exports.ts',
      'src/v211/generated/schemas.ts',
      'src/v211/generated/validators.ts',
      'src/v221/generated/compiled-pairs.ts',
      'src/v221/generated/compiled.ts',
      'src/v221/generated/exports.ts',
      'src/v221/generated/schemas.ts',
      'src/v221/generated/validators.ts',
    ]);
  });

  it('share exactly the definitions that are identical and free of version-specific strings', () => {
    const shared = [
      ...sharedDefinitions(errata.model.versions['2.1.1'], errata.model.versions['2.2.1']),
    ].sort();
    expect(shared).toEqual([
      'ConnectorFormat',
      'DayOfWeek',
      'EnergySource',
      'EnergySourceCategory',
      'EnvironmentalImpactCategory',
      'ExceptionalPeriod',
      'ImageCategory',
      'ParkingRestriction',
      'Status',
      'StatusSchedule',
      'TariffDimensionType',
      'WhitelistType',
    ]);
  });

  it.each([...files])(
    '%s is up to date (run `npm run codegen` after changing the generator)',
    (file, content) => {
      expect(readFileSync(path.join(repositoryRoot(), file), 'utf8')).toBe(content);
    },
  );
});

describe('emitSchemas', () => {
  const field = (cardinality: '1' | '?' | '*' | '+') => ({
    name: 'f',
    line: 1,
    cardinality,
    type: { kind: 'primitive' as const, name: 'string' as const, maxLength: 3 },
  });

  it('writes each cardinality as the spec means it, every nested call marked pure', () => {
    expect(fieldExpression(field('1'))).toBe('/*@__PURE__*/ string(3)');
    expect(fieldExpression(field('?'))).toBe('/*@__PURE__*/ z.optional(/*@__PURE__*/ string(3))');
    expect(fieldExpression(field('*'))).toBe(
      '/*@__PURE__*/ z.optional(/*@__PURE__*/ z.array(/*@__PURE__*/ string(3)))',
    );
    expect(fieldExpression(field('+'))).toBe('/*@__PURE__*/ nonEmptyArray(/*@__PURE__*/ string(3))');
  });

  it('puts a definition after everything it references, and refuses a cycle', () => {
    const source = { file: 'x.asciidoc', section: 'X', line: 1 };
    const object = (name: string, ref: string) => ({
      name,
      kind: 'class' as const,
      source,
      fields: [{ name: 'r', line: 1, cardinality: '1' as const, type: { kind: 'ref' as const, name: ref } }],
    });
    const version = (objects: ReturnType<typeof object>[]) => ({
      version: '2.2.1' as const,
      source: { dir: '2.2.1', format: 'asciidoc' as const },
      modules: [{ name: 'X', file: 'x.asciidoc', objects, enums: [], primitives: [], unnamed: [] }],
      unresolved: [],
      diagnostics: [],
    });
    const pin = { version: '2.2.1' as const, tag: 'v2.2.1-d2', commit: '0'.repeat(40) };
    const leaf = { ...object('Leaf', 'Leaf'), fields: [] };
    const emitted = emitSchemas(version([object('Root', 'Leaf'), leaf]), { pin, errataApplied: false });
    expect(emitted.indexOf('const LeafSchema')).toBeLessThan(emitted.indexOf('const RootSchema'));
    expect(() =>
      emitSchemas(version([object('A', 'B'), object('B', 'A')]), { pin, errataApplied: false }),
    ).toThrow('Reference cycle: A -> B -> A');
  });
});
