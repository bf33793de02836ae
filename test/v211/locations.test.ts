// OCPI 2.1.1 Locations (mod_locations.md): the Location, EVSE and Connector schemas on the mutated spec
// example, in strict and lenient mode, the 2.1.1 shapes, the PATCH bodies, the operation map and the
// inferred types.
import { parseList } from '@org/ocpi';
import {
  type Connector,
  ConnectorPatchSchema,
  ConnectorSchema,
  type ConnectorType,
  ConnectorTypeValues,
  type EnergyMix,
  EnergyMixSchema,
  type EnvironmentalImpact,
  type EnvironmentalImpactCategory,
  type EVSE,
  EVSEPatchSchema,
  EVSESchema,
  type GeoLocation,
  type Hours,
  ListQuerySchema,
  type Location,
  type LocationPatch,
  LocationPatchSchema,
  LocationSchema,
  LocationsOperations,
  type LocationType,
  LocationTypeSchema,
  LocationTypeValues,
  Operations,
  type RegularHours,
  type Status,
  StatusValues,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  describePatch211,
  enumMessage,
  exampleOf211,
  lazyExample211,
  lenientData,
  strictIssues,
  tooLongMessage,
  without,
  withoutPlace,
  withValue,
} from '../support/v211-payloads';
import type { RequiredKeys } from '../support/v221-types';

const location = lazyExample211(LocationSchema, 'mod_locations.md', 5);
const energyMix = lazyExample211(EnergyMixSchema, 'mod_locations.md', 8, {
  from: 'fragment',
  key: 'energy_mix',
});

describeMutations({
  name: 'Location',
  schema: LocationSchema,
  valid: location,
  missing: { path: 'evses[1].uid', message: 'required string is missing' },
  tooLong: { path: 'city', max: 45 },
  badEnum: { path: 'evses[1].connectors[0].standard', values: ConnectorTypeValues, required: true },
  timestamp: {
    path: 'evses[0].connectors[1].last_updated',
    withOffset: '2015-03-18T10:12:01+02:00',
    utc: '2015-03-18T08:12:01Z',
  },
  wrongType: { path: 'evses[1].connectors[0]', value: 42, message: 'expected object, received number' },
  nullOptional: { path: 'evses[0].floor_level' },
  unknownFieldIn: 'evses[1].connectors[0]',
  lenientDrops: { timestamp: 'evses[0]', missing: 'evses[1]', badEnum: 'evses[1]', wrongType: 'evses[1]' },
  fatal: { path: 'id', message: 'required string is missing' },
  idPath: 'id',
});

