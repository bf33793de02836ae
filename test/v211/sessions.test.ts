// OCPI 2.1.1 Sessions (mod_sessions.md): the Session schema on mutated spec examples, in strict and
// lenient mode, the 2.1.1 shape (start_datetime, auth_id, an embedded Location), the PATCH body, the list
// query, the operation map and the types.
import { parsePayload } from '@org/ocpi';
import {
  type AuthMethod,
  CdrDimensionTypeValues,
  type ChargingPeriod,
  type Location,
  Operations,
  type Session,
  type SessionPatch,
  SessionPatchSchema,
  SessionSchema,
  type SessionStatus,
  SessionStatusSchema,
  SessionStatusValues,
  SessionsListQuerySchema,
  SessionsOperations,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  describePatch211,
  enumMessage,
  lazyExample211,
  lenientData,
  NOT_UTC,
  strictIssues,
  withValue,
} from '../support/v211-payloads';
import { readExample211 } from '../support/v211-spec';
import type { RequiredKeys } from '../support/v221-types';

// Both Session examples give the embedded Location the country "BE", an alpha-2 code where the Location
// table (mod_locations.md 3.1) asks for ISO 3166-1 alpha-3 (see the wrong examples in examples.test.ts);
// with "BEL" they are the valid Sessions these tests use.
const COUNTRY = 'location.country';
const sessionExample = (index: number) =>
  fromSpec((): Session => {
    const example = withValue(readExample211('mod_sessions.md', index, { from: 'body' }), COUNTRY, 'BEL');
    const result = parsePayload(SessionSchema, example, { mode: 'strict', subject: 'Session' });
    if (!result.success) throw result.error;
    return result.data;
  });
const starting = sessionExample(1);
const finished = sessionExample(2);

describeMutations({
  name: 'Session',
  schema: SessionSchema,
  valid: finished,
  missing: { path: 'location.evses[0].connectors[0].voltage', message: 'required number is missing' },
  tooLong: { path: 'auth_id', max: 36 },
  badEnum: { path: 'charging_periods[1].dimensions[1].type', values: CdrDimensionTypeValues, required: true },
  timestamp: {
    path: 'charging_periods[2].start_date_time',
    withOffset: '2015-06-30T01:07:09+02:00',
    utc: '2015-06-29T23:07:09Z',
  },
  wrongType: { path: 'location', value: 'LOC1', message: 'expected object, received string' },
  nullOptional: { path: 'end_datetime' },
  unknownFieldIn: 'location',
  lenientDrops: {
    timestamp: 'charging_periods[2]',
    missing: {
      place: 'location.evses[0]',
      alsoReported: [
        { path: 'location.evses', action: 'kept', message: 'must hold only the EVSE used (one) (kept)' },
      ],
    },
    badEnum: 'charging_periods[1]',
  },
  fatal: { path: 'id', message: 'required string is missing' },
  idPath: 'id',
});

