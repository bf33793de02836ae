// A partner writes only under its own parties (a hub under the party it names in OCPI-from-*), and only
// a registered partner's current token opens a module: every refusal here leaves the app's
// implementation uncalled and its store empty. Over real HTTP, with our own client where it would send
// the request and raw fetch where it would not.
import { InMemoryPartnerStore, isOcpiHttpError } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cdr211,
  examples221,
  location211,
  session211,
  tariff211,
  token211,
} from '../../support/client-payloads';
import { failure } from '../../support/failure';
import { closeServersAfterEach } from '../../support/local-server';
import { recordingPlatform, type Side211 } from '../../support/recording-platform';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterEach();

const TOKEN = { abc: 'token-c-of-abc', hub: 'token-c-of-hub', invited: 'token-a-invited' } as const;
const ABC = { countryCode: 'NL', partyId: 'ABC' };
const XYZ = { countryCode: 'NL', partyId: 'XYZ' };

let ex: ReturnType<typeof examples221>;
beforeAll(() => {
  ex = examples221();
});

async function partners(): Promise<InMemoryPartnerStore> {
  const store = new InMemoryPartnerStore();
  const party = (role: string, partyId: string) => ({
    role,
    countryCode: 'NL',
    partyId,
    businessDetails: { name: partyId },
  });
  await store.save({
    id: 'abc',
    status: 'registered',
    incomingToken: TOKEN.abc,
    roles: [party('CPO', 'ABC'), party('EMSP', 'ABC')],
  });
  await store.save({
    id: 'hub',
    status: 'registered',
    incomingToken: TOKEN.hub,
    roles: [party('HUB', 'HUB')],
  });
  await store.save({ id: 'invited', status: 'invited', incomingToken: TOKEN.invited });
  return store;
}

async function platform(side211: Side211 = 'emsp') {
  const store = await partners();
  let app!: ReturnType<typeof recordingPlatform>;
  const server = await serveHandler((origin) => {
    app = recordingPlatform({ store, baseUrl: `${origin}/ocpi`, side211, validation: 'strict' });
    return app.handle;
  });
  const base = `${server.origin}/ocpi`;
  const receiver = (module: string) => ({
    identifier: module,
    role: 'RECEIVER',
    url: `${base}/2.2.1/receiver/${module}`,
  });
  const client221 = (token: string, from: typeof ABC | null) =>
    v221.createClient({
      token,
      from,
      retry: { limit: 0 },
      endpoints: ['locations', 'sessions', 'cdrs', 'tariffs', 'tokens'].map(receiver) as never,
    });
  const client211 = (token: string) =>
    v211.createClient({
      token,
      retry: { limit: 0 },
      endpoints: ['locations', 'sessions', 'cdrs', 'tariffs', 'tokens'].map((identifier) => ({
        identifier,
        url: `${base}/2.1.1/${side211}/${identifier}`,
      })) as never,
    });
  return { ...app, base, client221, client211 };
}

/** A copy of a 2.2.1 object, owned by `party` and with the id (or uid) given. */
function ownedBy<T extends object>(object: T, party: typeof ABC, id: { id?: string; uid?: string }): T {
  return { ...object, country_code: party.countryCode, party_id: party.partyId, ...id };
}

// Each 2.2.1 push of a receiver interface under a party, as our client sends it.
type Client221 = ReturnType<Awaited<ReturnType<typeof platform>>['client221']>;
const pushes221: Record<string, (client: Client221, party: typeof ABC) => Promise<unknown>> = {
  putLocation: (client, party) =>
    client.locations.receiver.putLocation({
      params: { country_code: party.countryCode, party_id: party.partyId, location_id: 'LOC1' },
      body: ownedBy(ex.location, party, { id: 'LOC1' }),
    }),
  putSession: (client, party) =>
    client.sessions.receiver.putSession({
      params: { country_code: party.countryCode, party_id: party.partyId, session_id: 'SES1' },
      body: ownedBy(ex.session, party, { id: 'SES1' }),
    }),
  postCdr: (client, party) => client.cdrs.receiver.postCdr({ body: ownedBy(ex.cdr, party, { id: 'CDR1' }) }),
  putTariff: (client, party) =>
    client.tariffs.receiver.putTariff({
      params: { country_code: party.countryCode, party_id: party.partyId, tariff_id: 'TAR1' },
      body: ownedBy(ex.tariff, party, { id: 'TAR1' }),
    }),
  putToken: (client, party) =>
    client.tokens.receiver.putToken({
      params: { country_code: party.countryCode, party_id: party.partyId, token_uid: 'TOK1' },
      body: ownedBy(ex.appUserToken, party, { uid: 'TOK1' }),
    }),
};

async function expectNotYours(promise: Promise<unknown>) {
  const error = await failure(promise);
  expect(isOcpiHttpError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ httpStatus: 404, statusCode: 2000 });
}

