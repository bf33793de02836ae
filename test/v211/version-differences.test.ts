// 2.1.1 and 2.2.1 objects share names but not shapes; each version's strict schemas refuse the other's,
// and say which fields differ.
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../support/issues';
import { readExample221 } from '../support/spec';

// A 2.1.1 Location of our own, valid strictly.
const location211: v211.Location = {
  id: 'LOC1',
  type: 'ON_STREET',
  address: 'Ferdinand Lousbergskaai 2',
  city: 'Gent',
  postal_code: '9000',
  country: 'BEL',
  coordinates: { latitude: '51.047599', longitude: '3.729944' },
  evses: [
    {
      uid: '3256',
      status: 'AVAILABLE',
      connectors: [
        {
          id: '1',
          standard: 'IEC_62196_T2',
          format: 'SOCKET',
          power_type: 'AC_3_PHASE',
          voltage: 230,
          amperage: 16,
          tariff_id: '14',
          last_updated: '2015-06-29T20:39:09Z',
        },
      ],
      last_updated: '2015-06-29T20:39:09Z',
    },
  ],
  last_updated: '2015-06-29T20:39:09Z',
};

const paths = (issues: { path: string }[]) => issues.map(({ path }) => path).sort();

describe('Location across versions', () => {
  it('our 2.1.1 Location is valid in 2.1.1', () => {
    expect(issuesOf(v211.LocationSchema, location211)).toEqual([]);
  });

  it('a 2.2.1 Location fails strict 2.1.1 parsing, naming the fields that differ', () => {
    const issues = issuesOf(v211.LocationSchema, readExample221('location_example.json'));
    expect(paths(issues)).toEqual(
      expect.arrayContaining([
        'country_code',
        'party_id',
        'publish',
        'parking_type',
        'type',
        'evses[0].connectors[0].max_voltage',
        'evses[0].connectors[0].voltage',
        'evses[0].connectors[0].tariff_ids',
      ]),
    );
    expect(issues.find(({ path }) => path === 'type')?.message).toMatch(/missing/);
    expect(issues.find(({ path }) => path === 'publish')?.message).toBe('unknown field');
  });

  it('a 2.1.1 Location fails strict 2.2.1 parsing, naming the fields that differ', () => {
    const issues = issuesOf(v221.LocationSchema, location211);
    expect(paths(issues)).toEqual(
      expect.arrayContaining([
        'country_code',
        'party_id',
        'publish',
        'time_zone',
        'type',
        'evses[0].connectors[0].voltage',
        'evses[0].connectors[0].amperage',
        'evses[0].connectors[0].tariff_id',
        'evses[0].connectors[0].max_voltage',
        'evses[0].connectors[0].max_amperage',
      ]),
    );
  });
});

describe('what both versions share', () => {
  it('is one schema object, not two copies', () => {
    expect(v211.StatusSchema).toBe(v221.StatusSchema);
    expect(v211.ExceptionalPeriodSchema).toBe(v221.ExceptionalPeriodSchema);
    expect(v211.DateTimeSchema).toBe(v221.DateTimeSchema);
    expect(v211.LocationSchema).not.toBe(v221.LocationSchema);
    expect(v211.DisplayTextSchema).not.toBe(v221.DisplayTextSchema);
  });
});

describe('other objects across versions', () => {
  it('Credentials: flat party in 2.1.1, a list of roles in 2.2.1', () => {
    const credentials221 = readExample221('credentials_example.json');
    expect(paths(issuesOf(v211.CredentialsSchema, credentials221))).toEqual([
      'business_details',
      'country_code',
      'party_id',
      'roles',
    ]);
  });

  it('Coordinates: exactly 6 decimals in 2.1.1, 5 to 7 in 2.2.1', () => {
    const geo = { latitude: '51.04759', longitude: '3.7299440' };
    expect(paths(issuesOf(v211.GeoLocationSchema, geo))).toEqual(['latitude', 'longitude']);
    expect(issuesOf(v221.GeoLocationSchema, geo)).toEqual([]);
  });

  it('CommandResponse: a bare result in 2.1.1, with a timeout in 2.2.1', () => {
    expect(issuesOf(v211.CommandResponseSchema, { result: 'ACCEPTED' })).toEqual([]);
    expect(paths(issuesOf(v221.CommandResponseSchema, { result: 'ACCEPTED' }))).toEqual(['timeout']);
    expect(paths(issuesOf(v221.CommandResponseSchema, { result: 'TIMEOUT', timeout: 30 }))).toEqual([
      'result',
    ]);
  });

  it('PATCH: last_updated optional in 2.1.1, required in 2.2.1', () => {
    expect(issuesOf(v211.EVSEPatchSchema, { status: 'CHARGING' })).toEqual([]);
    expect(paths(issuesOf(v221.EVSEPatchSchema, { status: 'CHARGING' }))).toEqual(['last_updated']);
  });

  it('Tariffs: 2.1.1 has a PATCH, 2.2.1 does not', () => {
    expect(Object.keys(v211.Operations.tariffs.emsp)).toContain('patchTariff');
    expect(Object.keys(v221.Operations.tariffs.receiver)).not.toContain('patchTariff');
  });
});
