// Finding 10 of issue #10: what a partner's credentials carry is stored, sent back in every
// Authorization header, or called, so it is held to the spec's limits in every validation mode (lenient
// mode keeps over-long strings elsewhere). Token: string(64) in both versions; url: URL, 255 characters;
// party_id 3 and country_code 2; business details as their own types say.
// No request leaves the process: `fetch` is injected.
import {
  createRegistrationHandler,
  type InMemoryPartnerStore,
  isOcpiValidationError,
  type PartnerRecord,
  register,
  updateRegistration,
} from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import { BASE, TOKEN_A } from '../registration/support';
import { ourConfig, recordingFetch } from './support/injected-fetch';

const PARTNER = 'https://cpo.example.com/ocpi';
const TOKEN_B = 'token-b-8d2e61f0-from-the-initiator';
const LONG_TOKEN = 't'.repeat(65);

type Version = '2.1.1' | '2.2.1';

const role221 = (fields: Record<string, unknown> = {}) => ({
  role: 'CPO',
  party_id: 'EXA',
  country_code: 'NL',
  business_details: { name: 'Operator' },
  ...fields,
});

/** A credentials object of `version`, with `fields` changed (2.2.1: `role` changes the one role). */
function credentials(
  version: Version,
  fields: Record<string, unknown> = {},
  role: Record<string, unknown> = {},
) {
  const common = { token: TOKEN_B, url: `${PARTNER}/versions` };
  return version === '2.2.1'
    ? { ...common, roles: [role221(role)], ...fields }
    : {
        ...common,
        party_id: 'EXA',
        country_code: 'NL',
        business_details: { name: 'Operator' },
        ...role,
        ...fields,
      };
}

/**
 * A partner's API behind an injected fetch: versions, details and credentials of `version`; its
 * credentials endpoint answers POST and PUT with `answer`. Records every call.
 */
function partnerApi(version: Version, answer: unknown) {
  const details = `${PARTNER}/${version}`;
  const endpoint = (identifier: string) =>
    version === '2.2.1'
      ? { identifier, role: 'RECEIVER', url: `${details}/${identifier}` }
      : { identifier, url: `${details}/${identifier}` };
  return recordingFetch({
    [`${PARTNER}/versions`]: [{ version, url: details }],
    [details]: { version, endpoints: [endpoint('credentials'), endpoint('locations')] },
    [`${details}/credentials`]: answer,
  });
}

