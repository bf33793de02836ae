// What a mode can return is what its type says (issue #12): strict results keep the spec's closed
// enums, lenient ones open them (an unknown value a partner sent is kept), `unknownFields: 'keep'` adds
// the extension fields; and a client's calls return what its own settings can give. Checked by the
// compiler (`npx tsc`); the tests only hold the assertions.
import {
  type connect,
  type Lenient,
  type OcpiClient,
  type PageRequest,
  type ParsedAs,
  parseList,
  parsePayload,
  type WithExtensions,
} from '@org/ocpi';
import type * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expectTypeOf, it } from 'vitest';

type Evse<L> = L extends { evses?: (infer Item)[] | undefined } ? Item : never;

describe('strict results', () => {
  it('keep the closed types, at the top and nested (an EVSE status inside a Location)', () => {
    expectTypeOf<v221.Location['parking_type']>().toEqualTypeOf<v221.ParkingType | undefined>();
    expectTypeOf<v211.Location['type']>().toEqualTypeOf<v211.LocationType>();
    expectTypeOf<Evse<v221.Location>['status']>().toEqualTypeOf<v221.Status>();
    expectTypeOf<Evse<v211.Location>['status']>().toEqualTypeOf<v211.Status>();
    expectTypeOf<string>().not.toExtend<v221.Location['parking_type']>();
    expectTypeOf<string>().not.toExtend<Evse<v211.Location>['status']>();
  });
});

describe('lenient results', () => {
  it('take an unknown enum value, at the top and nested, in both versions', () => {
    expectTypeOf<'VALET'>().toExtend<Lenient<v221.Location>['parking_type']>();
    expectTypeOf<'VALET'>().toExtend<Lenient<v211.Location>['type']>();
    expectTypeOf<'DECOMMISSIONED'>().toExtend<Evse<Lenient<v221.Location>>['status']>();
    expectTypeOf<'DECOMMISSIONED'>().toExtend<Evse<Lenient<v211.Location>>['status']>();
    expectTypeOf<'NEW_CAPABILITY'>().toExtend<
      NonNullable<Evse<Lenient<v221.Location>>['capabilities']>[number]
    >();
  });

  it('do not pretend to be the strict type, which stays assignable to them', () => {
    expectTypeOf<Lenient<v221.Location>>().not.toExtend<v221.Location>();
    expectTypeOf<Lenient<v211.Location>>().not.toExtend<v211.Location>();
    expectTypeOf<Lenient<v221.EVSE>>().not.toExtend<v221.EVSE>();
    expectTypeOf<v221.Location>().toExtend<Lenient<v221.Location>>();
    expectTypeOf<v211.Location>().toExtend<Lenient<v211.Location>>();
  });

  it('keep free strings, numbers and which fields are optional', () => {
    expectTypeOf<Lenient<v221.Location>['id']>().toEqualTypeOf<string>();
    expectTypeOf<Lenient<v221.Location>['publish']>().toEqualTypeOf<boolean>();
    expectTypeOf<Lenient<v221.Connector>['max_voltage']>().toEqualTypeOf<number>();
    expectTypeOf<{ id: string; country_code: string }>().not.toExtend<Lenient<v221.Location>>();
    expectTypeOf<Pick<v221.Location, 'parking_type'>>().toExtend<
      Pick<Lenient<v221.Location>, 'parking_type'>
    >();
    expectTypeOf<Record<never, never>>().toExtend<Pick<Lenient<v221.Location>, 'parking_type'>>();
  });
});

describe("results with unknownFields: 'keep'", () => {
  it('carry extension fields at every object level, typed unknown', () => {
    expectTypeOf<WithExtensions<v221.Location>['x_vendor_id']>().toEqualTypeOf<unknown>();
    expectTypeOf<Evse<WithExtensions<v221.Location>>['x_vendor_id']>().toEqualTypeOf<unknown>();
    expectTypeOf<WithExtensions<v211.Location>['type']>().toEqualTypeOf<v211.LocationType>();
    expectTypeOf<Evse<WithExtensions<v211.Location>>['status']>().toEqualTypeOf<v211.Status>();
  });
});

describe('parsePayload and parseList', () => {
  it('type their data by the options given, as ParsedAs says', () => {
    const subject = 'Location';
    const strict = parsePayload(v221.LocationSchema, {}, { mode: 'strict', subject });
    const lenient = parsePayload(v221.LocationSchema, {}, { mode: 'lenient', subject });
    const kept = parsePayload(v221.LocationSchema, {}, { mode: 'strict', subject, unknownFields: 'keep' });
    expectTypeOf<Extract<typeof strict, { success: true }>['data']>().toEqualTypeOf<v221.Location>();
    expectTypeOf<Extract<typeof lenient, { success: true }>['data']>().toEqualTypeOf<
      Lenient<v221.Location>
    >();
    expectTypeOf<Extract<typeof kept, { success: true }>['data']>().toEqualTypeOf<
      WithExtensions<v221.Location>
    >();
    const list = parseList(v221.LocationSchema, [], { mode: 'lenient', subject });
    expectTypeOf(list.items).toEqualTypeOf<Lenient<v221.Location>[]>();
    // A mode only known at run time gives the widest type either can return.
    const mode = (strict.success ? 'strict' : 'lenient') as 'strict' | 'lenient';
    const either = parsePayload(v221.LocationSchema, {}, { mode, subject });
    expectTypeOf<Extract<typeof either, { success: true }>['data']>().toEqualTypeOf<Lenient<v221.Location>>();
  });
});

