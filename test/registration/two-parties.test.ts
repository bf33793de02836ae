// Two SDK parties register with each other: an eMSP initiates with register(), a CPO answers with its
// registration handler, and each calls the other back over (msw-routed) HTTP.

import {
  authenticatePartner,
  createRegistrationHandler,
  InMemoryPartnerStore,
  isOcpiHttpError,
  isOcpiMissingEndpointError,
  isOcpiNoCommonVersionError,
  isOcpiServerStatusError,
  isOcpiUntrustedUrlError,
  mayUseModule,
  readRegistration,
  register,
  unregister,
  updateRegistration,
} from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';

import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { sdkParties } from './support';

const { server } = useMswServer();

const CPO = 'https://cpo.example.com/ocpi';
const EMSP = 'https://emsp.example.com/ocpi';
const TOKEN_A = 'token-a-from-the-cpo';

const party = sdkParties(server);

async function cpoInvitingEmsp(versions: ('2.1.1' | '2.2.1')[], required: string[] = []) {
  const cpo = party(CPO, 'CPO', versions, required);
  await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: TOKEN_A });
  return cpo;
}

describe('registration between two SDK parties', () => {
  it.each([['2.2.1'], ['2.1.1']] as const)(
    'completes in %s, and both sides can then call each other',
    async (version) => {
      const cpo = await cpoInvitingEmsp([version]);
      const emsp = party(EMSP, 'EMSP', ['2.1.1', '2.2.1']);
      const record = await register({
        config: emsp.config,
        partnerId: 'cpo',
        versionsUrl: `${CPO}/versions`,
        tokenA: TOKEN_A,
      });

      expect(record).toMatchObject({ status: 'registered', version, versionsUrl: `${CPO}/versions` });
      const [theirView] = cpo.store.all();
      expect(theirView).toMatchObject({ status: 'registered', version, outgoingToken: record.incomingToken });
      expect(record.outgoingToken).toBe(theirView?.incomingToken);
      expect(record.roles?.[0]).toMatchObject({ partyId: 'CPO', countryCode: 'NL' });

      // The eMSP calls the CPO with token C, the CPO the eMSP with token B.
      const encode = (token: string) => (version === '2.2.1' ? btoa(token) : token);
      const toCpo = await fetch(`${CPO}/${version}/credentials`, {
        headers: { Authorization: `Token ${encode(record.outgoingToken ?? '')}` },
      });
      const toEmsp = await fetch(`${EMSP}/${version}/credentials`, {
        headers: { Authorization: `Token ${encode(record.incomingToken)}` },
      });
      expect([toCpo.status, toEmsp.status]).toEqual([200, 200]);
      // Token A is spent once token C has been used.
      const withA = await fetch(`${CPO}/versions`, {
        headers: { Authorization: `Token ${encode(TOKEN_A)}` },
      });
      expect(withA.status).toBe(401);
    },
  );

  it('negotiates 2.1.1 with a CPO that only speaks 2.1.1', async () => {
    await cpoInvitingEmsp(['2.1.1']);
    const emsp = party(EMSP, 'EMSP', ['2.1.1', '2.2.1']);
    const record = await register({
      config: emsp.config,
      partnerId: 'cpo',
      versionsUrl: `${CPO}/versions`,
      tokenA: TOKEN_A,
    });
    expect(record.version).toBe('2.1.1');
  });

  it('recovers when the answer to the POST was lost: the same POST again gets the same answer, nothing lost', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    let dropped = false;
    server.use(
      http.post(`${CPO}/2.2.1/credentials`, async ({ request }) => {
        await cpo.handle(request);
        if (dropped) return undefined;
        dropped = true;
        return HttpResponse.error();
      }),
    );
    const options = {
      config: emsp.config,
      partnerId: 'cpo',
      versionsUrl: `${CPO}/versions`,
      tokenA: TOKEN_A,
    };
    expect(await failure(register(options))).toMatchObject({ name: 'OcpiNetworkError' });
    // The partner registered us with token B: it is kept, and the partner can call us with it.
    const [kept] = emsp.store.all();
    expect(kept).toMatchObject({ id: 'cpo', status: 'invited', outgoingToken: TOKEN_A });
    expect(cpo.store.all()[0]).toMatchObject({ status: 'registered', outgoingToken: kept?.incomingToken });
    const withB = await fetch(`${EMSP}/versions`, {
      headers: { Authorization: `Token ${btoa(kept?.incomingToken ?? '')}` },
    });
    expect(withB.status).toBe(200);
    server.resetHandlers();
    server.use(
      http.all(`${CPO}/*`, ({ request }) => cpo.handle(request)),
      http.all(`${EMSP}/*`, ({ request }) => emsp.handle(request)),
    );
    const record = await register(options);
    expect(record.status).toBe('registered');
    expect(record.incomingToken).toBe(kept?.incomingToken);
    expect(cpo.store.all()[0]).toMatchObject({ status: 'registered', outgoingToken: record.incomingToken });
  });

  const envelope = (status_code: number, data?: unknown) => ({
    ...(data !== undefined && { data }),
    status_code,
    timestamp: new Date().toISOString(),
  });
  it.each([
    ['HTTP 500 (3000)', 500, envelope(3000), 'kept'],
    ['HTTP 502 without a body', 502, undefined, 'kept'],
    ['HTTP 408', 408, envelope(2000), 'kept'],
    ['HTTP 429', 429, envelope(2000), 'kept'],
    ['1000 with credentials we cannot read', 200, envelope(1000, { token: 42 }), 'kept'],
    ['HTTP 400 (2001)', 400, envelope(2001), 'removed'],
    ['HTTP 401', 401, envelope(2000), 'removed'],
    ['2001 with HTTP 200', 200, envelope(2001), 'removed'],
    ['3001 with HTTP 200', 200, envelope(3001), 'removed'],
  ] as const)('after a POST answered with %s (HTTP %i), token B is %s', async (_, status, body, outcome) => {
    await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    server.use(
      http.post(`${CPO}/2.2.1/credentials`, () =>
        body === undefined ? new HttpResponse(null, { status }) : HttpResponse.json(body, { status }),
      ),
    );
    const error = await failure(
      register({ config: emsp.config, partnerId: 'cpo', versionsUrl: `${CPO}/versions`, tokenA: TOKEN_A }),
    );
    expect(error).toBeDefined();
    if (outcome === 'removed') expect(emsp.store.all()).toEqual([]);
    else expect(emsp.store.all()).toEqual([expect.objectContaining({ id: 'cpo', status: 'invited' })]);
  });

  it('keeps a token B from an attempt without a clear answer even when the retry is refused', async () => {
    await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    const options = {
      config: emsp.config,
      partnerId: 'cpo',
      versionsUrl: `${CPO}/versions`,
      tokenA: TOKEN_A,
    };
    server.use(
      http.post(`${CPO}/2.2.1/credentials`, () => HttpResponse.error(), { once: true }),
      http.post(`${CPO}/2.2.1/credentials`, () => HttpResponse.json(envelope(2001)), { once: true }),
    );
    expect(await failure(register(options))).toMatchObject({ name: 'OcpiNetworkError' });
    const [kept] = emsp.store.all();
    expect(await failure(register(options))).toMatchObject({ statusCode: 2001 });
    expect(emsp.store.all()).toEqual([kept]);
  });
  // A 405 to the POST, with and without an earlier unanswered attempt: already-registered.test.ts.
});

