// OCPI 2.1.1 Tokens (mod_tokens.md): the Token schema on mutated spec examples, in strict and lenient
// mode, the 2.1.1 shape (auth_id, two token types), the PATCH body, real-time authorization, the operation
// map and the types.
import {
  type Allowed,
  AllowedValues,
  type AuthorizationInfo,
  AuthorizationInfoSchema,
  type DisplayText,
  ListQuerySchema,
  type LocationReferences,
  LocationReferencesSchema,
  Operations,
  type Token,
  type TokenPatch,
  TokenPatchSchema,
  TokenSchema,
  TokensOperations,
  type TokenType,
  TokenTypeQuerySchema,
  TokenTypeSchema,
  TokenTypeValues,
  type WhitelistType,
  WhitelistTypeValues,
} from '@org/ocpi/v211';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fromSpec } from '../support/spec';
import { elementOf, methodsOf, specInterfaceMethods211, summarise } from '../support/v211-interfaces';
import {
  describeMutations,
  describePatch211,
  enumMessage,
  lazyExample211,
  strictIssues,
  tooLongMessage,
  withValue,
} from '../support/v211-payloads';
import type { RequiredKeys } from '../support/v221-types';

const token = lazyExample211(TokenSchema, 'mod_tokens.md', 2);
const pushed = lazyExample211(TokenSchema, 'mod_tokens.md', 0, { from: 'request', method: 'PUT' });

describeMutations({
  name: 'Token',
  schema: TokenSchema,
  valid: token,
  missing: { path: 'issuer', message: 'required string is missing' },
  tooLong: { path: 'visual_number', max: 64 },
  badEnum: { path: 'whitelist', values: WhitelistTypeValues, required: true },
  timestamp: { path: 'last_updated', withOffset: '2015-06-30T00:39:09+02:00', utc: '2015-06-29T22:39:09Z' },
  wrongType: { path: 'valid', value: 'true', message: 'expected boolean, received string' },
  nullOptional: { path: 'visual_number' },
  unknownFieldIn: '',
  idPath: 'uid',
});

describe('Token: the 2.1.1 shape', () => {
  it('identifies the driver by auth_id, which 2.2.1 renamed contract_id', () => {
    expect(token().auth_id).toBe('DE8ACC12E46L89');
    const { auth_id, ...withoutAuthId } = token();
    expect(strictIssues(TokenSchema, { ...withoutAuthId, contract_id: auth_id })).toEqual([
      { path: 'auth_id', message: 'required string is missing' },
      { path: 'contract_id', message: 'unknown field' },
    ]);
  });

  it('has only the token types OTHER and RFID (2.2.1 added AD_HOC_USER and APP_USER)', () => {
    expect(strictIssues(TokenSchema, withValue(token(), 'type', 'OTHER'))).toEqual([]);
    expect(strictIssues(TokenSchema, withValue(token(), 'type', 'APP_USER'))).toEqual([
      { path: 'type', message: enumMessage(TokenTypeValues) },
    ]);
  });

  it('has none of the 2.2.1 fields: country_code, party_id, group_id, energy_contract', () => {
    const extended = { ...token(), country_code: 'NL', party_id: 'TNM', group_id: 'G1', energy_contract: {} };
    expect(strictIssues(TokenSchema, extended)).toEqual([
      { path: 'country_code', message: 'unknown field' },
      { path: 'party_id', message: 'unknown field' },
      { path: 'group_id', message: 'unknown field' },
      { path: 'energy_contract', message: 'unknown field' },
    ]);
  });

  it('takes uid and auth_id of 36 characters, an issuer of 64 and a language of 2', () => {
    for (const [path, max] of [
      ['uid', 36],
      ['auth_id', 36],
      ['issuer', 64],
    ] as const) {
      expect(strictIssues(TokenSchema, withValue(token(), path, 'A'.repeat(max)))).toEqual([]);
      expect(strictIssues(TokenSchema, withValue(token(), path, 'A'.repeat(max + 1)))).toEqual([
        { path, message: tooLongMessage(max) },
      ]);
    }
    // An ISO 639-1 code (scripts/codegen/iso-fields.ts): a third letter breaks the length and the code.
    expect(strictIssues(TokenSchema, withValue(token(), 'language', 'de'))).toEqual([]);
    expect(strictIssues(TokenSchema, withValue(token(), 'language', 'deu'))).toEqual([
      { path: 'language', message: tooLongMessage(2) },
      { path: 'language', message: 'must be an assigned ISO 639-1 language code (two lower-case letters)' },
    ]);
  });

  it('takes the pushed Token of the PUT example, the same Token whitelisted ALWAYS', () => {
    expect(pushed()).toEqual({ ...token(), whitelist: 'ALWAYS' });
  });
});

