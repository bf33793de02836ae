// The 2.1.1 rules that the spec gives in field descriptions, in whole objects and in PATCH bodies.
import { parsePayload } from '@org/ocpi';
import {
  CDRSchema,
  EnergyMixSchema,
  EnergySourceSchema,
  EVSEPatchSchema,
  GeoLocationSchema,
  LocationPatchSchema,
  LocationSchema,
  RegularHoursSchema,
  SessionPatchSchema,
  SessionSchema,
  TariffPatchSchema,
  TariffSchema,
} from '@org/ocpi/v211';
import { describe, expect, it } from 'vitest';
import { cdr211, evse211, location211, session211, tariff211 } from '../support/client-payloads';
import { issuesOf } from '../support/issues';

const six = 'must be decimal degrees like 50.770774 (6 decimals)';

describe('2.1.1 prose rules', () => {
  it('wants exactly 6 decimals in coordinates', () => {
    expect(issuesOf(GeoLocationSchema, { latitude: '52.089444', longitude: '5.110278' })).toEqual([]);
    expect(issuesOf(GeoLocationSchema, { latitude: '52.08944', longitude: '5.1102780' })).toEqual([
      { path: 'latitude', message: six },
      { path: 'longitude', message: 'must be decimal degrees like -126.104965 (6 decimals)' },
    ]);
  });

  it('wants weekday 1 to 7 and HH:MM up to 23:59 (the errata regex)', () => {
    expect(issuesOf(RegularHoursSchema, { weekday: 8, period_begin: '08:00', period_end: '25:00' })).toEqual([
      { path: 'weekday', message: 'must be 1 (Monday) to 7 (Sunday)' },
      { path: 'period_end', message: 'must be a 24-hour time like 18:15' },
    ]);
  });

  it('checks the fields a PATCH carries and ignores the rest', () => {
    expect(issuesOf(LocationPatchSchema, { name: 'New name' })).toEqual([]);
    expect(
      issuesOf(LocationPatchSchema, { coordinates: { latitude: '51.04759', longitude: '3.729944' } }),
    ).toEqual([{ path: 'coordinates.latitude', message: six }]);
    expect(
      issuesOf(EVSEPatchSchema, { coordinates: { latitude: '51.04759', longitude: '3.729944' } }),
    ).toEqual([{ path: 'coordinates.latitude', message: six }]);
    expect(
      issuesOf(TariffPatchSchema, {
        elements: [
          {
            price_components: [{ type: 'TIME', price: 2, step_size: 300 }],
            restrictions: { start_time: '25:00' },
          },
        ],
      }),
    ).toEqual([
      { path: 'elements[0].restrictions.start_time', message: 'must be a 24-hour time like 13:30' },
    ]);
    const location = {
      id: 'LOC1',
      type: 'ON_STREET',
      address: 'Stationsplein 1',
      city: 'Utrecht',
      postal_code: '3511ED',
      country: 'NLD',
      coordinates: { latitude: '52.08944', longitude: '5.110278' },
      evses: [evse211()],
      last_updated: '2015-06-29T20:39:09Z',
    };
    expect(issuesOf(SessionPatchSchema, { location })).toEqual([
      { path: 'location.coordinates.latitude', message: six },
    ]);
  });

  it('reports broken rules and choices next to kept unknown enum values in lenient mode', () => {
    const location = {
      ...location211(),
      type: 'ROOFTOP',
      coordinates: { latitude: '52.08944', longitude: '5.110278' },
      opening_times: {
        twentyfourseven: true,
        regular_hours: [{ weekday: 1, period_begin: '08:00', period_end: '18:00' }],
      },
    };
    const result = parsePayload(LocationSchema, location, { mode: 'lenient', subject: 'Location' });
    expect(result.success && result.issues.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'type: must be one of "ON_STREET", "PARKING_GARAGE", "UNDERGROUND_GARAGE", "PARKING_LOT", "OTHER", "UNKNOWN" (kept)',
      `coordinates.latitude: ${six} (kept)`,
      'opening_times: must have only one of regular_hours or twentyfourseven (kept)',
    ]);
  });

  it('wants each energy source from 0 to 100 percent, wherever an energy mix is', () => {
    const mix = { is_green_energy: true, energy_sources: [{ source: 'SOLAR', percentage: 150 }] };
    const message = 'must be a percentage from 0 to 100';
    expect(issuesOf(EnergySourceSchema, { source: 'WIND', percentage: -5 })).toEqual([
      { path: 'percentage', message },
    ]);
    expect(issuesOf(EnergySourceSchema, { source: 'WIND', percentage: 100 })).toEqual([]);
    expect(issuesOf(EnergyMixSchema, mix)).toEqual([{ path: 'energy_sources[0].percentage', message }]);
    expect(issuesOf(LocationSchema, { ...location211(), energy_mix: mix })).toEqual([
      { path: 'energy_mix.energy_sources[0].percentage', message },
    ]);
    expect(issuesOf(LocationPatchSchema, { energy_mix: mix })).toEqual([
      { path: 'energy_mix.energy_sources[0].percentage', message },
    ]);
    const tariff = { ...tariff211(), energy_mix: mix };
    expect(issuesOf(TariffSchema, tariff)).toEqual([
      { path: 'energy_mix.energy_sources[0].percentage', message },
    ]);
    expect(issuesOf(TariffPatchSchema, { energy_mix: mix })).toEqual([
      { path: 'energy_mix.energy_sources[0].percentage', message },
    ]);
    expect(issuesOf(CDRSchema, { ...cdr211(), tariffs: [tariff] })).toEqual([
      { path: 'tariffs[0].energy_mix.energy_sources[0].percentage', message },
    ]);
  });

  it('wants the connector ids of one EVSE unique, compared as is (a string, not a CiString, in 2.1.1)', () => {
    const location = location211();
    const evse = location.evses?.[0];
    const connector = evse?.connectors[0];
    if (!evse || !connector) throw new Error('the fixture has a connector');
    evse.connectors = [
      { ...connector, id: 'a' },
      { ...connector, id: 'A' },
    ];
    expect(issuesOf(LocationSchema, location)).toEqual([]);
    evse.connectors = [
      { ...connector, id: 'a' },
      { ...connector, id: 'a' },
    ];
    const issue = { path: 'connectors[1].id', message: 'must be unique within the EVSE' };
    expect(issuesOf(LocationSchema, location)).toEqual([{ ...issue, path: `evses[0].${issue.path}` }]);
    expect(issuesOf(EVSEPatchSchema, { connectors: evse.connectors })).toEqual([issue]);
    location.evses = [evse, { ...evse, uid: 'EVSE2', connectors: [{ ...connector, id: 'a' }] }];
    evse.connectors = [{ ...connector, id: 'a' }];
    expect(issuesOf(LocationSchema, location)).toEqual([]);
  });

  it('wants a Session or CDR to embed only the EVSE and Connector used', () => {
    const session = session211();
    const evse = session.location.evses?.[0];
    expect(evse?.connectors).toHaveLength(1);
    expect(issuesOf(SessionSchema, session)).toEqual([]);
    const twoEvses = {
      ...session,
      location: { ...session.location, evses: [evse, { ...evse, uid: 'EVSE2' }] },
    };
    expect(issuesOf(SessionSchema, twoEvses)).toEqual([
      { path: 'location.evses', message: 'must hold only the EVSE used (one)' },
    ]);
    const cdr = cdr211();
    const twoConnectors = structuredClone(cdr);
    const connector = twoConnectors.location.evses?.[0]?.connectors[0];
    if (connector) twoConnectors.location.evses?.[0]?.connectors.push({ ...connector, id: '2' });
    expect(issuesOf(CDRSchema, cdr)).toEqual([]);
    expect(issuesOf(CDRSchema, twoConnectors)).toEqual([
      { path: 'location.evses[0].connectors', message: 'must hold only the Connector used (one)' },
    ]);
    const { evses: _none, ...noEvse } = session.location;
    expect(issuesOf(SessionSchema, { ...session, location: noEvse })).toEqual([
      { path: 'location.evses', message: 'must hold only the EVSE used (one)' },
    ]);
  });
});
