// OCPI 2.2.1 CDRs (mod_cdrs.asciidoc): the CDR schema on the mutated spec example, in strict and lenient
// mode, signed data, the operation map (no PUT, PATCH or DELETE: CDRs cannot be changed) and the types.
import {
  type AuthMethod,
  type CDR,
  CDRSchema,
  type CdrDimensionType,
  type CdrLocation,
  CdrsOperations,
  type ChargingPeriod,
  ListQuerySchema,
  Operations,
  PowerTypeValues,
  type Price,
  type SignedData,
  SignedDataSchema,
  type Tariff,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  lazyExample,
  lenientData,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const cdr = lazyExample(CDRSchema, 'cdr_example.json');

describeMutations({
  name: 'CDR',
  schema: CDRSchema,
  valid: cdr,
  missing: { path: 'cdr_location.city', message: 'required string is missing' },
  tooLong: { path: 'cdr_token.uid', max: 36 },
  badEnum: { path: 'cdr_location.connector_power_type', values: PowerTypeValues, required: true },
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
  nullOptional: { path: 'total_time_cost' },
  unknownFieldIn: 'cdr_location',
  idPath: 'id',
});

describe('CDR: what the spec tables add', () => {
  it('refuses a CDR without charging periods (cardinality +) or without cdr_location', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'charging_periods', []))).toEqual([
      { path: 'charging_periods', message: 'must have at least 1 item' },
    ]);
    const { cdr_location: _location, ...withoutLocation } = cdr();
    expect(strictIssues(CDRSchema, withoutLocation)).toEqual([
      { path: 'cdr_location', message: 'required object is missing' },
    ]);
  });

  it('checks the Tariffs it carries as Tariffs', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'tariffs[0].elements', []))).toEqual([
      { path: 'tariffs[0].elements', message: 'must have at least 1 item' },
    ]);
  });

  it('keeps the short CdrLocation limits, which the errata leave alone: address 45, state 20', () => {
    for (const [path, max] of [
      ['cdr_location.address', 45],
      ['cdr_location.state', 20],
      ['cdr_location.evse_id', 48],
    ] as const) {
      expect(strictIssues(CDRSchema, withValue(cdr(), path, 'A'.repeat(max)))).toEqual([]);
      expect(strictIssues(CDRSchema, withValue(cdr(), path, 'A'.repeat(max + 1)))).toEqual([
        { path, message: tooLongMessage(max) },
      ]);
    }
  });

  it('refuses a total cost given as a bare number, the 2.1.1 way', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'total_cost', 4))).toEqual([
      { path: 'total_cost', message: 'expected object, received number' },
    ]);
  });
});

describe('SignedData (mod_cdrs.asciidoc, SignedData and SignedValue classes)', () => {
  const signed = {
    encoding_method: 'OCMF',
    encoding_method_version: 1,
    signed_values: [{ nature: 'Start', plain_data: 'OCMF|{}', signed_data: 'c2lnbmVk' }],
  };

  it('takes signed values in a CDR and refuses an empty list of them (cardinality +)', () => {
    expect(strictIssues(CDRSchema, withValue(cdr(), 'signed_data', signed))).toEqual([]);
    expect(strictIssues(SignedDataSchema, withValue(signed, 'signed_values', []))).toEqual([
      { path: 'signed_values', message: 'must have at least 1 item' },
    ]);
  });

  it('takes plain_data of 5000 characters, as the errata correct it (string(512) -> string(5000))', () => {
    // v2.2.1-d2..release-2.2.1-bugfixes.diff, mod_cdrs.asciidoc hunk @@ -552: plain_data string(5000).
    const path = 'signed_data.signed_values[0].plain_data';
    const withSigned = withValue(cdr(), 'signed_data', signed);
    expect(strictIssues(CDRSchema, withValue(withSigned, path, 'p'.repeat(5000)))).toEqual([]);
    expect(strictIssues(CDRSchema, withValue(withSigned, path, 'p'.repeat(5001)))).toEqual([
      { path, message: tooLongMessage(5000) },
    ]);
    expect(lenientData(CDRSchema, withValue(withSigned, path, 'p'.repeat(5001))).issues).toEqual([
      { path, action: 'kept', message: `${tooLongMessage(5000)} (kept)` },
    ]);
  });
});

describe('CdrsOperations (mod_cdrs.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_cdrs.asciidoc'));

  it('offers the methods the interface tables list: Sender GET; Receiver GET, POST', () => {
    expect(spec()).toEqual({ sender: ['GET'], receiver: ['GET', 'POST'] });
    expect(methodsOf(CdrsOperations.sender)).toEqual(spec().sender);
    expect(methodsOf(CdrsOperations.receiver)).toEqual(spec().receiver);
    expect(Operations.cdrs).toBe(CdrsOperations);
  });

  it('serves the paginated list, takes a POST and answers a GET at the URL its Location header gave', () => {
    expect(summarise(CdrsOperations.sender)).toEqual({ list: 'GET {endpoint} (paginated)' });
    expect(summarise(CdrsOperations.receiver)).toEqual({
      postCdr: 'POST {endpoint}',
      getCdr: 'GET {cdr_location_url}',
    });
    expect(CdrsOperations.sender.list.query).toBe(ListQuerySchema);
    expect(elementOf(CdrsOperations.sender.list.response)).toBe(CDRSchema);
    expect(CdrsOperations.receiver.postCdr.request).toBe(CDRSchema);
    expect(CdrsOperations.receiver.getCdr.response).toBe(CDRSchema);
  });
});

describe('CDRs types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(cdr).returns.toEqualTypeOf<CDR>();
    expectTypeOf<CDR['charging_periods']>().toEqualTypeOf<ChargingPeriod[]>();
    expectTypeOf<CDR['tariffs']>().toEqualTypeOf<Tariff[] | undefined>();
    expectTypeOf<CDR['cdr_location']>().toEqualTypeOf<CdrLocation>();
    expectTypeOf<CDR['total_cost']>().toEqualTypeOf<Price>();
    expectTypeOf<CDR['total_parking_cost']>().toEqualTypeOf<Price | undefined>();
    expectTypeOf<CDR['signed_data']>().toEqualTypeOf<SignedData | undefined>();
    expectTypeOf<CDR['credit']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<AuthMethod>().toEqualTypeOf<'AUTH_REQUEST' | 'COMMAND' | 'WHITELIST'>();
    expectTypeOf<ChargingPeriod['dimensions'][number]['type']>().toEqualTypeOf<CdrDimensionType>();
    expectTypeOf<RequiredKeys<CDR>>().toEqualTypeOf<
      | 'country_code'
      | 'party_id'
      | 'id'
      | 'start_date_time'
      | 'end_date_time'
      | 'cdr_token'
      | 'auth_method'
      | 'cdr_location'
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
    // @ts-expect-error: 2.2.1 has no FLAT CDR dimension
    const dimension: CdrDimensionType = 'FLAT';
    // @ts-expect-error: charging_periods is required
    const noPeriods: CDR = { ...cdr, charging_periods: undefined };
    // @ts-expect-error: total_cost is a Price
    const bareCost: CDR = { ...cdr(), total_cost: 4 };
    expect(
      CDRSchema.safeParse(withValue(cdr(), 'charging_periods[0].dimensions[0].type', dimension)).success,
    ).toBe(false);
    expect(CDRSchema.safeParse(noPeriods).success).toBe(false);
    expect(CDRSchema.safeParse(bareCost).success).toBe(false);
  });
});
