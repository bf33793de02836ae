// OCPI 2.1.1 CDRs (mod_cdrs.md): the CDR schema on the mutated spec example, in strict and lenient mode,
// the 2.1.1 shape (stop_date_time, an embedded Location, costs as numbers), the operation map (no PUT,
// PATCH or DELETE: CDRs cannot be changed) and the types.
import { parsePayload } from '@org/ocpi';
import {
  type AuthMethod,
  AuthMethodValues,
  type CDR,
  CDRSchema,
  type CdrDimensionType,
  CdrDimensionTypeValues,
  CdrsOperations,
  type ChargingPeriod,
  ListQuerySchema,
  type Location,
  Operations,
  PowerTypeValues,
  type Tariff,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  enumMessage,
  lenientData,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v211-payloads';
import { readExample211 } from '../support/v211-spec';
import type { RequiredKeys } from '../support/v221-types';

// The spec's one CDR example gives an embedded Tariff's price as the string "2.00" and its Location the
// alpha-2 country "BE" where ISO 3166-1 alpha-3 belongs (see the list of wrong examples in
// examples.test.ts); with that price a number and the country "BEL", it is the valid CDR these tests use.
const PRICE = 'tariffs[0].elements[0].price_components[0].price';
const ISO_4217 = 'must be an assigned ISO 4217 currency code (three upper-case letters)';
const COUNTRY = 'location.country';
const cdr = fromSpec((): CDR => {
  const example = withValue(readExample211('mod_cdrs.md', 0, { from: 'body' }), COUNTRY, 'BEL');
  const result = parsePayload(CDRSchema, withValue(example, PRICE, 2), { mode: 'strict', subject: 'CDR' });
  if (!result.success) throw result.error;
  return result.data;
});

describeMutations({
  name: 'CDR',
  schema: CDRSchema,
  valid: cdr,
  missing: { path: 'location.city', message: 'required string is missing' },
  tooLong: { path: 'id', max: 36 },
  badEnum: { path: 'location.evses[0].connectors[0].power_type', values: PowerTypeValues, required: true },
  timestamp: {
    path: 'charging_periods[0].start_date_time',
    withOffset: '2015-06-29T23:39:09+02:00',
    utc: '2015-06-29T21:39:09Z',
  },
  wrongType: {
    path: 'charging_periods[0].dimensions[0]',
    value: 1.973,
    message: 'expected object, received number',
  },
  nullOptional: { path: 'total_parking_time' },
  unknownFieldIn: 'location',
  lenientDrops: {
    badEnum: {
      place: 'location.evses[0]',
      alsoReported: [
        { path: 'location.evses', action: 'kept', message: 'must hold only the EVSE used (one) (kept)' },
      ],
    },
  },
  idPath: 'id',
});

describe('CDR: the spec example', () => {
  it('differs from the valid CDR only in the price the spec gives as a string and its alpha-2 country', () => {
    const example = readExample211('mod_cdrs.md', 0, { from: 'body' });
    expect(strictIssues(CDRSchema, example)).toEqual([
      {
        path: COUNTRY,
        message: 'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)',
      },
      { path: PRICE, message: 'expected number, received string' },
    ]);
    expect(withValue(withValue(example, PRICE, 2), COUNTRY, 'BEL')).toEqual(cdr());
  });
});

describe('CDR: the 2.1.1 shape', () => {
  it('ends with stop_date_time, not the 2.2.1 end_date_time', () => {
    const { stop_date_time, ...withoutStop } = cdr();
    expect(strictIssues(CDRSchema, { ...withoutStop, end_date_time: stop_date_time })).toEqual([
      { path: 'stop_date_time', message: 'required string is missing' },
      { path: 'end_date_time', message: 'unknown field' },
    ]);
  });

  it('embeds the whole Location, with its prose rules, not a 2.2.1 cdr_location', () => {
    const { location, ...withoutLocation } = cdr();
    expect(strictIssues(CDRSchema, withoutLocation)).toEqual([
      { path: 'location', message: 'required object is missing' },
    ]);
    expect(strictIssues(CDRSchema, { ...withoutLocation, cdr_location: location })).toEqual([
      { path: 'location', message: 'required object is missing' },
      { path: 'cdr_location', message: 'unknown field' },
    ]);
    expect(strictIssues(CDRSchema, withValue(cdr(), 'location.coordinates.longitude', '51.0476'))).toEqual([
      {
        path: 'location.coordinates.longitude',
        message: 'must be decimal degrees like -126.104965 (6 decimals)',
      },
    ]);
  });

  it('gives costs as plain numbers and refuses a 2.2.1 Price object', () => {
    expect(cdr().total_cost).toBe(4);
    expect(strictIssues(CDRSchema, withValue(cdr(), 'total_cost', { excl_vat: 4 }))).toEqual([
      { path: 'total_cost', message: 'expected number, received object' },
    ]);
    expect(strictIssues(CDRSchema, withValue(cdr(), 'total_parking_cost', 1))).toEqual([
      { path: 'total_parking_cost', message: 'unknown field' },
    ]);
  });

  it('authorises by AUTH_REQUEST or WHITELIST only (2.2.1 added COMMAND) and has a FLAT dimension', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'auth_method', 'COMMAND'))).toEqual([
      { path: 'auth_method', message: enumMessage(AuthMethodValues) },
    ]);
    expect(
      strictIssues(CDRSchema, withValue(cdr(), 'charging_periods[0].dimensions[0].type', 'FLAT')),
    ).toEqual([]);
    expect(
      strictIssues(CDRSchema, withValue(cdr(), 'charging_periods[0].dimensions[0].type', 'MAX_POWER')),
    ).toEqual([
      { path: 'charging_periods[0].dimensions[0].type', message: enumMessage(CdrDimensionTypeValues) },
    ]);
  });

  it('refuses a CDR without charging periods (cardinality +)', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'charging_periods', []))).toEqual([
      { path: 'charging_periods', message: 'must have at least 1 item' },
    ]);
  });

  it('checks the Tariffs it carries as Tariffs, restrictions included', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'tariffs[0].elements', []))).toEqual([
      { path: 'tariffs[0].elements', message: 'must have at least 1 item' },
    ]);
    const restricted = withValue(cdr(), 'tariffs[0].elements[0].restrictions', { start_time: '24:00' });
    expect(strictIssues(CDRSchema, restricted)).toEqual([
      {
        path: 'tariffs[0].elements[0].restrictions.start_time',
        message: 'must be a 24-hour time like 13:30',
      },
    ]);
    expect(lenientData(CDRSchema, restricted).issues.map(({ action, path }) => `${action} ${path}`)).toEqual([
      'kept tariffs[0].elements[0].restrictions.start_time',
    ]);
  });

  it('takes auth_id, meter_id, remark and currency up to their limits', () => {
    for (const [path, max] of [
      ['auth_id', 36],
      ['meter_id', 255],
      ['remark', 255],
    ] as const) {
      expect(strictIssues(CDRSchema, withValue(cdr(), path, 'A'.repeat(max)))).toEqual([]);
      expect(strictIssues(CDRSchema, withValue(cdr(), path, 'A'.repeat(max + 1)))).toEqual([
        { path, message: tooLongMessage(max) },
      ]);
    }
    // A currency is also an ISO 4217 code: three letters at most, and only assigned ones.
    expect(strictIssues(CDRSchema, withValue(cdr(), 'currency', 'CHF'))).toEqual([]);
    expect(strictIssues(CDRSchema, withValue(cdr(), 'currency', 'CHFF'))).toEqual([
      { path: 'currency', message: tooLongMessage(3) },
      { path: 'currency', message: ISO_4217 },
    ]);
  });
});

