// OCPI 2.2.1 Sessions (mod_sessions.asciidoc): the Session schema on mutated spec examples, in strict and
// lenient mode, the PATCH body, Charging Preferences, the list query, the operation map and the types.
import {
  type AuthMethod,
  CdrDimensionTypeValues,
  type CdrToken,
  type ChargingPeriod,
  type ChargingPreferences,
  ChargingPreferencesResponseSchema,
  ChargingPreferencesSchema,
  Operations,
  type Price,
  ProfileTypeValues,
  type Session,
  type SessionPatch,
  SessionPatchSchema,
  SessionSchema,
  type SessionStatus,
  SessionStatusSchema,
  SessionsListQuerySchema,
  SessionsOperations,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  describePatch,
  enumMessage,
  exampleOf,
  lazyExample,
  lenientData,
  NOT_UTC,
  strictIssues,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const finished = lazyExample(SessionSchema, 'session_example_2_short_finished.json');
const starting = lazyExample(SessionSchema, 'session_example_1_simple_start.json');

describeMutations({
  name: 'Session',
  schema: SessionSchema,
  valid: finished,
  missing: { path: 'cdr_token.uid', message: 'required string is missing' },
  tooLong: { path: 'cdr_token.contract_id', max: 36 },
  badEnum: { path: 'charging_periods[1].dimensions[0].type', values: CdrDimensionTypeValues, required: true },
  timestamp: {
    path: 'charging_periods[2].start_date_time',
    withOffset: '2015-06-30T01:07:09+02:00',
    utc: '2015-06-29T23:07:09Z',
  },
  wrongType: { path: 'total_cost', value: 8.5, message: 'expected object, received number' },
  nullOptional: { path: 'end_date_time' },
  unknownFieldIn: 'cdr_token',
  lenientDrops: { timestamp: 'charging_periods[2]', badEnum: 'charging_periods[1]', wrongType: 'total_cost' },
  idPath: 'id',
});

describe('Session: what the spec tables add', () => {
  it('takes a just started Session without end_date_time or charging periods', () => {
    expect(starting().end_date_time).toBeUndefined();
    expect(starting().charging_periods).toBeUndefined();
    expect(strictIssues(SessionSchema, starting())).toEqual([]);
  });

  it('takes the 2.2.1 status RESERVATION and refuses a 2.1.1 field name', () => {
    expect(strictIssues(SessionSchema, withValue(finished(), 'status', 'RESERVATION'))).toEqual([]);
    expect(
      strictIssues(SessionSchema, withValue(finished(), 'start_datetime', finished().start_date_time)),
    ).toEqual([{ path: 'start_datetime', message: 'unknown field' }]);
  });

  it('refuses a charging period without dimensions (cardinality +) and kwh as a string', () => {
    expect(strictIssues(SessionSchema, withValue(finished(), 'charging_periods[0].dimensions', []))).toEqual([
      { path: 'charging_periods[0].dimensions', message: 'must have at least 1 item' },
    ]);
    expect(strictIssues(SessionSchema, withValue(finished(), 'kwh', '41.12'))).toEqual([
      { path: 'kwh', message: 'expected number, received string' },
    ]);
  });
});

describe('Session PATCH (mod_sessions.asciidoc, Receiver PATCH)', () => {
  describePatch({
    name: 'Session PATCH',
    schema: SessionPatchSchema,
    valid: lazyExample(SessionPatchSchema, 'session_patch_example_charging_period.json'),
    partial: { status: 'COMPLETED', end_date_time: '2019-06-23T09:16:02Z' },
    invalid: { path: 'total_cost.excl_vat', value: '0.80', message: 'expected number, received string' },
  });

  it('takes the spec example that only updates the total cost', () => {
    const patch = exampleOf(SessionPatchSchema, 'session_patch_example_total_cost.json');
    expect(Object.keys(patch).sort()).toEqual(['last_updated', 'total_cost']);
  });
});

describe('Charging Preferences (mod_sessions.asciidoc, Sender PUT)', () => {
  const preferences = {
    profile_type: 'FAST',
    departure_time: '2019-06-23T18:00:00Z',
    energy_need: 22.5,
    discharge_allowed: false,
  };

  it('takes preferences with only a profile type, or with all fields', () => {
    expect(strictIssues(ChargingPreferencesSchema, { profile_type: 'GREEN' })).toEqual([]);
    expect(strictIssues(ChargingPreferencesSchema, preferences)).toEqual([]);
  });

  it('refuses an unknown profile type, a departure time with an offset and a missing profile type', () => {
    expect(strictIssues(ChargingPreferencesSchema, withValue(preferences, 'profile_type', 'TURBO'))).toEqual([
      { path: 'profile_type', message: enumMessage(ProfileTypeValues) },
    ]);
    expect(
      strictIssues(
        ChargingPreferencesSchema,
        withValue(preferences, 'departure_time', '2019-06-23T20:00:00+02:00'),
      ),
    ).toEqual([{ path: 'departure_time', message: NOT_UTC }]);
    expect(
      lenientData(
        ChargingPreferencesSchema,
        withValue(preferences, 'departure_time', '2019-06-23T20:00:00+02:00'),
      ).data,
    ).toEqual(preferences);
  });

  it('answers with one of the ChargingPreferencesResponse values', () => {
    expect(ChargingPreferencesResponseSchema.safeParse('DEPARTURE_REQUIRED').success).toBe(true);
    expect(ChargingPreferencesResponseSchema.safeParse('accepted').success).toBe(false);
  });
});

describe('Sessions list query (mod_sessions.asciidoc, Sender GET request parameters)', () => {
  it('requires date_from, unlike the other lists, and takes date_to, offset and limit', () => {
    expect(strictIssues(SessionsListQuerySchema, { offset: 50 })).toEqual([
      { path: 'date_from', message: 'required string is missing' },
    ]);
    const query = {
      date_from: '2019-01-28T12:00:00Z',
      date_to: '2019-01-29T12:00:00Z',
      offset: 0,
      limit: 100,
    };
    expect(strictIssues(SessionsListQuerySchema, query)).toEqual([]);
  });

  it('refuses a date_from that is not a UTC DateTime', () => {
    expect(strictIssues(SessionsListQuerySchema, { date_from: '2019-01-28T14:00:00+02:00' })).toEqual([
      { path: 'date_from', message: NOT_UTC },
    ]);
  });
});

describe('SessionsOperations (mod_sessions.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_sessions.asciidoc'));

  it('offers the methods the interface tables list: Sender GET, PUT; Receiver GET, PUT, PATCH', () => {
    expect(spec()).toEqual({ sender: ['GET', 'PUT'], receiver: ['GET', 'PATCH', 'PUT'] });
    expect(methodsOf(SessionsOperations.sender)).toEqual(spec().sender);
    expect(methodsOf(SessionsOperations.receiver)).toEqual(spec().receiver);
    expect(Operations.sessions).toBe(SessionsOperations);
  });

  it('has the paginated list with its own query and the charging preferences PUT on the Sender', () => {
    expect(summarise(SessionsOperations.sender)).toEqual({
      list: 'GET {endpoint} (paginated)',
      putChargingPreferences: 'PUT {endpoint}/{session_id}/charging_preferences',
    });
    const { list, putChargingPreferences } = SessionsOperations.sender;
    expect(list.query).toBe(SessionsListQuerySchema);
    expect(elementOf(list.response)).toBe(SessionSchema);
    expect(putChargingPreferences.request).toBe(ChargingPreferencesSchema);
    expect(putChargingPreferences.response).toBe(ChargingPreferencesResponseSchema);
  });

  it('has GET, PUT and PATCH on {country_code}/{party_id}/{session_id} on the Receiver', () => {
    const session = '{endpoint}/{country_code}/{party_id}/{session_id}';
    expect(summarise(SessionsOperations.receiver)).toEqual({
      getSession: `GET ${session}`,
      putSession: `PUT ${session}`,
      patchSession: `PATCH ${session}`,
    });
    expect(SessionsOperations.receiver.getSession.response).toBe(SessionSchema);
    expect(SessionsOperations.receiver.putSession.request).toBe(SessionSchema);
    expect(SessionsOperations.receiver.patchSession.request).toBe(SessionPatchSchema);
  });
});