describe('Session: the 2.1.1 shape', () => {
  it('takes a just started Session without end_datetime or charging periods', () => {
    expect(starting().end_datetime).toBeUndefined();
    expect(starting().charging_periods).toBeUndefined();
    expect(starting().status).toBe('PENDING');
  });

  it('names its times start_datetime and end_datetime, and refuses the 2.2.1 start_date_time', () => {
    const { start_datetime, ...withoutStart } = finished();
    expect(strictIssues(SessionSchema, withoutStart)).toEqual([
      { path: 'start_datetime', message: 'required string is missing' },
    ]);
    expect(strictIssues(SessionSchema, { ...withoutStart, start_date_time: start_datetime })).toEqual([
      { path: 'start_datetime', message: 'required string is missing' },
      { path: 'start_date_time', message: 'unknown field' },
    ]);
  });

  it('identifies the driver by auth_id, not by the 2.2.1 cdr_token', () => {
    expect(finished().auth_id).toBe('DE8ACC12E46L89');
    const token = { uid: finished().auth_id, type: 'RFID', contract_id: finished().auth_id };
    expect(strictIssues(SessionSchema, { ...finished(), cdr_token: token })).toEqual([
      { path: 'cdr_token', message: 'unknown field' },
    ]);
  });

  it('embeds the whole Location, checked with its prose rules, instead of 2.2.1 location_id and evse_uid', () => {
    expect(finished().location.evses?.[0]?.uid).toBe('3256');
    expect(
      strictIssues(SessionSchema, withValue(finished(), 'location.coordinates.latitude', '3.72994')),
    ).toEqual([
      {
        path: 'location.coordinates.latitude',
        message: 'must be decimal degrees like 50.770774 (6 decimals)',
      },
    ]);
    expect(strictIssues(SessionSchema, { ...finished(), location_id: 'LOC1', evse_uid: '3256' })).toEqual([
      { path: 'location_id', message: 'unknown field' },
      { path: 'evse_uid', message: 'unknown field' },
    ]);
  });

  it('gives total_cost as a plain number and refuses a 2.2.1 Price object', () => {
    expect(finished().total_cost).toBe(8.5);
    expect(strictIssues(SessionSchema, withValue(finished(), 'total_cost', { excl_vat: 8.5 }))).toEqual([
      { path: 'total_cost', message: 'expected number, received object' },
    ]);
  });

  it('has no RESERVATION status (2.2.1 added it), and refuses kwh as a string', () => {
    expect(strictIssues(SessionSchema, withValue(finished(), 'status', 'RESERVATION'))).toEqual([
      { path: 'status', message: enumMessage(SessionStatusValues) },
    ]);
    expect(strictIssues(SessionSchema, withValue(finished(), 'kwh', '41.00'))).toEqual([
      { path: 'kwh', message: 'expected number, received string' },
    ]);
  });

  it('refuses a charging period without dimensions (cardinality +)', () => {
    expect(strictIssues(SessionSchema, withValue(finished(), 'charging_periods[0].dimensions', []))).toEqual([
      { path: 'charging_periods[0].dimensions', message: 'must have at least 1 item' },
    ]);
  });
});

describe('Session PATCH (mod_sessions.md, eMSP PATCH)', () => {
  describePatch211({
    name: 'Session PATCH',
    schema: SessionPatchSchema,
    object: SessionSchema,
    valid: lazyExample211(SessionPatchSchema, 'mod_sessions.md', 0, { from: 'request', method: 'PATCH' }),
    partial: { status: 'COMPLETED', end_datetime: '2015-06-29T23:50:16Z' },
    invalid: { path: 'total_cost', value: '0.60', message: 'expected number, received string' },
  });

  it('takes a new charging period list in a PATCH, each period checked completely', () => {
    const patch = { charging_periods: finished().charging_periods ?? [], kwh: 41 };
    expect(strictIssues(SessionPatchSchema, patch)).toEqual([]);
    expect(
      strictIssues(SessionPatchSchema, withValue(patch, 'charging_periods[2].start_date_time', 'now')),
    ).toEqual([{ path: 'charging_periods[2].start_date_time', message: NOT_UTC }]);
  });
});

describe('Sessions list query (mod_sessions.md, CPO GET request parameters)', () => {
  it('requires date_from, unlike the other lists, and takes date_to, offset and limit', () => {
    expect(strictIssues(SessionsListQuerySchema, { offset: 50 })).toEqual([
      { path: 'date_from', message: 'required string is missing' },
    ]);
    const query = {
      date_from: '2015-06-29T00:00:00Z',
      date_to: '2015-06-30T00:00:00Z',
      offset: 0,
      limit: 100,
    };
    expect(strictIssues(SessionsListQuerySchema, query)).toEqual([]);
  });

  it('refuses a date_from that is not a UTC DateTime, and converts an offset leniently', () => {
    const query = { date_from: '2015-06-29T02:00:00+02:00' };
    expect(strictIssues(SessionsListQuerySchema, query)).toEqual([{ path: 'date_from', message: NOT_UTC }]);
    expect(lenientData(SessionsListQuerySchema, query).data).toEqual({ date_from: '2015-06-29T00:00:00Z' });
  });
});