describe('CdrsOperations (mod_cdrs.md, 2. Interfaces and endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods211('mod_cdrs.md'));

  it('offers the methods the interface tables list: CPO GET; eMSP GET, POST', () => {
    expect(spec()).toEqual({ cpo: ['GET'], emsp: ['GET', 'POST'] });
    expect(methodsOf(CdrsOperations.cpo)).toEqual(spec().cpo);
    expect(methodsOf(CdrsOperations.emsp)).toEqual(spec().emsp);
    expect(Operations.cdrs).toBe(CdrsOperations);
  });

  it('serves the paginated list, takes a POST and answers a GET at the URL its Location header gave', () => {
    expect(summarise(CdrsOperations.cpo)).toEqual({ list: 'GET {endpoint} (paginated)' });
    expect(summarise(CdrsOperations.emsp)).toEqual({
      postCdr: 'POST {endpoint}',
      getCdr: 'GET {cdr_location_url}',
    });
    expect(CdrsOperations.cpo.list.query).toBe(ListQuerySchema);
    expect(elementOf(CdrsOperations.cpo.list.response)).toBe(CDRSchema);
    expect(CdrsOperations.emsp.postCdr.request).toBe(CDRSchema);
    expect(CdrsOperations.emsp.getCdr.response).toBe(CDRSchema);
  });
});

describe('CDRs types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(cdr).returns.toEqualTypeOf<CDR>();
    expectTypeOf<CDR['stop_date_time']>().toEqualTypeOf<string>();
    expectTypeOf<CDR['location']>().toEqualTypeOf<Location>();
    expectTypeOf<CDR['charging_periods']>().toEqualTypeOf<ChargingPeriod[]>();
    expectTypeOf<CDR['tariffs']>().toEqualTypeOf<Tariff[] | undefined>();
    expectTypeOf<CDR['total_cost']>().toEqualTypeOf<number>();
    expectTypeOf<CDR['total_parking_time']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CDR['auth_method']>().toEqualTypeOf<AuthMethod>();
    expectTypeOf<ChargingPeriod['dimensions'][number]['type']>().toEqualTypeOf<CdrDimensionType>();
    expectTypeOf<CdrDimensionType>().toEqualTypeOf<
      'ENERGY' | 'FLAT' | 'MAX_CURRENT' | 'MIN_CURRENT' | 'PARKING_TIME' | 'TIME'
    >();
    expectTypeOf<RequiredKeys<CDR>>().toEqualTypeOf<
      | 'id'
      | 'start_date_time'
      | 'stop_date_time'
      | 'auth_id'
      | 'auth_method'
      | 'location'
      | 'currency'
      | 'charging_periods'
      | 'total_cost'
      | 'total_energy'
      | 'total_time'
      | 'last_updated'
    >();
    expect(cdr().charging_periods[0]?.dimensions[0]?.type).toBe('TIME');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: MAX_POWER is a 2.2.1 CDR dimension
    const dimension: CdrDimensionType = 'MAX_POWER';
    // @ts-expect-error: cdr_location is the 2.2.1 field
    const withCdrLocation: CDR = { ...cdr(), cdr_location: cdr().location };
    // @ts-expect-error: total_cost is a number in 2.1.1
    const priced: CDR = { ...cdr(), total_cost: { excl_vat: 4 } };
    expect(
      CDRSchema.safeParse(withValue(cdr(), 'charging_periods[0].dimensions[0].type', dimension)).success,
    ).toBe(false);
    expect(CDRSchema.safeParse(withCdrLocation).success).toBe(false);
    expect(CDRSchema.safeParse(priced).success).toBe(false);
  });
});