describe('registration failures leave no half-registered partner', () => {
  const attempt = (emsp: ReturnType<typeof party>, tokenA = TOKEN_A) =>
    failure(register({ config: emsp.config, partnerId: 'cpo', versionsUrl: `${CPO}/versions`, tokenA }));

  it('versions unreachable', async () => {
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    server.use(http.get(`${CPO}/versions`, () => HttpResponse.error()));
    expect(await attempt(emsp)).toMatchObject({ name: 'OcpiNetworkError' });
    expect(emsp.store.all()).toEqual([]);
  });

  it('wrong token A', async () => {
    await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    const error = await attempt(emsp, 'not-the-token');
    expect(isOcpiHttpError(error) && error.httpStatus).toBe(401);
    expect(emsp.store.all()).toEqual([]);
  });

  it('no shared version', async () => {
    await cpoInvitingEmsp(['2.1.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    expect(isOcpiNoCommonVersionError(await attempt(emsp))).toBe(true);
    expect(emsp.store.all()).toEqual([]);
  });

  it('the partner lacks a module we require: no POST is sent', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1'], ['cdrs']);
    expect(isOcpiMissingEndpointError(await attempt(emsp))).toBe(true);
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });

  it('the partner rejects our credentials (it requires a module we lack)', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1'], ['cdrs']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    const error = await attempt(emsp);
    expect(isOcpiServerStatusError(error) && error.statusCode).toBe(3003);
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });

  it('the partner cannot reach us on the callback', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    server.use(http.get(`${EMSP}/versions`, () => HttpResponse.error()));
    const error = await attempt(emsp);
    expect(isOcpiServerStatusError(error) && error.statusCode).toBe(3001);
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });
});