describe('Location: the limits of the 2.1.1 spec tables', () => {
  it.each([
    ['id', 39],
    ['name', 255],
    ['address', 45],
    ['city', 45],
    ['postal_code', 10],
    ['time_zone', 255],
    ['operator.name', 100],
    ['evses[0].uid', 39],
    ['evses[0].evse_id', 48],
    ['evses[0].floor_level', 4],
    ['evses[0].physical_reference', 16],
    ['evses[1].connectors[0].id', 36],
    ['evses[1].connectors[0].tariff_id', 36],
  ] as const)('takes %s of up to %i characters', (path, max) => {
    expect(strictIssues(LocationSchema, withValue(location(), path, 'A'.repeat(max)))).toEqual([]);
    expect(strictIssues(LocationSchema, withValue(location(), path, 'A'.repeat(max + 1)))).toEqual([
      { path, message: tooLongMessage(max) },
    ]);
  });

  // An ISO 3166-1 alpha-3 code (scripts/codegen/iso-fields.ts): a fourth letter breaks the length and the code.
  it('takes country as an alpha-3 code, and refuses one letter too many', () => {
    expect(strictIssues(LocationSchema, withValue(location(), 'country', 'DEU'))).toEqual([]);
    expect(strictIssues(LocationSchema, withValue(location(), 'country', 'DEUT'))).toEqual([
      { path: 'country', message: tooLongMessage(3) },
      {
        path: 'country',
        message: 'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)',
      },
    ]);
  });

  it('takes a Location without EVSEs but refuses an EVSE without connectors (cardinality +)', () => {
    expect(strictIssues(LocationSchema, withValue(location(), 'evses', []))).toEqual([]);
    expect(strictIssues(LocationSchema, withValue(location(), 'evses[0].connectors', []))).toEqual([
      { path: 'evses[0].connectors', message: 'must have at least 1 item' },
    ]);
  });

  it('refuses text that is not printable ASCII strictly (2.1.1 string) and keeps it leniently', () => {
    const input = withValue(location(), 'city', 'Liège');
    expect(strictIssues(LocationSchema, input)).toEqual([
      { path: 'city', message: 'must contain only printable ASCII characters' },
    ]);
    expect(lenientData(LocationSchema, input)).toEqual({
      data: input,
      issues: [
        { path: 'city', action: 'kept', message: 'must contain only printable ASCII characters (kept)' },
      ],
    });
  });

  it('parses an EVSE and a Connector of the example on their own, as the GET and PUT of one object carry them', () => {
    expect(strictIssues(EVSESchema, location().evses?.[1])).toEqual([]);
    expect(strictIssues(ConnectorSchema, location().evses?.[1]?.connectors[0])).toEqual([]);
  });

  it('keeps every Location of a page when one has a broken EVSE, leaving that EVSE out and naming it', () => {
    const broken = withValue(withValue(location(), 'id', 'LOC2'), 'evses[1].connectors[0].amperage', '16');
    const page = [location(), broken, withValue(location(), 'id', 'LOC3')];
    const result = parseList(LocationSchema, page, { mode: 'lenient', subject: 'Location' });
    expect(result.items.map((item) => item.id)).toEqual(['LOC1', 'LOC2', 'LOC3']);
    // LOC2 is kept whole but for its second EVSE, an element of the optional evses.
    expect(result.items[1]).toEqual(withoutPlace(withValue(location(), 'id', 'LOC2'), 'evses[1]'));
    expect(result.rejected).toEqual([]);
    const dropped = {
      action: 'dropped',
      message: 'connectors[0].amperage: expected number, received string (list element dropped)',
    };
    // By item, the path inside it; in the flat list, from the page, with the item's index.
    expect(
      result.tolerated.map(({ index, id, issues }) => ({
        index,
        id,
        issues: issues.map(({ path, action, message }) => ({ path, action, message })),
      })),
    ).toEqual([{ index: 1, id: 'LOC2', issues: [{ path: 'evses[1]', ...dropped }] }]);
    expect(result.issues.map(({ path, action, message }) => ({ path, action, message }))).toEqual([
      { path: '[1].evses[1]', ...dropped },
    ]);
  });
});