describe('2.2.1 receivers: a partner pushes only under its own parties', () => {
  for (const [name, push] of Object.entries(pushes221)) {
    it(`${name} under NL/XYZ by the owner of NL/ABC is refused (404, 2000), nothing stored`, async () => {
      const app = await platform();
      await expectNotYours(push(app.client221(TOKEN.abc, ABC), XYZ));
      expect(app.calls).toEqual([]);
      expect(app.stored.size).toBe(0);
    });

    it(`${name} under NL/ABC by its owner is accepted and stored`, async () => {
      const app = await platform();
      await push(app.client221(TOKEN.abc, ABC), ABC);
      expect(app.calls.map((call) => call.operation)).toEqual([
        `2.2.1 ${name === 'postCdr' ? 'cdrs' : moduleOf(name)}.receiver.${name}`,
      ]);
      expect(app.stored.size).toBe(1);
    });

    it(`${name} for NL/XYZ by a hub naming NL/XYZ in OCPI-from-* is accepted`, async () => {
      const app = await platform();
      await push(app.client221(TOKEN.hub, XYZ), XYZ);
      expect(app.stored.size).toBe(1);
    });

    it(`${name} for NL/XYZ by a hub without OCPI-from-* is refused, nothing stored`, async () => {
      const app = await platform();
      await expectNotYours(push(app.client221(TOKEN.hub, null), XYZ));
      expect(app.calls).toEqual([]);
      expect(app.stored.size).toBe(0);
    });

    it(`${name} under NL/ABC with OCPI-from-* naming NL/XYZ is refused`, async () => {
      const app = await platform();
      await expectNotYours(push(app.client221(TOKEN.abc, XYZ), ABC));
      expect(app.calls).toEqual([]);
      expect(app.stored.size).toBe(0);
    });
  }

  it('a hub naming NL/XYZ in OCPI-from-* cannot push for another party (path or CDR)', async () => {
    const app = await platform();
    const hub = app.client221(TOKEN.hub, XYZ);
    await expectNotYours(pushes221.putLocation?.(hub, ABC) as Promise<unknown>);
    await expectNotYours(pushes221.postCdr?.(hub, ABC) as Promise<unknown>);
    expect(app.calls).toEqual([]);
    expect(app.stored.size).toBe(0);
  });

  const mismatches: [field: string, change: object][] = [
    ['country_code', { country_code: 'DE' }],
    ['party_id', { party_id: 'XYZ' }],
    ['id', { id: 'OTHER' }],
  ];
  for (const [field, change] of mismatches) {
    it(`a Location whose ${field} differs from the URL is refused with 2001, nothing stored`, async () => {
      const app = await platform();
      const error = await failure(
        app.client221(TOKEN.abc, ABC).locations.receiver.putLocation({
          params: { country_code: 'NL', party_id: 'ABC', location_id: 'LOC1' },
          body: { ...ownedBy(ex.location, ABC, { id: 'LOC1' }), ...change },
        }),
      );
      expect(error).toMatchObject({ httpStatus: 200, statusCode: 2001 });
      expect(String((error as { statusMessage?: string }).statusMessage)).toContain(field);
      expect(app.calls).toEqual([]);
      expect(app.stored.size).toBe(0);
    });
  }

  it('a Token whose uid differs from the URL is refused with 2001', async () => {
    const app = await platform();
    const error = await failure(
      app.client221(TOKEN.abc, ABC).tokens.receiver.putToken({
        params: { country_code: 'NL', party_id: 'ABC', token_uid: 'TOK1' },
        body: ownedBy(ex.appUserToken, ABC, { uid: 'TOK2' }),
      }),
    );
    expect(error).toMatchObject({ statusCode: 2001 });
    expect(app.stored.size).toBe(0);
  });

  it('reads back under another party are refused too (GET Location under NL/XYZ)', async () => {
    const app = await platform();
    await pushes221.putLocation?.(app.client221(TOKEN.hub, XYZ), XYZ);
    await expectNotYours(
      app.client221(TOKEN.abc, ABC).locations.receiver.getLocation({
        params: { country_code: 'NL', party_id: 'XYZ', location_id: 'LOC1' },
      }),
    );
  });

  it('party codes compare case-insensitively: nl/abc is the partner’s own', async () => {
    const app = await platform();
    await app.client221(TOKEN.abc, ABC).locations.receiver.putLocation({
      params: { country_code: 'nl', party_id: 'abc', location_id: 'LOC1' },
      body: ownedBy(ex.location, ABC, { id: 'LOC1' }),
    });
    expect(app.stored.size).toBe(1);
  });
});

function moduleOf(operation: string): string {
  return { putLocation: 'locations', putSession: 'sessions', putTariff: 'tariffs', putToken: 'tokens' }[
    operation
  ] as string;
}

