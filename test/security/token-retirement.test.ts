// Issue #10, finding 13: the previous token (token A after a registration, the old token C after an
// update) is retired by the first request with the current token that is answered successfully, and by
// nothing else. Before, the handler retired it as soon as a request authenticated (a refused POST, a
// PUT with a broken body, a PUT whose callback failed), and authenticatePartner did on every lookup.
import { authenticatePartner, confirmCurrentToken, type PartnerRecord } from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  credentials221,
  credentialsRequest,
  INITIATOR,
  partnerRequest,
  readEnvelope,
  registerPartner,
  serveInitiator,
  setup,
  TOKEN_A,
  tokenOf,
  versionsStatus,
} from '../registration/support';
import { useMswServer } from '../support/msw';

const { server } = useMswServer();

const TOKEN_B = 'token-b-9c1f0e27';
const TOKEN_B2 = 'token-b-second-44d0a1b3';

/** Our handler with partner-1 registered: token C current, token A its previous. */
async function registered() {
  const { handle, store } = await setup();
  const tokenC = await registerPartner(server, handle, TOKEN_B);
  expect(store.all()[0]?.previousIncomingToken).toBe(TOKEN_A);
  return { handle, store, tokenC };
}

describe('the registration handler', () => {
  it.each([
    ['a POST (405: already registered)', 'POST', credentials221(TOKEN_B2, INITIATOR), 405, 2000],
    ['a PUT with a body that is not JSON (400)', 'PUT', '{"token": ', 400, 2000],
    ['a PUT with invalid credentials (2001)', 'PUT', { token: TOKEN_B2 }, 200, 2001],
    ['a PUT whose callback fails (3001)', 'PUT', credentials221(TOKEN_B2, INITIATOR), 200, 3001],
  ] as const)(
    'retires nothing after %s with the current token',
    async (_, method, body, httpStatus, code) => {
      const { handle, store, tokenC } = await registered();
      server.use(http.get(INITIATOR, () => HttpResponse.error()));
      const response = await handle(partnerRequest(method, '/2.2.1/credentials', { token: tokenC, body }));
      expect((await readEnvelope(response, httpStatus)).status_code).toBe(code);
      // The refused request proved nothing: token A still serves recovery.
      expect(store.all()[0]).toMatchObject({ incomingToken: tokenC, previousIncomingToken: TOKEN_A });
      expect(await versionsStatus(handle, TOKEN_A)).toBe(200);
    },
  );

  it('retires nothing after a request the route refuses (405) or for a request with the previous token', async () => {
    const { handle, store, tokenC } = await registered();
    expect((await handle(partnerRequest('PUT', '/versions', { token: tokenC }))).status).toBe(405);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(200);
    expect(store.all()[0]?.previousIncomingToken).toBe(TOKEN_A);
  });

  it('retires the previous token once a request with the current one is answered successfully', async () => {
    const { handle, store, tokenC } = await registered();
    const read = await readEnvelope(
      await handle(partnerRequest('GET', '/2.2.1/credentials', { token: tokenC })),
      200,
    );
    expect(read.status_code).toBe(1000);
    expect(store.all()[0]).not.toHaveProperty('previousIncomingToken');
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
  });
});

describe('authenticatePartner and confirmCurrentToken (the app’s own modules)', () => {
  it('authenticatePartner only reads; confirmCurrentToken, called after a successful answer, retires', async () => {
    const { store, tokenC } = await registered();
    const save = vi.spyOn(store, 'save');
    const caller = await authenticatePartner(store, tokenC);
    expect(caller).toMatchObject({ token: 'current', partner: { previousIncomingToken: TOKEN_A } });
    expect(save).not.toHaveBeenCalled();
    expect(await authenticatePartner(store, TOKEN_A)).toMatchObject({ token: 'previous' });

    const confirmed = caller && (await confirmCurrentToken(store, caller));
    expect(save).toHaveBeenCalledTimes(1);
    expect(confirmed?.partner).not.toHaveProperty('previousIncomingToken');
    expect(await authenticatePartner(store, TOKEN_A)).toBeUndefined();
  });

  it('confirmCurrentToken writes nothing for the previous token, nor while our own update is unconfirmed', async () => {
    const { store } = await setup();
    const pending: PartnerRecord = {
      ...(await store.findById('partner-1')),
      id: 'partner-1',
      status: 'registered',
      incomingToken: 'our-new-token-b2',
      previousIncomingToken: 'our-old-token-b1',
      rotationPending: true,
    };
    await store.save(pending);
    const save = vi.spyOn(store, 'save');
    for (const token of ['our-new-token-b2', 'our-old-token-b1']) {
      const caller = await authenticatePartner(store, token);
      expect(caller?.token).toBe('current');
      if (caller) await confirmCurrentToken(store, caller);
    }
    expect(save).not.toHaveBeenCalled();

    const { handle, store: other, tokenC } = await registered();
    const withA = await authenticatePartner(other, TOKEN_A);
    if (withA) await confirmCurrentToken(other, withA);
    expect(other.all()[0]?.previousIncomingToken).toBe(TOKEN_A);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
  });

  it('confirmCurrentToken after a concurrent PUT writes nothing: the PUT’s new token stays', async () => {
    const { handle, store, tokenC } = await registered();
    // The app authenticated a request with token C, then the partner's PUT rotated the tokens.
    const caller = await authenticatePartner(store, tokenC);
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const tokenC2 = await tokenOf(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)));
    if (caller) await confirmCurrentToken(store, caller);
    expect(store.all()[0]).toMatchObject({ incomingToken: tokenC2, previousIncomingToken: tokenC });
    expect(await versionsStatus(handle, tokenC2)).toBe(200);
  });
});
