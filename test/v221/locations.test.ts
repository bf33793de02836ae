// OCPI 2.2.1 Locations (mod_locations.asciidoc): the Location, EVSE and Connector schemas on mutated spec
// examples, in strict and lenient mode, the PATCH bodies, the operation map and the inferred types.
import { parseList } from '@org/ocpi';
import {
  type Connector,
  ConnectorPatchSchema,
  ConnectorSchema,
  type ConnectorType,
  ConnectorTypeValues,
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
  Operations,
  ParkingTypeValues,
  type Status,
  StatusSchema,
  StatusValues,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  describePatch,
  enumMessage,
  lazyExample,
  strictIssues,
  tooLongMessage,
  withoutPlace,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const location = lazyExample(LocationSchema, 'location_example.json');

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

describe('Location: the limits of the spec tables', () => {
  // Location.address and Location.state as corrected by the errata (v2.2.1-d2..release-2.2.1-bugfixes.diff,
  // mod_locations.asciidoc hunk @@ -469: address string(45) -> string(255), state string(20) -> string(45)).
  it.each([
    ['party_id', 3],
    ['id', 36],
    ['name', 255],
    ['address', 255],
    ['city', 45],
    ['postal_code', 10],
    ['state', 45],
    ['time_zone', 255],
    ['operator.name', 100],
    ['evses[0].uid', 36],
    ['evses[0].evse_id', 48],
    ['evses[0].floor_level', 4],
    ['evses[0].physical_reference', 16],
    ['evses[1].connectors[0].id', 36],
    ['evses[1].connectors[0].tariff_ids[0]', 36],
  ] as const)('takes %s of up to %i characters', (path, max) => {
    expect(strictIssues(LocationSchema, withValue(location(), path, 'A'.repeat(max)))).toEqual([]);
    expect(strictIssues(LocationSchema, withValue(location(), path, 'A'.repeat(max + 1)))).toEqual([
      { path, message: tooLongMessage(max) },
    ]);
  });

  // ISO codes (scripts/codegen/iso-fields.ts): one letter too many breaks both the length and the code.
  it.each([
    ['country_code', 'de', 'DEU', 'must be an assigned ISO 3166-1 alpha-2 country code (two letters)'],
    [
      'country',
      'DEU',
      'DEUT',
      'must be an assigned ISO 3166-1 alpha-3 country code (three upper-case letters)',
    ],
  ] as const)(
    'takes %s as a code of its ISO list, and refuses one letter too many',
    (path, code, long, iso) => {
      expect(strictIssues(LocationSchema, withValue(location(), path, code))).toEqual([]);
      expect(strictIssues(LocationSchema, withValue(location(), path, long))).toEqual([
        { path, message: tooLongMessage(code.length) },
        { path, message: iso },
      ]);
    },
  );

  it('takes a Location without EVSEs but refuses an EVSE without connectors (cardinality + )', () => {
    expect(strictIssues(LocationSchema, withValue(location(), 'evses', []))).toEqual([]);
    expect(strictIssues(LocationSchema, withValue(location(), 'evses[0].connectors', []))).toEqual([
      { path: 'evses[0].connectors', message: 'must have at least 1 item' },
    ]);
  });

  it('parses an EVSE and a Connector of the example on their own, as the GET and PUT of one object carry them', () => {
    expect(strictIssues(EVSESchema, location().evses?.[1])).toEqual([]);
    expect(strictIssues(ConnectorSchema, location().evses?.[1]?.connectors[0])).toEqual([]);
  });

  it('keeps every Location of a page when one has a broken EVSE, leaving that EVSE out and naming it', () => {
    const broken = withValue(
      withValue(location(), 'id', 'LOC2'),
      'evses[1].connectors[0].max_amperage',
      '16',
    );
    const page = [location(), broken, withValue(location(), 'id', 'LOC3')];
    const result = parseList(LocationSchema, page, { mode: 'lenient', subject: 'Location' });
    expect(result.items.map((item) => item.id)).toEqual(['LOC1', 'LOC2', 'LOC3']);
    // LOC2 is kept whole but for its second EVSE, an element of the optional evses.
    expect(result.items[1]).toEqual(withoutPlace(withValue(location(), 'id', 'LOC2'), 'evses[1]'));
    expect(result.rejected).toEqual([]);
    const dropped = {
      action: 'dropped',
      message: 'connectors[0].max_amperage: expected number, received string (list element dropped)',
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

describe('Locations PATCH bodies (mod_locations.asciidoc, Receiver PATCH)', () => {
  describePatch({
    name: 'Location PATCH',
    schema: LocationPatchSchema,
    valid: lazyExample(LocationPatchSchema, 'location_patch_example_location.json'),
    partial: { publish: false, parking_type: 'PARKING_GARAGE' },
    invalid: { path: 'parking_type', value: 'GARAGE', message: enumMessage(ParkingTypeValues) },
  });

  describePatch({
    name: 'EVSE PATCH',
    schema: EVSEPatchSchema,
    valid: lazyExample(EVSEPatchSchema, 'location_patch_example_status.json'),
    partial: { capabilities: ['RESERVABLE'], floor_level: '-1' },
    invalid: { path: 'status', value: 'BROKEN', message: enumMessage(StatusValues) },
  });

  describePatch({
    name: 'Connector PATCH',
    schema: ConnectorPatchSchema,
    valid: lazyExample(ConnectorPatchSchema, 'location_patch_example_tariff.json'),
    partial: { max_electric_power: 22000 },
    invalid: { path: 'tariff_ids[0]', value: 'T'.repeat(37), message: tooLongMessage(36) },
  });

  it('takes whole EVSE objects in a Location PATCH, each checked completely', () => {
    const evses = location().evses ?? [];
    const patch = { evses, last_updated: '2019-06-24T12:39:09Z' };
    expect(strictIssues(LocationPatchSchema, patch)).toEqual([]);
    expect(strictIssues(LocationPatchSchema, withValue(patch, 'evses[0].uid', undefined))).toEqual([
      { path: 'evses[0].uid', message: 'required string is missing' },
    ]);
  });
});

describe('LocationsOperations (mod_locations.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_locations.asciidoc'));

  it('offers the methods the interface tables list: Sender GET; Receiver GET, PUT, PATCH', () => {
    expect(spec()).toEqual({ sender: ['GET'], receiver: ['GET', 'PATCH', 'PUT'] });
    expect(methodsOf(LocationsOperations.sender)).toEqual(spec().sender);
    expect(methodsOf(LocationsOperations.receiver)).toEqual(spec().receiver);
    expect(Operations.locations).toBe(LocationsOperations);
  });

  it('has the Sender list and object GETs on {location_id}[/{evse_uid}][/{connector_id}]', () => {
    expect(summarise(LocationsOperations.sender)).toEqual({
      list: 'GET {endpoint} (paginated)',
      getLocation: 'GET {endpoint}/{location_id}',
      getEvse: 'GET {endpoint}/{location_id}/{evse_uid}',
      getConnector: 'GET {endpoint}/{location_id}/{evse_uid}/{connector_id}',
    });
    const { list, getLocation, getEvse, getConnector } = LocationsOperations.sender;
    expect(list.query).toBe(ListQuerySchema);
    expect(elementOf(list.response)).toBe(LocationSchema);
    expect([getLocation.response, getEvse.response, getConnector.response]).toEqual([
      LocationSchema,
      EVSESchema,
      ConnectorSchema,
    ]);
  });

  it('has the Receiver GET, PUT and PATCH on {country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}]', () => {
    const location = '{endpoint}/{country_code}/{party_id}/{location_id}';
    const evse = `${location}/{evse_uid}`;
    const connector = `${evse}/{connector_id}`;
    expect(summarise(LocationsOperations.receiver)).toEqual({
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
    const receiver = LocationsOperations.receiver;
    expect([receiver.putLocation.request, receiver.putEvse.request, receiver.putConnector.request]).toEqual([
      LocationSchema,
      EVSESchema,
      ConnectorSchema,
    ]);
    expect(receiver.patchLocation.request).toBe(LocationPatchSchema);
    expect(receiver.patchEvse.request).toBe(EVSEPatchSchema);
    expect(receiver.patchConnector.request).toBe(ConnectorPatchSchema);
  });
});

describe('Locations types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(location).returns.toEqualTypeOf<Location>();
    expectTypeOf<Location['id']>().toEqualTypeOf<string>();
    expectTypeOf<Location['publish']>().toEqualTypeOf<boolean>();
    expectTypeOf<Location['coordinates']>().toEqualTypeOf<GeoLocation>();
    expectTypeOf<Location['evses']>().toEqualTypeOf<EVSE[] | undefined>();
    expectTypeOf<Location['opening_times']>().toEqualTypeOf<Hours | undefined>();
    expectTypeOf<EVSE['connectors']>().toEqualTypeOf<Connector[]>();
    expectTypeOf<EVSE['status']>().toEqualTypeOf<Status>();
    expectTypeOf<Connector['standard']>().toEqualTypeOf<ConnectorType>();
    expectTypeOf<Connector['max_voltage']>().toEqualTypeOf<number>();
    expectTypeOf<Connector['tariff_ids']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Status>().toEqualTypeOf<
      | 'AVAILABLE'
      | 'BLOCKED'
      | 'CHARGING'
      | 'INOPERATIVE'
      | 'OUTOFORDER'
      | 'PLANNED'
      | 'REMOVED'
      | 'RESERVED'
      | 'UNKNOWN'
    >();
    expectTypeOf<RequiredKeys<Location>>().toEqualTypeOf<
      | 'country_code'
      | 'party_id'
      | 'id'
      | 'publish'
      | 'address'
      | 'city'
      | 'country'
      | 'coordinates'
      | 'time_zone'
      | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<EVSE>>().toEqualTypeOf<'uid' | 'status' | 'connectors' | 'last_updated'>();
    expectTypeOf<RequiredKeys<Connector>>().toEqualTypeOf<
      'id' | 'standard' | 'format' | 'power_type' | 'max_voltage' | 'max_amperage' | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<LocationPatch>>().toEqualTypeOf<'last_updated'>();
    expectTypeOf<LocationPatch['evses']>().toEqualTypeOf<EVSE[] | undefined>();
    expect(location().evses?.[1]?.connectors[0]?.standard).toBe('IEC_62196_T2');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: a Status is one of the spec's values
    const status: Status = 'BROKEN';
    const { time_zone: _timeZone, ...withoutTimeZone } = location();
    // @ts-expect-error: 2.2.1 makes time_zone required
    const noTimeZone: Location = withoutTimeZone;
    // @ts-expect-error: a PATCH body needs last_updated
    const patch: LocationPatch = { name: 'Gent Zuid' };
    // @ts-expect-error: an EVSE has connectors, not a connector count
    const evse: EVSE = { ...location().evses?.[0], connectors: 2 };
    expect(StatusSchema.safeParse(status).success).toBe(false);
    expect(LocationSchema.safeParse(noTimeZone).success).toBe(false);
    expect(LocationPatchSchema.safeParse(patch).success).toBe(false);
    expect(EVSESchema.safeParse(evse).success).toBe(false);
  });
});