describe('Location: the 2.1.1 shape', () => {
  it('has a required type and no country_code, party_id or publish (added in 2.2)', () => {
    const { type: _type, ...withoutType } = location();
    expect(strictIssues(LocationSchema, withoutType).map((issue) => issue.path)).toEqual(['type']);
    expect(strictIssues(LocationSchema, withValue(location(), 'type', 'PARKING_LOT'))).toEqual([]);
    expect(
      strictIssues(LocationSchema, { ...location(), country_code: 'BE', party_id: 'BEC', publish: true }),
    ).toEqual([
      { path: 'country_code', message: 'unknown field' },
      { path: 'party_id', message: 'unknown field' },
      { path: 'publish', message: 'unknown field' },
    ]);
  });

  it('takes a Location without time_zone, which 2.2.1 requires', () => {
    expect(location().time_zone).toBeUndefined();
    expect(strictIssues(LocationSchema, withValue(location(), 'time_zone', 'Europe/Brussels'))).toEqual([]);
  });

  it('gives a Connector voltage and amperage as integers and one tariff_id, not the 2.2.1 fields', () => {
    const connector = location().evses?.[1]?.connectors[0];
    expect(connector).toMatchObject({ voltage: 220, amperage: 16, tariff_id: '12' });
    expect(strictIssues(ConnectorSchema, withValue(connector, 'amperage', 16.5))).toEqual([
      { path: 'amperage', message: 'expected int, received number' },
    ]);
    expect(
      strictIssues(ConnectorSchema, { ...connector, tariff_ids: ['12'], max_voltage: 220, max_amperage: 16 }),
    ).toEqual([
      { path: 'tariff_ids', message: 'unknown field' },
      { path: 'max_voltage', message: 'unknown field' },
      { path: 'max_amperage', message: 'unknown field' },
    ]);
  });

  it('needs coordinates with exactly 6 decimals strictly, and keeps others leniently', () => {
    const input = withValue(location(), 'coordinates', { latitude: '51.04759', longitude: '3.7299440' });
    expect(strictIssues(LocationSchema, input)).toEqual([
      { path: 'coordinates.latitude', message: 'must be decimal degrees like 50.770774 (6 decimals)' },
      { path: 'coordinates.longitude', message: 'must be decimal degrees like -126.104965 (6 decimals)' },
    ]);
    const { data, issues } = lenientData(LocationSchema, input);
    expect(data).toEqual(input);
    expect(issues.map(({ action, path }) => `${action} ${path}`)).toEqual([
      'kept coordinates.latitude',
      'kept coordinates.longitude',
    ]);
    expect(
      strictIssues(
        LocationSchema,
        withValue(location(), 'evses[1].coordinates', { latitude: '51.1', longitude: '3.7' }),
      ),
    ).toEqual([
      {
        path: 'evses[1].coordinates.latitude',
        message: 'must be decimal degrees like 50.770774 (6 decimals)',
      },
      {
        path: 'evses[1].coordinates.longitude',
        message: 'must be decimal degrees like -126.104965 (6 decimals)',
      },
    ]);
  });

  it('takes opening times of regular hours or 24/7, exactly one of the two (Hours: "Choice: one of two")', () => {
    const regular = { regular_hours: [{ weekday: 1, period_begin: '08:00', period_end: '20:00' }] };
    expect(strictIssues(LocationSchema, withValue(location(), 'opening_times', regular))).toEqual([]);
    expect(
      strictIssues(LocationSchema, withValue(location(), 'opening_times', { twentyfourseven: true })),
    ).toEqual([]);
    // A false twentyfourseven chooses nothing: beside regular hours it is the spec's own example (4.19.1).
    const regularNot247 = withValue(location(), 'opening_times', { ...regular, twentyfourseven: false });
    expect(strictIssues(LocationSchema, regularNot247)).toEqual([]);
    // An empty list chooses nothing either.
    const emptyRegular = withValue(location(), 'opening_times', { regular_hours: [], twentyfourseven: true });
    expect(strictIssues(LocationSchema, emptyRegular)).toEqual([]);

    const both = withValue(location(), 'opening_times', { ...regular, twentyfourseven: true });
    expect(strictIssues(LocationSchema, both)).toEqual([
      { path: 'opening_times', message: 'must have only one of regular_hours or twentyfourseven' },
    ]);
    expect(lenientData(LocationSchema, both).issues.map(({ action, path }) => `${action} ${path}`)).toEqual([
      'kept opening_times',
    ]);

    const onlyFalse = withValue(location(), 'opening_times', { twentyfourseven: false });
    const needsRegular = {
      path: 'opening_times',
      message: 'needs regular_hours when twentyfourseven is false',
    };
    expect(strictIssues(LocationSchema, onlyFalse)).toEqual([needsRegular]);
    expect(
      strictIssues(
        LocationSchema,
        withValue(location(), 'opening_times', { regular_hours: [], twentyfourseven: false }),
      ),
    ).toEqual([needsRegular]);
    expect(
      lenientData(LocationSchema, onlyFalse).issues.map(({ action, path }) => `${action} ${path}`),
    ).toEqual(['kept opening_times']);
    expect(
      strictIssues(LocationSchema, withValue(location(), 'opening_times', { regular_hours: [] })),
    ).toEqual([
      {
        path: 'opening_times',
        message: 'needs regular_hours or twentyfourseven (an empty list chooses nothing)',
      },
    ]);

    const neither = withValue(location(), 'opening_times', { exceptional_closings: [] });
    const needs = { path: 'opening_times', message: 'needs regular_hours or twentyfourseven' };
    expect(strictIssues(LocationSchema, neither)).toEqual([needs]);
    // Lenient mode leaves out the optional opening_times that chooses neither, and keeps the Location.
    expect(lenientData(LocationSchema, neither)).toEqual({
      data: without(neither, 'opening_times'),
      issues: [{ ...needs, action: 'dropped', message: `${needs.message} (optional field dropped)` }],
    });
  });

  it('checks regular hours: weekday 1 to 7, HH:MM times, the end after the begin', () => {
    const hours = (weekday: number, period_begin: string, period_end: string) =>
      withValue(location(), 'opening_times', { regular_hours: [{ weekday, period_begin, period_end }] });
    expect(strictIssues(LocationSchema, hours(8, '8:00', '20:00'))).toEqual([
      { path: 'opening_times.regular_hours[0].weekday', message: 'must be 1 (Monday) to 7 (Sunday)' },
      { path: 'opening_times.regular_hours[0].period_begin', message: 'must be a 24-hour time like 08:00' },
    ]);
    expect(strictIssues(LocationSchema, hours(7, '20:00', '08:00'))).toEqual([
      { path: 'opening_times.regular_hours[0].period_end', message: 'must be later than period_begin' },
    ]);
  });

  it('takes the complete energy mix example, whose environmental impacts have a source (2.2.1: category)', () => {
    expect(energyMix().environ_impact?.map((impact) => impact.source)).toEqual([
      'NUCLEAR_WASTE',
      'CARBON_DIOXIDE',
    ]);
    expect(strictIssues(LocationSchema, withValue(location(), 'energy_mix', energyMix()))).toEqual([]);
    expect(
      strictIssues(
        EnergyMixSchema,
        withValue(energyMix(), 'environ_impact[1]', { category: 'CARBON_DIOXIDE', amount: 372 }),
      ),
    ).toEqual([
      {
        path: 'environ_impact[1].source',
        message: 'required field is missing (one of "NUCLEAR_WASTE", "CARBON_DIOXIDE")',
      },
      { path: 'environ_impact[1].category', message: 'unknown field' },
    ]);
  });
});

