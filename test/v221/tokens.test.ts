// OCPI 2.2.1 Tokens (mod_tokens.asciidoc): the Token schema on mutated spec examples, in strict and lenient
// mode, the PATCH body, real-time authorization, the ?type= query, the operation map and the types.
import {
  type AllowedType,
  AllowedTypeValues,
  type AuthorizationInfo,
  AuthorizationInfoSchema,
  type EnergyContract,
  ListQuerySchema,
  type LocationReferences,
  LocationReferencesSchema,
  Operations,
  type ProfileType,
  type Token,
  type TokenPatch,
  TokenPatchSchema,
  TokenSchema,
  TokensOperations,
  type TokenType,
  TokenTypeQuerySchema,
  TokenTypeValues,
  type WhitelistType,
  WhitelistTypeValues,
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
  withValue,
} from '../support/v221-payloads';
import type { RequiredKeys } from '../support/v221-types';

const rfid = lazyExample(TokenSchema, 'token_example_2_full_rfid.json');
const appUser = lazyExample(TokenSchema, 'token_example_1_app_user.json');

describeMutations({
  name: 'Token',
  schema: TokenSchema,
  valid: rfid,
  missing: { path: 'issuer', message: 'required string is missing' },
  tooLong: { path: 'visual_number', max: 64 },
  badEnum: { path: 'whitelist', values: WhitelistTypeValues, required: true },
  timestamp: { path: 'last_updated', withOffset: '2018-12-10T19:25:10+02:00', utc: '2018-12-10T17:25:10Z' },
  wrongType: {
    path: 'energy_contract',
    value: 'Greenpeace Energy eG',
    message: 'expected object, received string',
  },
  nullOptional: { path: 'energy_contract.contract_id' },
  unknownFieldIn: 'energy_contract',
  lenientDrops: { wrongType: 'energy_contract' },
  idPath: 'uid',
});

describe('Token: what the spec tables add', () => {
  it('takes the 2.2.1 token types and refuses the 2.1.1 auth_id', () => {
    expect(strictIssues(TokenSchema, withValue(appUser(), 'type', 'AD_HOC_USER'))).toEqual([]);
    expect(strictIssues(TokenSchema, withValue(appUser(), 'type', 'rfid'))).toEqual([
      { path: 'type', message: enumMessage(TokenTypeValues) },
    ]);
    expect(strictIssues(TokenSchema, withValue(appUser(), 'auth_id', 'DE8ACC12E46L89'))).toEqual([
      { path: 'auth_id', message: 'unknown field' },
    ]);
  });

  it('takes a uid and contract_id of 36 characters, a group_id of 36 and a language of 2', () => {
    for (const [path, max] of [
      ['uid', 36],
      ['contract_id', 36],
      ['group_id', 36],
      ['energy_contract.supplier_name', 64],
    ] as const) {
      expect(strictIssues(TokenSchema, withValue(rfid(), path, 'A'.repeat(max)))).toEqual([]);
      expect(strictIssues(TokenSchema, withValue(rfid(), path, 'A'.repeat(max + 1)))).toEqual([
        { path, message: tooLongMessage(max) },
      ]);
    }
    // An ISO 639-1 code (scripts/codegen/iso-fields.ts): a third letter breaks the length and the code.
    expect(strictIssues(TokenSchema, withValue(rfid(), 'language', 'de'))).toEqual([]);
    expect(strictIssues(TokenSchema, withValue(rfid(), 'language', 'deu'))).toEqual([
      { path: 'language', message: tooLongMessage(2) },
      { path: 'language', message: 'must be an assigned ISO 639-1 language code (two lower-case letters)' },
    ]);
  });

  it('refuses valid as a string and a uid with non-ASCII characters (CiString)', () => {
    expect(strictIssues(TokenSchema, withValue(rfid(), 'valid', 'true'))).toEqual([
      { path: 'valid', message: 'expected boolean, received string' },
    ]);
    expect(strictIssues(TokenSchema, withValue(rfid(), 'uid', 'Ü12345')).map((issue) => issue.path)).toEqual([
      'uid',
    ]);
  });
});

