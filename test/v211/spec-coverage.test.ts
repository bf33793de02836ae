// 100 percent, both ways: every object, field, cardinality, type, length and enum value of the 2.1.1
// spec (errata applied) is in the exported schemas, and the schemas hold nothing the spec does not.

import * as api from '@org/ocpi/v211';
import { describe, expect, it } from 'vitest';
import * as generated from '../../src/v211/generated/schemas';
import * as primitives from '../../src/v211/primitives';
import { fromSpec } from '../support/spec';
import {
  coverageMismatches,
  definitionExports,
  modelExports,
  overrideMismatches,
  primitiveChecks,
  refinementMismatches,
  specModel,
} from '../support/spec-coverage';

const model = fromSpec(() => specModel('2.1.1'));

// Exports that are ours, not spec definitions: PATCH bodies, queries and the version-details data.
const CURATED = [
  'OcpiResponseSchema',
  'OcpiResponseEnvelopeSchema',
  'DateTimeSchema',
  'URLSchema',
  'NumberSchema',
  'IntSchema',
  'BooleanSchema',
  'LocationPatchSchema',
  'EVSEPatchSchema',
  'ConnectorPatchSchema',
  'SessionPatchSchema',
  'TokenPatchSchema',
  'ListQuerySchema',
  'SessionsListQuerySchema',
  'TariffPatchSchema',
  'TokenTypeQuerySchema',
  'VersionDetailsSchema',
  'CommandRequestSchemas',
];

describe('OCPI 2.1.1 spec coverage', () => {
  it('reads the whole spec: 34 objects and classes, 177 fields, 23 enums, 142 values', () => {
    const objects = model().modules.flatMap((module) => module.objects);
    const enums = model().modules.flatMap((module) => module.enums);
    expect(objects).toHaveLength(34);
    expect(objects.flatMap((object) => object.fields)).toHaveLength(177);
    expect(enums).toHaveLength(23);
    expect(enums.flatMap((enumeration) => enumeration.values)).toHaveLength(142);
  });

  it('generates every object, field, cardinality, type, length and enum value, but the overridden fields', () => {
    // Two fields are deliberately wider than their enum tables (scripts/codegen/overrides.ts): a versions
    // list names every version a party offers (beyond this version's VersionNumber), and ModuleID may be
    // extended with custom modules (version_information_endpoint, Custom Modules). Both take any string,
    // and still refuse anything else.
    const overridden = [
      'Version.version: not VersionNumberSchema',
      'Endpoint.identifier: not ModuleIDSchema',
    ];
    expect(overrideMismatches(model())).toEqual(overridden);
    expect(coverageMismatches(model(), { ...primitives, ...generated }, primitiveChecks(false))).toEqual(
      overridden,
    );
  });

  it('exports each of them as generated, its prose rules and overrides included', () => {
    expect(refinementMismatches(model(), api, generated)).toEqual([]);
    expect(api.VersionSchema.shape.version.safeParse('3.0').success).toBe(true);
    expect(api.EndpointSchema.shape.identifier.safeParse('nltnm-custom').success).toBe(true);
    expect(api.EndpointSchema.shape.identifier.safeParse(1).success).toBe(false);
  });

  it('exports no schema the spec does not define, besides the curated payloads', () => {
    const expected = new Set([...modelExports(model()), ...CURATED]);
    expect(definitionExports(api).filter((name) => !expected.has(name))).toEqual([]);
    expect(modelExports(model()).filter((name) => !(name in api))).toEqual([]);
  });

  it('keeps the 2.1.1 limits: the 2.2.1 errata (longer address) do not leak into this version', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(api.LocationSchema.shape.address.safeParse(long(45)).success).toBe(true);
    expect(api.LocationSchema.shape.address.safeParse(long(46)).success).toBe(false);
  });

  it('makes the choice rows of Hours one-of-two (false and an empty list choose nothing)', () => {
    const regular_hours = [{ weekday: 1, period_begin: '08:00', period_end: '20:00' }];
    expect(api.HoursSchema.safeParse({ twentyfourseven: true }).success).toBe(true);
    expect(api.HoursSchema.safeParse({ regular_hours }).success).toBe(true);
    expect(api.HoursSchema.safeParse({ regular_hours, twentyfourseven: false }).success).toBe(true);
    expect(api.HoursSchema.safeParse({ regular_hours: [], twentyfourseven: true }).success).toBe(true);
    expect(api.HoursSchema.safeParse({}).success).toBe(false);
    expect(api.HoursSchema.safeParse({ regular_hours: [] }).success).toBe(false);
    expect(api.HoursSchema.safeParse({ twentyfourseven: false }).success).toBe(false);
    expect(api.HoursSchema.safeParse({ regular_hours, twentyfourseven: true }).success).toBe(false);
  });
});
