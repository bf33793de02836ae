// POST to the credentials endpoint: the registration, with the initiator's API stood in by msw, and every
// way it can fail.
import { createRegistrationHandler, isOcpiNetworkError, isOcpiUntrustedUrlError } from '@org/ocpi';
import { mswHandlers, simulatedCpo } from '@org/ocpi/testing';
import {
  CredentialsSchema as Credentials211Schema,
  OcpiResponseSchema as Response211Schema,
} from '@org/ocpi/v211';
import {
  CredentialsSchema as Credentials221Schema,
  OcpiResponseSchema as Response221Schema,
} from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';
import { fencedJsonBlocks, readExample221, readSpecFile } from '../support/spec';
import {
  authorization,
  BASE,
  credentials211,
  credentials221,
  credentialsRequest,
  type Envelope,
  INITIATOR,
  OUR_PARTY_211,
  OUR_ROLE_221,
  partnerRequest,
  readEnvelope,
  registerPartner,
  serveInitiator,
  setup,
  TOKEN_A,
  tokenForms,
} from './support';

const { server, requests } = useMswServer();

const TOKEN_B = 'token-b-8d2e61f0-from-the-initiator';
// The one answer to every failed callback: nothing tells the initiator what our server reached.
const CALLBACK_FAILED = "Could not use the initiator's API with the versions URL and token it sent";

// Every error answer of this file is collected: none may carry a token.
const errorBodies: string[] = [];
afterEach(() => {
  for (const body of errorBodies)
    for (const form of tokenForms(TOKEN_A, TOKEN_B)) expect(body).not.toContain(form);
  errorBodies.length = 0;
});

async function failed(response: Response, httpStatus: number): Promise<Envelope> {
  errorBodies.push(await response.clone().text());
  const body = await readEnvelope(response, httpStatus);
  expect(body).not.toHaveProperty('data');
  return body;
}

function expectTokenC(token: unknown, ...others: string[]) {
  expect(typeof token).toBe('string');
  const value = token as string;
  // At least 128 bits: 22 characters of the Base64 alphabet; printable ASCII without whitespace, ≤ 64.
  expect(value.length).toBeGreaterThanOrEqual(22);
  expect(value.length).toBeLessThanOrEqual(64);
  expect(value).toMatch(/^[\x21-\x7E]+$/);
  for (const other of others) expect(value).not.toBe(other);
}

