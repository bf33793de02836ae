// OCPI 2.2.1 Versions (version_information_endpoint.asciidoc): the versions list and version details, and
// their response envelopes (transport_and_format.asciidoc examples), on mutations in strict and lenient
// mode, the operation map and the types.
import {
  type Endpoint,
  type InterfaceRole,
  InterfaceRoleValues,
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
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { elementOf, methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  enumMessage,
  exampleOf,
  lazyExample,
  strictIssues,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const DetailsResponseSchema = OcpiResponseSchema(VersionDetailsSchema);
const VersionsResponseSchema = OcpiResponseSchema(z.array(VersionSchema));
const detailsResponse = lazyExample(
  DetailsResponseSchema,
  'transport_and_format_version_details_example.json',
);
const details = lazyExample(VersionDetailsSchema, 'version_details_example2.json');
const versions = lazyExample(z.array(VersionSchema), 'versions_info_example.json');

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
  badEnum: { path: 'data.endpoints[1].role', values: InterfaceRoleValues, required: true },
  timestamp: { path: 'timestamp', withOffset: '2015-06-30T23:59:59+02:00', utc: '2015-06-30T21:59:59Z' },
  wrongType: { path: 'data.endpoints[0]', value: 'credentials', message: 'expected object, received string' },
  nullOptional: { path: 'status_message' },
  unknownFieldIn: 'data',
});

describe('Version details: what the spec tables add', () => {
  it('lists a module once per role, each with its own URL', () => {
    expect(details().endpoints.map(({ identifier, role }) => `${identifier} ${role}`)).toEqual([
      'credentials RECEIVER',
      'locations SENDER',
      'tokens RECEIVER',
      'locations RECEIVER',
      'tokens SENDER',
    ]);
  });

  it('needs at least one endpoint, and a role on each (new in 2.2.1)', () => {
    expect(strictIssues(VersionDetailsSchema, withValue(details(), 'endpoints', []))).toEqual([
      { path: 'endpoints', message: 'must have at least 1 item' },
    ]);
    expect(strictIssues(VersionDetailsSchema, withValue(details(), 'endpoints[3].role', 'CLIENT'))).toEqual([
      { path: 'endpoints[3].role', message: enumMessage(['SENDER', 'RECEIVER']) },
    ]);
  });

  it('takes a custom module, as the spec lets parties extend ModuleID by agreement', () => {
    const custom = withValue(details(), 'endpoints[4].identifier', 'nltnm-reservations');
    expect(strictIssues(VersionDetailsSchema, custom)).toEqual([]);
    expect(VersionDetailsSchema.parse(custom).endpoints[4]?.identifier).toBe('nltnm-reservations');
    expect(strictIssues(VersionDetailsSchema, withValue(details(), 'endpoints[4].identifier', 42))).toEqual([
      { path: 'endpoints[4].identifier', message: 'expected string, received number' },
    ]);
    expect(ModuleIDValues).toContain('hubclientinfo');
  });
});

describe('Versions list', () => {
  it('takes the versions of the spec example, and versions this one does not know (a later 3.0)', () => {
    expect(versions().map((version) => version.version)).toEqual(['2.1.1', '2.2.1']);
    expect(strictIssues(z.array(VersionSchema), withValue(versions(), '[1].version', '3.0'))).toEqual([]);
    expect(
      strictIssues(VersionsOperations.getVersions.response, withValue(versions(), '[1].version', '3.0')),
    ).toEqual([]);
    expect(strictIssues(z.array(VersionSchema), withValue(versions(), '[1].version', 3))).toEqual([
      { path: '[1].version', message: 'expected string, received number' },
    ]);
    expect(VersionNumberValues).toEqual(['2.0', '2.1', '2.1.1', '2.2', '2.2.1']);
  });

  it('reports a bad version inside the response envelope under data', () => {
    const response = exampleOf(VersionsResponseSchema, 'transport_and_format_version_info_example.json');
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

describe('VersionsOperations (version_information_endpoint.asciidoc)', () => {
  it('offers the one method the spec lists for both endpoints: GET', () => {
    const spec = specInterfaceMethods('version_information_endpoint.asciidoc');
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
    expectTypeOf<Endpoint['role']>().toEqualTypeOf<InterfaceRole>();
    expectTypeOf<Version['url']>().toEqualTypeOf<string>();
    expectTypeOf<VersionNumber>().toEqualTypeOf<'2.0' | '2.1' | '2.1.1' | '2.2' | '2.2.1'>();
    expectTypeOf<InterfaceRole>().toEqualTypeOf<'SENDER' | 'RECEIVER'>();
    expectTypeOf<RequiredKeys<Endpoint>>().toEqualTypeOf<'identifier' | 'role' | 'url'>();
    expect(details().version).toBe('2.2');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: VersionNumber has no 3.0
    const version: VersionNumber = '3.0';
    // @ts-expect-error: a 2.2.1 Endpoint needs its role
    const endpoint: Endpoint = { identifier: 'locations', url: 'https://example.com/ocpi/2.2.1/locations' };
    // A versions list still takes it: a party may offer versions this one does not know.
    expect(VersionSchema.safeParse({ version, url: 'https://example.com/ocpi/3.0' }).success).toBe(true);
    expect(VersionDetailsSchema.safeParse({ version: '2.2.1', endpoints: [endpoint] }).success).toBe(false);
  });
});
