// Two SDK parties, each serving its registration handler from node:http on 127.0.0.1, register with
// each other over real HTTP, in both directions and both versions, call each other with the new tokens,
// then update and unregister.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createRegistrationHandler,
  InMemoryPartnerStore,
  mintToken,
  partnerUrlPolicy,
  type RegistrationHandlerConfig,
  register,
  unregister,
  updateRegistration,
} from '@org/ocpi';
import { toNodeListener } from '@org/ocpi/node';
import { afterEach, describe, expect, it } from 'vitest';

type Version = '2.1.1' | '2.2.1';
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A party with its handler listening on an ephemeral port of 127.0.0.1. */
async function party(role: 'CPO' | 'EMSP', versions: Version[]) {
  const store = new InMemoryPartnerStore();
  const config: RegistrationHandlerConfig = {
    store,
    baseUrl: '',
    versions: {},
    retry: { limit: 0 },
    // Both parties live on 127.0.0.1 over plain http, which the default policy refuses.
    allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
  };
  /** What the party was sent: method, path and X-Correlation-ID of each request. */
  const received: { request: string; correlationId: string | null }[] = [];
  const server = createServer(
    toNodeListener((request) => {
      const { pathname } = new URL(request.url);
      received.push({
        request: `${request.method} ${pathname}`,
        correlationId: request.headers.get('X-Correlation-ID'),
      });
      return createRegistrationHandler(config)(request);
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ocpi`;
  const interfaceRole = role === 'CPO' ? ('SENDER' as const) : ('RECEIVER' as const);
  const us = {
    party_id: role === 'CPO' ? 'CPO' : 'EMS',
    country_code: 'NL',
    business_details: { name: role },
  };
  Object.assign(config, {
    baseUrl: base,
    versions: {
      ...(versions.includes('2.2.1') && {
        '2.2.1': {
          roles: [{ role, ...us }],
          endpoints: [{ identifier: 'locations', role: interfaceRole, url: `${base}/2.2.1/locations` }],
        },
      }),
      ...(versions.includes('2.1.1') && {
        '2.1.1': { ...us, endpoints: [{ identifier: 'locations', url: `${base}/2.1.1/locations` }] },
      }),
    },
  });
  return { store, config, base, received };
}

async function credentialsStatus(base: string, version: Version, token: string): Promise<number> {
  const value = version === '2.2.1' ? btoa(token) : token;
  const response = await fetch(`${base}/${version}/credentials`, {
    headers: { Authorization: `Token ${value}` },
  });
  return response.status;
}

describe.each([
  ['the eMSP registers with the CPO', 'EMSP', '2.2.1'],
  ['the eMSP registers with the CPO', 'EMSP', '2.1.1'],
  ['the CPO registers with the eMSP', 'CPO', '2.2.1'],
  ['the CPO registers with the eMSP', 'CPO', '2.1.1'],
] as const)('over real HTTP: %s (%s initiates) in %s', (_, initiatorRole, version) => {
  it('registers, both sides call each other with the new tokens, then update and unregister', async () => {
    const initiator = await party(initiatorRole, [version]);
    const answerer = await party(initiatorRole === 'EMSP' ? 'CPO' : 'EMSP', [version]);
    const tokenA = mintToken();
    await answerer.store.save({ id: 'initiator', status: 'invited', incomingToken: tokenA });

    const record = await register({
      config: initiator.config,
      partnerId: 'answerer',
      versionsUrl: `${answerer.base}/versions`,
      tokenA,
    });
    expect(record).toMatchObject({ status: 'registered', version });
    expect(await credentialsStatus(answerer.base, version, record.outgoingToken ?? '')).toBe(200);
    expect(await credentialsStatus(initiator.base, version, record.incomingToken)).toBe(200);
    expect(await credentialsStatus(answerer.base, version, tokenA)).toBe(401);

    const updated = await updateRegistration({ config: initiator.config, record });
    expect(await credentialsStatus(answerer.base, version, updated.outgoingToken ?? '')).toBe(200);
    expect(answerer.store.all()[0]?.outgoingToken).toBe(updated.incomingToken);

    await unregister({ config: initiator.config, record: updated });
    expect(initiator.store.all()).toEqual([]);
    expect(answerer.store.all()).toEqual([]);
    expect(await credentialsStatus(answerer.base, version, updated.outgoingToken ?? '')).toBe(401);
  });
});

describe('over real HTTP in 2.2.1: the handshake is one flow', () => {
  it('sends one X-Correlation-ID on every request of a registration, callbacks included, and a new one on an update', async () => {
    const initiator = await party('EMSP', ['2.2.1']);
    const answerer = await party('CPO', ['2.2.1']);
    const tokenA = mintToken();
    await answerer.store.save({ id: 'initiator', status: 'invited', incomingToken: tokenA });
    const versionsUrl = `${answerer.base}/versions`;

    const record = await register({ config: initiator.config, partnerId: 'answerer', versionsUrl, tokenA });
    const registration = [...answerer.received, ...initiator.received];
    expect(registration.map(({ request }) => request)).toEqual([
      'GET /ocpi/versions',
      'GET /ocpi/2.2.1',
      'POST /ocpi/2.2.1/credentials',
      'GET /ocpi/versions',
      'GET /ocpi/2.2.1',
    ]);
    const [first] = registration;
    expect(first?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(registration.map(({ correlationId }) => correlationId))).toEqual(
      new Set([first?.correlationId]),
    );

    answerer.received.length = 0;
    initiator.received.length = 0;
    await updateRegistration({ config: initiator.config, record });
    const update = [...answerer.received, ...initiator.received];
    expect(update).toHaveLength(5);
    const ids = new Set(update.map(({ correlationId }) => correlationId));
    expect(ids.size).toBe(1);
    expect(ids.has(first?.correlationId ?? null)).toBe(false);
  });
});
