// The 2.2.1 rules that the spec gives in field descriptions rather than in its tables.

import { parsePayload } from '@org/ocpi';
import { CDRSchema, HoursSchema, type Location, LocationSchema, TariffSchema } from '@org/ocpi/v221';
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
    const bad = { ...location(), publish: 'yes', publish_allowed_to: [{ visual_number: '12345-67' }] };
    bad.coordinates = { latitude: '51.04', longitude: '3.729944' };
    expect(issuesOf(LocationSchema, bad)).toEqual([
      { path: 'publish', message: 'expected boolean, received string' },
    ]);
  });

  it('allows publish_allowed_to only on an unpublished Location', () => {
    const published = { ...location(), publish: true, publish_allowed_to: [{ visual_number: '12345-67' }] };
    expect(issuesOf(LocationSchema, published)).toEqual([
      { path: 'publish_allowed_to', message: 'may only be given when publish is false' },
    ]);
    expect(issuesOf(LocationSchema, { ...published, publish: false })).toEqual([]);
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
    const bad = { ...location(), publish: true, publish_allowed_to: [{ visual_number: '12345-67' }] };
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
    expect(result.success && result.issues.map(({ path, action }) => `${action} ${path}`)).toEqual([
      'dropped vendor',
      'kept coordinates.latitude',
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