describe('Sessions types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(finished).returns.toEqualTypeOf<Session>();
    expectTypeOf<Session['kwh']>().toEqualTypeOf<number>();
    expectTypeOf<Session['cdr_token']>().toEqualTypeOf<CdrToken>();
    expectTypeOf<Session['auth_method']>().toEqualTypeOf<AuthMethod>();
    expectTypeOf<Session['end_date_time']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Session['charging_periods']>().toEqualTypeOf<ChargingPeriod[] | undefined>();
    expectTypeOf<Session['total_cost']>().toEqualTypeOf<Price | undefined>();
    expectTypeOf<SessionStatus>().toEqualTypeOf<
      'ACTIVE' | 'COMPLETED' | 'INVALID' | 'PENDING' | 'RESERVATION'
    >();
    expectTypeOf<ChargingPreferences['profile_type']>().toEqualTypeOf<
      'CHEAP' | 'FAST' | 'GREEN' | 'REGULAR'
    >();
    expectTypeOf<RequiredKeys<Session>>().toEqualTypeOf<
      | 'country_code'
      | 'party_id'
      | 'id'
      | 'start_date_time'
      | 'kwh'
      | 'cdr_token'
      | 'auth_method'
      | 'location_id'
      | 'evse_uid'
      | 'connector_id'
      | 'currency'
      | 'status'
      | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<SessionPatch>>().toEqualTypeOf<'last_updated'>();
    expect(finished().charging_periods).toHaveLength(3);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: SessionStatus has no STOPPED
    const status: SessionStatus = 'STOPPED';
    // @ts-expect-error: kwh is a number
    const session: Session = { ...finished(), kwh: '41.12' };
    // @ts-expect-error: 2.2.1 has no embedded location on a Session
    const withLocation: Session = { ...finished(), location: {} };
    expect(SessionStatusSchema.safeParse(status).success).toBe(false);
    expect(SessionSchema.safeParse(session).success).toBe(false);
    expect(SessionSchema.safeParse(withLocation).success).toBe(false);
  });
});