describe('2.1.1: pushes under a party in the path', () => {
  type Client211 = ReturnType<Awaited<ReturnType<typeof platform>>['client211']>;
  const pushes211: [
    name: string,
    side: Side211,
    (client: Client211, party: typeof ABC) => Promise<unknown>,
  ][] = [
    [
      'locations.emsp.putLocation',
      'emsp',
      (client, party) =>
        client.locations.emsp.putLocation({
          params: { country_code: party.countryCode, party_id: party.partyId, location_id: 'LOC1' },
          body: location211('LOC1'),
        }),
    ],
    [
      'sessions.emsp.putSession',
      'emsp',
      (client, party) =>
        client.sessions.emsp.putSession({
          params: { country_code: party.countryCode, party_id: party.partyId, session_id: 'SES1' },
          body: session211('SES1'),
        }),
    ],
    [
      'tariffs.emsp.putTariff',
      'emsp',
      (client, party) =>
        client.tariffs.emsp.putTariff({
          params: { country_code: party.countryCode, party_id: party.partyId, tariff_id: 'TAR1' },
          body: tariff211('TAR1'),
        }),
    ],
    [
      'tokens.cpo.putToken',
      'cpo',
      (client, party) =>
        client.tokens.cpo.putToken({
          params: { country_code: party.countryCode, party_id: party.partyId, token_uid: '012345678' },
          body: token211('012345678'),
        }),
    ],
  ];
  for (const [name, side, push] of pushes211) {
    it(`${name} under NL/XYZ by the owner of NL/ABC is refused, nothing stored`, async () => {
      const app = await platform(side);
      await expectNotYours(push(app.client211(TOKEN.abc), XYZ));
      expect(app.calls).toEqual([]);
      expect(app.stored.size).toBe(0);
    });

    it(`${name} under NL/ABC by its owner is accepted`, async () => {
      const app = await platform(side);
      await push(app.client211(TOKEN.abc), ABC);
      expect(app.calls.map((call) => call.operation)).toEqual([`2.1.1 ${name}`]);
      expect(app.stored.size).toBe(1);
    });
  }

  it('a 2.1.1 CDR (which names no party) is accepted from a registered partner', async () => {
    const app = await platform('emsp');
    await app.client211(TOKEN.abc).cdrs.emsp.postCdr({ body: cdr211('CDR1') });
    expect(app.stored.size).toBe(1);
  });
});

describe('only a registered partner’s current token opens a module', () => {
  const requests: [method: string, path: string, body?: unknown][] = [
    ['GET', '/2.2.1/sender/locations'],
    ['PUT', '/2.2.1/receiver/locations/NL/ABC/LOC1', { id: 'LOC1' }],
    ['POST', '/2.2.1/receiver/cdrs', {}],
    ['POST', '/2.2.1/receiver/commands/START_SESSION', {}],
    ['GET', '/2.1.1/emsp/locations/NL/ABC/LOC1'],
    ['PUT', '/2.1.1/emsp/sessions/NL/ABC/SES1', {}],
  ];
  const authorizations: [what: string, header: string | undefined][] = [
    ['the invited partner’s token A', `Token ${btoa(TOKEN.invited)}`],
    ['token A unencoded', `Token ${TOKEN.invited}`],
    ['an unknown token', `Token ${btoa('nobody-has-this')}`],
    ['no Authorization header', undefined],
    ['a Bearer scheme', `Bearer ${TOKEN.abc}`],
  ];
  for (const [what, authorization] of authorizations) {
    it(`answers HTTP 401 with an envelope to ${what}, nothing stored`, async () => {
      const app = await platform();
      for (const [method, path, body] of requests) {
        const response = await fetch(`${app.base}${path}`, {
          method,
          headers: {
            ...(authorization !== undefined && { Authorization: authorization }),
            'Content-Type': 'application/json',
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        expect(response.status, `${method} ${path}`).toBe(401);
        const envelope = await response.json();
        expect(envelope).toMatchObject({ status_code: expect.any(Number), timestamp: expect.any(String) });
      }
      expect(app.calls).toEqual([]);
      expect(app.stored.size).toBe(0);
    });
  }

  it('the registered partner’s token opens the same requests (control)', async () => {
    const app = await platform();
    const response = await fetch(`${app.base}/2.2.1/sender/locations`, {
      headers: { Authorization: `Token ${btoa(TOKEN.abc)}` },
    });
    expect(response.status).toBe(200);
  });
});

describe('routing headers naming another party, over raw HTTP', () => {
  it('a GET of a sender list with OCPI-from-* naming another party is refused', async () => {
    const app = await platform();
    const response = await fetch(`${app.base}/2.2.1/sender/locations`, {
      headers: {
        Authorization: `Token ${btoa(TOKEN.abc)}`,
        'OCPI-from-country-code': 'NL',
        'OCPI-from-party-id': 'XYZ',
      },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status_code: 2000 });
    expect(app.calls).toEqual([]);
  });
});