describe('POST credentials: registration succeeds', () => {
  it('2.2.1: calls the initiator back with token B, stores the partner before answering with token C', async () => {
    const { handle, store } = await setup();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, accepts: ['base64'] });
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    const body = await readEnvelope(response, 200);
    expect(body.status_code).toBe(1000);
    // Our answer is valid 2.2.1 credentials in a valid envelope, strictly.
    expect(Response221Schema(Credentials221Schema).safeParse(body).success).toBe(true);
    const ours = body.data as { token: string; url: string; roles: unknown };
    expectTokenC(ours.token, TOKEN_A, TOKEN_B);
    expect(ours.url).toBe(`${BASE}/versions`);
    expect(ours.roles).toEqual([OUR_ROLE_221]);

    expect(requests.map((request) => [request.url, request.headers.get('authorization')])).toEqual([
      [INITIATOR, authorization(TOKEN_B, 'base64')],
      ['https://cpo.example.com/ocpi/2.2.1', authorization(TOKEN_B, 'base64')],
    ]);
    expect(store.all()).toEqual([
      {
        id: 'partner-1',
        status: 'registered',
        incomingToken: ours.token,
        previousIncomingToken: TOKEN_A,
        // Fifteen minutes on: test/security/recovery-window.test.ts
        previousIncomingTokenExpiresAt: expect.any(String),
        outgoingToken: TOKEN_B,
        tokenEncoding: 'base64',
        version: '2.2.1',
        versionsUrl: INITIATOR,
        versionUrl: 'https://cpo.example.com/ocpi/2.2.1',
        endpoints: [
          {
            identifier: 'credentials',
            role: 'SENDER',
            url: 'https://cpo.example.com/ocpi/2.2.1/credentials',
          },
          { identifier: 'locations', role: 'SENDER', url: 'https://cpo.example.com/ocpi/2.2.1/locations' },
          { identifier: 'tokens', role: 'SENDER', url: 'https://cpo.example.com/ocpi/2.2.1/tokens' },
        ],
        roles: [
          { role: 'CPO', countryCode: 'NL', partyId: 'EXA', businessDetails: { name: 'Example Operator' } },
        ],
      },
    ]);
  });

  it.each([
    'credentials_example.json',
    'credentials_example2.json',
    'credentials_example3.json',
    'credentials_example4.json',
  ])('2.2.1: registers the initiator of the spec example %s', async (file) => {
    const example = readExample221(file) as {
      token: string;
      url: string;
      roles: { role: string; party_id: string; country_code: string; business_details: unknown }[];
    };
    const { handle, store } = await setup();
    serveInitiator(server, { versionsUrl: example.url, token: example.token });
    const body = await readEnvelope(
      await handle(partnerRequest('POST', '/2.2.1/credentials', { token: TOKEN_A, body: example })),
      200,
    );
    expect(body.status_code).toBe(1000);
    const [partner] = store.all();
    expect(partner).toMatchObject({
      status: 'registered',
      outgoingToken: example.token,
      versionsUrl: example.url,
    });
    expect(partner?.roles).toEqual(
      example.roles.map((role) => ({
        role: role.role,
        countryCode: role.country_code,
        partyId: role.party_id,
        businessDetails: role.business_details,
      })),
    );
  });

  it('2.1.1: registers the initiator of the spec example, calling back with the raw token', async () => {
    const [example] = fencedJsonBlocks(readSpecFile('2.1.1', 'credentials.md')).map(
      (block) => block.value,
    ) as {
      token: string;
      url: string;
      party_id: string;
      country_code: string;
      business_details: unknown;
    }[];
    if (example === undefined) throw new Error('the 2.1.1 credentials example is missing');
    const { handle, store } = await setup();
    serveInitiator(server, {
      versionsUrl: example.url,
      token: example.token,
      accepts: ['raw'],
      versions: [{ version: '2.1.1', url: 'https://example.com/ocpi/cpo/2.1.1' }],
    });
    const response = await handle(
      partnerRequest('POST', '/2.1.1/credentials', { token: TOKEN_A, encoding: 'raw', body: example }),
    );
    expect(response.headers.get('x-request-id')).toBeNull();
    const body = await readEnvelope(response, 200);
    expect(Response211Schema(Credentials211Schema).safeParse(body).success).toBe(true);
    const ours = body.data as { token: string };
    expectTokenC(ours.token, TOKEN_A, example.token);
    expect(body.data).toEqual({ token: ours.token, url: `${BASE}/versions`, ...OUR_PARTY_211 });
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${example.token}`,
      `Token ${example.token}`,
    ]);
    expect(store.all()).toEqual([
      {
        id: 'partner-1',
        status: 'registered',
        incomingToken: ours.token,
        previousIncomingToken: TOKEN_A,
        // Fifteen minutes on: test/security/recovery-window.test.ts
        previousIncomingTokenExpiresAt: expect.any(String),
        outgoingToken: example.token,
        tokenEncoding: 'raw',
        version: '2.1.1',
        versionsUrl: example.url,
        versionUrl: 'https://example.com/ocpi/cpo/2.1.1',
        endpoints: [
          { identifier: 'credentials', url: 'https://example.com/ocpi/cpo/2.1.1/credentials' },
          { identifier: 'locations', url: 'https://example.com/ocpi/cpo/2.1.1/locations' },
          { identifier: 'tokens', url: 'https://example.com/ocpi/cpo/2.1.1/tokens' },
        ],
        roles: [
          {
            countryCode: example.country_code,
            partyId: example.party_id,
            businessDetails: example.business_details,
          },
        ],
      },
    ]);
  });

  it('2.1.1: takes an initiator that lists "2.1" as 2.1.1', async () => {
    // The initiator: a simulated 2.1.1 CPO making that quirk; the token B it accepts is its token A.
    const initiator = await simulatedCpo({
      version: '2.1.1',
      baseUrl: 'https://cpo.example.com/ocpi',
      locations: 1,
      sessions: 1,
      faults: ['version-2.1'],
    });
    server.use(...(await mswHandlers(initiator)));
    const { handle, store } = await setup();
    const body = await readEnvelope(
      await handle(
        partnerRequest('POST', '/2.1.1/credentials', {
          token: TOKEN_A,
          encoding: 'raw',
          body: credentials211(initiator.tokenA, initiator.versionsUrl),
        }),
      ),
      200,
    );
    expect(body.status_code).toBe(1000);
    expect(requests.map((request) => request.url)).toEqual([
      initiator.versionsUrl,
      'https://cpo.example.com/ocpi/2.1.1',
    ]);
    expect(store.all()[0]).toMatchObject({
      version: '2.1.1',
      outgoingToken: initiator.tokenA,
      versionUrl: 'https://cpo.example.com/ocpi/2.1.1',
    });
    // What it lists, read past msw: the label cut short.
    const versions = await initiator.handle(
      new Request(initiator.versionsUrl, { headers: { authorization: `Token ${initiator.tokenA}` } }),
    );
    expect(
      ((await versions.json()) as { data: { version: string }[] }).data.map(({ version }) => version),
    ).toEqual(['2.1']);
  });

  it('2.2.1: answers a caller whose own header was raw in kind', async () => {
    const { handle, store } = await setup();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, accepts: ['raw'] });
    const body = await readEnvelope(
      await handle(
        partnerRequest('POST', '/2.2.1/credentials', {
          token: TOKEN_A,
          encoding: 'raw',
          body: credentials221(TOKEN_B, INITIATOR),
        }),
      ),
      200,
    );
    expect(body.status_code).toBe(1000);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      authorization(TOKEN_B, 'raw'),
      authorization(TOKEN_B, 'raw'),
    ]);
    expect(store.all()[0]?.tokenEncoding).toBe('raw');
  });

  it('2.2.1: falls back to the raw token when the initiator refuses the Base64 one, and remembers it', async () => {
    const { handle, store } = await setup();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, accepts: ['raw'] });
    const body = await readEnvelope(await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B)), 200);
    expect(body.status_code).toBe(1000);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      authorization(TOKEN_B, 'base64'),
      authorization(TOKEN_B, 'raw'),
      authorization(TOKEN_B, 'raw'),
    ]);
    expect(store.all()[0]?.tokenEncoding).toBe('raw');
  });

  it('mints a different token C for every registration', async () => {
    const tokens = new Set<string>();
    for (let index = 0; index < 3; index++) {
      const { handle } = await setup();
      tokens.add(await registerPartner(server, handle, TOKEN_B));
    }
    expect(tokens.size).toBe(3);
  });
});

describe('POST credentials: the store fails', () => {
  it('hands out no token C that was not stored: HTTP 500, 3000, the partner still invited', async () => {
    const { store } = await setup();
    const errors: unknown[] = [];
    const handle = createRegistrationHandler({
      store: {
        findByToken: (token) => store.findByToken(token),
        findById: (id) => store.findById(id),
        save: async () => {
          throw new Error('disk full');
        },
        remove: (id) => store.remove(id),
      },
      baseUrl: BASE,
      versions: { '2.2.1': { roles: [OUR_ROLE_221], endpoints: [] } },
      retry: { limit: 0 },
      onError: (error) => errors.push(error),
    });
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    const body = await failed(response, 500);
    expect(body).toMatchObject({ status_code: 3000, status_message: 'Internal server error' });
    expect(errors).toHaveLength(1);
    expect(store.all()).toEqual([{ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A }]);
  });
});

describe('POST credentials: refused', () => {
  // After any refusal the partner is still invited with token A, and nothing else is stored.
  async function expectUntouched(store: Awaited<ReturnType<typeof setup>>['store']) {
    expect(store.all()).toEqual([{ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A }]);
  }

  it('HTTP 405 when the partner is already registered, unless token A repeats the POST that registered it', async () => {
    const { handle, store } = await setup();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
    const post = (token: string, tokenB: string) =>
      partnerRequest('POST', '/2.2.1/credentials', { token, body: credentials221(tokenB, INITIATOR) });
    const first = await readEnvelope(await handle(post(TOKEN_A, TOKEN_B)), 200);
    const tokenC = (first.data as { token: string }).token;
    const before = store.all();
    // With token A (kept until C is used) and with token C: both are a registered partner. Only the very
    // POST that registered it, repeated, gets its answer again (test/security/store-races.test.ts).
    const another = await handle(post(TOKEN_A, 'token-b-of-another-registration'));
    expect(another.headers.get('allow')).toBe('GET, PUT, DELETE');
    expect((await failed(another, 405)).status_code).toBe(2000);
    const withC = await handle(post(tokenC, TOKEN_B));
    await failed(withC, 405);
    // A refused request proves nothing: token A is retired only by a successful one with token C.
    expect(store.all()).toEqual(before);
    await readEnvelope(await handle(partnerRequest('GET', '/versions', { token: tokenC })), 200);
    expect(store.all()).toEqual(
      [{ ...before[0], previousIncomingToken: undefined, previousIncomingTokenExpiresAt: undefined }].map(
        withoutUndefined,
      ),
    );
  });

  it('HTTP 400 for a body that is not JSON', async () => {
    const { handle, store } = await setup();
    for (const body of ['{"token": ', '', 'token=abc']) {
      const response = await handle(partnerRequest('POST', '/2.2.1/credentials', { token: TOKEN_A, body }));
      expect((await failed(response, 400)).status_code).toBe(2000);
    }
    expect(requests).toEqual([]);
    await expectUntouched(store);
  });

  it.each([
    ['no roles (2.2.1)', '2.2.1', { token: TOKEN_B, url: INITIATOR }],
    ['an empty roles list (2.2.1)', '2.2.1', { token: TOKEN_B, url: INITIATOR, roles: [] }],
    ['a relative url', '2.2.1', { ...credentials221(TOKEN_B, '/ocpi/versions') }],
    ['no token', '2.2.1', { url: INITIATOR, roles: credentials221(TOKEN_B, INITIATOR).roles }],
    ['a token with a space', '2.2.1', credentials221(`${TOKEN_B} x`, INITIATOR)],
    ['2.2.1 credentials on the 2.1.1 endpoint', '2.1.1', credentials221(TOKEN_B, INITIATOR)],
    ['2.1.1 credentials on the 2.2.1 endpoint', '2.2.1', credentials211(TOKEN_B, INITIATOR)],
    ['a JSON array', '2.2.1', [credentials221(TOKEN_B, INITIATOR)]],
    ['JSON null', '2.2.1', 'null'],
  ])('2001 with HTTP 200 for %s, without calling the initiator', async (_, version, body) => {
    const { handle, store } = await setup();
    const response = await handle(
      partnerRequest('POST', `/${version}/credentials`, {
        token: TOKEN_A,
        encoding: version === '2.1.1' ? 'raw' : 'base64',
        body,
      }),
    );
    const envelope = await failed(response, 200);
    expect(envelope.status_code).toBe(2001);
    expect(envelope.status_message).toMatch(/^Invalid credentials: /);
    expect(requests).toEqual([]);
    await expectUntouched(store);
  });

  const role = (role: string, party_id = 'EXA', country_code = 'NL') => ({
    role,
    party_id,
    country_code,
    business_details: { name: 'Example Operator' },
  });
  it.each([
    ['the same role twice', [role('CPO'), role('CPO')], 'unique'],
    ['the same role twice, codes in another case', [role('CPO'), role('CPO', 'exa', 'nl')], 'unique'],
    ['a Hub that also reports another role', [role('HUB'), role('CPO', 'EXB')], 'HUB'],
  ] as const)('2001 for roles with %s, in lenient and strict mode', async (_, roles, rule) => {
    for (const validation of ['lenient', 'strict'] as const) {
      const { handle, store } = await setup({ validation });
      const response = await handle(
        partnerRequest('POST', '/2.2.1/credentials', {
          token: TOKEN_A,
          body: { token: TOKEN_B, url: INITIATOR, roles },
        }),
      );
      const envelope = await failed(response, 200);
      expect(envelope.status_code).toBe(2001);
      expect(envelope.status_message).toMatch(/^Invalid credentials: roles/);
      // Strict mode may refuse it in the schema already, in the schema's words; lenient mode relies on us.
      if (validation === 'lenient') expect(envelope.status_message).toContain(rule);
      expect(requests).toEqual([]);
      await expectUntouched(store);
    }
  });

  it('registers one party in two roles, and a Hub as HUB only', async () => {
    for (const roles of [[role('CPO'), role('EMSP')], [role('HUB')]]) {
      const { handle } = await setup();
      serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
      const body = await readEnvelope(
        await handle(
          partnerRequest('POST', '/2.2.1/credentials', {
            token: TOKEN_A,
            body: { token: TOKEN_B, url: INITIATOR, roles },
          }),
        ),
        200,
      );
      expect(body.status_code).toBe(1000);
    }
  });

  it('2001 in strict mode for what lenient mode tolerates (an empty website, an optional field it leaves out)', async () => {
    const sent = credentials221(TOKEN_B, INITIATOR);
    const roles = sent.roles.map((role) => ({
      ...role,
      business_details: { ...role.business_details, website: '' },
    }));
    const body = { ...sent, roles };
    const strict = await setup({ validation: 'strict' });
    const refused = await failed(
      await strict.handle(partnerRequest('POST', '/2.2.1/credentials', { token: TOKEN_A, body })),
      200,
    );
    expect(refused).toMatchObject({
      status_code: 2001,
      status_message:
        'Invalid credentials: roles[0].business_details.website: must be an absolute URL (empty string)',
    });

    const lenient = await setup();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
    const accepted = await readEnvelope(
      await lenient.handle(partnerRequest('POST', '/2.2.1/credentials', { token: TOKEN_A, body })),
      200,
    );
    expect(accepted.status_code).toBe(1000);
  });

  it('3001 when the initiator is unreachable', async () => {
    const heard: unknown[] = [];
    const { handle, store } = await setup({ onCallbackError: (error) => heard.push(error) });
    server.use(http.get(INITIATOR, () => HttpResponse.error()));
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    const envelope = await failed(response, 200);
    expect(envelope).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
    // The initiator learns nothing more; the app hears what happened.
    expect(heard.map(isOcpiNetworkError)).toEqual([true]);
    await expectUntouched(store);
  });

  describe('allowPartnerUrl applies to every URL the initiator gives', () => {
    const onlyTheInitiator = { allowPartnerUrl: (url: URL) => url.hostname === 'cpo.example.com' };
    const INTERNAL = 'http://10.0.0.7/admin';
    const post = () => credentialsRequest('POST', TOKEN_A, TOKEN_B);

    it('3001 for a version details URL it refuses, without calling it', async () => {
      const heard: unknown[] = [];
      const { handle, store } = await setup({
        ...onlyTheInitiator,
        onCallbackError: (error, context) => heard.push(error, context),
      });
      serveInitiator(server, {
        versionsUrl: INITIATOR,
        token: TOKEN_B,
        versions: [{ version: '2.2.1', url: INTERNAL }],
      });
      let internalCalled = false;
      server.use(
        http.get(INTERNAL, () => {
          internalCalled = true;
          return HttpResponse.json({});
        }),
      );
      const envelope = await failed(await handle(post()), 200);
      expect(envelope).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
      expect(heard).toEqual([
        expect.objectContaining({ origin: 'http://10.0.0.7' }),
        { partnerId: 'partner-1' },
      ]);
      expect(isOcpiUntrustedUrlError(heard[0])).toBe(true);
      expect(internalCalled).toBe(false);
      expect(requests.map((request) => request.url)).toEqual([INITIATOR]);
      await expectUntouched(store);
    });

    it.each([
      ['another host', `${INTERNAL}/locations`],
      ['a non-web scheme', 'file:///etc/passwd'],
      ['a URL that does not parse', 'not a url'],
    ])('3001 for an endpoint at %s, which is not stored', async (_, url) => {
      const { handle, store } = await setup({ ...onlyTheInitiator, validation: 'lenient' });
      const details = 'https://cpo.example.com/ocpi/2.2.1';
      serveInitiator(server, {
        versionsUrl: INITIATOR,
        token: TOKEN_B,
        versions: [{ version: '2.2.1', url: details }],
      });
      server.use(
        http.get(details, () =>
          ocpi({
            version: '2.2.1',
            endpoints: [
              { identifier: 'credentials', role: 'SENDER', url: `${details}/credentials` },
              { identifier: 'locations', role: 'SENDER', url },
            ],
          }),
        ),
      );
      const envelope = await failed(await handle(post()), 200);
      expect(envelope).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
      await expectUntouched(store);
    });

    it('the default refuses a details URL that is not http or https', async () => {
      const { handle, store } = await setup();
      serveInitiator(server, {
        versionsUrl: INITIATOR,
        token: TOKEN_B,
        versions: [{ version: '2.2.1', url: 'ftp://cpo.example.com/ocpi/2.2.1' }],
      });
      const envelope = await failed(await handle(post()), 200);
      expect(envelope).toMatchObject({ status_code: 3001 });
      expect(requests.map((request) => request.url)).toEqual([INITIATOR]);
      await expectUntouched(store);
    });
  });

  it('3001 when the initiator answers 401 to token B in either encoding', async () => {
    const heard: unknown[] = [];
    const { handle, store } = await setup({ onCallbackError: (error) => heard.push(error) });
    serveInitiator(server, { versionsUrl: INITIATOR, token: 'some-other-token' });
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    expect(await failed(response, 200)).toMatchObject({ status_code: 3001, status_message: CALLBACK_FAILED });
    expect(heard).toMatchObject([{ name: 'OcpiHttpError', httpStatus: 401 }]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      authorization(TOKEN_B, 'base64'),
      authorization(TOKEN_B, 'raw'),
    ]);
    await expectUntouched(store);
  });

  it('3001 when the version details fail, or are not valid details', async () => {
    const heard: unknown[] = [];
    const { handle, store } = await setup({ onCallbackError: (error) => heard.push(error) });
    const details = 'https://cpo.example.com/ocpi/2.2.1';
    const post = () => handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    server.use(
      http.get(INITIATOR, () =>
        HttpResponse.json({
          status_code: 1000,
          timestamp: '2024-06-01T12:00:00Z',
          data: [{ version: '2.2.1', url: details }],
        }),
      ),
      http.get(details, () => new HttpResponse('<html>down</html>', { status: 503 })),
    );
    expect(await failed(await post(), 200)).toMatchObject({
      status_code: 3001,
      status_message: CALLBACK_FAILED,
    });
    server.use(
      http.get(details, () =>
        HttpResponse.json({
          status_code: 1000,
          timestamp: '2024-06-01T12:00:00Z',
          data: { version: '2.2.1', endpoints: [] },
        }),
      ),
    );
    expect(await failed(await post(), 200)).toMatchObject({
      status_code: 3001,
      status_message: CALLBACK_FAILED,
    });
    server.use(
      http.get(details, () =>
        HttpResponse.json({ status_code: 3000, status_message: 'busy', timestamp: '2024-06-01T12:00:00Z' }),
      ),
    );
    expect(await failed(await post(), 200)).toMatchObject({
      status_code: 3001,
      status_message: CALLBACK_FAILED,
    });
    // The same answer three times; the app hears three different errors.
    expect(heard).toMatchObject([
      { name: 'OcpiHttpError', httpStatus: 503 },
      { name: 'OcpiValidationError', subject: 'version details' },
      { name: 'OcpiServerStatusError', statusCode: 3000 },
    ]);
    await expectUntouched(store);
  });

  it('3001 when the initiator answers something that is not OCPI', async () => {
    const { handle } = await setup();
    server.use(http.get(INITIATOR, () => new HttpResponse('<html>hello</html>', { status: 200 })));
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    expect(await failed(response, 200)).toMatchObject({ status_code: 3001 });
  });

  it('3002 when the initiator does not list the version of the endpoint called', async () => {
    const { handle, store } = await setup();
    serveInitiator(server, {
      versionsUrl: INITIATOR,
      token: TOKEN_B,
      versions: [
        { version: '2.1.1', url: 'https://cpo.example.com/ocpi/2.1.1' },
        { version: '2.2', url: 'https://cpo.example.com/ocpi/2.2' },
      ],
    });
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    expect(await failed(response, 200)).toMatchObject({
      status_code: 3002,
      // Nothing of what the initiator listed is echoed.
      status_message: "Unsupported version: the initiator's versions list has no 2.2.1",
    });
    expect(requests).toHaveLength(1);
    await expectUntouched(store);
  });

  it('3003 when a module we require is missing', async () => {
    const { handle, store } = await setup({
      versions: {
        '2.2.1': {
          roles: [OUR_ROLE_221],
          endpoints: [{ identifier: 'tokens', role: 'SENDER', url: `${BASE}/emsp/2.2.1/tokens` }],
          requiredModules: ['locations', 'cdrs'],
        },
      },
    });
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, modules: ['locations', 'tokens'] });
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    expect(await failed(response, 200)).toMatchObject({
      status_code: 3003,
      status_message: 'Required modules missing at the initiator: cdrs',
    });
    await expectUntouched(store);
  });

  it('3003 when the initiator has no module in common with ours', async () => {
    const { handle, store } = await setup();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, modules: ['commands', 'cdrs'] });
    const response = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    expect(await failed(response, 200)).toMatchObject({
      status_code: 3003,
      status_message: 'No mutual modules: the initiator lists none of locations, tokens',
    });
    await expectUntouched(store);
  });

  it('no mutual-module check when we offer nothing but credentials', async () => {
    const { handle } = await setup({ versions: { '2.2.1': { roles: [OUR_ROLE_221], endpoints: [] } } });
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, modules: ['commands'] });
    const body = await readEnvelope(await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B)), 200);
    expect(body.status_code).toBe(1000);
  });
});

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
