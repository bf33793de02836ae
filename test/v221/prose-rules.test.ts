// The 2.2.1 rules that the spec gives in field descriptions rather than in its tables.

import { parsePayload } from '@org/ocpi';
import {
  CDRSchema,
  EnergyMixSchema,
  EnergySourceSchema,
  EVSEPatchSchema,
  HoursSchema,
  type Location,
  LocationPatchSchema,
  LocationSchema,
  PublishTokenTypeSchema,
  SessionPatchSchema,
  SessionSchema,
  TariffSchema,
} from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../support/issues';
import { readExample221 } from '../support/spec';

const location = () => structuredClone(readExample221('location_example.json')) as Location;

describe('Location rules', () => {
  it('accepts the spec example', () => {
    expect(issuesOf(LocationSchema, location())).toEqual([]);
  });

  it('checks coordinates, those of related points and of EVSEs too', () => {
    const bad = location();
    bad.coordinates.latitude = '51.04';
    bad.related_locations = [{ latitude: '51.047599', longitude: '3,72' }];
    const evse = bad.evses?.[1];
    if (evse) evse.coordinates = { latitude: '51.047599', longitude: '3.729944' };
    if (bad.evses?.[0]) bad.evses[0].coordinates = { latitude: '151.047599', longitude: '3.729944' };
    expect(issuesOf(LocationSchema, bad)).toEqual([
      { path: 'coordinates.latitude', message: 'must be decimal degrees like 50.770774 (5 to 7 decimals)' },
      {
        path: 'related_locations[0].longitude',
        message: 'must be decimal degrees like -126.104965 (5 to 7 decimals)',
      },
      {
        path: 'evses[0].coordinates.latitude',
        message: 'must be decimal degrees like 50.770774 (5 to 7 decimals)',
      },
    ]);
  });

  it('checks prose rules once every field has its type, beside over-long values', () => {
    const bad = location();
    bad.coordinates = { latitude: '51.0475990000', longitude: '3.7' };
    expect(issuesOf(LocationSchema, bad)).toEqual([
      { path: 'coordinates.latitude', message: 'must have at most 10 characters' },
      { path: 'coordinates.latitude', message: 'must be decimal degrees like 50.770774 (5 to 7 decimals)' },
      {
        path: 'coordinates.longitude',
        message: 'must be decimal degrees like -126.104965 (5 to 7 decimals)',
      },
    ]);
  });

  it('does not judge prose rules while a field has the wrong type', () => {
    const bad = {
      ...location(),
      publish: 'yes',
      publish_allowed_to: [{ visual_number: '12345-67', issuer: 'TheNewMotion' }],
    };
    bad.coordinates = { latitude: '51.04', longitude: '3.729944' };
    expect(issuesOf(LocationSchema, bad)).toEqual([
      { path: 'publish', message: 'expected boolean, received string' },
    ]);
  });

  it('allows publish_allowed_to only on an unpublished Location', () => {
    const published = {
      ...location(),
      publish: true,
      publish_allowed_to: [{ visual_number: '12345-67', issuer: 'TheNewMotion' }],
    };
    expect(issuesOf(LocationSchema, published)).toEqual([
      { path: 'publish_allowed_to', message: 'may only be given when publish is false' },
    ]);
    expect(issuesOf(LocationSchema, { ...published, publish: false })).toEqual([]);
  });

  it('takes an empty publish_allowed_to on a published Location (nothing is given)', () => {
    expect(issuesOf(LocationSchema, { ...location(), publish: true, publish_allowed_to: [] })).toEqual([]);
  });

  it('wants each publish_allowed_to token identified (PublishTokenType)', () => {
    const tokens = [
      { type: 'RFID' },
      { uid: '012345678' },
      { uid: '012345678', type: 'RFID' },
      { visual_number: '12345-67' },
      { group_id: 'GRP1' },
      {},
    ];
    const expected = [
      { path: 'publish_allowed_to[0]', message: 'needs uid, visual_number or group_id' },
      { path: 'publish_allowed_to[1].type', message: 'is required when uid is set' },
      { path: 'publish_allowed_to[3].issuer', message: 'is required when visual_number is set' },
      { path: 'publish_allowed_to[5]', message: 'needs uid, visual_number or group_id' },
    ];
    expect(issuesOf(LocationSchema, { ...location(), publish: false, publish_allowed_to: tokens })).toEqual(
      expected,
    );
    const last_updated = '2024-06-01T12:00:00Z';
    expect(issuesOf(LocationPatchSchema, { publish_allowed_to: tokens, last_updated })).toEqual(expected);
    expect(issuesOf(PublishTokenTypeSchema, { visual_number: '12345-67' })).toEqual([
      { path: 'issuer', message: 'is required when visual_number is set' },
    ]);
    expect(issuesOf(PublishTokenTypeSchema, {})).toEqual([
      { path: '', message: 'needs uid, visual_number or group_id' },
    ]);
    expect(issuesOf(PublishTokenTypeSchema, { visual_number: '12345-67', issuer: 'TheNewMotion' })).toEqual(
      [],
    );
  });

  it('accepts the spec example of a Location shown to some tokens only', () => {
    expect(issuesOf(LocationSchema, readExample221('location_example_uc4_limited_visibility.json'))).toEqual(
      [],
    );
  });

  it('wants the connector ids of one EVSE unique, compared case-insensitively (Connector id)', () => {
    const bad = location();
    const evse = bad.evses?.[0];
    const connector = evse?.connectors[0];
    if (!evse || !connector) throw new Error('the example has a connector');
    evse.connectors = [
      { ...connector, id: 'Left' },
      { ...connector, id: 'Right' },
      { ...connector, id: 'LEFT' },
    ];
    const issue = { path: 'evses[0].connectors[2].id', message: 'must be unique within the EVSE' };
    expect(issuesOf(LocationSchema, bad)).toEqual([issue]);
    // Connectors of two EVSEs may share an id (the example: connector "1" on both).
    expect(location().evses?.map((each) => each.connectors[0]?.id)).toEqual(['1', '1']);
    expect(issuesOf(LocationSchema, location())).toEqual([]);
    const last_updated = '2024-06-01T12:00:00Z';
    expect(issuesOf(EVSEPatchSchema, { connectors: evse.connectors, last_updated })).toEqual([
      { path: 'connectors[2].id', message: 'must be unique within the EVSE' },
    ]);
  });

  it('checks opening hours inside the Location', () => {
    const bad = {
      ...location(),
      opening_times: {
        twentyfourseven: false,
        regular_hours: [
          { weekday: 8, period_begin: '08:00', period_end: '07:00' },
          { weekday: 1, period_begin: '8:00', period_end: '24:00' },
        ],
      },
    };
    expect(issuesOf(LocationSchema, bad)).toEqual([
      { path: 'opening_times.regular_hours[0].weekday', message: 'must be 1 (Monday) to 7 (Sunday)' },
      { path: 'opening_times.regular_hours[0].period_end', message: 'must be later than period_begin' },
      { path: 'opening_times.regular_hours[1].period_begin', message: 'must be a 24-hour time like 08:00' },
      { path: 'opening_times.regular_hours[1].period_end', message: 'must be a 24-hour time like 18:15' },
    ]);
  });

  it('keeps and reports a broken prose rule in lenient mode', () => {
    const bad = location();
    bad.coordinates.longitude = '3.7';
    const result = parsePayload(LocationSchema, bad, { mode: 'lenient', subject: 'Location' });
    expect(result).toMatchObject({ success: true, data: { coordinates: { longitude: '3.7' } } });
    expect(result.success && result.issues).toEqual([
      expect.objectContaining({ path: 'coordinates.longitude', action: 'kept' }),
    ]);
  });

  it('reports broken rules next to kept unknown enum values in lenient mode', () => {
    const bad = {
      ...location(),
      publish: true,
      publish_allowed_to: [{ visual_number: '12345-67', issuer: 'TheNewMotion' }],
    };
    bad.parking_type = 'ROOFTOP' as Location['parking_type'];
    const evse = bad.evses?.[0];
    if (evse) {
      evse.status = 'SLEEPING' as typeof evse.status;
      evse.coordinates = { latitude: '51.04', longitude: '3.729944' };
    }
    const result = parsePayload(LocationSchema, bad, { mode: 'lenient', subject: 'Location' });
    expect(result.success && result.issues.map(({ path, action }) => `${action} ${path}`).sort()).toEqual([
      'kept evses[0].coordinates.latitude',
      'kept evses[0].status',
      'kept parking_type',
      'kept publish_allowed_to',
    ]);
  });

  it('reports prose rules found after lenient repairs as well', () => {
    const bad = { ...location(), vendor: 'x' };
    bad.coordinates = { latitude: '51', longitude: '3.729944' };
    const result = parsePayload(LocationSchema, bad, { mode: 'lenient', subject: 'Location' });
    // The coordinates' own rule speaks while the Location's fields are read, before its unknown field.
    expect(result.success && result.issues.map(({ path, action }) => `${action} ${path}`)).toEqual([
      'kept coordinates.latitude',
      'dropped vendor',
    ]);
  });
});

