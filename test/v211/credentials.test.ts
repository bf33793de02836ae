// OCPI 2.1.1 Credentials (credentials.md): the Credentials object on the mutated spec example, in strict
// and lenient mode, its flat 2.1.1 shape (one party, no roles), in its response envelope, the operation
// map and the types.
import {
  type BusinessDetails,
  type Credentials,
  CredentialsOperations,
  CredentialsSchema,
  type Image,
  type ImageCategory,
  ImageCategoryValues,
  OcpiResponseSchema,
  Operations,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  enumMessage,
  lazyExample211,
  lenientData,
  NOT_UTC,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v211-payloads';
import type { RequiredKeys } from '../support/v221-types';

const credentials = lazyExample211(CredentialsSchema, 'credentials.md', 0);

describeMutations({
  name: 'Credentials',
  schema: CredentialsSchema,
  valid: credentials,
  missing: { path: 'business_details.name', message: 'required string is missing' },
  tooLong: { path: 'token', max: 64 },
  badEnum: { path: 'business_details.logo.category', values: ImageCategoryValues, required: true },
  wrongType: {
    path: 'business_details',
    value: 'Example Operator',
    message: 'expected object, received string',
  },
  nullOptional: { path: 'business_details.website' },
  unknownFieldIn: 'business_details',
  lenientDrops: { badEnum: 'business_details.logo' },
});

describe('Credentials: the flat 2.1.1 shape', () => {
  it('names one party at the top: party_id, country_code and business_details', () => {
    expect(credentials()).toMatchObject({ party_id: 'EXA', country_code: 'NL' });
    expect(credentials().business_details.name).toBe('Example Operator');
    for (const [path, max] of [
      ['party_id', 3],
      ['country_code', 2],
      ['business_details.name', 100],
      ['business_details.logo.type', 4],
    ] as const) {
      expect(strictIssues(CredentialsSchema, withValue(credentials(), path, 'A'.repeat(max)))).toEqual([]);
      expect(strictIssues(CredentialsSchema, withValue(credentials(), path, 'A'.repeat(max + 1)))).toEqual([
        { path, message: tooLongMessage(max) },
      ]);
    }
  });

  it('refuses the 2.2.1 shape, with a list of roles instead of the party fields', () => {
    const { party_id, country_code, business_details, ...common } = credentials();
    const roles = [{ role: 'CPO', party_id, country_code, business_details }];
    expect(strictIssues(CredentialsSchema, { ...common, roles })).toEqual([
      { path: 'business_details', message: 'required object is missing' },
      { path: 'party_id', message: 'required string is missing' },
      { path: 'country_code', message: 'required string is missing' },
      { path: 'roles', message: 'unknown field' },
    ]);
  });

  it('refuses a versions url that is not an absolute URL, and a logo wider than int(5)', () => {
    expect(
      strictIssues(CredentialsSchema, withValue(credentials(), 'url', 'example.com/ocpi/versions')),
    ).toEqual([{ path: 'url', message: 'must be an absolute URL' }]);
    expect(
      strictIssues(CredentialsSchema, withValue(credentials(), 'business_details.logo.width', 99999)),
    ).toEqual([]);
    expect(
      strictIssues(CredentialsSchema, withValue(credentials(), 'business_details.logo.width', 100000)).map(
        (issue) => issue.path,
      ),
    ).toEqual(['business_details.logo.width']);
  });

  it('refuses an image category the spec does not list, naming the allowed ones', () => {
    expect(
      strictIssues(CredentialsSchema, withValue(credentials(), 'business_details.logo.category', 'LOGO')),
    ).toEqual([{ path: 'business_details.logo.category', message: enumMessage(ImageCategoryValues) }]);
  });
});

describe('Credentials in a response envelope', () => {
  const ResponseSchema = OcpiResponseSchema(CredentialsSchema);
  const response = fromSpec(() => ({
    data: credentials(),
    status_code: 1000,
    timestamp: '2015-06-30T21:59:59Z',
  }));

  it('takes the Credentials as data, and reports issues of the data under data', () => {
    expect(strictIssues(ResponseSchema, response())).toEqual([]);
    expect(strictIssues(ResponseSchema, withValue(response(), 'data.party_id', 'EXAM'))).toEqual([
      { path: 'data.party_id', message: tooLongMessage(3) },
    ]);
  });

  it('refuses an envelope timestamp with an offset strictly and converts it leniently', () => {
    const shifted = withValue(response(), 'timestamp', '2015-06-30T23:59:59+02:00');
    expect(strictIssues(ResponseSchema, shifted)).toEqual([{ path: 'timestamp', message: NOT_UTC }]);
    expect(lenientData(ResponseSchema, shifted).data).toEqual(response());
  });
});

describe('CredentialsOperations (credentials.md, 1. Interfaces and endpoints)', () => {
  it('offers the methods the spec table lists, the same for both parties: GET, POST, PUT, DELETE', () => {
    const spec = specInterfaceMethods211('credentials.md');
    expect(spec).toEqual({ both: ['DELETE', 'GET', 'POST', 'PUT'] });
    expect(methodsOf(CredentialsOperations)).toEqual(spec.both);
    expect(Operations.credentials).toBe(CredentialsOperations);
  });

  it('has every call on the credentials endpoint itself, with Credentials in and out', () => {
    expect(summarise(CredentialsOperations)).toEqual({
      getCredentials: 'GET {endpoint}',
      postCredentials: 'POST {endpoint}',
      putCredentials: 'PUT {endpoint}',
      deleteCredentials: 'DELETE {endpoint}',
    });
    const { getCredentials, postCredentials, putCredentials, deleteCredentials } = CredentialsOperations;
    expect(getCredentials.response).toBe(CredentialsSchema);
    expect([postCredentials.request, postCredentials.response]).toEqual([
      CredentialsSchema,
      CredentialsSchema,
    ]);
    expect([putCredentials.request, putCredentials.response]).toEqual([CredentialsSchema, CredentialsSchema]);
    expect(deleteCredentials).not.toHaveProperty('request');
    expect(deleteCredentials).not.toHaveProperty('response');
  });
});

describe('Credentials types', () => {
  it('types required fields, optional fields and enums as the spec tables do', () => {
    expectTypeOf(credentials).returns.toEqualTypeOf<Credentials>();
    expectTypeOf<Credentials['token']>().toEqualTypeOf<string>();
    expectTypeOf<Credentials['party_id']>().toEqualTypeOf<string>();
    expectTypeOf<Credentials['business_details']>().toEqualTypeOf<BusinessDetails>();
    expectTypeOf<BusinessDetails['website']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<BusinessDetails['logo']>().toEqualTypeOf<Image | undefined>();
    expectTypeOf<Image['category']>().toEqualTypeOf<ImageCategory>();
    expectTypeOf<Image['width']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RequiredKeys<Credentials>>().toEqualTypeOf<
      'token' | 'url' | 'business_details' | 'party_id' | 'country_code'
    >();
    expectTypeOf<RequiredKeys<Image>>().toEqualTypeOf<'url' | 'category' | 'type'>();
    expect(credentials().business_details.logo?.width).toBe(512);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: ImageCategory has no LOGO
    const category: ImageCategory = 'LOGO';
    // @ts-expect-error: 2.1.1 Credentials have no roles (2.2.1)
    const withRoles: Credentials = { ...credentials(), roles: [] };
    const { party_id: _party, ...withoutParty } = credentials();
    // @ts-expect-error: party_id is required
    const anonymous: Credentials = withoutParty;
    expect(
      CredentialsSchema.safeParse(withValue(credentials(), 'business_details.logo.category', category))
        .success,
    ).toBe(false);
    expect(CredentialsSchema.safeParse(withRoles).success).toBe(false);
    expect(CredentialsSchema.safeParse(anonymous).success).toBe(false);
  });
});
