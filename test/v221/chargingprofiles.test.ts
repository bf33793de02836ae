// OCPI 2.2.1 ChargingProfiles (mod_charging_profiles.asciidoc): the request, response and result objects
// (built here: the spec has no example files for this module) on mutations, in strict and lenient mode,
// the query schemas, the operation map and the types.

import { parsePayload } from '@org/ocpi';
import {
  type ActiveChargingProfile,
  type ActiveChargingProfileQuery,
  ActiveChargingProfileQuerySchema,
  ActiveChargingProfileResultSchema,
  ActiveChargingProfileSchema,
  type ChargingProfile,
  type ChargingProfilePeriod,
  type ChargingProfileResponse,
  ChargingProfileResponseSchema,
  ChargingProfileResponseTypeValues,
  ChargingProfileResultSchema,
  ChargingProfileResultTypeValues,
  ChargingProfileSchema,
  ChargingProfilesOperations,
  type ChargingRateUnit,
  ChargingRateUnitValues,
  ClearChargingProfileQuerySchema,
  ClearProfileResultSchema,
  Operations,
  type SetChargingProfile,
  SetChargingProfileSchema,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import { describeMutations, enumMessage, strictIssues, withValue } from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const responseUrl = 'https://scsp.example.com/ocpi/2.2.1/chargingprofiles/result/12345';
const urlOfLength = (length: number) => {
  const base = 'https://scsp.example.com/';
  return base + 'r'.repeat(length - base.length);
};

const profile: ChargingProfile = {
  start_date_time: '2019-06-24T12:00:00Z',
  duration: 3600,
  charging_rate_unit: 'W',
  min_charging_rate: 1380,
  charging_profile_period: [
    { start_period: 0, limit: 11000 },
    { start_period: 1800, limit: 7400 },
  ],
};

const setProfile: SetChargingProfile = { charging_profile: profile, response_url: responseUrl };

describeMutations({
  name: 'SetChargingProfile',
  schema: SetChargingProfileSchema,
  valid: setProfile,
  missing: {
    path: 'charging_profile.charging_profile_period[1].limit',
    message: 'required number is missing',
  },
  tooLong: { path: 'response_url', max: 255, make: urlOfLength },
  badEnum: { path: 'charging_profile.charging_rate_unit', values: ChargingRateUnitValues, required: true },
  timestamp: {
    path: 'charging_profile.start_date_time',
    withOffset: '2019-06-24T14:00:00+02:00',
    utc: '2019-06-24T12:00:00Z',
  },
  wrongType: {
    path: 'charging_profile.charging_profile_period[0]',
    value: 11000,
    message: 'expected object, received number',
  },
  nullOptional: { path: 'charging_profile.min_charging_rate' },
  unknownFieldIn: 'charging_profile',
  lenientDrops: {
    timestamp: 'charging_profile.start_date_time',
    missing: 'charging_profile.charging_profile_period[1]',
    wrongType: 'charging_profile.charging_profile_period[0]',
  },
  fatal: { path: 'response_url', message: 'required string is missing' },
});

describe('ChargingProfiles objects: what the spec tables add', () => {
  it('takes a profile with only its rate unit, and periods with whole seconds', () => {
    expect(
      strictIssues(
        SetChargingProfileSchema,
        withValue(setProfile, 'charging_profile', { charging_rate_unit: 'A' }),
      ),
    ).toEqual([]);
    expect(
      strictIssues(
        SetChargingProfileSchema,
        withValue(setProfile, 'charging_profile.charging_profile_period[1].start_period', 1.5),
      ),
    ).toEqual([
      {
        path: 'charging_profile.charging_profile_period[1].start_period',
        message: 'expected int, received number',
      },
    ]);
  });

  it('answers each request with a result and a timeout, including TOO_OFTEN', () => {
    expect(strictIssues(ChargingProfileResponseSchema, { result: 'TOO_OFTEN', timeout: 30 })).toEqual([]);
    expect(strictIssues(ChargingProfileResponseSchema, { result: 'ACCEPTED' })).toEqual([
      { path: 'timeout', message: 'required number is missing' },
    ]);
    expect(strictIssues(ChargingProfileResponseSchema, { result: 'UNKNOWN', timeout: 30 })).toEqual([
      { path: 'result', message: enumMessage(ChargingProfileResponseTypeValues) },
    ]);
  });

  it('reports the outcome later with a result type of its own, the active profile with it', () => {
    const active = { start_date_time: '2019-06-24T12:00:00Z', charging_profile: profile };
    expect(strictIssues(ActiveChargingProfileResultSchema, { result: 'ACCEPTED', profile: active })).toEqual(
      [],
    );
    expect(
      strictIssues(ActiveChargingProfileResultSchema, {
        result: 'ACCEPTED',
        profile: withValue(active, 'charging_profile.charging_profile_period[1]', 7400),
      }),
    ).toEqual([
      {
        path: 'profile.charging_profile.charging_profile_period[1]',
        message: 'expected object, received number',
      },
    ]);
    expect(strictIssues(ChargingProfileResultSchema, { result: 'UNKNOWN' })).toEqual([]);
    expect(strictIssues(ClearProfileResultSchema, { result: 'REJECTED' })).toEqual([]);
    expect(strictIssues(ClearProfileResultSchema, { result: 'TOO_OFTEN' })).toEqual([
      { path: 'result', message: enumMessage(ChargingProfileResultTypeValues) },
    ]);
    expect(strictIssues(ActiveChargingProfileResultSchema, { result: 'REJECTED' })).toEqual([]);
  });

  it('wants rates with at most one decimal, wherever a profile travels', () => {
    const active = { start_date_time: '2019-06-24T12:00:00Z', charging_profile: profile };
    const fine = withValue(profile, 'min_charging_rate', 8.1);
    expect(strictIssues(ChargingProfileSchema, fine)).toEqual([]);
    const rough = withValue(
      withValue(profile, 'min_charging_rate', 8.15),
      'charging_profile_period[0].limit',
      0.30000000000000004,
    );
    // A period's own rule speaks while the profile's fields are read, before the profile's rule.
    const issues = [
      { path: 'charging_profile_period[0].limit', message: 'must have at most one decimal, like 8.1' },
      { path: 'min_charging_rate', message: 'must have at most one decimal, like 8.1' },
    ];
    expect(strictIssues(ChargingProfileSchema, rough)).toEqual(issues);
    const prefixed = (prefix: string) =>
      issues.map(({ path, message }) => ({ path: `${prefix}.${path}`, message }));
    expect(strictIssues(SetChargingProfileSchema, { ...setProfile, charging_profile: rough })).toEqual(
      prefixed('charging_profile'),
    );
    expect(strictIssues(ActiveChargingProfileSchema, { ...active, charging_profile: rough })).toEqual(
      prefixed('charging_profile'),
    );
    expect(
      strictIssues(ActiveChargingProfileResultSchema, {
        result: 'ACCEPTED',
        profile: { ...active, charging_profile: rough },
      }),
    ).toEqual(prefixed('profile.charging_profile'));
    const lenient = parsePayload(
      SetChargingProfileSchema,
      { ...setProfile, charging_profile: rough },
      {
        mode: 'lenient',
        subject: 'SetChargingProfile',
      },
    );
    expect(lenient.success && lenient.issues.map(({ action }) => action)).toEqual(['kept', 'kept']);
  });

  it('expects the active profile with an ACCEPTED result', () => {
    expect(strictIssues(ActiveChargingProfileResultSchema, { result: 'ACCEPTED' })).toEqual([
      { path: 'profile', message: 'is expected when result is ACCEPTED' },
    ]);
  });

  it('needs the start of an active profile', () => {
    expect(strictIssues(ActiveChargingProfileSchema, { charging_profile: profile })).toEqual([
      { path: 'start_date_time', message: 'required string is missing' },
    ]);
  });

  it('takes the GET query of a duration and a response_url, and the DELETE query of a response_url', () => {
    expect(
      strictIssues(ActiveChargingProfileQuerySchema, { duration: 900, response_url: responseUrl }),
    ).toEqual([]);
    expect(strictIssues(ActiveChargingProfileQuerySchema, { response_url: responseUrl })).toEqual([
      { path: 'duration', message: 'required number is missing' },
    ]);
    expect(strictIssues(ClearChargingProfileQuerySchema, { response_url: 'result/12345' })).toEqual([
      { path: 'response_url', message: 'must be an absolute URL' },
    ]);
  });
});

describe('ChargingProfilesOperations (mod_charging_profiles.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_charging_profiles.asciidoc'));

  it('offers the methods the interface tables list: Receiver GET, PUT, DELETE; Sender POST, PUT', () => {
    expect(spec()).toEqual({ receiver: ['DELETE', 'GET', 'PUT'], sender: ['POST', 'PUT'] });
    expect(methodsOf(ChargingProfilesOperations.receiver)).toEqual(spec().receiver);
    expect(methodsOf(ChargingProfilesOperations.sender)).toEqual(spec().sender);
    expect(Operations.chargingprofiles).toBe(ChargingProfilesOperations);
  });

  it('has GET, PUT and DELETE on {session_id} on the Receiver, each answered with a ChargingProfileResponse', () => {
    expect(summarise(ChargingProfilesOperations.receiver)).toEqual({
      getActiveProfile: 'GET {endpoint}/{session_id}',
      setProfile: 'PUT {endpoint}/{session_id}',
      clearProfile: 'DELETE {endpoint}/{session_id}',
    });
    const { getActiveProfile, setProfile: put, clearProfile } = ChargingProfilesOperations.receiver;
    expect(getActiveProfile.query).toBe(ActiveChargingProfileQuerySchema);
    expect(put.request).toBe(SetChargingProfileSchema);
    expect(clearProfile.query).toBe(ClearChargingProfileQuerySchema);
    for (const operation of [getActiveProfile, put, clearProfile]) {
      expect(operation.response).toBe(ChargingProfileResponseSchema);
    }
  });

  it('has the result POSTs to the response_url and the PUT of an updated active profile on the Sender', () => {
    expect(summarise(ChargingProfilesOperations.sender)).toEqual({
      postActiveProfileResult: 'POST {response_url}',
      postProfileResult: 'POST {response_url}',
      postClearProfileResult: 'POST {response_url}',
      putActiveProfile: 'PUT {endpoint}/{session_id}',
    });
    const sender = ChargingProfilesOperations.sender;
    expect(sender.postActiveProfileResult.request).toBe(ActiveChargingProfileResultSchema);
    expect(sender.postProfileResult.request).toBe(ChargingProfileResultSchema);
    expect(sender.postClearProfileResult.request).toBe(ClearProfileResultSchema);
    expect(sender.putActiveProfile.request).toBe(ActiveChargingProfileSchema);
  });
});

