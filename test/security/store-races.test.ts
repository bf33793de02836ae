// Issue #10, finding 7: lost updates in the PartnerStore. Two requests of one partner served at once used
// to read the record, decide and write it back whole, so the slower one undid the faster one. Each race
// is reproduced deterministically: a store that holds one write until released lets a second request
// run to its end exactly there. Before conditional writes, each test below failed: the partner was
// locked out, a deleted partner came back, duplicate POSTs answered with different tokens.
import { InMemoryPartnerStore, type PartnerRecord, type PartnerStore, register, unregister } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import {
  credentialsRequest,
  type Handle,
  INITIATOR,
  partnerRequest,
  readEnvelope,
  registerPartner,
  sdkParties,
  serveInitiator,
  setup,
  TOKEN_A,
  tokenOf,
  versionsStatus,
} from '../registration/support';
import { useMswServer } from '../support/msw';

const { server } = useMswServer();

const TOKEN_B = 'token-b-first-5e0c7a91';
const TOKEN_B2 = 'token-b-second-3f84d2c6';

/**
 * A store that holds its next write (`save` or `remove`, or only the kind asked for) until released:
 * `arrived` resolves once a request is waiting there.
 */
class GatedStore implements PartnerStore {
  readonly inner = new InMemoryPartnerStore();
  #gate: { kind: 'save' | 'remove' | 'any'; arrive: () => void; released: Promise<void> } | undefined;

  holdNextWrite(kind: 'save' | 'remove' | 'any' = 'any') {
    let arrive = () => {};
    let release = () => {};
    const arrived = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.#gate = { kind, arrive, released };
    return { arrived, release };
  }

  findByToken(token: string) {
    return this.inner.findByToken(token);
  }
  findById(id: string) {
    return this.inner.findById(id);
  }
  async save(record: PartnerRecord) {
    await this.#pass('save');
    return this.inner.save(record);
  }
  async remove(record: PartnerRecord) {
    await this.#pass('remove');
    return this.inner.remove(record);
  }
  all() {
    return this.inner.all();
  }

  async #pass(kind: 'save' | 'remove') {
    const gate = this.#gate;
    if (gate === undefined || (gate.kind !== 'any' && gate.kind !== kind)) return;
    this.#gate = undefined;
    gate.arrive();
    await gate.released;
  }
}

/** Our handler over a gated store holding one invited partner (token A). */
async function gatedHandler() {
  const store = new GatedStore();
  await store.inner.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
  const { handle } = await setup({ store });
  return { store, handle };
}

/** Registers partner-1 with token A and token B: it is then registered with token C, token A its previous. */
const registered = (handle: Handle) => registerPartner(server, handle, TOKEN_B);

describe('a retiring write that read the record before a concurrent change', () => {
  it('does not undo a PUT that rotated the tokens: the token the PUT answered with keeps working', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    // A GET with token C retires token A: hold that write, and let a PUT with token C run meanwhile.
    const gate = store.holdNextWrite();
    const get = handle(partnerRequest('GET', '/versions', { token: tokenC }));
    await gate.arrived;
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const tokenC2 = await tokenOf(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)));
    gate.release();
    expect((await get).status).toBe(200);

    // Read-modify-write put token C back and dropped C2: the partner was locked out.
    expect(store.all()[0]).toMatchObject({ incomingToken: tokenC2, outgoingToken: TOKEN_B2 });
    expect(await versionsStatus(handle, tokenC2)).toBe(200);
  });

  it('does not bring back a partner that a concurrent DELETE removed', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    const gate = store.holdNextWrite();
    const get = handle(partnerRequest('GET', '/versions', { token: tokenC }));
    await gate.arrived;
    const deleted = await readEnvelope(
      await handle(partnerRequest('DELETE', '/2.2.1/credentials', { token: tokenC })),
      200,
    );
    expect(deleted.status_code).toBe(1000);
    gate.release();
    await get;

    expect(store.all()).toEqual([]);
    expect(await versionsStatus(handle, tokenC)).toBe(401);
  });
});

describe('a DELETE that read the record before a concurrent PUT', () => {
  it('does not remove the registration the PUT renewed: the DELETE now comes with a replaced token (401)', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    // Token A retired first, so that the DELETE's only write is its removal.
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    const gate = store.holdNextWrite('remove');
    const remove = handle(partnerRequest('DELETE', '/2.2.1/credentials', { token: tokenC }));
    await gate.arrived;
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const tokenC2 = await tokenOf(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)));
    gate.release();

    // The PUT answered 1000 with token C2: removing the partner after that would make C2 dead.
    expect((await readEnvelope(await remove, 401)).status_code).toBe(2000);
    expect(store.all()).toEqual([expect.objectContaining({ status: 'registered', incomingToken: tokenC2 })]);
    expect(await versionsStatus(handle, tokenC2)).toBe(200);
  });
});