describe.each(['lenient', 'strict'] as const)('the registration handler in %s mode', (validation) => {
  async function post(version: Version, body: unknown) {
    const { fetch, called } = partnerApi(version, undefined);
    const config = ourConfig(fetch, { validation });
    const store = config.store as InMemoryPartnerStore;
    await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
    const before = structuredClone(store.all());
    const response = await createRegistrationHandler(config)(
      new Request(`${BASE}/${version}/credentials`, {
        method: 'POST',
        headers: {
          Authorization: `Token ${version === '2.2.1' ? btoa(TOKEN_A) : TOKEN_A}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      }),
    );
    const envelope = (await response.json()) as { status_code: number; status_message?: string };
    return { envelope, called, untouched: () => expect(store.all()).toEqual(before) };
  }

  it.each<[string, Version, Record<string, unknown>, Record<string, unknown>, string]>([
    [
      'a token over 64 characters',
      '2.2.1',
      { token: LONG_TOKEN },
      {},
      'token: must have at most 64 characters',
    ],
    [
      'a token over 64 characters',
      '2.1.1',
      { token: LONG_TOKEN },
      {},
      'token: must have at most 64 characters',
    ],
    [
      'a token with a space',
      '2.1.1',
      { token: 'token b' },
      {},
      'token: must be printable ASCII without whitespace',
    ],
    [
      'a url over 255 characters',
      '2.2.1',
      { url: `${PARTNER}/${'v'.repeat(230)}` },
      {},
      'url: must have at most 255 characters',
    ],
    [
      'a party_id over 3 characters',
      '2.2.1',
      {},
      { party_id: 'EXAM' },
      'roles[0].party_id: must have at most 3',
    ],
    ['a party_id over 3 characters', '2.1.1', {}, { party_id: 'EXAM' }, 'party_id: must have at most 3'],
    ['a country_code over 2 characters', '2.2.1', {}, { country_code: 'NLD' }, 'roles[0].country_code'],
    [
      'a business name over 100 characters',
      '2.1.1',
      {},
      { business_details: { name: 'n'.repeat(101) } },
      'business_details.name: must have at most 100 characters',
    ],
  ])('refuses %s in %s with 2001, before any callback', async (_, version, fields, role, message) => {
    const { envelope, called, untouched } = await post(version, credentials(version, fields, role));
    expect(envelope.status_code).toBe(2001);
    expect(envelope.status_message).toContain(message);
    // Values are never echoed: the token's characters do not appear.
    expect(envelope.status_message).not.toContain('tttt');
    expect(called).toEqual([]);
    untouched();
  });

  it('never stores nor calls a url of 2 MB (refused for its length, or for the body size)', async () => {
    const body = credentials('2.1.1', { url: `${PARTNER}/${'v'.repeat(2_000_000)}` });
    const { envelope, called, untouched } = await post('2.1.1', body);
    expect(envelope.status_code).not.toBe(1000);
    expect(called).toEqual([]);
    untouched();
  });

  it('takes a token of exactly 64 characters and a url of exactly 255', async () => {
    const url = `${PARTNER}/${'v'.repeat(255 - PARTNER.length - 1)}`;
    expect(url).toHaveLength(255);
    const { called } = await post('2.2.1', credentials('2.2.1', { token: 'k'.repeat(64), url }));
    // The body passed: we called the initiator back at its (unknown to the stand-in) URL.
    expect(called).toEqual([`GET ${url}`]);
  });
});

describe('when we initiate, the partner’s credentials answer', () => {
  it.each<[string, Version, Record<string, unknown>, Record<string, unknown>]>([
    ['a token over 64 characters', '2.2.1', { token: LONG_TOKEN }, {}],
    ['a token over 64 characters', '2.1.1', { token: LONG_TOKEN }, {}],
    ['a token with a line break', '2.1.1', { token: 'token\nC' }, {}],
    ['a country_code over 2 characters', '2.2.1', {}, { country_code: 'NLD' }],
    ['a party_id over 3 characters', '2.1.1', {}, { party_id: 'EXAM' }],
  ])(
    'with %s (%s) is not stored by register(): the invited record stays',
    async (_, version, fields, role) => {
      const answer = credentials(version, { token: 'token-c-from-the-partner', ...fields }, role);
      const { fetch, called } = partnerApi(version, answer);
      const config = ourConfig(fetch);
      const error = await register({
        config,
        partnerId: 'cpo',
        versionsUrl: `${PARTNER}/versions`,
        tokenA: TOKEN_A,
      }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isOcpiValidationError(error)).toBe(true);
      expect(String(error)).not.toContain(LONG_TOKEN);
      expect(called.at(-1)).toBe(`POST ${PARTNER}/${version}/credentials`);
      // As after any answer we cannot use: the partner may hold token B, so the invitation is kept.
      const [record] = (config.store as InMemoryPartnerStore).all();
      expect(record).toMatchObject({ id: 'cpo', status: 'invited', outgoingToken: TOKEN_A });
      expect(record).not.toHaveProperty('roles');
    },
  );

  it('with a token over 64 characters is not stored by updateRegistration()', async () => {
    const { fetch } = partnerApi('2.2.1', credentials('2.2.1', { token: LONG_TOKEN }));
    const config = ourConfig(fetch);
    const registered: PartnerRecord = {
      id: 'cpo',
      status: 'registered',
      incomingToken: 'token-c-we-gave-the-partner',
      outgoingToken: 'token-b-the-partner-gave-us',
      tokenEncoding: 'base64',
      version: '2.2.1',
      versionsUrl: `${PARTNER}/versions`,
      versionUrl: `${PARTNER}/2.2.1`,
      endpoints: [],
    };
    await config.store.save(registered);
    const error = await updateRegistration({ config, record: registered }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isOcpiValidationError(error)).toBe(true);
    const [record] = (config.store as InMemoryPartnerStore).all();
    expect(record?.outgoingToken).toBe('token-b-the-partner-gave-us');
  });
});