describe('Locations PATCH bodies (mod_locations.md, eMSP PATCH)', () => {
  describePatch211({
    name: 'Location PATCH',
    schema: LocationPatchSchema,
    object: LocationSchema,
    valid: lazyExample211(LocationPatchSchema, 'mod_locations.md', 1, { from: 'request', method: 'PATCH' }),
    partial: { type: 'PARKING_GARAGE', charging_when_closed: false },
    invalid: { path: 'type', value: 'GARAGE', message: enumMessage(LocationTypeValues) },
  });

  describePatch211({
    name: 'EVSE PATCH',
    schema: EVSEPatchSchema,
    object: EVSESchema,
    valid: lazyExample211(EVSEPatchSchema, 'mod_locations.md', 0, { from: 'request', method: 'PATCH' }),
    partial: { capabilities: ['RESERVABLE'], floor_level: '-1' },
    invalid: { path: 'status', value: 'BROKEN', message: enumMessage(StatusValues) },
  });

  describePatch211({
    name: 'Connector PATCH',
    schema: ConnectorPatchSchema,
    object: ConnectorSchema,
    valid: lazyExample211(ConnectorPatchSchema, 'mod_locations.md', 2, { from: 'request', method: 'PATCH' }),
    partial: { voltage: 400, amperage: 32 },
    invalid: { path: 'tariff_id', value: 'T'.repeat(37), message: tooLongMessage(36) },
  });

  it('takes the spec example that removes an EVSE by setting its status', () => {
    const patch = exampleOf211(EVSEPatchSchema, 'mod_locations.md', 4, { from: 'request', method: 'PATCH' });
    expect(patch).toEqual({ status: 'REMOVED' });
  });

  it('takes whole EVSE objects in a Location PATCH, each checked completely', () => {
    const patch = { evses: location().evses ?? [] };
    expect(strictIssues(LocationPatchSchema, patch)).toEqual([]);
    expect(strictIssues(LocationPatchSchema, withValue(patch, 'evses[0].uid', undefined))).toEqual([
      { path: 'evses[0].uid', message: 'required string is missing' },
    ]);
  });

  it('keeps the Hours choice in a PATCH of opening_times', () => {
    const regular_hours = [{ weekday: 1, period_begin: '08:00', period_end: '20:00' }];
    expect(
      strictIssues(LocationPatchSchema, { opening_times: { regular_hours, twentyfourseven: true } }),
    ).toEqual([{ path: 'opening_times', message: 'must have only one of regular_hours or twentyfourseven' }]);
    expect(strictIssues(LocationPatchSchema, { opening_times: { twentyfourseven: false } })).toEqual([
      { path: 'opening_times', message: 'needs regular_hours when twentyfourseven is false' },
    ]);
    expect(
      strictIssues(LocationPatchSchema, { opening_times: { regular_hours, twentyfourseven: false } }),
    ).toEqual([]);
  });
});