describe('the same POST twice', () => {
  it('at once: one registration, and both answers carry its token C', async () => {
    const { store, handle } = await gatedHandler();
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B });
    // Both read the invited partner; the first is held just before storing its registration.
    const gate = store.holdNextWrite();
    const first = handle(credentialsRequest('POST', TOKEN_A, TOKEN_B));
    await gate.arrived;
    const second = await tokenOf(await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B)));
    gate.release();
    const firstToken = await tokenOf(await first);

    // Read-modify-write stored the first one's token over the second's: one of the two answers was dead.
    expect(firstToken).toBe(second);
    expect(store.all()).toEqual([
      expect.objectContaining({
        status: 'registered',
        incomingToken: second,
        previousIncomingToken: TOKEN_A,
        outgoingToken: TOKEN_B,
      }),
    ]);
    expect(await versionsStatus(handle, second)).toBe(200);
  });

  it('again after the answer was lost: the first answer again, nothing stored twice', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    const stored = store.all();
    // Before, a registered partner's POST was always 405, even this repeat.
    expect(await tokenOf(await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B)))).toBe(tokenC);
    expect(store.all()).toEqual(stored);
    // The same token A with another token B is another registration: 405, as before.
    const other = await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B2));
    expect((await readEnvelope(other, 405)).status_code).toBe(2000);
    // Once token C was used, token A is retired: a repeat gets the 401 of an unknown token.
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    expect((await handle(credentialsRequest('POST', TOKEN_A, TOKEN_B))).status).toBe(401);
  });
});

describe('the same PUT twice', () => {
  it('at once: one update, and both answers carry its token C', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    // Token A retired first, so that the write held is the PUT's own.
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const gate = store.holdNextWrite();
    const first = handle(credentialsRequest('PUT', tokenC, TOKEN_B2));
    await gate.arrived;
    const second = await tokenOf(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)));
    gate.release();

    expect(await tokenOf(await first)).toBe(second);
    expect(store.all()[0]).toMatchObject({ incomingToken: second, previousIncomingToken: tokenC });
    expect(await versionsStatus(handle, second)).toBe(200);
  });

  it('again after the answer was lost: the first answer again, not a new token that voids it', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const tokenC2 = await tokenOf(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)));
    const stored = store.all();
    expect(await tokenOf(await handle(credentialsRequest('PUT', tokenC, TOKEN_B2)))).toBe(tokenC2);
    expect(store.all()).toEqual(stored);
  });

  it('two different PUTs at once: the first stored stands, the other gets 3000 and stores nothing', async () => {
    const { store, handle } = await gatedHandler();
    const tokenC = await registered(handle);
    expect(await versionsStatus(handle, tokenC)).toBe(200);
    serveInitiator(server, { versionsUrl: INITIATOR, token: TOKEN_B2 });
    const gate = store.holdNextWrite();
    const held = handle(credentialsRequest('PUT', tokenC, TOKEN_B2));
    await gate.arrived;
    serveInitiator(server, { versionsUrl: INITIATOR, token: 'token-b-third-0d9e44' });
    const winner = await tokenOf(await handle(credentialsRequest('PUT', tokenC, 'token-b-third-0d9e44')));
    gate.release();

    expect((await readEnvelope(await held, 200)).status_code).toBe(3000);
    expect(store.all()[0]).toMatchObject({ incomingToken: winner, outgoingToken: 'token-b-third-0d9e44' });
    expect(await versionsStatus(handle, winner)).toBe(200);
  });
});

describe('unregister() beside a new registration with the same partner', () => {
  const CPO = 'https://cpo.example.com/ocpi';
  const EMSP = 'https://emsp.example.com/ocpi';

  const party = sdkParties(server);

  it('removes only the record it marked: a registration stored meanwhile stays', async () => {
    const cpo = party(CPO, 'CPO', ['2.2.1']);
    const emspStore = new GatedStore();
    const emsp = party(EMSP, 'EMSP', ['2.2.1'], [], emspStore);
    await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: TOKEN_A });
    const options = { config: emsp.config, partnerId: 'cpo', versionsUrl: `${CPO}/versions` };
    const record = await register({ ...options, tokenA: TOKEN_A });

    // unregister() is held after its DELETE went through, just before it forgets the partner.
    const gate = emspStore.holdNextWrite('remove');
    const leaving = unregister({ config: emsp.config, record });
    await gate.arrived;
    expect(cpo.store.all()).toEqual([]);
    // Meanwhile the CPO invites us again and we register anew under the same id.
    await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: 'token-a-second-invitation' });
    const renewed = await register({ ...options, tokenA: 'token-a-second-invitation' });
    gate.release();
    await leaving;

    expect(emspStore.all()).toEqual([renewed]);
    const fromCpo = await fetch(`${EMSP}/versions`, {
      headers: { Authorization: `Token ${btoa(renewed.incomingToken)}` },
    });
    expect(fromCpo.status).toBe(200);
  });
});
