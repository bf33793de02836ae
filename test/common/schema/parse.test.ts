import { parseList, parsePayload } from '@org/ocpi';
import { CiString, DateTimeSchema, string } from '@org/ocpi/v221';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { normalizeDateTime } from '../../../src/common/schema/primitives/utc-date-time';

const Connector = z.strictObject({
  id: CiString(36),
  standard: z.enum(['CHADEMO', 'IEC_62196_T2']),
  tariff_ids: z.optional(z.array(CiString(36))),
  terms_and_conditions: z.optional(string(20)),
  last_updated: DateTimeSchema,
});
const Evse = z.strictObject({ uid: CiString(36), connectors: z.array(Connector) });
const connector = { id: '1', standard: 'CHADEMO', last_updated: '2024-01-01T12:00:00Z' };
const evse = { uid: 'E1', connectors: [connector] };

describe('parsePayload in strict mode', () => {
  it('returns the data of a valid payload with no issues', () => {
    expect(parsePayload(Evse, evse, { mode: 'strict', subject: 'EVSE' })).toEqual({
      success: true,
      data: evse,
      issues: [],
    });
  });

  it('fails on anything off the spec, with every issue and its path', () => {
    const input = {
      ...evse,
      extra: 1,
      connectors: [{ ...connector, standard: 'SCHUKO', last_updated: null }],
    };
    const result = parsePayload(Evse, input, { mode: 'strict', subject: 'EVSE', unknownFields: 'reject' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'connectors[0].standard', message: 'must be one of "CHADEMO", "IEC_62196_T2"' },
      { path: 'connectors[0].last_updated', message: 'expected string, received null' },
      { path: 'extra', message: 'unknown field' },
    ]);
    expect(result.error.message).toMatch(/^Invalid EVSE: 3 fatal issues \(/);
  });

  it('by default leaves an unknown field out without failing on it, and lists it after what failed', () => {
    const input = {
      ...evse,
      extra: 1,
      connectors: [{ ...connector, standard: 'SCHUKO', last_updated: null }],
    };
    const result = parsePayload(Evse, input, { mode: 'strict', subject: 'EVSE' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map(({ path, message, fatal }) => ({ path, message, fatal }))).toEqual([
      { path: 'connectors[0].standard', message: 'must be one of "CHADEMO", "IEC_62196_T2"', fatal: true },
      { path: 'connectors[0].last_updated', message: 'expected string, received null', fatal: true },
      { path: 'extra', message: 'unknown field dropped', fatal: false },
    ]);
    expect(result.error.message).toMatch(/^Invalid EVSE: 2 fatal issues \(.+\) and 1 tolerated \(/);
  });
});

describe('parsePayload in lenient mode', () => {
  const lenient = { mode: 'lenient', subject: 'EVSE' } as const;

  it('drops unknown fields and nulls, keeps unknown enum values and long strings, converts offsets to UTC', () => {
    const input = {
      uid: 'E1',
      vendor_field: 'x',
      connectors: [
        {
          ...connector,
          standard: 'SCHUKO',
          tariff_ids: null,
          terms_and_conditions: 'a'.repeat(25),
          last_updated: '2024-01-01T14:00:00+02:00',
          colour: 'blue',
        },
      ],
    };
    const result = parsePayload(Evse, input, lenient);
    expect(result).toMatchObject({
      success: true,
      data: {
        uid: 'E1',
        connectors: [
          {
            id: '1',
            standard: 'SCHUKO',
            terms_and_conditions: 'a'.repeat(25),
            last_updated: '2024-01-01T12:00:00Z',
          },
        ],
      },
    });
    if (!result.success) return;
    expect(result.data).not.toHaveProperty('vendor_field');
    expect(result.data.connectors[0]).not.toHaveProperty('tariff_ids');
    expect(result.issues.map(({ path, action }) => `${action} ${path}`).sort()).toEqual([
      'dropped connectors[0].colour',
      'dropped connectors[0].tariff_ids',
      'dropped vendor_field',
      'kept connectors[0].standard',
      'kept connectors[0].terms_and_conditions',
      'normalised connectors[0].last_updated',
    ]);
    expect(result.issues.find((issue) => issue.action === 'normalised')?.message).toBe(
      'timestamp converted to UTC: 2024-01-01T12:00:00Z',
    );
  });

  it('reads a null enum field as absent, though zod reports it as a bad value', () => {
    const result = parsePayload(Connector, { ...connector, standard: null }, lenient);
    expect(result.success).toBe(false);
    const Optional = z.strictObject({ standard: z.optional(z.enum(['CHADEMO'])) });
    expect(parsePayload(Optional, { standard: null }, lenient)).toMatchObject({
      success: true,
      data: {},
      issues: [{ path: 'standard', action: 'dropped' }],
    });
  });

  it('never changes the caller’s object', () => {
    const input = {
      ...evse,
      extra: true,
      connectors: [{ ...connector, last_updated: '2024-01-01T14:00:00+02:00' }],
    };
    const copy = structuredClone(input);
    parsePayload(Evse, input, lenient);
    expect(input).toEqual(copy);
  });

  it('copies only the objects on a repaired path, and takes a __proto__ key for a field', () => {
    const input = JSON.parse(
      '{"uid":"E1","connectors":[{"id":"1","standard":"SCHUKO","last_updated":"2024-01-01T12:00:00Z","__proto__":{"polluted":true}}]}',
    );
    const before = structuredClone(input);
    const result = parsePayload(Evse, input, lenient);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(input).toEqual(before);
    expect(result.issues.map(({ path, action }) => `${action} ${path}`)).toEqual([
      'kept connectors[0].standard',
      'dropped connectors[0].__proto__',
    ]);
    const [copied] = result.data.connectors;
    expect(copied).not.toBe(input.connectors[0]);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.keys(copied ?? {})).toEqual(['id', 'standard', 'last_updated']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('converts a timestamp that is the whole payload', () => {
    expect(parsePayload(DateTimeSchema, '2024-01-01T14:00:00+02:00', lenient)).toMatchObject({
      success: true,
      data: '2024-01-01T12:00:00Z',
      issues: [{ path: '', action: 'normalised' }],
    });
  });

  it('still fails on a missing required field, a wrong type, or a null that was required', () => {
    for (const broken of [
      { connectors: [connector] },
      { uid: 'E1', connectors: [{ ...connector, id: 7 }] },
      { uid: 'E1', connectors: [{ ...connector, last_updated: null }] },
      { uid: 'E1', connectors: [{ ...connector, last_updated: 'yesterday' }] },
      { uid: 'E1', connectors: [null] },
    ]) {
      expect(parsePayload(Evse, broken, lenient).success, JSON.stringify(broken)).toBe(false);
    }
  });

  it('reports a null in a required field as the null it is, not as a missing field', () => {
    const result = parsePayload(
      Evse,
      { uid: 'E1', connectors: [{ ...connector, last_updated: null }] },
      lenient,
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'connectors[0].last_updated: expected string, received null',
    ]);
  });
});

describe('parseList', () => {
  const good = (uid: string) => ({ ...evse, uid });

  it('keeps every good item and names each rejected one by index and id', () => {
    const list = [good('A'), { uid: 'B', connectors: 'none' }, good('C'), { connectors: [] }];
    const result = parseList(Evse, list, { mode: 'strict', subject: 'EVSE' });
    expect(result.items.map((item) => item.uid)).toEqual(['A', 'C']);
    expect(result.rejected.map(({ index, id }) => ({ index, id }))).toEqual([
      { index: 1, id: 'B' },
      { index: 3, id: undefined },
    ]);
    expect(result.rejected[0]?.error.issues[0]?.path).toBe('connectors');
  });

  it('puts the item index in front of lenient issue paths', () => {
    const result = parseList(Evse, [good('A'), { ...good('B'), extra: 1 }], {
      mode: 'lenient',
      subject: 'EVSE',
    });
    expect(result.items).toHaveLength(2);
    expect(result.issues.map(({ path }) => path)).toEqual(['[1].extra']);
  });

  it('rejects a value that is not a list as a whole', () => {
    const result = parseList(Evse, { data: [] }, { mode: 'lenient', subject: 'EVSE' });
    expect(result.items).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]?.error.message).toBe(
      'Invalid EVSE: 1 fatal issue ((root): expected array, received object)',
    );
  });
});

describe('normalizeDateTime', () => {
  it.each([
    ['2015-06-29T22:39:09+02:00', '2015-06-29T20:39:09Z'],
    ['2015-06-29T22:39:09+0200', '2015-06-29T20:39:09Z'],
    ['2015-06-29T18:39:09-02:00', '2015-06-29T20:39:09Z'],
    ['2015-06-29T20:39:09+00:00', '2015-06-29T20:39:09Z'],
    ['2015-06-29t20:39:09z', '2015-06-29T20:39:09Z'],
    ['2015-06-29 20:39:09Z', '2015-06-29T20:39:09Z'],
    ['2015-06-29T20:39:09.123456Z', '2015-06-29T20:39:09.123Z'],
    ['2015-06-30T01:00:00.5+02:00', '2015-06-29T23:00:00.5Z'],
    ['2016-01-01T00:30:00+01:00', '2015-12-31T23:30:00Z'],
    // Years below 100 stay themselves (Date.UTC would have read 0050 as 1950).
    ['0050-03-01T00:30:00+01:00', '0050-02-28T23:30:00Z'],
  ])('rewrites %s as %s', (input, expected) => {
    expect(normalizeDateTime(input)).toBe(expected);
  });

  it('names the instant Date reads from the same timestamp, for any date, time, fraction and offset', () => {
    const two = (min: number, max: number) =>
      fc.integer({ min, max }).map((number) => String(number).padStart(2, '0'));
    const timestamps = fc
      .tuple(
        fc.integer({ min: 1000, max: 9998 }),
        two(1, 12),
        two(1, 28),
        two(0, 23),
        two(0, 59),
        two(0, 59),
        fc.stringMatching(/^\d{3}$/),
        fc.constantFrom('+', '-'),
        two(0, 23),
        two(0, 59),
      )
      .map(([year, month, day, hour, minute, second, millis, sign, offsetHours, offsetMinutes]) => ({
        written: `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${sign}${offsetHours}:${offsetMinutes}`,
      }));
    fc.assert(
      fc.property(timestamps, ({ written }) => {
        expect(normalizeDateTime(written)).toBe(new Date(written).toISOString());
      }),
      { seed: 20, numRuns: 2_000 },
    );
  });

  it.each([
    'yesterday',
    '2015-06-29',
    '2015-02-30T10:00:00Z',
    '2015-06-29T25:00:00Z',
    '1435610349',
    // Moved out of the years a DateTime can write by its offset.
    '0000-01-01T00:30:00+01:00',
    '9999-12-31T23:30:00-01:00',
  ])('gives up on %s', (input) => {
    expect(normalizeDateTime(input)).toBeUndefined();
  });
});