describe('LocationsOperations (mod_locations.md, 2. Interfaces and endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods211('mod_locations.md'));

  it('offers the methods the interface tables list: CPO GET; eMSP GET, PUT, PATCH', () => {
    expect(spec()).toEqual({ cpo: ['GET'], emsp: ['GET', 'PATCH', 'PUT'] });
    expect(methodsOf(LocationsOperations.cpo)).toEqual(spec().cpo);
    expect(methodsOf(LocationsOperations.emsp)).toEqual(spec().emsp);
    expect(Operations.locations).toBe(LocationsOperations);
  });

  it('has the CPO list and object GETs on {location_id}[/{evse_uid}][/{connector_id}]', () => {
    expect(summarise(LocationsOperations.cpo)).toEqual({
      list: 'GET {endpoint} (paginated)',
      getLocation: 'GET {endpoint}/{location_id}',
      getEvse: 'GET {endpoint}/{location_id}/{evse_uid}',
      getConnector: 'GET {endpoint}/{location_id}/{evse_uid}/{connector_id}',
    });
    const { list, getLocation, getEvse, getConnector } = LocationsOperations.cpo;
    expect(list.query).toBe(ListQuerySchema);
    expect(elementOf(list.response)).toBe(LocationSchema);
    expect([getLocation.response, getEvse.response, getConnector.response]).toEqual([
      LocationSchema,
      EVSESchema,
      ConnectorSchema,
    ]);
  });

  it('has the eMSP GET, PUT and PATCH on {country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}]', () => {
    const location = '{endpoint}/{country_code}/{party_id}/{location_id}';
    const evse = `${location}/{evse_uid}`;
    const connector = `${evse}/{connector_id}`;
    expect(summarise(LocationsOperations.emsp)).toEqual({
      getLocation: `GET ${location}`,
      getEvse: `GET ${evse}`,
      getConnector: `GET ${connector}`,
      putLocation: `PUT ${location}`,
      putEvse: `PUT ${evse}`,
      putConnector: `PUT ${connector}`,
      patchLocation: `PATCH ${location}`,
      patchEvse: `PATCH ${evse}`,
      patchConnector: `PATCH ${connector}`,
    });
    const emsp = LocationsOperations.emsp;
    expect([emsp.getLocation.response, emsp.getEvse.response, emsp.getConnector.response]).toEqual([
      LocationSchema,
      EVSESchema,
      ConnectorSchema,
    ]);
    expect([emsp.putLocation.request, emsp.putEvse.request, emsp.putConnector.request]).toEqual([
      LocationSchema,
      EVSESchema,
      ConnectorSchema,
    ]);
    expect(emsp.patchLocation.request).toBe(LocationPatchSchema);
    expect(emsp.patchEvse.request).toBe(EVSEPatchSchema);
    expect(emsp.patchConnector.request).toBe(ConnectorPatchSchema);
  });
});