describe('Token PATCH (mod_tokens.asciidoc, Receiver PATCH)', () => {
  describePatch({
    name: 'Token PATCH',
    schema: TokenPatchSchema,
    valid: lazyExample(TokenPatchSchema, 'token_patch_example.json'),
    partial: { whitelist: 'NEVER', default_profile_type: 'CHEAP' },
    invalid: { path: 'whitelist', value: 'SOMETIMES', message: enumMessage(WhitelistTypeValues) },
  });
});

describe('Real-time authorization (mod_tokens.asciidoc, Sender POST)', () => {
  const info = fromSpec(() => ({
    allowed: 'ALLOWED',
    token: rfid(),
    location: { location_id: 'LOC1', evse_uids: ['3256', '3257'] },
    authorization_reference: 'AUTH-0001',
    info: { language: 'en', text: 'Welcome' },
  }));

  it('answers with an AuthorizationInfo that carries the complete Token', () => {
    expect(strictIssues(AuthorizationInfoSchema, info())).toEqual([]);
    expect(strictIssues(AuthorizationInfoSchema, { allowed: 'NO_CREDIT', token: appUser() })).toEqual([]);
    const { token: _token, ...withoutToken } = info();
    expect(strictIssues(AuthorizationInfoSchema, withoutToken)).toEqual([
      { path: 'token', message: 'required object is missing' },
    ]);
  });

  it('reports issues of the embedded Token under token', () => {
    expect(strictIssues(AuthorizationInfoSchema, withValue(info(), 'token.whitelist', 'SOMETIMES'))).toEqual([
      { path: 'token.whitelist', message: enumMessage(WhitelistTypeValues) },
    ]);
    expect(strictIssues(AuthorizationInfoSchema, withValue(info(), 'allowed', 'OK'))).toEqual([
      { path: 'allowed', message: enumMessage(AllowedTypeValues) },
    ]);
  });

  it('takes LocationReferences with EVSE uids only (2.2.1 dropped connector_ids)', () => {
    expect(strictIssues(LocationReferencesSchema, { location_id: 'LOC1' })).toEqual([]);
    expect(strictIssues(LocationReferencesSchema, { location_id: 'LOC1', connector_ids: ['1'] })).toEqual([
      { path: 'connector_ids', message: 'unknown field' },
    ]);
    expect(
      strictIssues(LocationReferencesSchema, { location_id: 'LOC1', evse_uids: ['E'.repeat(37)] }),
    ).toEqual([{ path: 'evse_uids[0]', message: tooLongMessage(36) }]);
  });

  it('takes the ?type= query of a TokenType, or none (RFID by default)', () => {
    expect(strictIssues(TokenTypeQuerySchema, {})).toEqual([]);
    expect(strictIssues(TokenTypeQuerySchema, { type: 'APP_USER' })).toEqual([]);
    expect(strictIssues(TokenTypeQuerySchema, { type: 'app_user' })).toEqual([
      { path: 'type', message: enumMessage(TokenTypeValues) },
    ]);
  });
});