describe('Token PATCH (mod_tokens.md, CPO PATCH)', () => {
  describePatch211({
    name: 'Token PATCH',
    schema: TokenPatchSchema,
    object: TokenSchema,
    valid: lazyExample211(TokenPatchSchema, 'mod_tokens.md', 1, { from: 'request', method: 'PATCH' }),
    partial: { whitelist: 'NEVER', language: 'nl' },
    invalid: { path: 'whitelist', value: 'SOMETIMES', message: enumMessage(WhitelistTypeValues) },
  });
});

describe('Real-time authorization (mod_tokens.md, eMSP POST)', () => {
  const info = {
    allowed: 'ALLOWED',
    location: { location_id: 'LOC1', evse_uids: ['3256', '3257'], connector_ids: ['1', '2'] },
    info: { language: 'en', text: 'Welcome' },
  };

  it('answers with an AuthorizationInfo that, unlike 2.2.1, does not carry the Token', () => {
    expect(strictIssues(AuthorizationInfoSchema, info)).toEqual([]);
    expect(strictIssues(AuthorizationInfoSchema, { allowed: 'NO_CREDIT' })).toEqual([]);
    expect(strictIssues(AuthorizationInfoSchema, { ...info, token: token() })).toEqual([
      { path: 'token', message: 'unknown field' },
    ]);
    expect(strictIssues(AuthorizationInfoSchema, withValue(info, 'allowed', 'OK'))).toEqual([
      { path: 'allowed', message: enumMessage(AllowedValues) },
    ]);
  });

  it('takes LocationReferences with EVSE uids and connector ids (2.2.1 dropped connector_ids)', () => {
    expect(strictIssues(LocationReferencesSchema, { location_id: 'LOC1' })).toEqual([]);
    expect(
      strictIssues(LocationReferencesSchema, { location_id: 'LOC1', evse_uids: ['E'.repeat(40)] }),
    ).toEqual([{ path: 'evse_uids[0]', message: tooLongMessage(39) }]);
    expect(
      strictIssues(LocationReferencesSchema, { location_id: 'LOC1', connector_ids: ['C'.repeat(37)] }),
    ).toEqual([{ path: 'connector_ids[0]', message: tooLongMessage(36) }]);
  });

  it('takes the ?type= query of a TokenType, or none (RFID by default)', () => {
    expect(strictIssues(TokenTypeQuerySchema, {})).toEqual([]);
    expect(strictIssues(TokenTypeQuerySchema, { type: 'RFID' })).toEqual([]);
    expect(strictIssues(TokenTypeQuerySchema, { type: 'APP_USER' })).toEqual([
      { path: 'type', message: enumMessage(TokenTypeValues) },
    ]);
  });
});

