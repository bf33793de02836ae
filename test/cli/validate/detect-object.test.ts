// Detection of a payload's object and version from its field names: the scores, the ties and their
// tie-break, and the catalog of both versions it runs on in `ocpi validate`.
import { describe, expect, it } from 'vitest';
import { detectObject, fieldScore, type ObjectShape } from '../../../src/cli/validate/detect-object';
import { versionCatalogs } from '../../../src/cli/validate/object-catalog';

const shape = (
  version: '2.1.1' | '2.2.1',
  name: string,
  fields: string[],
  required = fields,
): ObjectShape => ({
  version,
  name,
  fields,
  required,
});

const point221 = shape('2.2.1', 'Point', ['x', 'y', 'label'], ['x', 'y']);
const point211 = shape('2.1.1', 'Point', ['x', 'y', 'label'], ['x', 'y']);
const circle = shape('2.2.1', 'Circle', ['x', 'y', 'radius']);
const text = shape('2.2.1', 'Text', ['language', 'text']);

describe('fieldScore', () => {
  it('is 1 for every field known and every required one present, whatever optional ones are left out', () => {
    expect(fieldScore(['x', 'y'], point221)).toBe(1);
    expect(fieldScore(['x', 'y', 'label'], point221)).toBe(1);
  });

  it('counts an unknown field and a missing required one alike', () => {
    expect(fieldScore(['x', 'y', 'z'], point221)).toBeCloseTo(2 / 3);
    expect(fieldScore(['x'], point221)).toBeCloseTo(1 / 2);
    expect(fieldScore(['q'], point221)).toBe(0);
    expect(fieldScore([], point221)).toBe(0);
  });
});

describe('detectObject', () => {
  it('is certain of the only perfect match, and names the others that came close', () => {
    const found = detectObject(['x', 'y', 'radius'], [point221, circle, text]);
    expect(found?.object).toBe(circle);
    expect(found?.certain).toBe(true);
    expect(found?.candidates.map(({ object }) => object.name)).toEqual(['Circle']);
  });

  it('is only likely, with its score, when no shape fits perfectly', () => {
    const found = detectObject(['x', 'y', 'radius', 'colour'], [point221, circle, text]);
    expect(found?.object).toBe(circle);
    expect(found?.certain).toBe(false);
    expect(found?.score).toBeCloseTo(0.75);
  });

  it('prefers, between equal scores, the shape the payload fills more of', () => {
    const small = shape('2.2.1', 'Small', ['x', 'y'], []);
    expect(detectObject(['x', 'y'], [point221, small])?.object).toBe(small);
  });

  it('lists both versions of an object alike in both, the earlier first, and is not certain then', () => {
    const found = detectObject(['x', 'y'], [point221, point211]);
    expect(found?.object).toBe(point221);
    expect(found?.certain).toBe(false);
    expect(found?.candidates.map(({ object }) => object.version)).toEqual(['2.2.1', '2.1.1']);
  });

  it('breaks a tie with `fits` when given: the first tied shape that fits wins', () => {
    const found = detectObject(['x', 'y'], [point221, point211], (object) => object.version === '2.1.1');
    expect(found?.object).toBe(point211);
    expect(found?.candidates.map(({ object }) => object.version)).toEqual(['2.1.1', '2.2.1']);
  });

  it('finds nothing in a payload that shares no field with any shape', () => {
    expect(detectObject(['colour'], [point221, circle])).toBeUndefined();
    expect(detectObject([], [point221])).toBeUndefined();
  });
});

describe('the catalog of both versions', () => {
  const [v221, v211] = versionCatalogs();
  const all = [...(v221?.objects ?? []), ...(v211?.objects ?? [])];
  const named = (version: string, name: string) =>
    all.find((object) => object.version === version && object.name === name);

  it('holds the main objects of each version with their required fields', () => {
    for (const name of [
      'Location',
      'EVSE',
      'Connector',
      'CDR',
      'Session',
      'Tariff',
      'Token',
      'Credentials',
    ]) {
      expect(named('2.2.1', name), name).toBeDefined();
      expect(named('2.1.1', name), name).toBeDefined();
    }
    expect(named('2.2.1', 'Location')?.required).toEqual(
      expect.arrayContaining(['country_code', 'party_id']),
    );
    expect(named('2.1.1', 'Location')?.fields).not.toContain('party_id');
  });

  it('tells a 2.2.1 Token from a 2.1.1 one by their fields', () => {
    const v221Token = [
      'country_code',
      'party_id',
      'uid',
      'type',
      'contract_id',
      'issuer',
      'valid',
      'whitelist',
      'last_updated',
    ];
    const v211Token = ['uid', 'type', 'auth_id', 'issuer', 'valid', 'whitelist', 'last_updated'];
    const found221 = detectObject(v221Token, all);
    const found211 = detectObject(v211Token, all);
    expect([found221?.object.version, found221?.object.name, found221?.certain]).toEqual([
      '2.2.1',
      'Token',
      true,
    ]);
    expect([found211?.object.version, found211?.object.name, found211?.certain]).toEqual([
      '2.1.1',
      'Token',
      true,
    ]);
  });
});
