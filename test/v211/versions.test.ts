// OCPI 2.1.1 Versions (version_information_endpoint.md): the versions list and version details, and
// their response envelopes (transport_and_format.md examples), on mutations in strict and lenient mode,
// the operation map and the types.
import {
  type Endpoint,
  type ModuleID,
  ModuleIDValues,
  OcpiResponseSchema,
  Operations,
  type Version,
  type VersionDetails,
  VersionDetailsSchema,
  type VersionNumber,
  VersionNumberValues,
  VersionSchema,
  VersionsOperations,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { elementOf, methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import { describeMutations, lazyExample211, strictIssues, withValue } from '../support/v211-payloads';
import type { RequiredKeys } from '../support/v221-types';

const DetailsResponseSchema = OcpiResponseSchema(VersionDetailsSchema);
const detailsResponse = lazyExample211(DetailsResponseSchema, 'transport_and_format.md', 1);
const details = lazyExample211(VersionDetailsSchema, 'version_information_endpoint.md', 1);
const versions = lazyExample211(z.array(VersionSchema), 'version_information_endpoint.md', 0);

/** A valid absolute URL of exactly `length` characters. */
const urlOfLength = (length: number) => {
  const base = 'https://example.com/';
  return base + 'a'.repeat(length - base.length);
};

describeMutations({
  name: 'version details response',
  schema: DetailsResponseSchema,
  valid: detailsResponse,
  missing: { path: 'data.endpoints[1].url', message: 'required string is missing' },
  tooLong: { path: 'data.endpoints[0].url', max: 255, make: urlOfLength },
  badEnum: { path: 'data.version', values: VersionNumberValues, required: true },
  timestamp: { path: 'timestamp', withOffset: '2015-06-30T23:59:59+02:00', utc: '2015-06-30T21:59:59Z' },
  wrongType: { path: 'data.endpoints[0]', value: 'credentials', message: 'expected object, received string' },
  nullOptional: { path: 'status_message' },
  unknownFieldIn: 'data',
});

describe('Version details: what the 2.1.1 spec tables add', () => {
  it('lists each module once, with its URL and no role (2.2.1 added the role)', () => {
    expect(details().endpoints.map(({ identifier }) => identifier)).toEqual(['credentials', 'locations']);
    expect(strictIssues(VersionDetailsSchema, withValue(details(), 'endpoints[1].role', 'SENDER'))).toEqual([
      { path: 'endpoints[1].role', message: 'unknown field' },
    ]);
  });

  it('needs at least one endpoint', () => {
    expect(strictIssues(VersionDetailsSchema, withValue(details(), 'endpoints', []))).toEqual([
      { path: 'endpoints', message: 'must have at least 1 item' },
    ]);
  });

  it('takes modules beyond the 2.1.1 ModuleID enum: custom ones, and later ones', () => {
    for (const identifier of ['chargingprofiles', 'nltnm-reservations']) {
      const other = withValue(details(), 'endpoints[1].identifier', identifier);
      expect(strictIssues(VersionDetailsSchema, other), identifier).toEqual([]);
    }
    expect(ModuleIDValues).not.toContain('chargingprofiles');
  });
});

describe('Versions list', () => {
  it('takes the versions of the spec example, and versions 2.1.1 does not name (a partner offering 2.2.1)', () => {
    expect(versions().map((version) => version.version)).toEqual(['2.1.1', '2.0']);
    const later = withValue(versions(), '[1].version', '2.2.1');
    expect(strictIssues(z.array(VersionSchema), later)).toEqual([]);
    expect(strictIssues(VersionsOperations.getVersions.response, later)).toEqual([]);
    expect(strictIssues(z.array(VersionSchema), withValue(versions(), '[1].version', 2.2))).toEqual([
      { path: '[1].version', message: 'expected string, received number' },
    ]);
    expect(VersionNumberValues).not.toContain('2.2.1');
  });

  it('reports a bad version URL inside the response envelope under data', () => {
    const response = { data: versions(), status_code: 1000, timestamp: '2015-06-30T21:59:59Z' };
    const VersionsResponseSchema = OcpiResponseSchema(z.array(VersionSchema));
    expect(strictIssues(VersionsResponseSchema, response)).toEqual([]);
    expect(strictIssues(VersionsResponseSchema, withValue(response, 'data[0].url', 'ocpi/2.1.1'))).toEqual([
      { path: 'data[0].url', message: 'must be an absolute URL' },
    ]);
  });

  it('refuses a success envelope whose status code is not an OCPI status code', () => {
    expect(strictIssues(DetailsResponseSchema, withValue(detailsResponse(), 'status_code', 200))).toEqual([
      { path: 'status_code', message: 'must be an OCPI status code in a range this version defines' },
    ]);
  });
});

describe('VersionsOperations (version_information_endpoint.md)', () => {
  it('offers the one method the spec lists for both endpoints: GET', () => {
    const spec = specInterfaceMethods211('version_information_endpoint.md');
    expect(spec).toEqual({ both: ['GET'] });
    expect(methodsOf(VersionsOperations)).toEqual(spec.both);
    expect(Operations.versions).toBe(VersionsOperations);
  });

  it('reads the versions list and the version details at the URLs the parties exchanged', () => {
    expect(summarise(VersionsOperations)).toEqual({
      getVersions: 'GET {versions_url}',
      getVersionDetails: 'GET {version_url}',
    });
    expect(elementOf(VersionsOperations.getVersions.response)).toBe(VersionSchema);
    expect(VersionsOperations.getVersionDetails.response).toBe(VersionDetailsSchema);
  });
});

describe('Versions types', () => {
  it('types required fields, lists and enums as the spec tables do', () => {
    expectTypeOf(details).returns.toEqualTypeOf<VersionDetails>();
    expectTypeOf<VersionDetails['version']>().toEqualTypeOf<VersionNumber>();
    expectTypeOf<VersionDetails['endpoints']>().toEqualTypeOf<Endpoint[]>();
    expectTypeOf<Endpoint['identifier']>().toEqualTypeOf<ModuleID | (string & {})>();
    expectTypeOf<Version['version']>().toEqualTypeOf<VersionNumber | (string & {})>();
    expectTypeOf<Version['url']>().toEqualTypeOf<string>();
    expectTypeOf<VersionNumber>().toEqualTypeOf<'2.0' | '2.1' | '2.1.1'>();
    expectTypeOf<ModuleID>().toEqualTypeOf<
      'cdrs' | 'commands' | 'credentials' | 'locations' | 'sessions' | 'tariffs' | 'tokens'
    >();
    expectTypeOf<RequiredKeys<Endpoint>>().toEqualTypeOf<'identifier' | 'url'>();
    expect(details().version).toBe('2.0');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: 2.2.1 is not a 2.1.1 VersionNumber
    const version: VersionNumber = '2.2.1';
    const url = 'https://example.com/ocpi/2.1.1/locations';
    // @ts-expect-error: a 2.1.1 Endpoint has no role
    const endpoint: Endpoint = { identifier: 'locations', role: 'SENDER', url };
    // @ts-expect-error: hubclientinfo is a 2.2.1 module
    const module: ModuleID = 'hubclientinfo';
    // The schemas still take both: a versions list may name later versions, and modules may be added.
    expect(VersionSchema.safeParse({ version, url }).success).toBe(true);
    expect(VersionDetailsSchema.safeParse({ version: '2.1.1', endpoints: [endpoint] }).success).toBe(false);
    expect(
      VersionDetailsSchema.safeParse({ version: '2.1.1', endpoints: [{ identifier: module, url }] }).success,
    ).toBe(true);
  });
});