describe('TokensOperations (mod_tokens.md, 2. Interfaces and endpoints)', () => {
  const spec = fromSpec(() => specInterfaceMethods211('mod_tokens.md'));

  it('offers the methods the interface tables list: CPO GET, PUT, PATCH; eMSP GET, POST', () => {
    expect(spec()).toEqual({ cpo: ['GET', 'PATCH', 'PUT'], emsp: ['GET', 'POST'] });
    expect(methodsOf(TokensOperations.cpo)).toEqual(spec().cpo);
    expect(methodsOf(TokensOperations.emsp)).toEqual(spec().emsp);
    expect(Operations.tokens).toBe(TokensOperations);
  });

  it('has GET, PUT and PATCH on {country_code}/{party_id}/{token_uid} on the CPO, without a type query', () => {
    const path = '{endpoint}/{country_code}/{party_id}/{token_uid}';
    expect(summarise(TokensOperations.cpo)).toEqual({
      getToken: `GET ${path}`,
      putToken: `PUT ${path}`,
      patchToken: `PATCH ${path}`,
    });
    const { getToken, putToken, patchToken } = TokensOperations.cpo;
    for (const operation of [getToken, putToken, patchToken]) expect(operation).not.toHaveProperty('query');
    expect(getToken.response).toBe(TokenSchema);
    expect(putToken.request).toBe(TokenSchema);
    expect(patchToken.request).toBe(TokenPatchSchema);
  });

  it('has the paginated list and POST {token_uid}/authorize, with an optional body, on the eMSP', () => {
    expect(summarise(TokensOperations.emsp)).toEqual({
      list: 'GET {endpoint} (paginated)',
      authorize: 'POST {endpoint}/{token_uid}/authorize',
    });
    const { list, authorize } = TokensOperations.emsp;
    expect(list.query).toBe(ListQuerySchema);
    expect(elementOf(list.response)).toBe(TokenSchema);
    expect(authorize.query).toBe(TokenTypeQuerySchema);
    expect(authorize.response).toBe(AuthorizationInfoSchema);
    expect(authorize.request.safeParse(undefined).success).toBe(true);
    expect(authorize.request.safeParse({ location_id: 'LOC1', connector_ids: ['1'] }).success).toBe(true);
    expect(authorize.request.safeParse({ evse_uids: ['3256'] }).success).toBe(false);
  });
});

describe('Tokens types', () => {
  it('types required fields, optional fields, lists and enums as the spec tables do', () => {
    expectTypeOf(token).returns.toEqualTypeOf<Token>();
    expectTypeOf<Token['uid']>().toEqualTypeOf<string>();
    expectTypeOf<Token['auth_id']>().toEqualTypeOf<string>();
    expectTypeOf<Token['type']>().toEqualTypeOf<TokenType>();
    expectTypeOf<Token['valid']>().toEqualTypeOf<boolean>();
    expectTypeOf<Token['whitelist']>().toEqualTypeOf<WhitelistType>();
    expectTypeOf<Token['visual_number']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<AuthorizationInfo['allowed']>().toEqualTypeOf<Allowed>();
    expectTypeOf<AuthorizationInfo['location']>().toEqualTypeOf<LocationReferences | undefined>();
    expectTypeOf<AuthorizationInfo['info']>().toEqualTypeOf<DisplayText | undefined>();
    expectTypeOf<LocationReferences['connector_ids']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<TokenType>().toEqualTypeOf<'OTHER' | 'RFID'>();
    expectTypeOf<WhitelistType>().toEqualTypeOf<'ALWAYS' | 'ALLOWED' | 'ALLOWED_OFFLINE' | 'NEVER'>();
    expectTypeOf<RequiredKeys<Token>>().toEqualTypeOf<
      'uid' | 'type' | 'auth_id' | 'issuer' | 'valid' | 'whitelist' | 'last_updated'
    >();
    expectTypeOf<RequiredKeys<AuthorizationInfo>>().toEqualTypeOf<'allowed'>();
    expectTypeOf<RequiredKeys<TokenPatch>>().toEqualTypeOf<never>();
    expect(token().issuer).toBe('TheNewMotion');
  });

  it('does not compile a value or an object the spec forbids', () => {
    // @ts-expect-error: APP_USER is a 2.2.1 TokenType
    const type: TokenType = 'APP_USER';
    // @ts-expect-error: valid is a boolean
    const invalid: Token = { ...token(), valid: 'yes' };
    // @ts-expect-error: contract_id is the 2.2.1 name of auth_id
    const renamed: Token = { ...token(), contract_id: token().auth_id };
    expect(TokenTypeSchema.safeParse(type).success).toBe(false);
    expect(TokenSchema.safeParse(invalid).success).toBe(false);
    expect(TokenSchema.safeParse(renamed).success).toBe(false);
  });
});