describe('ChargingProfiles types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf<SetChargingProfile['charging_profile']>().toEqualTypeOf<ChargingProfile>();
    expectTypeOf<ChargingProfile['charging_rate_unit']>().toEqualTypeOf<ChargingRateUnit>();
    expectTypeOf<ChargingProfile['charging_profile_period']>().toEqualTypeOf<
      ChargingProfilePeriod[] | undefined
    >();
    expectTypeOf<ChargingProfile['duration']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ActiveChargingProfile['start_date_time']>().toEqualTypeOf<string>();
    expectTypeOf<ChargingProfileResponse['timeout']>().toEqualTypeOf<number>();
    expectTypeOf<ActiveChargingProfileQuery['duration']>().toEqualTypeOf<number>();
    expectTypeOf<ChargingRateUnit>().toEqualTypeOf<'W' | 'A'>();
    expectTypeOf<RequiredKeys<ChargingProfile>>().toEqualTypeOf<'charging_rate_unit'>();
    expectTypeOf<RequiredKeys<ChargingProfilePeriod>>().toEqualTypeOf<'start_period' | 'limit'>();
    expect(strictIssues(SetChargingProfileSchema, setProfile)).toEqual([]);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: the rate unit is W or A, not kW
    const unit: ChargingRateUnit = 'kW';
    // @ts-expect-error: a SetChargingProfile needs its response_url
    const set: SetChargingProfile = { charging_profile: profile };
    expect(
      SetChargingProfileSchema.safeParse(withValue(setProfile, 'charging_profile.charging_rate_unit', unit))
        .success,
    ).toBe(false);
    expect(SetChargingProfileSchema.safeParse(set).success).toBe(false);
  });
});
