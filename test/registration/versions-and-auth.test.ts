// The answering side's versions list, version details, authorization, unknown paths and trace headers,
// driven with the raw requests a partner sends.
import { createRegistrationHandler, mayUseModule } from '@org/ocpi';
import { VersionDetailsSchema as VersionDetails211Schema } from '@org/ocpi/v211';
import { VersionDetailsSchema as VersionDetails221Schema, VersionSchema } from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { BASE, OUR_ROLE_221, partnerRequest, readEnvelope, setup, TOKEN_A, tokenForms } from './support';

describe('GET versions', () => {
  it('lists the versions we serve, each with the URL of its details', async () => {
    const { handle } = await setup();
    const body = await readEnvelope(
      await handle(partnerRequest('GET', '/versions', { token: TOKEN_A })),
      200,
    );
    expect(body.status_code).toBe(1000);
    expect(body.data).toEqual([
      { version: '2.1.1', url: `${BASE}/2.1.1` },
      { version: '2.2.1', url: `${BASE}/2.2.1` },
    ]);
    expect(z.array(VersionSchema).safeParse(body.data).success).toBe(true);
  });

  it('lists only the configured versions, and tolerates a trailing slash on the base URL and path', async () => {
    const { store } = await setup();
    const handle = createRegistrationHandler({
      store,
      baseUrl: `${BASE}/`,
      versions: {
        '2.1.1': { party_id: 'EXM', country_code: 'DE', business_details: { name: 'x' }, endpoints: [] },
      },
    });
    const body = await readEnvelope(
      await handle(partnerRequest('GET', '/versions/', { token: TOKEN_A })),
      200,
    );
    expect(body.data).toEqual([{ version: '2.1.1', url: `${BASE}/2.1.1` }]);
    await readEnvelope(await handle(partnerRequest('GET', '/2.2.1', { token: TOKEN_A })), 404);
  });

  it('refuses a configuration without any version', async () => {
    const { store } = await setup();
    expect(() => createRegistrationHandler({ store, baseUrl: BASE, versions: {} })).toThrow(TypeError);
  });

  it.each([
    ['no roles', []],
    ['the same role twice', [OUR_ROLE_221, { ...OUR_ROLE_221, business_details: { name: 'Other' } }]],
    ['the same role twice, codes in another case', [OUR_ROLE_221, { ...OUR_ROLE_221, party_id: 'exm' }]],
    ['a Hub with another role', [{ ...OUR_ROLE_221, role: 'HUB' }, OUR_ROLE_221]],
  ] as const)('refuses a 2.2.1 configuration with %s', async (_, roles) => {
    const { store } = await setup();
    const create = () =>
      createRegistrationHandler({ store, baseUrl: BASE, versions: { '2.2.1': { roles, endpoints: [] } } });
    expect(create).toThrow(TypeError);
    expect(create).toThrow(/roles: /);
  });

  it('accepts one party in two roles, and the same role for two parties', async () => {
    const { store } = await setup();
    const roles = [
      OUR_ROLE_221,
      { ...OUR_ROLE_221, role: 'CPO' },
      { ...OUR_ROLE_221, party_id: 'EXN' },
    ] as const;
    expect(() =>
      createRegistrationHandler({ store, baseUrl: BASE, versions: { '2.2.1': { roles, endpoints: [] } } }),
    ).not.toThrow();
  });
});

describe('GET version details', () => {
  it('2.2.1: our credentials endpoint once, as SENDER, then our modules', async () => {
    const { handle } = await setup();
    const body = await readEnvelope(await handle(partnerRequest('GET', '/2.2.1', { token: TOKEN_A })), 200);
    expect(body.status_code).toBe(1000);
    expect(body.data).toEqual({
      version: '2.2.1',
      endpoints: [
        { identifier: 'credentials', role: 'SENDER', url: `${BASE}/2.2.1/credentials` },
        { identifier: 'locations', role: 'RECEIVER', url: `${BASE}/emsp/2.2.1/locations` },
        { identifier: 'tokens', role: 'SENDER', url: `${BASE}/emsp/2.2.1/tokens` },
      ],
    });
    expect(VersionDetails221Schema.safeParse(body.data).success).toBe(true);
  });

  it('2.1.1: endpoints without roles', async () => {
    const { handle } = await setup();
    const body = await readEnvelope(
      await handle(partnerRequest('GET', '/2.1.1', { token: TOKEN_A, encoding: 'raw' })),
      200,
    );
    expect(body.data).toEqual({
      version: '2.1.1',
      endpoints: [
        { identifier: 'credentials', url: `${BASE}/2.1.1/credentials` },
        { identifier: 'locations', url: `${BASE}/emsp/2.1.1/locations` },
        { identifier: 'tokens', url: `${BASE}/emsp/2.1.1/tokens` },
      ],
    });
    expect(VersionDetails211Schema.safeParse(body.data).success).toBe(true);
  });

  it('lists a configured credentials endpoint only once', async () => {
    const { store } = await setup();
    const handle = createRegistrationHandler({
      store,
      baseUrl: BASE,
      versions: {
        '2.2.1': {
          roles: [OUR_ROLE_221],
          endpoints: [{ identifier: 'credentials', role: 'RECEIVER', url: 'https://elsewhere.example/cred' }],
        },
      },
    });
    const body = await readEnvelope(await handle(partnerRequest('GET', '/2.2.1', { token: TOKEN_A })), 200);
    expect(body.data).toEqual({
      version: '2.2.1',
      endpoints: [{ identifier: 'credentials', role: 'SENDER', url: `${BASE}/2.2.1/credentials` }],
    });
  });
});