describe('Hours rules', () => {
  it.each([
    [{ twentyfourseven: true }, []],
    [
      { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '08:00', period_end: '18:00' }] },
      [],
    ],
    [
      { twentyfourseven: true, regular_hours: [{ weekday: 1, period_begin: '08:00', period_end: '18:00' }] },
      [{ path: 'regular_hours', message: 'must be absent when twentyfourseven is true' }],
    ],
    [
      { twentyfourseven: false },
      [{ path: 'regular_hours', message: 'needs at least one entry when twentyfourseven is false' }],
    ],
  ])('%j gives %j', (hours, issues) => {
    expect(issuesOf(HoursSchema, hours)).toEqual(issues);
  });

  it('accepts every opening-hours example of the spec', () => {
    for (const name of [
      'location_hours_247_open_exception_closing.json',
      'location_hours_opening_hours_with_exceptional_closing.json',
      'location_hours_opening_hours_with_exceptional_opening.json',
    ]) {
      expect(issuesOf(HoursSchema, readExample221(name)), name).toEqual([]);
    }
  });
});

describe('Tariff and CDR rules', () => {
  it('checks the time and date formats of restrictions, in a Tariff and in a CDR', () => {
    const tariff = structuredClone(readExample221('tariff_4_complex.json')) as {
      elements: { restrictions?: object }[];
    };
    const element = tariff.elements[0];
    if (element) element.restrictions = { start_time: '7:00', end_date: '2015/12/24' };
    const expected = [
      { path: 'elements[0].restrictions.start_time', message: 'must be a 24-hour time like 13:30' },
      { path: 'elements[0].restrictions.end_date', message: 'must be a date like 2015-12-24' },
    ];
    expect(issuesOf(TariffSchema, tariff)).toEqual(expected);

    const cdr = structuredClone(readExample221('cdr_example.json')) as { tariffs?: unknown[] };
    cdr.tariffs = [tariff];
    expect(issuesOf(CDRSchema, cdr)).toEqual(
      expected.map(({ path, message }) => ({ path: `tariffs[0].${path}`, message })),
    );
  });
});