describe('Locations types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(location).returns.toEqualTypeOf<Location>();
    expectTypeOf<Location['id']>().toEqualTypeOf<string>();
    expectTypeOf<Location['type']>().toEqualTypeOf<LocationType>();
    expectTypeOf<Location['coordinates']>().toEqualTypeOf<GeoLocation>();
    expectTypeOf<Location['time_zone']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Location['evses']>().toEqualTypeOf<EVSE[] | undefined>();
    expectTypeOf<Location['opening_times']>().toEqualTypeOf<Hours | undefined>();
    expectTypeOf<Location['energy_mix']>().toEqualTypeOf<EnergyMix | undefined>();
    expectTypeOf<Hours['regular_hours']>().toEqualTypeOf<RegularHours[] | undefined>();
    expectTypeOf<Hours['twentyfourseven']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<EVSE['connectors']>().toEqualTypeOf<Connector[]>();
    expectTypeOf<EVSE['status']>().toEqualTypeOf<Status>();
    expectTypeOf<Connector['standard']>().toEqualTypeOf<ConnectorType>();
    expectTypeOf<Connector['voltage']>().toEqualTypeOf<number>();
    expectTypeOf<Connector['amperage']>().toEqualTypeOf<number>();
    expectTypeOf<Connector['tariff_id']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<EnvironmentalImpact['source']>().toEqualTypeOf<EnvironmentalImpactCategory>();
    expectTypeOf<LocationType>().toEqualTypeOf<
      'ON_STREET' | 'PARKING_GARAGE' | 'UNDERGROUND_GARAGE' | 'PARKING_LOT' | 'OTHER' | 'UNKNOWN'
    >();
    expectTypeOf<RequiredKeys<Location>>().toEqualTypeOf<
      'id' | 'type' | 'address' | 'city' | 'postal_code' | 'country' | 'coordinates' | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<EVSE>>().toEqualTypeOf<'uid' | 'status' | 'connectors' | 'last_updated'>();
    expectTypeOf<RequiredKeys<Connector>>().toEqualTypeOf<
      'id' | 'standard' | 'format' | 'power_type' | 'voltage' | 'amperage' | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<LocationPatch>>().toEqualTypeOf<never>();
    expectTypeOf<LocationPatch['evses']>().toEqualTypeOf<EVSE[] | undefined>();
    expect(location().evses?.[1]?.connectors[0]?.standard).toBe('IEC_62196_T2');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: a LocationType is one of the spec's values
    const type: LocationType = 'GARAGE';
    // @ts-expect-error: publish is a 2.2.1 field
    const published: Location = { ...location(), publish: true };
    const connector = location().evses?.[0]?.connectors[0] as Connector;
    // @ts-expect-error: a 2.1.1 Connector has one tariff_id, not tariff_ids
    const withTariffIds: Connector = { ...connector, tariff_ids: ['11'] };
    // @ts-expect-error: an EVSE has connectors, not a connector count
    const evse: EVSE = { ...location().evses?.[0], connectors: 2 };
    expect(LocationTypeSchema.safeParse(type).success).toBe(false);
    expect(LocationSchema.safeParse(published).success).toBe(false);
    expect(ConnectorSchema.safeParse(withTariffIds).success).toBe(false);
    expect(EVSESchema.safeParse(evse).success).toBe(false);
  });
});