describe('authorization', () => {
  const paths = ['/versions', '/2.2.1', '/2.1.1', '/2.2.1/credentials', '/2.1.1/credentials'];

  it.each(paths)('answers HTTP 401 to %s without an Authorization header', async (path) => {
    const { handle } = await setup();
    const response = await handle(partnerRequest('GET', path));
    expect(response.headers.get('www-authenticate')).toBe('Token');
    const body = await readEnvelope(response, 401);
    expect(body.status_code).toBe(2000);
    expect(body).not.toHaveProperty('data');
  });

  it.each([
    ['an unknown token', 'Token', 'bm90LWEta25vd24tdG9rZW4='],
    ['an unknown raw token', 'Token', 'not-a-known-token'],
    ['another scheme', 'Bearer', TOKEN_A],
    ['token A with whitespace inside', 'Token', `${TOKEN_A} x`],
  ])('answers HTTP 401 to %s, without echoing it', async (_, scheme, credential) => {
    const { handle } = await setup();
    const response = await handle(
      new Request(`${BASE}/versions`, { headers: { Authorization: `${scheme} ${credential}` } }),
    );
    const text = await response.clone().text();
    expect((await readEnvelope(response, 401)).status_code).toBe(2000);
    expect(text).not.toContain(credential);
  });

  it('accepts token A Base64-encoded (2.2.1) and raw (2.1.1) by default', async () => {
    const { handle } = await setup();
    for (const encoding of ['base64', 'raw'] as const) {
      const response = await handle(partnerRequest('GET', '/versions', { token: TOKEN_A, encoding }));
      expect((await readEnvelope(response, 200)).status_code).toBe(1000);
    }
  });

  it('with both encodings, recognises one partner whose raw and decoded forms are both its tokens', async () => {
    const { handle, store } = await setup();
    // 'YWJj' is the Base64 of 'abc': the header matches the current token raw and the previous one decoded.
    await store.save({
      id: 'partner-2',
      status: 'registered',
      incomingToken: 'YWJj',
      previousIncomingToken: 'abc',
    });
    const response = await handle(partnerRequest('GET', '/versions', { token: 'YWJj', encoding: 'raw' }));
    expect((await readEnvelope(response, 200)).status_code).toBe(1000);
    // It authenticated with its current token (the raw form is tried first): the previous one is retired.
    expect(store.all().find((record) => record.id === 'partner-2')).not.toHaveProperty(
      'previousIncomingToken',
    );
  });

  it('answers 401 when the raw and the decoded form belong to two partners', async () => {
    const { handle, store } = await setup();
    await store.save({ id: 'partner-2', status: 'registered', incomingToken: 'YWJj' });
    await store.save({ id: 'partner-3', status: 'registered', incomingToken: 'abc' });
    await readEnvelope(
      await handle(partnerRequest('GET', '/versions', { token: 'YWJj', encoding: 'raw' })),
      401,
    );
  });

  it('accepts only the configured encoding when told to', async () => {
    const raw = await setup({ acceptTokenEncoding: 'raw' });
    await readEnvelope(await raw.handle(partnerRequest('GET', '/versions', { token: TOKEN_A })), 401);
    await readEnvelope(
      await raw.handle(partnerRequest('GET', '/versions', { token: TOKEN_A, encoding: 'raw' })),
      200,
    );
    const base64 = await setup({ acceptTokenEncoding: 'base64' });
    await readEnvelope(
      await base64.handle(partnerRequest('GET', '/versions', { token: TOKEN_A, encoding: 'raw' })),
      401,
    );
  });

  it('lets token A (an invited partner) and a replaced token use only the versions and credentials modules', () => {
    const invited = {
      partner: { id: 'p', status: 'invited', incomingToken: 'a' },
      token: 'current',
    } as const;
    expect(mayUseModule(invited, 'versions')).toBe(true);
    expect(mayUseModule(invited, 'credentials')).toBe(true);
    expect(mayUseModule(invited, 'locations')).toBe(false);
    const registered = { ...invited, partner: { ...invited.partner, status: 'registered' } } as const;
    expect(mayUseModule(registered, 'locations')).toBe(true);
    expect(mayUseModule({ ...registered, token: 'previous' }, 'locations')).toBe(false);
    expect(mayUseModule({ ...registered, token: 'previous' }, 'credentials')).toBe(true);
  });

  it('answers HTTP 500 with 3000 when the store fails, without its message', async () => {
    const errors: unknown[] = [];
    const { store } = await setup();
    const handle = createRegistrationHandler({
      store: {
        findByToken: async () => {
          throw new Error(`database down, token ${TOKEN_A}`);
        },
        findById: (id) => store.findById(id),
        save: (record) => store.save(record),
        remove: (id) => store.remove(id),
      },
      baseUrl: BASE,
      versions: { '2.2.1': { roles: [OUR_ROLE_221], endpoints: [] } },
      onError: (error) => errors.push(error),
    });
    const response = await handle(partnerRequest('GET', '/versions', { token: TOKEN_A }));
    const text = await response.clone().text();
    const body = await readEnvelope(response, 500);
    expect(body.status_code).toBe(3000);
    expect(errors).toHaveLength(1);
    for (const form of tokenForms(TOKEN_A)) expect(text).not.toContain(form);
  });
});