describe('CDR credit rules (mod_cdrs, CDR object: id, credit, credit_reference_id)', () => {
  const cdr = () => structuredClone(readExample221('cdr_example.json')) as Record<string, unknown>;

  it('wants credit_reference_id on a credit CDR', () => {
    expect(issuesOf(CDRSchema, { ...cdr(), credit: true })).toEqual([
      { path: 'credit_reference_id', message: 'is required when credit is true' },
    ]);
    expect(issuesOf(CDRSchema, { ...cdr(), credit: true, credit_reference_id: '12345' })).toEqual([]);
  });

  it('keeps ids of 37 to 39 characters for credit CDRs', () => {
    const long = 'X'.repeat(39);
    const idIssue = { path: 'id', message: 'must have at most 36 characters unless credit is true' };
    expect(issuesOf(CDRSchema, { ...cdr(), id: long })).toEqual([idIssue]);
    expect(issuesOf(CDRSchema, { ...cdr(), id: long, credit: false })).toEqual([idIssue]);
    expect(issuesOf(CDRSchema, { ...cdr(), id: 'X'.repeat(36) })).toEqual([]);
    expect(issuesOf(CDRSchema, { ...cdr(), id: long, credit: true, credit_reference_id: 'X' })).toEqual([]);
  });

  it('keeps such a CDR in lenient mode and reports it', () => {
    const result = parsePayload(CDRSchema, { ...cdr(), credit: true }, { mode: 'lenient', subject: 'CDR' });
    expect(result.success && result.issues.map(({ path, action }) => `${action} ${path}`)).toEqual([
      'kept credit_reference_id',
    ]);
  });
});

