// Finding 10 of issue #10: what a partner's credentials carry is stored, sent back in every
// Authorization header, or called, so it is held to the spec's limits in every validation mode (lenient
// mode keeps over-long strings elsewhere). Token: string(64) in both versions; url: URL, 255 characters;
// party_id 3 and country_code 2; business details as their own types say.
// No request leaves the process: `fetch` is injected.
import {
  connect,
  createRegistrationHandler,
  InMemoryPartnerStore,
  isOcpiInvalidResponseError,
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

// What a partner's answers put in its PartnerRecord is held to the spec in every mode too: its
// endpoints (identifier, role, url), its version details URL, its roles (role, party, business details),
// and how many of each (a review stored 20,002 endpoints of 300-character roles as an 11.6 MB record).
// Printable characters only: a NUL reaches a PostgreSQL text column as an error, a U+202E reverses what
// an operator reads.

/** A store that refuses NUL in text, as PostgreSQL does ("invalid byte sequence for encoding UTF8: 0x00"). */
class NulRefusingStore extends InMemoryPartnerStore {
  override async save(record: PartnerRecord): Promise<PartnerRecord | undefined> {
    if (JSON.stringify(record).includes('\\u0000')) throw new Error('invalid byte sequence: 0x00');
    return super.save(record);
  }
}

const endpoint221 = (identifier: string, role = 'RECEIVER', url = `${PARTNER}/2.2.1/${identifier}`) => ({
  identifier,
  role,
  url,
});

/** The partner's version details of 2.2.1 with `endpoints`, listed at `detailsUrl` in its versions. */
function partnerWithDetails(endpoints: unknown[], options: { detailsUrl?: string; answer?: unknown } = {}) {
  const detailsUrl = options.detailsUrl ?? `${PARTNER}/2.2.1`;
  const { fetch, called } = recordingFetch({
    [`${PARTNER}/versions`]: [{ version: '2.2.1', url: detailsUrl }],
    // The injected fetch sees the URL as `Request` parses it: without the controls `URL` strips.
    [new URL(detailsUrl).href]: { version: '2.2.1', endpoints },
    [`${PARTNER}/2.2.1/credentials`]: options.answer,
  });
  return { fetch, called };
}

const GOOD_ENDPOINTS = [endpoint221('credentials'), endpoint221('locations', 'SENDER')];
const longEndpoints = (count: number) =>
  Array.from({ length: count }, (_, index) =>
    endpoint221(`x${String(index).padStart(299, '0')}`, 'S'.repeat(300), `${PARTNER}/2.2.1/m`),
  );
// About 13 MB: within the default response cap of 16 MiB, as the review's 11.6 MB record was.
const MANY_ENDPOINTS = longEndpoints(20_002);
// About 200 KB: within the 256 KiB our calls back to an initiator read.
const SOME_ENDPOINTS = longEndpoints(300);
const tooManyRoles = (count: number) =>
  Array.from({ length: count }, (_, index) => role221({ party_id: `P${String(index).padStart(2, '0')}` }));

const hostileDetails = (many: unknown[]): [string, unknown[], string | undefined][] => [
  [`${many.length} endpoints of 300-character identifiers and roles`, many, undefined],
  ['101 endpoints', Array.from({ length: 101 }, (_, index) => endpoint221(`module${index}`)), undefined],
  [
    'an interface role with NUL and U+202E',
    [...GOOD_ENDPOINTS, endpoint221('tokens', 'SEN\u0000DER\u202E')],
    undefined,
  ],
  [
    'an interface role outside SENDER and RECEIVER',
    [...GOOD_ENDPOINTS, endpoint221('tokens', 'BOTH')],
    undefined,
  ],
  [
    'a module identifier of 300 characters',
    [...GOOD_ENDPOINTS, endpoint221('m'.repeat(300), 'SENDER', `${PARTNER}/2.2.1/m`)],
    undefined,
  ],
  [
    'a module identifier with a line break',
    [...GOOD_ENDPOINTS, endpoint221('tok\nens', 'SENDER', `${PARTNER}/2.2.1/tokens`)],
    undefined,
  ],
  [
    'an endpoint url ending in NUL',
    [...GOOD_ENDPOINTS, endpoint221('tokens', 'SENDER', `${PARTNER}/2.2.1/tokens\u0000`)],
    undefined,
  ],
  ['a version details url ending in NUL', GOOD_ENDPOINTS, `${PARTNER}/2.2.1\u0000`],
];

describe.each(['lenient', 'strict'] as const)(
  'the registration handler in %s mode, calling back',
  (validation) => {
    async function postAs(body: unknown, fetch: typeof globalThis.fetch) {
      const store = new NulRefusingStore();
      const errors: unknown[] = [];
      const config = ourConfig(fetch, { validation, store, onCallbackError: (error) => errors.push(error) });
      await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
      const before = structuredClone(store.all());
      const response = await createRegistrationHandler(config)(
        new Request(`${BASE}/2.2.1/credentials`, {
          method: 'POST',
          headers: { Authorization: `Token ${btoa(TOKEN_A)}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
      const envelope = (await response.json()) as { status_code: number; status_message?: string };
      return { response, envelope, errors, untouched: () => expect(store.all()).toEqual(before) };
    }

    it.each(hostileDetails(SOME_ENDPOINTS))(
      'answers 3001 and stores nothing for %s',
      async (_, endpoints, detailsUrl) => {
        const { fetch } = partnerWithDetails(endpoints, detailsUrl === undefined ? {} : { detailsUrl });
        const { response, envelope, errors, untouched } = await postAs(credentials('2.2.1'), fetch);
        expect(response.status).toBe(200);
        expect(envelope.status_code).toBe(3001);
        // The one message of every failed callback; the app hears why.
        expect(envelope.status_message).toBe(
          "Could not use the initiator's API with the versions URL and token it sent",
        );
        expect(errors).toHaveLength(1);
        expect(isOcpiValidationError(errors[0]), String(errors[0])).toBe(true);
        untouched();
      },
    );

    it('reads no more than 256 KiB of a callback answer: 20,002 endpoints are refused unread', async () => {
      const { fetch } = partnerWithDetails(MANY_ENDPOINTS);
      const { envelope, errors, untouched } = await postAs(credentials('2.2.1'), fetch);
      expect(envelope.status_code).toBe(3001);
      expect(isOcpiInvalidResponseError(errors[0]) && errors[0].reason).toBe(
        'response body over 262144 bytes',
      );
      untouched();
    });

    it('counts the endpoints before any goes through the URL policy', async () => {
      const { fetch } = partnerWithDetails(SOME_ENDPOINTS);
      const judged: string[] = [];
      const store = new NulRefusingStore();
      await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
      const allowPartnerUrl = (url: URL) => judged.push(url.href) > 0;
      await createRegistrationHandler(ourConfig(fetch, { validation, store, allowPartnerUrl }))(
        new Request(`${BASE}/2.2.1/credentials`, {
          method: 'POST',
          headers: { Authorization: `Token ${btoa(TOKEN_A)}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(credentials('2.2.1')),
        }),
      );
      // The versions URL and the details URL; none of the 300 endpoints.
      expect(judged).toEqual([`${PARTNER}/versions`, `${PARTNER}/2.2.1`]);
    });

    it.each<[string, Record<string, unknown>, Record<string, unknown>[] | undefined]>([
      ['a role of 1,001 characters with NUL', { role: `C\u0000${'P'.repeat(999)}` }, undefined],
      ['a role outside the Role enum', { role: 'ROOT' }, undefined],
      ['a business name with NUL', { business_details: { name: 'Oper\u0000ator' } }, undefined],
      ['a party_id with a line break', { party_id: 'E\nX' }, undefined],
      [
        'a logo of an unknown category',
        {
          business_details: {
            name: 'Operator',
            logo: { url: `${PARTNER}/l.png`, category: 'X', type: 'png' },
          },
        },
        undefined,
      ],
      ['101 roles', {}, tooManyRoles(101)],
    ])('answers 2001 to credentials with %s, before any callback and with no 500', async (_, role, roles) => {
      const { fetch, called } = partnerWithDetails(GOOD_ENDPOINTS);
      const body = roles ? credentials('2.2.1', { roles }) : credentials('2.2.1', {}, role);
      const { response, envelope, untouched } = await postAs(body, fetch);
      expect(response.status).toBe(200);
      expect(envelope.status_code).toBe(2001);
      expect(envelope.status_message).not.toContain('\u0000');
      expect(called).toEqual([]);
      untouched();
    });

    it('answers 2001 to 2.1.1 credentials whose business name holds NUL', async () => {
      const { fetch, called } = partnerApi('2.1.1', undefined);
      const store = new NulRefusingStore();
      await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
      const response = await createRegistrationHandler(ourConfig(fetch, { validation, store }))(
        new Request(`${BASE}/2.1.1/credentials`, {
          method: 'POST',
          headers: { Authorization: `Token ${TOKEN_A}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(credentials('2.1.1', {}, { business_details: { name: 'Oper\u0000ator' } })),
        }),
      );
      expect(((await response.json()) as { status_code: number }).status_code).toBe(2001);
      expect(called).toEqual([]);
    });

    it('still registers a partner with 100 roles, 100 endpoints and a custom module', async () => {
      const endpoints = [
        ...GOOD_ENDPOINTS,
        endpoint221('nltnm-tokens', 'SENDER'),
        ...Array.from({ length: 97 }, (_, index) => endpoint221(`nltnm-module${index}`)),
      ];
      const { fetch } = partnerWithDetails(endpoints);
      const { envelope } = await postAs(credentials('2.2.1', { roles: tooManyRoles(100) }), fetch);
      expect(envelope.status_code).toBe(1000);
    });
  },
);

describe('when we initiate, what the partner lists', () => {
  const initiate = (fetch: typeof globalThis.fetch) => {
    const config = ourConfig(fetch, { store: new NulRefusingStore() });
    const attempt = register({
      config,
      partnerId: 'cpo',
      versionsUrl: `${PARTNER}/versions`,
      tokenA: TOKEN_A,
    });
    return { config, attempt };
  };

  it.each(hostileDetails(MANY_ENDPOINTS))(
    'with %s fails register() with an OcpiValidationError, before any POST',
    async (_, endpoints, detailsUrl) => {
      const { fetch, called } = partnerWithDetails(endpoints, detailsUrl === undefined ? {} : { detailsUrl });
      const { config, attempt } = initiate(fetch);
      const error = await attempt.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isOcpiValidationError(error), String(error)).toBe(true);
      expect(called.some((call) => call.startsWith('POST'))).toBe(false);
      expect((config.store as InMemoryPartnerStore).all()).toEqual([]);
    },
  );

  it.each<[string, Record<string, unknown>]>([
    ['roles of 1,001 characters with NUL', { roles: [role221({ role: `C\u0000${'P'.repeat(999)}` })] }],
    ['a business name with NUL', { roles: [role221({ business_details: { name: 'Oper\u0000ator' } })] }],
    ['101 roles', { roles: tooManyRoles(101) }],
  ])('answering our POST with %s is not stored: the invited record stays', async (_, fields) => {
    const answer = credentials('2.2.1', { token: 'token-c-from-the-partner', ...fields });
    const { fetch } = partnerWithDetails(GOOD_ENDPOINTS, { answer });
    const { config, attempt } = initiate(fetch);
    const error = await attempt.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isOcpiValidationError(error), String(error)).toBe(true);
    const [record] = (config.store as InMemoryPartnerStore).all();
    expect(record).toMatchObject({ id: 'cpo', status: 'invited' });
    expect(record).not.toHaveProperty('roles');
  });
});

describe('connect() with validation off', () => {
  it('still refuses details that are no list of endpoints, with an OcpiValidationError', async () => {
    const { fetch } = recordingFetch({
      [`${PARTNER}/versions`]: [{ version: '2.2.1', url: `${PARTNER}/2.2.1` }],
      [`${PARTNER}/2.2.1`]: { version: '2.2.1', endpoints: 'none' },
    });
    const options = { versionsUrl: `${PARTNER}/versions`, token: TOKEN_A, fetch, validation: 'off' } as const;
    const error = await connect(options).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(isOcpiValidationError(error), String(error)).toBe(true);
  });

  it('still refuses 101 endpoints and an unknown interface role', async () => {
    for (const endpoints of [
      Array.from({ length: 101 }, (_, index) => endpoint221(`module${index}`)),
      [endpoint221('locations', 'sender')],
    ]) {
      const { fetch } = partnerWithDetails(endpoints);
      const options = {
        versionsUrl: `${PARTNER}/versions`,
        token: TOKEN_A,
        fetch,
        validation: 'off',
      } as const;
      const error = await connect(options).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isOcpiValidationError(error), String(error)).toBe(true);
    }
  });
});