describe('routing', () => {
  it.each([
    '/2.2/credentials',
    '/2.1/credentials',
    '/2.2.1/locations',
    '/2.2.1/credentials/extra',
    '/versions/2.2.1',
    '/3.0',
    '',
  ])('answers 404 below the base URL for %j, even without a token', async (path) => {
    const { handle } = await setup();
    const body = await readEnvelope(await handle(partnerRequest('GET', path)), 404);
    expect(body.status_code).toBe(2000);
  });

  it('answers 404 outside the base URL', async () => {
    const { handle } = await setup();
    for (const url of ['https://emsp.example.com/other/versions', 'https://emsp.example.com/ocpiversions']) {
      await readEnvelope(await handle(new Request(url)), 404);
    }
  });

  it.each([
    ['POST', '/versions'],
    ['PUT', '/2.2.1'],
    ['PATCH', '/2.2.1/credentials'],
  ])('answers HTTP 405 with Allow to %s %s', async (method, path) => {
    const { handle } = await setup();
    const response = await handle(partnerRequest(method, path, { token: TOKEN_A, body: {} }));
    expect(response.headers.get('allow')).toMatch(/GET/);
    expect((await readEnvelope(response, 405)).status_code).toBe(2000);
  });
});

describe('X-Request-ID and X-Correlation-ID', () => {
  it('2.2.1: echoes both from the request, on success and on error', async () => {
    const { handle } = await setup();
    const headers = { 'X-Request-ID': 'req-1', 'X-Correlation-ID': 'corr-1' };
    for (const token of [TOKEN_A, undefined]) {
      const response = await handle(
        partnerRequest('GET', '/2.2.1', { ...(token !== undefined && { token }), headers }),
      );
      expect(response.headers.get('x-request-id')).toBe('req-1');
      expect(response.headers.get('x-correlation-id')).toBe('corr-1');
    }
  });

  it('2.2.1: generates them when the request has none', async () => {
    const { handle } = await setup();
    const response = await handle(partnerRequest('GET', '/2.2.1/credentials', { token: TOKEN_A }));
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(response.headers.get('x-request-id')).toMatch(uuid);
    expect(response.headers.get('x-correlation-id')).toMatch(uuid);
  });

  it('2.1.1: adds none of its own, but echoes what was sent', async () => {
    const { handle } = await setup();
    const plain = await handle(partnerRequest('GET', '/2.1.1', { token: TOKEN_A, encoding: 'raw' }));
    expect(plain.headers.get('x-request-id')).toBeNull();
    const echoed = await handle(
      partnerRequest('GET', '/versions', { token: TOKEN_A, headers: { 'X-Request-ID': 'req-2' } }),
    );
    expect(echoed.headers.get('x-request-id')).toBe('req-2');
  });
});

describe('GET credentials', () => {
  it('gives an invited partner our credentials with the token it is to use (2.2.1 shape)', async () => {
    const { handle } = await setup();
    const body = await readEnvelope(
      await handle(partnerRequest('GET', '/2.2.1/credentials', { token: TOKEN_A })),
      200,
    );
    expect(body.status_code).toBe(1000);
    expect(body.data).toEqual({
      token: TOKEN_A,
      url: `${BASE}/versions`,
      roles: [
        { role: 'EMSP', party_id: 'EXM', country_code: 'DE', business_details: { name: 'Example Mobility' } },
      ],
    });
  });

  it('answers in the 2.1.1 shape on the 2.1.1 endpoint', async () => {
    const { handle } = await setup();
    const body = await readEnvelope(
      await handle(partnerRequest('GET', '/2.1.1/credentials', { token: TOKEN_A, encoding: 'raw' })),
      200,
    );
    expect(body.data).toEqual({
      token: TOKEN_A,
      url: `${BASE}/versions`,
      party_id: 'EXM',
      country_code: 'DE',
      business_details: { name: 'Example Mobility' },
    });
  });
});
