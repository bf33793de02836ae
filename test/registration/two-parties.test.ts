// Two SDK parties register with each other: an eMSP initiates with register(), a CPO answers with its
// registration handler, and each calls the other back over (msw-routed) HTTP.

import {
  createRegistrationHandler,
  InMemoryPartnerStore,
  isOcpiHttpError,
  isOcpiMissingEndpointError,
  isOcpiNoCommonVersionError,
  isOcpiServerStatusError,
  type RegistrationHandlerConfig,
  readRegistration,
  register,
  unregister,
  updateRegistration,
} from '@org/ocpi';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';

import { useMswServer } from '../support/msw';

const { server } = useMswServer();

const CPO = 'https://cpo.example.com/ocpi';
const EMSP = 'https://emsp.example.com/ocpi';
const TOKEN_A = 'token-a-from-the-cpo';

function party(
  base: string,
  role: 'CPO' | 'EMSP',
  versions: ('2.1.1' | '2.2.1')[],
  required: string[] = [],
  store = new InMemoryPartnerStore(),
) {
  const details = {
    party_id: role === 'CPO' ? 'CPO' : 'EMS',
    country_code: 'NL',
    business_details: { name: `Example ${role}` },
  };
  // Both sides of the Locations module: the CPO sends, the eMSP receives.
  const interfaceRole = role === 'CPO' ? ('SENDER' as const) : ('RECEIVER' as const);
  const config: RegistrationHandlerConfig = {
    store,
    baseUrl: base,
    retry: { limit: 0 },
    versions: {
      ...(versions.includes('2.2.1') && {
        '2.2.1': {
          roles: [{ role, ...details }],
          endpoints: [{ identifier: 'locations', role: interfaceRole, url: `${base}/2.2.1/locations` }],
          requiredModules: required,
        },
      }),
      ...(versions.includes('2.1.1') && {
        '2.1.1': {
          ...details,
          endpoints: [{ identifier: 'locations', url: `${base}/2.1.1/locations` }],
          requiredModules: required,
        },
      }),
    },
  };
  const handle = createRegistrationHandler(config);
  server.use(http.all(`${base}/*`, ({ request }) => handle(request)));
  return { store, config, handle };
}

async function cpoInvitingEmsp(versions: ('2.1.1' | '2.2.1')[], required: string[] = []) {
  const cpo = party(CPO, 'CPO', versions, required);
  await cpo.store.save({ id: 'emsp', status: 'invited', incomingToken: TOKEN_A });
  return cpo;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

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

  it('recovers when the answer to the POST was lost: registers again with PUT, nothing lost', async () => {
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
    expect(await failure(register(options))).toBeDefined();
    expect(emsp.store.all()).toEqual([]);
    server.resetHandlers();
    server.use(
      http.all(`${CPO}/*`, ({ request }) => cpo.handle(request)),
      http.all(`${EMSP}/*`, ({ request }) => emsp.handle(request)),
    );
    const record = await register(options);
    expect(record.status).toBe('registered');
    expect(cpo.store.all()[0]).toMatchObject({ status: 'registered', outgoingToken: record.incomingToken });
  });
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
    expect(isOcpiHttpError(error) && error.status).toBe(401);
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

  it('rotates both tokens with PUT; the old ones keep working until the new ones are used', async () => {
    const { cpo, emsp, record } = await registered(['2.2.1'], ['2.2.1']);
    const updated = await updateRegistration({ config: emsp.config, record });
    expect(updated.incomingToken).not.toBe(record.incomingToken);
    expect(updated.previousIncomingToken).toBe(record.incomingToken);
    expect(updated.outgoingToken).not.toBe(record.outgoingToken);
    expect(cpo.store.all()[0]).toMatchObject({
      incomingToken: updated.outgoingToken,
      outgoingToken: updated.incomingToken,
    });
    const call = (token: string) =>
      fetch(`${CPO}/2.2.1/credentials`, { headers: { Authorization: `Token ${btoa(token)}` } });
    expect((await call(record.outgoingToken ?? '')).status).toBe(200);
    expect((await call(updated.outgoingToken ?? '')).status).toBe(200);
    expect((await call(record.outgoingToken ?? '')).status).toBe(401);
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
  it('is called only when allowPartnerUrl allows it, else the registration gets 2001', async () => {
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
    expect(error).toMatchObject({ statusCode: 2001 });
    expect(called).toBe(false);
    expect(emsp.store.all()).toEqual([]);
  });
});