describe('CdrDimension rules (mod_cdrs, CdrDimensionType enum: "Session Only", STATE_OF_CHARGE 0 to 100)', () => {
  const period = (dimensions: { type: string; volume: number }[]) => ({
    start_date_time: '2019-06-23T08:16:02Z',
    dimensions,
  });
  const session = (dimensions: { type: string; volume: number }[]) => ({
    ...(structuredClone(readExample221('session_example_2_short_finished.json')) as object),
    charging_periods: [period(dimensions)],
  });
  const cdr = (dimensions: { type: string; volume: number }[]) => {
    const value = structuredClone(readExample221('cdr_example.json')) as { charging_periods: unknown[] };
    value.charging_periods.push(period(dimensions));
    return value;
  };

  it('keeps the Session-only dimension types out of a CDR', () => {
    const sessionOnly = ['CURRENT', 'ENERGY_EXPORT', 'ENERGY_IMPORT', 'POWER', 'STATE_OF_CHARGE'];
    const others = ['ENERGY', 'MAX_CURRENT', 'MIN_CURRENT', 'MAX_POWER', 'MIN_POWER', 'PARKING_TIME'];
    const all = [...sessionOnly, ...others, 'RESERVATION_TIME', 'TIME'];
    expect(issuesOf(CDRSchema, cdr(all.map((type) => ({ type, volume: 50 }))))).toEqual(
      sessionOnly.map((_, index) => ({
        path: `charging_periods[1].dimensions[${index}].type`,
        message: 'may only be used in a Session',
      })),
    );
    expect(issuesOf(SessionSchema, session(all.map((type) => ({ type, volume: 50 }))))).toEqual([]);
  });

  it('wants a state of charge from 0 to 100 in a Session and its PATCH', () => {
    const soc = (volume: number) => ({ type: 'STATE_OF_CHARGE', volume });
    const percentage = (index: number) => ({
      path: `charging_periods[0].dimensions[${index}].volume`,
      message: 'must be a percentage from 0 to 100',
    });
    expect(issuesOf(SessionSchema, session([soc(0), soc(100), soc(150), soc(-1)]))).toEqual([
      percentage(2),
      percentage(3),
    ]);
    expect(issuesOf(SessionSchema, session([{ type: 'ENERGY', volume: 150 }]))).toEqual([]);
    expect(
      issuesOf(SessionPatchSchema, {
        charging_periods: [period([soc(101)])],
        last_updated: '2019-06-23T08:16:02Z',
      }),
    ).toEqual([percentage(0)]);
    const result = parsePayload(SessionSchema, session([soc(150)]), { mode: 'lenient', subject: 'Session' });
    expect(result.success && result.issues.map(({ path, action }) => `${action} ${path}`)).toEqual([
      'kept charging_periods[0].dimensions[0].volume',
    ]);
  });

  it('accepts the spec examples of Sessions and their PATCH of a charging period', () => {
    for (const name of ['session_example_1_simple_start.json', 'session_example_2_short_finished.json']) {
      expect(issuesOf(SessionSchema, readExample221(name)), name).toEqual([]);
    }
    expect(
      issuesOf(SessionPatchSchema, readExample221('session_patch_example_charging_period.json')),
    ).toEqual([]);
  });
});

