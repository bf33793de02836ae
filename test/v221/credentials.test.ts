// OCPI 2.2.1 Credentials (credentials.asciidoc): the Credentials object on mutated spec examples, in strict
// and lenient mode, in its response envelope, the operation map and the types.
import {
  type BusinessDetails,
  type Credentials,
  CredentialsOperations,
  type CredentialsRole,
  CredentialsSchema,
  ImageCategoryValues,
  OcpiResponseSchema,
  Operations,
  type Role,
  RoleValues,
} from '@org/ocpi/v221';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec, readExample221 } from '../support/spec';
import { methodsOf, specInterfaceMethods, summarise } from '../support/v221-interfaces';
import {
  describeMutations,
  enumMessage,
  lazyExample,
  lenientData,
  NOT_UTC,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const withLogo = lazyExample(CredentialsSchema, 'credentials_example3.json');
const threeRoles = lazyExample(CredentialsSchema, 'credentials_example4.json');

describeMutations({
  name: 'Credentials',
  schema: CredentialsSchema,
  valid: withLogo,
  missing: { path: 'roles[0].business_details.name', message: 'required string is missing' },
  tooLong: { path: 'token', max: 64 },
  badEnum: { path: 'roles[0].business_details.logo.category', values: ImageCategoryValues, required: true },
  wrongType: { path: 'roles', value: { role: 'CPO' }, message: 'expected array, received object' },
  nullOptional: { path: 'roles[0].business_details.website' },
  unknownFieldIn: 'roles[0]',
  lenientDrops: { badEnum: 'roles[0].business_details.logo' },
});

describe('Credentials: what the spec says in prose (credentials.asciidoc, Credentials object)', () => {
  const hubRole = fromSpec(() => ({ ...threeRoles().roles[0], role: 'HUB' }) as CredentialsRole);

  it('wants a token of printable ASCII without whitespace, and keeps another in lenient mode', () => {
    const issue = { path: 'token', message: 'must be printable ASCII without whitespace' };
    for (const token of ['abc def', 'tökén']) {
      expect(strictIssues(CredentialsSchema, withValue(withLogo(), 'token', token)), token).toEqual([issue]);
    }
    // An empty token is the one value a message may name.
    expect(strictIssues(CredentialsSchema, withValue(withLogo(), 'token', ''))).toEqual([
      { ...issue, message: `${issue.message} (empty string)` },
    ]);
    expect(strictIssues(CredentialsSchema, withValue(withLogo(), 'token', '!~azAZ09-_=+/'))).toEqual([]);
    const { data, issues } = lenientData(CredentialsSchema, withValue(withLogo(), 'token', 'abc def'));
    expect(data).toMatchObject({ token: 'abc def' });
    expect(issues).toEqual([{ ...issue, action: 'kept', message: `${issue.message} (kept)` }]);
  });

  it('wants each combination of role, party_id and country_code once, in any case', () => {
    const first = threeRoles().roles[0] as CredentialsRole;
    const again = { ...first, party_id: first.party_id.toLowerCase() };
    expect(
      strictIssues(CredentialsSchema, { ...threeRoles(), roles: [...threeRoles().roles, again] }),
    ).toEqual([{ path: 'roles[3]', message: 'repeats the role, party_id and country_code of another role' }]);
    // The same party in another role is fine (a combined CPO/eMSP).
    const otherRole = { ...first, role: first.role === 'CPO' ? 'EMSP' : 'CPO' } as CredentialsRole;
    expect(strictIssues(CredentialsSchema, { ...threeRoles(), roles: [first, otherRole] })).toEqual([]);
  });

  it('lets a Hub report the HUB role only', () => {
    expect(strictIssues(CredentialsSchema, { ...withLogo(), roles: [hubRole()] })).toEqual([]);
    expect(
      strictIssues(CredentialsSchema, { ...threeRoles(), roles: [hubRole(), ...threeRoles().roles] }),
    ).toEqual(
      threeRoles().roles.map((_, index) => ({
        path: `roles[${index + 1}].role`,
        message: 'must be HUB, as the party is a Hub',
      })),
    );
  });

  it('accepts every credentials example of the spec', () => {
    for (const name of [1, 2, 3, 4].map((n) => `credentials_example${n === 1 ? '' : n}.json`)) {
      expect(strictIssues(CredentialsSchema, readExample221(name)), name).toEqual([]);
    }
  });
});

describe('Credentials: what the spec tables add', () => {
  it('needs at least one role (cardinality +) and takes several', () => {
    expect(strictIssues(CredentialsSchema, withValue(withLogo(), 'roles', []))).toEqual([
      { path: 'roles', message: 'must have at least 1 item' },
    ]);
    expect(threeRoles().roles.map((role) => role.party_id)).toEqual(['EXO', 'PFC', 'CGP']);
  });

  it('reports a bad role deep in the list by its index', () => {
    expect(strictIssues(CredentialsSchema, withValue(threeRoles(), 'roles[2].role', 'OPERATOR'))).toEqual([
      { path: 'roles[2].role', message: enumMessage(RoleValues) },
    ]);
    expect(strictIssues(CredentialsSchema, withValue(threeRoles(), 'roles[1].party_id', 'PFCX'))).toEqual([
      { path: 'roles[1].party_id', message: tooLongMessage(3) },
    ]);
  });

  it('refuses the 2.1.1 shape, with party_id and country_code at the top', () => {
    const old = { ...withLogo(), party_id: 'EXA', country_code: 'NL' };
    expect(strictIssues(CredentialsSchema, old)).toEqual([
      { path: 'party_id', message: 'unknown field' },
      { path: 'country_code', message: 'unknown field' },
    ]);
  });

  it('refuses a versions url that is not an absolute URL', () => {
    expect(
      strictIssues(CredentialsSchema, withValue(withLogo(), 'url', 'example.com/ocpi/versions')),
    ).toEqual([{ path: 'url', message: 'must be an absolute URL' }]);
  });
});

describe('Credentials in a response envelope', () => {
  const ResponseSchema = OcpiResponseSchema(CredentialsSchema);
  const response = fromSpec(() => ({
    data: withLogo(),
    status_code: 1000,
    timestamp: '2019-06-24T12:39:09Z',
  }));

  it('takes the Credentials as data, and reports issues of the data under data', () => {
    expect(strictIssues(ResponseSchema, response())).toEqual([]);
    expect(strictIssues(ResponseSchema, withValue(response(), 'data.roles[0].role', 'cpo'))).toEqual([
      { path: 'data.roles[0].role', message: enumMessage(RoleValues) },
    ]);
  });

  it('refuses an envelope timestamp with an offset strictly and converts it leniently', () => {
    const shifted = withValue(response(), 'timestamp', '2019-06-24T14:39:09+02:00');
    expect(strictIssues(ResponseSchema, shifted)).toEqual([{ path: 'timestamp', message: NOT_UTC }]);
    expect(lenientData(ResponseSchema, shifted).data).toEqual(response());
  });
});

describe('CredentialsOperations (credentials.asciidoc, Interfaces and Endpoints)', () => {
  it('offers the methods the spec table lists, the same for both parties: GET, POST, PUT, DELETE', () => {
    const spec = specInterfaceMethods('credentials.asciidoc');
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
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(withLogo).returns.toEqualTypeOf<Credentials>();
    expectTypeOf<Credentials['token']>().toEqualTypeOf<string>();
    expectTypeOf<Credentials['roles']>().toEqualTypeOf<CredentialsRole[]>();
    expectTypeOf<CredentialsRole['role']>().toEqualTypeOf<Role>();
    expectTypeOf<CredentialsRole['business_details']>().toEqualTypeOf<BusinessDetails>();
    expectTypeOf<BusinessDetails['website']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Role>().toEqualTypeOf<'CPO' | 'EMSP' | 'HUB' | 'NAP' | 'NSP' | 'OTHER' | 'SCSP'>();
    expectTypeOf<RequiredKeys<Credentials>>().toEqualTypeOf<'token' | 'url' | 'roles'>();
    expectTypeOf<RequiredKeys<CredentialsRole>>().toEqualTypeOf<
      'role' | 'business_details' | 'party_id' | 'country_code'
    >();
    expect(withLogo().roles[0]?.business_details.logo?.width).toBe(512);
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: Role has no OPERATOR
    const role: Role = 'OPERATOR';
    // @ts-expect-error: 2.2.1 Credentials carry roles, not a party_id
    const old: Credentials = { token: 'abc', url: 'https://example.com/versions', party_id: 'EXA' };
    expect(CredentialsSchema.safeParse(withValue(withLogo(), 'roles[0].role', role)).success).toBe(false);
    expect(CredentialsSchema.safeParse(old).success).toBe(false);
  });
});