describe('TokensOperations (mod_tokens.asciidoc, Interfaces and Endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods('mod_tokens.asciidoc'));

  it('offers the methods the interface tables list: Receiver GET, PUT, PATCH; Sender GET, POST', () => {
    expect(spec()).toEqual({ receiver: ['GET', 'PATCH', 'PUT'], sender: ['GET', 'POST'] });
    expect(methodsOf(TokensOperations.receiver)).toEqual(spec().receiver);
    expect(methodsOf(TokensOperations.sender)).toEqual(spec().sender);
    expect(Operations.tokens).toBe(TokensOperations);
  });

  it('has GET, PUT and PATCH on {country_code}/{party_id}/{token_uid}[?type=] on the Receiver', () => {
    const token = '{endpoint}/{country_code}/{party_id}/{token_uid}';
    expect(summarise(TokensOperations.receiver)).toEqual({
      getToken: `GET ${token}`,
      putToken: `PUT ${token}`,
      patchToken: `PATCH ${token}`,
    });
    const { getToken, putToken, patchToken } = TokensOperations.receiver;
    expect([getToken.query, putToken.query, patchToken.query]).toEqual([
      TokenTypeQuerySchema,
      TokenTypeQuerySchema,
      TokenTypeQuerySchema,
    ]);
    expect(getToken.response).toBe(TokenSchema);
    expect(putToken.request).toBe(TokenSchema);
    expect(patchToken.request).toBe(TokenPatchSchema);
  });

  it('has the paginated list and POST {token_uid}/authorize, with an optional body, on the Sender', () => {
    expect(summarise(TokensOperations.sender)).toEqual({
      list: 'GET {endpoint} (paginated)',
      authorize: 'POST {endpoint}/{token_uid}/authorize',
    });
    const { list, authorize } = TokensOperations.sender;
    expect(list.query).toBe(ListQuerySchema);
    expect(elementOf(list.response)).toBe(TokenSchema);
    expect(authorize.query).toBe(TokenTypeQuerySchema);
    expect(authorize.response).toBe(AuthorizationInfoSchema);
    expect(authorize.request.safeParse(undefined).success).toBe(true);
    expect(authorize.request.safeParse({ location_id: 'LOC1', evse_uids: ['3256'] }).success).toBe(true);
    expect(authorize.request.safeParse({ evse_uids: ['3256'] }).success).toBe(false);
  });
});

describe('Tokens types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(rfid).returns.toEqualTypeOf<Token>();
    expectTypeOf<Token['uid']>().toEqualTypeOf<string>();
    expectTypeOf<Token['type']>().toEqualTypeOf<TokenType>();
    expectTypeOf<Token['valid']>().toEqualTypeOf<boolean>();
    expectTypeOf<Token['whitelist']>().toEqualTypeOf<WhitelistType>();
    expectTypeOf<Token['default_profile_type']>().toEqualTypeOf<ProfileType | undefined>();
    expectTypeOf<Token['energy_contract']>().toEqualTypeOf<EnergyContract | undefined>();
    expectTypeOf<AuthorizationInfo['token']>().toEqualTypeOf<Token>();
    expectTypeOf<AuthorizationInfo['location']>().toEqualTypeOf<LocationReferences | undefined>();
    expectTypeOf<LocationReferences['evse_uids']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<TokenType>().toEqualTypeOf<'AD_HOC_USER' | 'APP_USER' | 'OTHER' | 'RFID'>();
    expectTypeOf<AllowedType>().toEqualTypeOf<
      'ALLOWED' | 'BLOCKED' | 'EXPIRED' | 'NO_CREDIT' | 'NOT_ALLOWED'
    >();
    expectTypeOf<RequiredKeys<Token>>().toEqualTypeOf<
      | 'country_code'
      | 'party_id'
      | 'uid'
      | 'type'
      | 'contract_id'
      | 'issuer'
      | 'valid'
      | 'whitelist'
      | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<TokenPatch>>().toEqualTypeOf<'last_updated'>();
    expect(rfid().energy_contract?.supplier_name).toBe('Greenpeace Energy eG');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: WhitelistType has no SOMETIMES
    const whitelist: WhitelistType = 'SOMETIMES';
    // @ts-expect-error: valid is a boolean
    const token: Token = { ...rfid(), valid: 'yes' };
    // @ts-expect-error: a PATCH body needs last_updated
    const patch: TokenPatch = { valid: false };
    expect(TokenSchema.safeParse({ ...rfid(), whitelist }).success).toBe(false);
    expect(TokenSchema.safeParse(token).success).toBe(false);
    expect(TokenPatchSchema.safeParse(patch).success).toBe(false);
  });
});