describe('after registration', () => {
  async function registered(cpoVersions: ('2.1.1' | '2.2.1')[], emspVersions: ('2.1.1' | '2.2.1')[]) {
    const cpo = await cpoInvitingEmsp(cpoVersions);
    const emsp = party(EMSP, 'EMSP', emspVersions);
    const record = await register({
      config: emsp.config,
      partnerId: 'cpo',
      versionsUrl: `${CPO}/versions`,
      tokenA: TOKEN_A,
    });
    return { cpo, emsp, record };
  }

  it('reads the credentials the partner holds for us', async () => {
    const { record, emsp } = await registered(['2.2.1'], ['2.2.1']);
    const theirs = await readRegistration({ config: emsp.config, record });
    expect(theirs.token).toBe(record.outgoingToken);
    expect('roles' in theirs && theirs.roles[0]?.party_id).toBe('CPO');
  });

  it('rotates both tokens with PUT: our old token dies at once, theirs when the new one is used', async () => {
    const { cpo, emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    const updated = await updateRegistration({ config: emsp.config, record });
    expect(updated.incomingToken).not.toBe(record.incomingToken);
    // The token we replaced is gone (the update may be for a compromised one), and nothing is pending.
    expect(updated).not.toHaveProperty('previousIncomingToken');
    expect(updated).not.toHaveProperty('rotationPending');
    expect(emsp.store.all()).toEqual([updated]);
    expect(updated.outgoingToken).not.toBe(record.outgoingToken);
    expect(cpo.store.all()[0]).toMatchObject({
      incomingToken: updated.outgoingToken,
      outgoingToken: updated.incomingToken,
    });
    const toEmsp = (token: string) =>
      fetch(`${EMSP}/versions`, { headers: { Authorization: `Token ${btoa(token)}` } });
    expect((await toEmsp(record.incomingToken)).status).toBe(401);
    expect(await authenticatePartner(emsp.store, record.incomingToken)).toBeUndefined();
    expect((await toEmsp(updated.incomingToken)).status).toBe(200);
    // The CPO keeps our old token C for recovery until we use the new one.
    const call = (token: string) =>
      fetch(`${CPO}/2.2.1/credentials`, { headers: { Authorization: `Token ${btoa(token)}` } });
    expect((await call(record.outgoingToken ?? '')).status).toBe(200);
    expect((await call(updated.outgoingToken ?? '')).status).toBe(200);
    expect((await call(record.outgoingToken ?? '')).status).toBe(401);
  });

  it('a PUT the partner refuses locks nobody out: both of our tokens keep working, a retry completes', async () => {
    const { cpo, emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    // The CPO now requires a module we do not offer: it calls us back with the new token B, then refuses.
    party(CPO, 'CPO', ['2.2.1'], ['cdrs'], cpo.store);
    const error = await failure(updateRegistration({ config: emsp.config, record }));
    expect(isOcpiServerStatusError(error) && error.statusCode).toBe(3003);
    const [pending] = emsp.store.all();
    expect(pending).toMatchObject({ previousIncomingToken: record.incomingToken, rotationPending: true });

    // The CPO still holds our old token B: it must keep working everywhere, app modules included.
    const held = cpo.store.all()[0]?.outgoingToken ?? '';
    expect(held).toBe(record.incomingToken);
    const toEmsp = (token: string) =>
      fetch(`${EMSP}/2.2.1/credentials`, { headers: { Authorization: `Token ${btoa(token)}` } });
    expect((await toEmsp(held)).status).toBe(200);
    expect((await toEmsp(pending?.incomingToken ?? '')).status).toBe(200);
    expect((await toEmsp(held)).status).toBe(200);
    const old = await authenticatePartner(emsp.store, held);
    expect(old && mayUseModule(old, 'locations')).toBe(true);

    // Once the CPO accepts, the retry offers the same new token, and the old one is dropped.
    party(CPO, 'CPO', ['2.2.1'], [], cpo.store);
    const updated = await updateRegistration({ config: emsp.config, record });
    expect(updated.incomingToken).toBe(pending?.incomingToken);
    expect(emsp.store.all()).toEqual([updated]);
    expect(updated).not.toHaveProperty('previousIncomingToken');
    expect(updated).not.toHaveProperty('rotationPending');
    expect(cpo.store.all()[0]?.outgoingToken).toBe(updated.incomingToken);
    expect((await toEmsp(held)).status).toBe(401);
  });

  it('refuses to update to a version we do not serve, before rotating anything', async () => {
    const { cpo, emsp, record } = await registered(['2.1.1', '2.2.1'], ['2.2.1']);
    const before = { ours: emsp.store.all(), theirs: cpo.store.all() };
    const error = await failure(updateRegistration({ config: emsp.config, record, version: '2.1.1' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).not.toContain(record.incomingToken);
    expect({ ours: emsp.store.all(), theirs: cpo.store.all() }).toEqual(before);
  });

  it('moves a 2.1.1 registration to 2.2.1 through PUT', async () => {
    const { cpo, emsp, record } = await registered(['2.1.1', '2.2.1'], ['2.1.1']);
    expect(record.version).toBe('2.1.1');
    const upgraded = party(EMSP, 'EMSP', ['2.1.1', '2.2.1'], [], emsp.store);
    const updated = await updateRegistration({ config: upgraded.config, record, version: '2.2.1' });
    expect(updated).toMatchObject({ version: '2.2.1', versionUrl: `${CPO}/2.2.1` });
    expect(cpo.store.all()[0]).toMatchObject({ version: '2.2.1', incomingToken: updated.outgoingToken });
  });

  it('unregisters: DELETE, and both sides forget each other', async () => {
    const { cpo, emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    await unregister({ config: emsp.config, record });
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()).toEqual([]);
  });

  it('unregisters after a DELETE whose answer was lost: the retry gets 401 from a partner that forgot us', async () => {
    const { cpo, emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    server.use(
      http.delete(
        `${CPO}/2.2.1/credentials`,
        async ({ request }) => {
          await cpo.handle(request);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    expect(await failure(unregister({ config: emsp.config, record }))).toMatchObject({
      name: 'OcpiNetworkError',
    });
    expect(cpo.store.all()).toEqual([]);
    expect(emsp.store.all()).toEqual([{ ...record, unregistering: true }]);
    await unregister({ config: emsp.config, record });
    expect(emsp.store.all()).toEqual([]);
  });

  it('unregisters when the partner answers 405 (not registered)', async () => {
    const { emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    server.use(
      http.delete(`${CPO}/2.2.1/credentials`, () =>
        HttpResponse.json(
          { status_code: 2000, status_message: 'Not registered', timestamp: new Date().toISOString() },
          { status: 405, headers: { Allow: 'GET, POST' } },
        ),
      ),
    );
    await unregister({ config: emsp.config, record });
    expect(emsp.store.all()).toEqual([]);
  });

  it('keeps the partner when a first DELETE is refused with 401', async () => {
    const { emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    const stale = { ...record, outgoingToken: 'not-the-token' };
    await emsp.store.save({ ...(await emsp.store.findById('cpo')), ...stale });
    const error = await failure(unregister({ config: emsp.config, record: stale }));
    expect(isOcpiHttpError(error) && error.httpStatus).toBe(401);
    expect(emsp.store.all()).toHaveLength(1);
  });
});

describe('a crash between steps', () => {
  /** A store that "crashes" (throws) on the given save, counting from 1, then works again. */
  function crashingStore(crashOnSave: number) {
    const store = new InMemoryPartnerStore();
    let saves = 0;
    const save = store.save.bind(store);
    store.save = async (record) => {
      saves++;
      if (saves === crashOnSave) throw new Error('crash');
      return save(record);
    };
    return store;
  }
  const options = (emsp: ReturnType<typeof party>) => ({
    config: emsp.config,
    partnerId: 'cpo',
    versionsUrl: `${CPO}/versions`,
    tokenA: TOKEN_A,
  });

  it('before token B is stored: nothing is sent, nothing is half-done', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1'], [], crashingStore(1));
    await expect(register(options(emsp))).rejects.toThrow('crash');
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });

  it('after the partner registered us but before token C was stored: token B is kept, a retry completes', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1'], [], crashingStore(2));
    await expect(register(options(emsp))).rejects.toThrow('crash');
    const [left] = emsp.store.all();
    expect(left).toMatchObject({ status: 'invited', outgoingToken: TOKEN_A });
    expect(cpo.store.all()[0]).toMatchObject({ status: 'registered', outgoingToken: left?.incomingToken });

    const record = await register(options(emsp));
    expect(record.status).toBe('registered');
    expect(cpo.store.all()[0]).toMatchObject({
      status: 'registered',
      incomingToken: record.outgoingToken,
      outgoingToken: record.incomingToken,
    });
  });
});

describe('the callback URL', () => {
  it('is called only when allowPartnerUrl allows it, else the registration gets the one 3001 of every failed callback', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const guarded = createRegistrationHandler({
      ...cpo.config,
      allowPartnerUrl: (url) => url.hostname !== 'emsp.example.com',
    });
    server.use(http.all(`${CPO}/*`, ({ request }) => guarded(request)));
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    let called = false;
    server.use(
      http.get(`${EMSP}/versions`, () => {
        called = true;
        return HttpResponse.error();
      }),
    );
    const error = await failure(
      register({ config: emsp.config, partnerId: 'cpo', versionsUrl: `${CPO}/versions`, tokenA: TOKEN_A }),
    );
    // Refused or unreachable, the initiator hears the same: nothing tells it what our policy allows.
    expect(error).toMatchObject({
      statusCode: 3001,
      statusMessage: "Could not use the initiator's API with the versions URL and token it sent",
    });
    expect(called).toBe(false);
    expect(emsp.store.all()).toEqual([]);
  });
});

describe('the initiator’s allowPartnerUrl', () => {
  // The CPO (invited by us) names its own hosts; ours may rule some out, e.g. an internal network.
  const internal = 'http://10.0.0.7/ocpi';

  it('keeps register from calling a version details URL it refuses', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    let called = false;
    server.use(
      http.get(`${CPO}/versions`, () =>
        HttpResponse.json({ data: [{ version: '2.2.1', url: `${internal}/2.2.1` }], status_code: 1000 }),
      ),
      http.all(`${internal}/*`, () => {
        called = true;
        return HttpResponse.error();
      }),
    );
    const config = { ...emsp.config, allowPartnerUrl: (url: URL) => url.hostname !== '10.0.0.7' };
    const error = await failure(
      register({ config, partnerId: 'cpo', versionsUrl: `${CPO}/versions`, tokenA: TOKEN_A }),
    );
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(String(error)).toContain('our URL policy refuses');
    expect(String(error)).not.toContain(TOKEN_A);
    expect(called).toBe(false);
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });

  it('keeps register from storing or POSTing to a partner whose endpoints it refuses', async () => {
    const cpo = await cpoInvitingEmsp(['2.2.1']);
    const emsp = party(EMSP, 'EMSP', ['2.2.1']);
    server.use(
      http.get(`${CPO}/2.2.1`, () =>
        HttpResponse.json({
          data: {
            version: '2.2.1',
            endpoints: [
              { identifier: 'credentials', role: 'RECEIVER', url: `${CPO}/2.2.1/credentials` },
              { identifier: 'locations', role: 'SENDER', url: `${internal}/locations` },
            ],
          },
          status_code: 1000,
          timestamp: '2024-06-01T12:00:00Z',
        }),
      ),
    );
    const config = { ...emsp.config, allowPartnerUrl: (url: URL) => url.hostname !== '10.0.0.7' };
    const error = await failure(
      register({ config, partnerId: 'cpo', versionsUrl: `${CPO}/versions`, tokenA: TOKEN_A }),
    );
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(emsp.store.all()).toEqual([]);
    expect(cpo.store.all()[0]?.status).toBe('invited');
  });
});