describe('ParsedAs', () => {
  type Options<Mode, Unknown = undefined> = { mode: Mode; subject: string } & (Unknown extends string
    ? { unknownFields: Unknown }
    : unknown);
  it('maps each mode and unknownFields setting to the type of what it returns', () => {
    expectTypeOf<ParsedAs<v221.Location, Options<'strict'>>>().toEqualTypeOf<v221.Location>();
    expectTypeOf<ParsedAs<v221.Location, Options<'strict', 'strip'>>>().toEqualTypeOf<v221.Location>();
    expectTypeOf<ParsedAs<v221.Location, Options<'strict', 'reject'>>>().toEqualTypeOf<v221.Location>();
    expectTypeOf<ParsedAs<v221.Location, Options<'strict', 'keep'>>>().toEqualTypeOf<
      WithExtensions<v221.Location>
    >();
    expectTypeOf<ParsedAs<v221.Location, Options<'lenient'>>>().toEqualTypeOf<Lenient<v221.Location>>();
    expectTypeOf<ParsedAs<v221.Location, Options<'lenient', 'keep'>>>().toEqualTypeOf<
      WithExtensions<Lenient<v221.Location>>
    >();
  });

  it('gives the widest type when a setting is only known at run time', () => {
    type Unsure = {
      mode: 'strict' | 'lenient';
      subject: string;
      unknownFields?: 'strip' | 'keep' | 'reject';
    };
    expectTypeOf<ParsedAs<v221.Location, Unsure>>().toEqualTypeOf<WithExtensions<Lenient<v221.Location>>>();
  });
});

describe('a client', () => {
  type Result<F> = F extends (...args: never) => infer R ? Awaited<R> : never;
  type Default221 = ReturnType<typeof v221.createClient<'lenient', 'strip'>>;
  type Strict221 = ReturnType<typeof v221.createClient<'strict', 'strip'>>;

  it('returns lenient results by default, exact ones when strict or off, in both versions', () => {
    expectTypeOf<Result<v221.Client221['locations']['sender']['getLocation']>>().toEqualTypeOf<
      Lenient<v221.Location>
    >();
    expectTypeOf<Result<Default221['locations']['sender']['getLocation']>>().toEqualTypeOf<
      Lenient<v221.Location>
    >();
    expectTypeOf<Result<Strict221['locations']['sender']['getLocation']>>().toEqualTypeOf<v221.Location>();
    expectTypeOf<
      Result<v221.Client221<'off'>['locations']['sender']['getEvse']>
    >().toEqualTypeOf<v221.EVSE>();
    expectTypeOf<Result<v211.Client211['locations']['cpo']['getLocation']>>().toEqualTypeOf<
      Lenient<v211.Location>
    >();
    expectTypeOf<
      Result<v211.Client211<'strict'>['locations']['cpo']['getLocation']>
    >().toEqualTypeOf<v211.Location>();
  });

  it('pages its items by the same rule, and keeps extension fields in its type with keep', () => {
    expectTypeOf<ReturnType<v221.Client221['locations']['sender']['list']>>().toEqualTypeOf<
      PageRequest<Lenient<v221.Location>>
    >();
    expectTypeOf<ReturnType<v221.Client221<'strict'>['locations']['sender']['list']>>().toEqualTypeOf<
      PageRequest<v221.Location>
    >();
    expectTypeOf<
      Result<v221.Client221<'strict', 'keep'>['locations']['sender']['getLocation']>
    >().toEqualTypeOf<WithExtensions<v221.Location>>();
  });

  it('is typed by the validation it is created with', () => {
    // Never called: only the inferred types are checked.
    const clients = (endpoints: v221.Client221Options['endpoints']) => ({
      lenient: v221.createClient({ token: 't', endpoints }),
      strict: v221.createClient({ token: 't', endpoints, validation: 'strict' }),
      keep: v221.createClient({ token: 't', endpoints, validation: 'strict', unknownFields: 'keep' }),
    });
    type Made = ReturnType<typeof clients>;
    expectTypeOf<Made['lenient']>().toEqualTypeOf<v221.Client221<'lenient', 'strip'>>();
    expectTypeOf<Made['strict']>().toEqualTypeOf<v221.Client221<'strict', 'strip'>>();
    expectTypeOf<Made['keep']>().toEqualTypeOf<v221.Client221<'strict', 'keep'>>();
    type Connected = Awaited<ReturnType<typeof connect<'strict', 'strip'>>>;
    expectTypeOf<Connected>().toEqualTypeOf<OcpiClient<'strict', 'strip'>>();
  });

  it('does not let one call ask for a mode whose results its type does not allow', () => {
    // Never called: the compiler checks what may be passed.
    const calls = (strict: v221.Client221<'strict'>, lenient: v221.Client221) => {
      const params = { location_id: 'LOC1' };
      strict.locations.sender.getLocation({ params, options: { validation: 'off' } });
      // @ts-expect-error: a lenient read may return an enum value that `Location` does not allow.
      strict.locations.sender.getLocation({ params, options: { validation: 'lenient' } });
      lenient.locations.sender.getLocation({ params, options: { validation: 'strict' } });
    };
    expectTypeOf(calls).toBeFunction();
  });
});
