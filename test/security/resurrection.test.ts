// Review of issue #10, finding 7: updateRegistration() and unregister() read the partner from the store
// but fell back to the app's copy when the store no longer had it. After the partner unregistered itself
// (DELETE through our handler), a call with a record the app kept (records handed back carry no
// revision) wrote that copy as a new record: the deleted partner was back, its old token current again.
import { confirmCurrentToken, unregister, updateRegistration } from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  partnerRequest,
  readEnvelope,
  registerPartner,
  sdkParties,
  TOKEN_A,
  versionsStatus,
} from '../registration/support';
import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';

const { server, requests } = useMswServer();

const EMSP = 'https://emsp.example.com/ocpi';
const TOKEN_B = 'token-b-partner-2a7d5e';
const party = sdkParties(server);

/**
 * Our side with partner-1 registered (it POSTed to us with token A), then unregistered by the partner
 * itself: a DELETE through our handler. The partner's versions and details still answer our token B, and
 * its credentials endpoint, which no longer knows us, answers 401. Returns the record the app kept.
 */
async function unregisteredByThePartner() {
  const ours = party(EMSP, 'EMSP', ['2.2.1']);
  await ours.store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
  const tokenC = await registerPartner(server, ours.handle, TOKEN_B);
  const [kept] = ours.store.all();
  if (kept === undefined) throw new Error('partner-1 was not registered');
  const deleted = await ours.handle(partnerRequest('DELETE', '/2.2.1/credentials', { token: tokenC }));
  expect((await readEnvelope(deleted, 200)).status_code).toBe(1000);
  expect(ours.store.all()).toEqual([]);
  server.use(
    http.all('https://cpo.example.com/ocpi/2.2.1/credentials', () =>
      HttpResponse.json(
        { status_code: 2000, status_message: 'Unknown token', timestamp: new Date().toISOString() },
        { status: 401 },
      ),
    ),
  );
  requests.length = 0;
  return { ...ours, kept, tokenC };
}

describe('a partner that unregistered itself', () => {
  it('is not brought back by updateRegistration() with a record the app kept', async () => {
    const { config, store, handle, kept, tokenC } = await unregisteredByThePartner();
    const error = await failure(updateRegistration({ config, record: kept }));
    // Before: { status: 'registered', rotationPending: true } was written anew, token C current again.
    expect(store.all()).toEqual([]);
    expect(await versionsStatus(handle, tokenC)).toBe(401);
    expect(requests).toEqual([]);
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).toContain('Partner partner-1 is not registered');
  });

  it('is not brought back by unregister() with a record the app kept: there is nothing left to do', async () => {
    const { config, store, handle, kept, tokenC } = await unregisteredByThePartner();
    const done = await unregister({ config, record: kept }).then(
      () => true,
      () => false,
    );
    // Before: the record came back marked `unregistering`, and the partner's 401 was thrown.
    expect(store.all()).toEqual([]);
    expect(await versionsStatus(handle, tokenC)).toBe(401);
    expect(requests).toEqual([]);
    expect(done).toBe(true);
  });

  it('is not brought back by confirmCurrentToken() with a record that was not read from the store', async () => {
    const { store, handle, kept, tokenC } = await unregisteredByThePartner();
    // The record still names token A as its previous token: retiring it meant saving the copy anew.
    expect(kept.previousIncomingToken).toBe(TOKEN_A);
    await confirmCurrentToken(store, { partner: kept, token: 'current' });
    expect(store.all()).toEqual([]);
    expect(await versionsStatus(handle, tokenC)).toBe(401);
  });
});
