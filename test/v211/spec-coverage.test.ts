// 100 percent, both ways: every object, field, cardinality, type, length and enum value of the 2.1.1
// spec (errata applied) is in the exported schemas, and the schemas hold nothing the spec does not.

import * as api from '@org/ocpi/v211';
import { describe, expect, it } from 'vitest';
import * as generated from '../../src/v211/generated/schemas';
import * as primitives from '../../src/v211/primitives';
import {
  coverageMismatches,
  definitionExports,
  modelExports,
  primitiveChecks,
  refinementMismatches,
  specModel,
} from '../support/spec-coverage';

const model = specModel('2.1.1');

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
    const objects = model.modules.flatMap((module) => module.objects);
    const enums = model.modules.flatMap((module) => module.enums);
    expect(objects).toHaveLength(34);
    expect(objects.flatMap((object) => object.fields)).toHaveLength(177);
    expect(enums).toHaveLength(23);
    expect(enums.flatMap((enumeration) => enumeration.values)).toHaveLength(142);
  });

  it('generates every object, field, cardinality, type, length and enum value', () => {
    expect(coverageMismatches(model, { ...primitives, ...generated }, primitiveChecks(false))).toEqual([]);
  });

  it('exports each of them as generated, or refined by prose rules with the very same fields', () => {
    expect(refinementMismatches(model, api, generated)).toEqual([]);
  });

  it('exports no schema the spec does not define, besides the curated payloads', () => {
    const expected = new Set([...modelExports(model), ...CURATED]);
    expect(definitionExports(api).filter((name) => !expected.has(name))).toEqual([]);
    expect(modelExports(model).filter((name) => !(name in api))).toEqual([]);
  });

  it('keeps the 2.1.1 limits: the 2.2.1 errata (longer address) do not leak into this version', () => {
    const long = (n: number) => 'x'.repeat(n);
    expect(api.LocationSchema.shape.address.safeParse(long(45)).success).toBe(true);
    expect(api.LocationSchema.shape.address.safeParse(long(46)).success).toBe(false);
  });

  it('makes the choice rows of Hours one-of-two', () => {
    expect(api.HoursSchema.safeParse({ twentyfourseven: true }).success).toBe(true);
    expect(api.HoursSchema.safeParse({ regular_hours: [] }).success).toBe(true);
    expect(api.HoursSchema.safeParse({}).success).toBe(false);
    expect(api.HoursSchema.safeParse({ regular_hours: [], twentyfourseven: true }).success).toBe(false);
  });
});
