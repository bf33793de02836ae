// After the registration: PUT (token rotation, new endpoints, 2.1.1 → 2.2.1), the old token that keeps
// working until the new one is used, recovery after a lost answer, and DELETE.

import { authenticatePartner, confirmCurrentToken, mayUseModule } from '@org/ocpi';
import {
  CredentialsSchema as Credentials221Schema,
  OcpiResponseSchema as Response221Schema,
} from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { useMswServer } from '../support/msw';
import {
  BASE,
  credentials211,
  credentials221,
  credentialsRequest,
  type Handle,
  INITIATOR,
  OUR_ROLE_221,
  partnerRequest,
  readEnvelope,
  serveInitiator,
  setup,
  TOKEN_A,
  tokenForms,
  tokenOf,
  versionsStatus,
} from './support';

const { server, requests } = useMswServer();

const TOKEN_B = 'token-b-first-0b7f2d';
const TOKEN_B2 = 'token-b-second-71c9aa';

/** Registers partner-1 in 2.2.1 (or 2.1.1) and returns token C. */
async function register(handle: Handle, version: '2.2.1' | '2.1.1' = '2.2.1'): Promise<string> {
  serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
  const body = version === '2.2.1' ? credentials221(TOKEN_B, INITIATOR) : credentials211(TOKEN_B, INITIATOR);
  const encoding = version === '2.2.1' ? 'base64' : 'raw';
  const tokenC = await tokenOf(
    await handle(partnerRequest('POST', `/${version}/credentials`, { token: TOKEN_A, encoding, body })),
  );
  requests.length = 0;
  return tokenC;
}

describe('token A after the registration', () => {
  it('serves only recovery (versions, details, GET credentials) until the partner uses token C, then stops', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(200);
    expect((await handle(partnerRequest('GET', '/2.2.1', { token: TOKEN_A }))).status).toBe(200);
    expect(store.all()[0]?.previousIncomingToken).toBe(TOKEN_A);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    expect(store.all()[0]).not.toHaveProperty('previousIncomingToken');
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
  });

  it('cannot unregister the partner: DELETE with token A is 401 and the registration stays', async () => {
    const { handle, store } = await setup();
    await register(handle);
    const before = store.all();
    const response = await handle(partnerRequest('DELETE', '/2.2.1/credentials', { token: TOKEN_A }));
    expect(response.headers.get('www-authenticate')).toBe('Token');
    const text = await response.clone().text();
    expect((await readEnvelope(response, 401)).status_code).toBe(2000);
    for (const form of tokenForms(TOKEN_A)) expect(text).not.toContain(form);
    expect(store.all()).toEqual(before);
  });

  it('is refused by authenticatePartner for the app modules; token C is accepted and, once confirmed, retires it', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle);
    const withA = await authenticatePartner(store, TOKEN_A);
    expect(withA).toMatchObject({ token: 'previous', partner: { id: 'partner-1', status: 'registered' } });
    expect(withA && mayUseModule(withA, 'locations')).toBe(false);
    expect(store.all()[0]?.previousIncomingToken).toBe(TOKEN_A);

    const withC = await authenticatePartner(store, tokenC);
    expect(withC).toMatchObject({ token: 'current', partner: { id: 'partner-1', status: 'registered' } });
    expect(withC && mayUseModule(withC, 'locations')).toBe(true);
    // Authenticating writes nothing: the app confirms the token once it answered the request successfully.
    expect(store.all()[0]?.previousIncomingToken).toBe(TOKEN_A);
    const confirmed = withC && (await confirmCurrentToken(store, withC));
    expect(confirmed?.partner).not.toHaveProperty('previousIncomingToken');
    expect(store.all()[0]).not.toHaveProperty('previousIncomingToken');
    expect(await authenticatePartner(store, TOKEN_A)).toBeUndefined();
    expect(await authenticatePartner(store, 'unknown')).toBeUndefined();
  });

  it('authenticatePartner refuses an invited partner (token A before the registration) on app modules', async () => {
    const { store } = await setup();
    const invited = await authenticatePartner(store, TOKEN_A);
    expect(invited).toMatchObject({ token: 'current', partner: { status: 'invited' } });
    expect(invited && mayUseModule(invited, 'cdrs')).toBe(false);
    expect(invited && mayUseModule(invited, 'credentials')).toBe(true);
  });

  it('lets an initiator that never received token C read it with token A (GET), or replace it (PUT)', async () => {
    const { handle, store } = await setup();
    const lost = await register(handle);
    const read = await readEnvelope(
      await handle(partnerRequest('GET', '/2.2.1/credentials', { token: TOKEN_A })),
      200,
    );
    expect(read.data).toMatchObject({ token: lost });

    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const put = await readEnvelope(await handle(credentialsRequest('PUT', TOKEN_A, TOKEN_B2)), 200);
    const tokenC2 = (put.data as { token: string }).token;
    // The token the PUT came with is the one the initiator surely holds: it stays the previous token.
    expect(store.all()[0]).toMatchObject({
      incomingToken: tokenC2,
      previousIncomingToken: TOKEN_A,
      outgoingToken: TOKEN_B2,
    });
    expect(await versionsStatus(handle, lost)).toBe(401);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(200);
  });
});