describe('EnergySource rules (mod_locations, EnergySource class: percentage 0 to 100)', () => {
  const mix = (...percentages: number[]) => ({
    is_green_energy: false,
    energy_sources: percentages.map((percentage) => ({ source: 'SOLAR', percentage })),
  });
  const outOfRange = (prefix: string, index: number) => ({
    path: `${prefix}energy_sources[${index}].percentage`,
    message: 'must be a percentage from 0 to 100',
  });

  it('checks the percentages of an energy mix, in a Location, a Tariff and a CDR Tariff', () => {
    expect(issuesOf(EnergyMixSchema, mix(0, 35.5, 100))).toEqual([]);
    expect(issuesOf(EnergyMixSchema, mix(150, 50, -1))).toEqual([outOfRange('', 0), outOfRange('', 2)]);
    expect(issuesOf(EnergySourceSchema, { source: 'WIND', percentage: 101 })).toEqual([
      { path: 'percentage', message: 'must be a percentage from 0 to 100' },
    ]);
    expect(issuesOf(LocationSchema, { ...location(), energy_mix: mix(150) })).toEqual([
      outOfRange('energy_mix.', 0),
    ]);
    expect(
      issuesOf(LocationPatchSchema, { energy_mix: mix(150), last_updated: '2024-06-01T12:00:00Z' }),
    ).toEqual([outOfRange('energy_mix.', 0)]);
    const tariff = { ...(readExample221('tariff_1_simple_2hour.json') as object), energy_mix: mix(150) };
    expect(issuesOf(TariffSchema, tariff)).toEqual([outOfRange('energy_mix.', 0)]);
    const cdr = { ...(readExample221('cdr_example.json') as object), tariffs: [tariff] };
    expect(issuesOf(CDRSchema, cdr)).toEqual([outOfRange('tariffs[0].energy_mix.', 0)]);
  });

  it('accepts the energy mix examples of the spec', () => {
    for (const name of [
      'location_energymix_example_complete.json',
      'location_energymix_example_energy_provider.json',
      'location_energymix_example_simple.json',
    ]) {
      const { energy_mix } = readExample221(name) as { energy_mix: unknown };
      expect(issuesOf(EnergyMixSchema, energy_mix), name).toEqual([]);
    }
  });
});

describe('PATCH bodies keep the prose rules of the fields they carry', () => {
  it('checks coordinates and hours in a Location or EVSE PATCH, and ignores what is left out', async () => {
    const { EVSEPatchSchema, LocationPatchSchema } = await import('@org/ocpi/v221');
    const last_updated = '2024-06-01T12:00:00Z';
    expect(issuesOf(LocationPatchSchema, { name: 'New name', last_updated })).toEqual([]);
    expect(
      issuesOf(LocationPatchSchema, {
        coordinates: { latitude: '52.1', longitude: '5.110278' },
        last_updated,
      }),
    ).toEqual([
      { path: 'coordinates.latitude', message: 'must be decimal degrees like 50.770774 (5 to 7 decimals)' },
    ]);
    expect(
      issuesOf(LocationPatchSchema, { opening_times: { twentyfourseven: false }, last_updated }),
    ).toEqual([
      {
        path: 'opening_times.regular_hours',
        message: 'needs at least one entry when twentyfourseven is false',
      },
    ]);
    expect(
      issuesOf(EVSEPatchSchema, { coordinates: { latitude: '52.089444', longitude: '5' }, last_updated }),
    ).toEqual([
      {
        path: 'coordinates.longitude',
        message: 'must be decimal degrees like -126.104965 (5 to 7 decimals)',
      },
    ]);
  });
});
