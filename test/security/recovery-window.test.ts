// Review of issue #10, finding 13: once the handler stopped retiring the previous token on every lookup,
// a token A (often sent by e-mail) stayed a master key for as long as the partner never GET our
// credentials with token C and the app never called confirmCurrentToken: a GET with it handed out C, a
// PUT with it and another versions URL took the registration over. A replaced token now serves recovery
// for a bounded window only (15 minutes by default), confirmed or not.
import { authenticatePartner, createRegistrationHandler, mayUseModule, type PartnerRecord } from '@org/ocpi';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { incomingTokenKind } from '../../src/server/partners/authenticate-partner';
import {
  BASE,
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

const { server, requests } = useMswServer();

const TOKEN_B = 'token-b-real-partner-61d0c2';
const TOKEN_B2 = 'token-b-redone-0a91c4';
const ATTACKER = 'https://attacker.example.net/ocpi/versions';
const ATTACKER_B = 'token-b-attacker-7f3e90';
const MINUTE = 60_000;
const REGISTERED_AT = Date.parse('2026-12-01T10:00:00.000Z');

// Only Date is faked: msw and the handler's own timeouts keep real timers.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(REGISTERED_AT);
});
afterEach(() => {
  vi.useRealTimers();
});

const later = (ms: number) => vi.setSystemTime(REGISTERED_AT + ms);

function readCredentials(handle: (request: Request) => Promise<Response>, token: string) {
  return handle(partnerRequest('GET', '/2.2.1/credentials', { token }));
}

describe('a token A replaced by a registration, never confirmed by the app', () => {
  it('serves recovery within the window, and nothing once it has passed: no token C, no takeover', async () => {
    const { handle, store } = await setup();
    const tokenC = await registerPartner(server, handle, TOKEN_B);
    // The partner works with token C on the app's modules; the app never calls confirmCurrentToken.
    for (let call = 0; call < 1_000; call++) {
      const caller = await authenticatePartner(store, tokenC);
      expect(caller && mayUseModule(caller, 'locations')).toBe(true);
    }

    // A partner that lost our answer can still read its token C shortly after.
    later(14 * MINUTE);
    const recovered = await readEnvelope(await readCredentials(handle, TOKEN_A), 200);
    expect(recovered.data).toMatchObject({ token: tokenC });

    later(15 * MINUTE);
    const stored = store.all();
    // Before, a GET with token A still answered 200 with token C...
    expect((await readEnvelope(await readCredentials(handle, TOKEN_A), 401)).status_code).toBe(2000);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
    expect(await authenticatePartner(store, TOKEN_A)).toBeUndefined();
    // ...and a PUT with token A and the attacker's versions URL answered 1000 and locked the partner out.
    serveInitiator(server, { versionsUrl: ATTACKER, token: ATTACKER_B });
    requests.length = 0;
    const takeover = await handle(
      partnerRequest('PUT', '/2.2.1/credentials', {
        token: TOKEN_A,
        body: credentials221(ATTACKER_B, ATTACKER),
      }),
    );
    expect((await readEnvelope(takeover, 401)).status_code).toBe(2000);
    expect(requests).toEqual([]);
    // Nor does the POST it registered with come back as a repeat.
    expect((await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B))).status).toBe(401);
    expect(store.all()).toEqual(stored);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
  });

  it('stores when token A stops serving recovery, and drops it with token A', async () => {
    const { handle, store } = await setup();
    const tokenC = await registerPartner(server, handle, TOKEN_B);
    expect(store.all()[0]).toMatchObject({
      incomingToken: tokenC,
      previousIncomingToken: TOKEN_A,
      previousIncomingTokenExpiresAt: '2026-12-01T10:15:00.000Z',
    });
    // The first successful answer to token C retires token A, and its window with it.
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    expect(store.all()[0]).not.toHaveProperty('previousIncomingToken');
    expect(store.all()[0]).not.toHaveProperty('previousIncomingTokenExpiresAt');
  });

  it('a recovery PUT with token A within the window opens a new window for the token it came with', async () => {
    const { handle, store } = await setup();
    await registerPartner(server, handle, TOKEN_B);
    later(10 * MINUTE);
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const tokenC2 = await tokenOf(await handle(credentialsRequest('PUT', TOKEN_A, TOKEN_B2)));
    expect(store.all()[0]).toMatchObject({
      incomingToken: tokenC2,
      previousIncomingToken: TOKEN_A,
      previousIncomingTokenExpiresAt: '2026-12-01T10:25:00.000Z',
    });
    later(24 * MINUTE);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(200);
    later(25 * MINUTE);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
    expect(await versionsStatus(handle, tokenC2)).toBe(200);
  });
});

describe('the recovery window', () => {
  it('is set with recoveryWindowMs', async () => {
    const { handle } = await setup({ recoveryWindowMs: MINUTE });
    const tokenC = await registerPartner(server, handle, TOKEN_B);
    later(MINUTE - 1);
    expect((await readEnvelope(await readCredentials(handle, TOKEN_A), 200)).data).toMatchObject({
      token: tokenC,
    });
    later(MINUTE);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
  });

  it('of 0 leaves the replaced token no recovery at all', async () => {
    const { handle } = await setup({ recoveryWindowMs: 0 });
    const tokenC = await registerPartner(server, handle, TOKEN_B);
    expect(await versionsStatus(handle, TOKEN_A)).toBe(401);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
  });

  it('must be a number of milliseconds, 0 or more', () => {
    const versions = {
      '2.1.1': { party_id: 'EXM', country_code: 'DE', business_details: { name: 'X' }, endpoints: [] },
    };
    for (const recoveryWindowMs of [Number.NaN, -1]) {
      expect(() =>
        createRegistrationHandler({ store: undefined as never, baseUrl: BASE, versions, recoveryWindowMs }),
      ).toThrow(TypeError);
    }
  });

  it('does not apply while our own update is unconfirmed: both tokens stay current', () => {
    const pending: PartnerRecord = {
      id: 'partner-1',
      status: 'registered',
      incomingToken: 'our-new-token-b2',
      previousIncomingToken: 'our-old-token-b1',
      rotationPending: true,
    };
    later(365 * 24 * 60 * MINUTE);
    expect(incomingTokenKind(pending, 'our-old-token-b1')).toBe('current');
  });

  it('treats a replaced token with no window on its record (stored by an older version) as expired', () => {
    const legacy: PartnerRecord = {
      id: 'partner-1',
      status: 'registered',
      incomingToken: 'token-c-current',
      previousIncomingToken: 'token-a-stored-before-windows',
    };
    expect(incomingTokenKind(legacy, 'token-a-stored-before-windows')).toBeUndefined();
    expect(incomingTokenKind(legacy, 'token-c-current')).toBe('current');
  });
});