describe('PUT credentials', () => {
  it('rotates the tokens: a new token C, the old one accepted until the new one is used', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle);
    expect(await versionsStatus(handle, tokenC)).toBe(200);

    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2, accepts: ['base64'] });
    const response = await handle(credentialsRequest('PUT', tokenC, TOKEN_B2));
    const body = await readEnvelope(response, 200);
    expect(body.status_code).toBe(1000);
    expect(Response221Schema(Credentials221Schema).safeParse(body).success).toBe(true);
    const tokenC2 = (body.data as { token: string }).token;
    expect(tokenC2).not.toBe(tokenC);
    expect(body.data).toEqual({ token: tokenC2, url: `${BASE}/versions`, roles: [OUR_ROLE_221] });
    // The endpoints were fetched again, with the new token B.
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa(TOKEN_B2)}`,
      `Token ${btoa(TOKEN_B2)}`,
    ]);
    expect(store.all()).toEqual([
      expect.objectContaining({
        status: 'registered',
        incomingToken: tokenC2,
        previousIncomingToken: tokenC,
        outgoingToken: TOKEN_B2,
        version: '2.2.1',
      }),
    ]);

    expect(await versionsStatus(handle, tokenC)).toBe(200);
    expect(await versionsStatus(handle, tokenC2)).toBe(200);
    expect(await versionsStatus(handle, tokenC)).toBe(401);
  });

  it('stores the endpoints the initiator lists now', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle);
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B, modules: ['locations', 'cdrs'] });
    await readEnvelope(await handle(credentialsRequest('PUT', tokenC, TOKEN_B)), 200);
    expect(store.all()[0]?.endpoints?.map((endpoint) => endpoint.identifier)).toEqual([
      'credentials',
      'locations',
      'cdrs',
    ]);
  });

  it('upgrades a 2.1.1 partner to 2.2.1 through a PUT to the 2.2.1 endpoint', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle, '2.1.1');
    expect(store.all()[0]).toMatchObject({
      version: '2.1.1',
      tokenEncoding: 'raw',
      roles: [{ countryCode: 'NL', partyId: 'EXA', businessDetails: { name: 'Example Operator' } }],
    });
    expect(await versionsStatus(handle, tokenC, 'raw')).toBe(200);

    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2, accepts: ['base64'] });
    const body = await readEnvelope(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)), 200);
    expect(body.status_code).toBe(1000);
    const tokenC2 = (body.data as { token: string }).token;
    expect(store.all()).toEqual([
      {
        id: 'partner-1',
        status: 'registered',
        incomingToken: tokenC2,
        previousIncomingToken: tokenC,
        previousIncomingTokenExpiresAt: expect.any(String),
        outgoingToken: TOKEN_B2,
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
    expect(await versionsStatus(handle, tokenC2)).toBe(200);
  });

  it('keeps what the app stored on the record besides the registration', async () => {
    const { handle, store } = await setup();
    await store.save({ ...(await store.findById('partner-1')), label: 'Example CPO' } as never);
    await register(handle);
    expect(store.all()[0]).toMatchObject({ label: 'Example CPO', status: 'registered' });
  });

  it('HTTP 405 for a partner that is not registered yet', async () => {
    const { handle, store } = await setup();
    const response = await handle(credentialsRequest('PUT', TOKEN_A, TOKEN_B));
    expect(response.headers.get('allow')).toBe('GET, POST');
    const text = await response.clone().text();
    expect((await readEnvelope(response, 405)).status_code).toBe(2000);
    for (const form of tokenForms(TOKEN_A, TOKEN_B)) expect(text).not.toContain(form);
    expect(requests).toEqual([]);
    expect(store.all()).toEqual([{ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A }]);
  });

  it('keeps the stored registration when the update fails (3001), and the current token keeps working', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    const before = store.all();
    serveInitiator(server, { versionsUrl: INITIATOR, token: 'not-token-b2' });
    const response = await handle(credentialsRequest('PUT', tokenC, TOKEN_B2));
    const text = await response.clone().text();
    expect((await readEnvelope(response, 200)).status_code).toBe(3001);
    for (const form of tokenForms(TOKEN_A, TOKEN_B, TOKEN_B2, tokenC)) expect(text).not.toContain(form);
    expect(store.all()).toEqual(before);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
  });
});

describe('while our own update is unconfirmed (rotationPending)', () => {
  it('both tokens are full credentials, using the new one retires nothing, and a PUT of the partner settles it', async () => {
    const { handle, store } = await setup();
    await store.save({
      ...(await store.findById('partner-1')),
      id: 'partner-1',
      status: 'registered',
      incomingToken: 'our-new-token-b2',
      previousIncomingToken: 'our-old-token-b1',
      rotationPending: true,
      outgoingToken: TOKEN_B,
      versionsUrl: INITIATOR,
    });
    for (const token of ['our-new-token-b2', 'our-old-token-b1', 'our-new-token-b2']) {
      expect(await versionsStatus(handle, token)).toBe(200);
      const found = await authenticatePartner(store, token);
      expect(found && mayUseModule(found, 'locations')).toBe(true);
    }
    expect(store.all()[0]).toMatchObject({
      previousIncomingToken: 'our-old-token-b1',
      rotationPending: true,
    });

    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const put = await readEnvelope(
      await handle(
        partnerRequest('PUT', '/2.2.1/credentials', {
          token: 'our-old-token-b1',
          body: credentials221(TOKEN_B2, INITIATOR),
        }),
      ),
      200,
    );
    const tokenC = (put.data as { token: string }).token;
    expect(store.all()[0]).not.toHaveProperty('rotationPending');
    expect(store.all()[0]).toMatchObject({
      incomingToken: tokenC,
      previousIncomingToken: 'our-old-token-b1',
    });
    expect(await versionsStatus(handle, 'our-new-token-b2')).toBe(401);
  });
});

describe('DELETE credentials', () => {
  it('unregisters: 1000 without data, the partner is gone and its token no longer works', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle);
    const response = await handle(partnerRequest('DELETE', '/2.2.1/credentials', { token: tokenC }));
    const body = await readEnvelope(response, 200);
    expect(body.status_code).toBe(1000);
    expect(body).not.toHaveProperty('data');
    expect(store.all()).toEqual([]);
    expect(await versionsStatus(handle, tokenC)).toBe(401);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
  });

  it('unregisters a 2.1.1 partner on the 2.1.1 endpoint', async () => {
    const { handle, store } = await setup();
    const tokenC = await register(handle, '2.1.1');
    const body = await readEnvelope(
      await handle(partnerRequest('DELETE', '/2.1.1/credentials', { token: tokenC, encoding: 'raw' })),
      200,
    );
    expect(body.status_code).toBe(1000);
    expect(store.all()).toEqual([]);
  });

  it('HTTP 405 for a partner that is not registered', async () => {
    const { handle, store } = await setup();
    const response = await handle(partnerRequest('DELETE', '/2.2.1/credentials', { token: TOKEN_A }));
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect((await readEnvelope(response, 405)).status_code).toBe(2000);
    expect(store.all()).toHaveLength(1);
  });
});