describe('SessionsOperations (mod_sessions.md, 2. Interfaces and endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods211('mod_sessions.md'));

  it('offers the methods the interface tables list: CPO GET; eMSP GET, PUT, PATCH', () => {
    expect(spec()).toEqual({ cpo: ['GET'], emsp: ['GET', 'PATCH', 'PUT'] });
    expect(methodsOf(SessionsOperations.cpo)).toEqual(spec().cpo);
    expect(methodsOf(SessionsOperations.emsp)).toEqual(spec().emsp);
    expect(Operations.sessions).toBe(SessionsOperations);
  });

  it('has the paginated CPO list with its own query', () => {
    expect(summarise(SessionsOperations.cpo)).toEqual({ list: 'GET {endpoint} (paginated)' });
    expect(SessionsOperations.cpo.list.query).toBe(SessionsListQuerySchema);
    expect(elementOf(SessionsOperations.cpo.list.response)).toBe(SessionSchema);
  });

  it('has GET, PUT and PATCH on {country_code}/{party_id}/{session_id} on the eMSP', () => {
    const session = '{endpoint}/{country_code}/{party_id}/{session_id}';
    expect(summarise(SessionsOperations.emsp)).toEqual({
      getSession: `GET ${session}`,
      putSession: `PUT ${session}`,
      patchSession: `PATCH ${session}`,
    });
    expect(SessionsOperations.emsp.getSession.response).toBe(SessionSchema);
    expect(SessionsOperations.emsp.putSession.request).toBe(SessionSchema);
    expect(SessionsOperations.emsp.patchSession.request).toBe(SessionPatchSchema);
  });
});

describe('Sessions types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(finished).returns.toEqualTypeOf<Session>();
    expectTypeOf<Session['start_datetime']>().toEqualTypeOf<string>();
    expectTypeOf<Session['end_datetime']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Session['kwh']>().toEqualTypeOf<number>();
    expectTypeOf<Session['auth_id']>().toEqualTypeOf<string>();
    expectTypeOf<Session['auth_method']>().toEqualTypeOf<AuthMethod>();
    expectTypeOf<Session['location']>().toEqualTypeOf<Location>();
    expectTypeOf<Session['charging_periods']>().toEqualTypeOf<ChargingPeriod[] | undefined>();
    expectTypeOf<Session['total_cost']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SessionStatus>().toEqualTypeOf<'ACTIVE' | 'COMPLETED' | 'INVALID' | 'PENDING'>();
    expectTypeOf<AuthMethod>().toEqualTypeOf<'AUTH_REQUEST' | 'WHITELIST'>();
    expectTypeOf<RequiredKeys<Session>>().toEqualTypeOf<
      | 'id'
      | 'start_datetime'
      | 'kwh'
      | 'auth_id'
      | 'auth_method'
      | 'location'
      | 'currency'
      | 'status'
      | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<SessionPatch>>().toEqualTypeOf<never>();
    expect(finished().charging_periods).toHaveLength(3);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: RESERVATION is a 2.2.1 SessionStatus
    const status: SessionStatus = 'RESERVATION';
    // @ts-expect-error: kwh is a number
    const session: Session = { ...finished(), kwh: '41.00' };
    // @ts-expect-error: cdr_token is a 2.2.1 field
    const withToken: Session = { ...finished(), cdr_token: {} };
    // @ts-expect-error: total_cost is a plain number in 2.1.1
    const priced: SessionPatch = { total_cost: { excl_vat: 0.6 } };
    expect(SessionStatusSchema.safeParse(status).success).toBe(false);
    expect(SessionSchema.safeParse(session).success).toBe(false);
    expect(SessionSchema.safeParse(withToken).success).toBe(false);
    expect(SessionPatchSchema.safeParse(priced).success).toBe(false);
  });
});
