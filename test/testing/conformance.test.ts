// Each simulated party checked against the spec through our client over real HTTP: the handshake with a
// counterpart built with the SDK, the modules its role offers (version details), every one of them
// exercised, paging headers read on the raw responses, everything it serves read strictly, and routing
// through the hub.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { partnerClient } from '../../src/client/registration/partner-client';
import { register } from '../../src/client/registration/register';
import { authorizationHeader } from '../../src/common/auth/authorization-header';
import { CommandInbox } from '../../src/common/commands/command-inbox';
import type { OcpiVersion } from '../../src/common/protocol/version';
import { partnerUrlPolicy } from '../../src/common/transport/partner-url-policy';
import { routingHeaders } from '../../src/common/transport/routing';
import { toNodeListener } from '../../src/node/to-node-listener';
import { InMemoryPartnerStore, type PartnerRecord } from '../../src/server/partners/partner-store';
import { commandResponseUrl, deliverCommandResults } from '../../src/server/platform/command-results';
import {
  createOcpiHandler,
  type OcpiHandlerConfig,
  registrationConfig,
} from '../../src/server/platform/create-ocpi-handler';
import { seedCpo211, seedCpo221, seedEmsp211, seedEmsp221 } from '../../src/testing/seed';
import { type LocalParty, serveLocally } from '../../src/testing/serve-locally';
import { simulatedCpo } from '../../src/testing/simulated-cpo';
import { simulatedEmsp } from '../../src/testing/simulated-emsp';
import { simulatedHub } from '../../src/testing/simulated-hub';
import { serveVersion as serveVersion211 } from '../../src/v211/serve-version';
import { sendCommand as sendCommand221 } from '../../src/v221/send-command';
import { serveVersion as serveVersion221 } from '../../src/v221/serve-version';

type Loose = Record<string, unknown>;
const PAGE_LIMIT = 10;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

// The role's modules per the spec's module chapters (interface roles in 2.2.1).
const OFFERED = {
  '2.2.1': {
    CPO: [
      'cdrs SENDER',
      'chargingprofiles RECEIVER',
      'commands RECEIVER',
      'credentials SENDER',
      'locations SENDER',
      'sessions SENDER',
      'tariffs SENDER',
      'tokens RECEIVER',
    ],
    EMSP: [
      'cdrs RECEIVER',
      'chargingprofiles SENDER',
      'commands SENDER',
      'credentials SENDER',
      'locations RECEIVER',
      'sessions RECEIVER',
      'tariffs RECEIVER',
      'tokens SENDER',
    ],
  },
  '2.1.1': {
    CPO: ['cdrs', 'commands', 'credentials', 'locations', 'sessions', 'tariffs', 'tokens'],
    EMSP: ['cdrs', 'commands', 'credentials', 'locations', 'sessions', 'tariffs', 'tokens'],
  },
} as const;

/** The SDK-built counterpart: its versions, credentials and result endpoints served on 127.0.0.1. */
async function counterpart(
  version: OcpiVersion,
  role: 'CPO' | 'EMSP',
  party = { countryCode: 'BE', partyId: 'EXT', name: 'Counterpart' },
) {
  const inbox = new CommandInbox<unknown>();
  const results = new Map<string, unknown>();
  let handle: ((request: Request) => Promise<Response>) | undefined;
  const server = createServer(
    toNodeListener(async (request) => (handle ? handle(request) : new Response(null, { status: 503 }))),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const keep = ({ request, body }: { request: Request; body: unknown }) => {
    results.set(request.url, body);
  };
  const details = { name: party.name };
  const v221Modules =
    role === 'EMSP'
      ? {
          commands: { sender: { postResult: deliverCommandResults(inbox) } },
          chargingprofiles: { sender: { postProfileResult: keep, postActiveProfileResult: keep } },
        }
      : { tokens: { receiver: { putToken: () => undefined } } };
  const v211Modules =
    role === 'EMSP'
      ? {
          commands: { emsp: { postResult: deliverCommandResults(inbox) } },
          locations: { emsp: { putLocation: () => undefined } },
        }
      : { tokens: { cpo: { putToken: () => undefined } } };
  const config: OcpiHandlerConfig = {
    store: new InMemoryPartnerStore(),
    baseUrl: `${origin}/ocpi`,
    allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
    validation: 'strict',
    versions: [
      version === '2.2.1'
        ? serveVersion221({
            roles: [
              { role, country_code: party.countryCode, party_id: party.partyId, business_details: details },
            ],
            modules: v221Modules as never,
          })
        : serveVersion211({
            country_code: party.countryCode,
            party_id: party.partyId,
            business_details: details,
            modules: v211Modules as never,
          }),
    ],
  };
  handle = createOcpiHandler(config);
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { config, inbox, results, party, baseUrl: `${origin}/ocpi` };
}

type Counterpart = Awaited<ReturnType<typeof counterpart>>;

/** Registers the counterpart with the party by its token A, as the spec's handshake goes. */
async function registered(party: LocalParty<unknown>, us: Counterpart) {
  const record = await register({
    config: registrationConfig(us.config),
    partnerId: 'party',
    versionsUrl: party.versionsUrl,
    tokenA: party.tokenA,
  });
  expect(record.status).toBe('registered');
  expect(record.version).toBe(party.version);
  const client = partnerClient({ config: registrationConfig(us.config), record });
  return { record, client };
}

/** A simulated eMSP of `version` served locally, and a CPO counterpart registered with it. */
async function emspWithCpo(version: OcpiVersion) {
  const emsp = await serveLocally((baseUrl) => simulatedEmsp({ version, baseUrl, pageLimit: PAGE_LIMIT }));
  closers.push(emsp.close);
  const us = await counterpart(version, 'CPO', { countryCode: 'NL', partyId: 'CPO', name: 'CPO' });
  return { emsp, us, ...(await registered(emsp, us)) };
}

function offered(record: PartnerRecord): string[] {
  return (record.endpoints ?? [])
    .map((endpoint) => (endpoint.role ? `${endpoint.identifier} ${endpoint.role}` : endpoint.identifier))
    .sort();
}

/** A raw GET with the partner's token (and routing headers), read as the envelope and its headers. */
async function rawGet(record: PartnerRecord, url: string, headers: Record<string, string> = {}) {
  const v221 = record.version === '2.2.1';
  const response = await fetch(url, {
    headers: {
      Authorization: authorizationHeader(record.outgoingToken ?? '', v221 ? 'base64' : 'raw'),
      ...headers,
    },
  });
  const envelope = (await response.json()) as { status_code: number; data: unknown };
  return { response, envelope };
}

function endpointOf(record: PartnerRecord, identifier: string, role?: string): string {
  const endpoint = record.endpoints?.find(
    (candidate) => candidate.identifier === identifier && (role === undefined || candidate.role === role),
  );
  if (!endpoint) throw new Error(`no ${identifier} ${role ?? ''} endpoint`);
  return endpoint.url;
}

/**
 * Walks a list by its `Link` headers as served: `X-Total-Count` and `X-Limit` on every page, a page never
 * beyond the cap even when more is asked, a `Link` exactly while objects remain. Answers the objects.
 */
async function pagedList(record: PartnerRecord, url: string, headers: Record<string, string> = {}) {
  const items: Loose[] = [];
  let next: string | undefined = `${url}${url.includes('?') ? '&' : '?'}limit=1000`;
  let total: number | undefined;
  while (next) {
    const { response, envelope } = await rawGet(record, next, headers);
    expect(response.status).toBe(200);
    expect(
      envelope,
      JSON.stringify({ next, status_message: (envelope as Loose).status_message }),
    ).toMatchObject({ status_code: 1000 });
    const pageTotal = Number(response.headers.get('X-Total-Count'));
    expect(Number.isInteger(pageTotal)).toBe(true);
    total ??= pageTotal;
    expect(pageTotal).toBe(total);
    expect(Number(response.headers.get('X-Limit'))).toBe(PAGE_LIMIT);
    const page = envelope.data as Loose[];
    expect(page.length).toBeLessThanOrEqual(PAGE_LIMIT);
    items.push(...page);
    const link = response.headers.get('Link');
    if (items.length < total) {
      expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/.+>; rel="next"$/);
      next = link?.slice(1, link.indexOf('>'));
    } else {
      expect(link).toBeNull();
      next = undefined;
    }
  }
  expect(items.length).toBe(total);
  return items;
}

function expectOwned(items: readonly Loose[], countryCode: string, partyId: string) {
  for (const item of items) {
    expect(item.country_code).toBe(countryCode);
    expect(item.party_id).toBe(partyId);
  }
}

describe.each(['2.2.1', '2.1.1'] as const)('simulated CPO, OCPI %s', (version) => {
  it('registers, offers the CPO modules and serves each of them per the spec', async () => {
    const cpo = await serveLocally((baseUrl) =>
      simulatedCpo({
        version,
        baseUrl,
        locations: 30,
        sessions: 20,
        pageLimit: PAGE_LIMIT,
        resultDelayMs: 5,
      }),
    );
    closers.push(cpo.close);
    const us = await counterpart(version, 'EMSP', { countryCode: 'NL', partyId: 'EMS', name: 'eMSP' });
    const { record, client } = await registered(cpo, us);
    expect(offered(record)).toEqual([...OFFERED[version].CPO]);
    const sender = version === '2.2.1' ? 'SENDER' : undefined;
    const data = cpo.data as unknown as Record<string, readonly Loose[]>;

    // Lists: paged by Link as served, and read strictly by the client.
    for (const module of ['locations', 'sessions', 'cdrs', 'tariffs'] as const) {
      // Sessions are asked for from a date (required by the spec's Sessions Sender).
      const since = module === 'sessions' ? { date_from: '2000-01-01T00:00:00Z' } : undefined;
      const url = endpointOf(record, module, sender);
      const raw = await pagedList(record, since ? `${url}?date_from=${since.date_from}` : url);
      expect(raw.length).toBe(data[module]?.length);
      const calls = (
        client as unknown as Record<string, Record<string, { list: (args: object) => unknown }>>
      )[module] as Record<string, { list: (args: object) => unknown }>;
      const strict = await (
        (calls[version === '2.2.1' ? 'sender' : 'cpo'] as { list: (args: object) => unknown }).list({
          ...(since && { query: since }),
          options: { validation: 'strict' },
        }) as { toArray(options: object): Promise<unknown[]> }
      ).toArray({ limit: 10_000 });
      expect(strict.length).toBe(raw.length);
    }
    // A date window: only what was last updated in it.
    const locations = data.locations as readonly Loose[];
    const dates = locations.map((location) => String(location.last_updated)).sort();
    const from = dates[Math.floor(dates.length / 2)] as string;
    const windowed = await pagedList(
      record,
      `${endpointOf(record, 'locations', sender)}?date_from=${encodeURIComponent(from)}`,
    );
    expect(windowed.length).toBe(locations.filter((l) => String(l.last_updated) >= from).length);
    expect(windowed.length).toBeLessThan(locations.length + 1);

    // Objects.
    const first = locations[0] as Loose;
    const evse = (first.evses as Loose[])[0] as Loose;
    const connector = (evse.connectors as Loose[])[0] as Loose;
    if (client.version === '2.2.1') {
      const strict = { options: { validation: 'strict' as const } };
      expect(
        (await client.locations.sender.getLocation({ params: { location_id: String(first.id) }, ...strict }))
          .id,
      ).toBe(first.id);
      expect(
        (
          await client.locations.sender.getEvse({
            params: { location_id: String(first.id), evse_uid: String(evse.uid) },
            ...strict,
          })
        ).uid,
      ).toBe(evse.uid);
      expect(
        (
          await client.locations.sender.getConnector({
            params: {
              location_id: String(first.id),
              evse_uid: String(evse.uid),
              connector_id: String(connector.id),
            },
            ...strict,
          })
        ).id,
      ).toBe(connector.id);
      await expect(
        client.locations.sender.getLocation({ params: { location_id: 'NOPE' } }),
      ).rejects.toMatchObject({
        statusCode: 2003,
      });
    } else if (client.version === '2.1.1') {
      expect((await client.locations.cpo.getLocation({ params: { location_id: String(first.id) } })).id).toBe(
        first.id,
      );
    }

    // A Token pushed, read back, patched.
    const token = (
      version === '2.2.1'
        ? seedEmsp221({ emsp: us.party, tokens: 1 })
        : seedEmsp211({ emsp: us.party, tokens: 1 })
    ).tokens[0] as Loose;
    const tokenParams = { country_code: 'NL', party_id: 'EMS', token_uid: String(token.uid) };
    if (client.version === '2.2.1') {
      await client.tokens.receiver.putToken({ params: tokenParams, body: token as never });
      await client.tokens.receiver.patchToken({
        params: tokenParams,
        body: { valid: false, last_updated: '2024-01-01T00:00:00Z' } as never,
      });
      expect((await client.tokens.receiver.getToken({ params: tokenParams })).valid).toBe(false);
    } else if (client.version === '2.1.1') {
      await client.tokens.cpo.putToken({ params: tokenParams, body: token as never });
      expect((await client.tokens.cpo.getToken({ params: tokenParams })).uid).toBe(token.uid);
    }
    expect(cpo.data.tokens.size).toBe(1);

    // A command: accepted at once, its result arriving at our response URL.
    const body = {
      response_url: commandResponseUrl(us.baseUrl, version, 'START_SESSION'),
      token: token as never,
      location_id: String(first.id),
    };
    if (client.version === '2.2.1') {
      const outcome = await sendCommand221(client as never, 'START_SESSION', body, {
        inbox: us.inbox as never,
      });
      expect(outcome.status).toBe('completed');
      expect((outcome as { result: Loose }).result.result).toBe('ACCEPTED');
      // Charging profiles: accepted, the result arriving at our response URL.
      const session = (data.sessions as Loose[])[0] as Loose;
      const responseUrl = `${us.baseUrl}/2.2.1/sender/chargingprofiles/set/${crypto.randomUUID()}`;
      const answer = await client.chargingprofiles.receiver.setProfile({
        params: { session_id: String(session.id) },
        body: {
          charging_profile: {
            charging_rate_unit: 'W',
            charging_profile_period: [{ start_period: 0, limit: 11000 }],
          },
          response_url: responseUrl,
        } as never,
      });
      expect(answer.result).toBe('ACCEPTED');
      await cpo.settled();
      expect(us.results.get(responseUrl)).toEqual({ result: 'ACCEPTED' });
    } else {
      const answer = await client.commands.cpo.startSession({ body: body as never });
      expect(answer.result).toBe('ACCEPTED');
      await cpo.settled();
    }
    expect(cpo.data.commands.map((command) => command.command)).toContain('START_SESSION');
  });
});

describe.each(['2.2.1', '2.1.1'] as const)('simulated eMSP, OCPI %s', (version) => {
  it('registers, offers the eMSP modules and serves each of them per the spec', async () => {
    const { emsp, us, record, client } = await emspWithCpo(version);
    expect(offered(record)).toEqual([...OFFERED[version].EMSP]);
    const tokens = emsp.data.tokens as readonly Loose[];

    const raw = await pagedList(
      record,
      endpointOf(record, 'tokens', version === '2.2.1' ? 'SENDER' : undefined),
    );
    expect(raw.length).toBe(tokens.length);
    const ours =
      version === '2.2.1'
        ? seedCpo221({ cpo: us.party, emsp: emsp.party, locations: 2, sessions: 4 })
        : seedCpo211({ cpo: us.party, emsp: emsp.party, locations: 2, sessions: 4 });
    const location = ours.locations[0] as unknown as Loose;
    const session = ours.sessions[0] as unknown as Loose;
    const cdr = ours.cdrs[0] as unknown as Loose;
    const tariff = ours.tariffs[0] as unknown as Loose;
    const party = { country_code: 'NL', party_id: 'CPO' };
    if (client.version === '2.2.1') {
      const strict = await client.tokens.sender
        .list({ options: { validation: 'strict' } })
        .toArray({ limit: 10_000 });
      expect(strict.length).toBe(tokens.length);
      const valid = tokens.find((token) => token.valid) as Loose;
      const authorized = await client.tokens.sender.authorize({
        params: { token_uid: String(valid.uid) },
        query: { type: String(valid.type) } as never,
        body: undefined as never,
      });
      expect(authorized.allowed).toBe('ALLOWED');
      await client.locations.receiver.putLocation({
        params: { ...party, location_id: String(location.id) },
        body: location as never,
      });
      expect(
        (
          await client.locations.receiver.getLocation({
            params: { ...party, location_id: String(location.id) },
            options: { validation: 'strict' },
          })
        ).id,
      ).toBe(location.id);
      await client.sessions.receiver.putSession({
        params: { ...party, session_id: String(session.id) },
        body: session as never,
      });
      expect(
        (await client.sessions.receiver.getSession({ params: { ...party, session_id: String(session.id) } }))
          .id,
      ).toBe(session.id);
      await client.cdrs.receiver.postCdr({ body: cdr as never });
      await client.tariffs.receiver.putTariff({
        params: { ...party, tariff_id: String(tariff.id) },
        body: tariff as never,
      });
      await client.tariffs.receiver.deleteTariff({ params: { ...party, tariff_id: String(tariff.id) } });
    } else if (client.version === '2.1.1') {
      const strict = await client.tokens.emsp
        .list({ options: { validation: 'strict' } })
        .toArray({ limit: 10_000 });
      expect(strict.length).toBe(tokens.length);
      await client.locations.emsp.putLocation({
        params: { ...party, location_id: String(location.id) },
        body: location as never,
      });
      await client.sessions.emsp.putSession({
        params: { ...party, session_id: String(session.id) },
        body: session as never,
      });
      await client.cdrs.emsp.postCdr({ body: cdr as never });
      await client.tariffs.emsp.putTariff({
        params: { ...party, tariff_id: String(tariff.id) },
        body: tariff as never,
      });
    }
    expect(emsp.data.locations.size).toBe(1);
    expect(emsp.data.sessions.size).toBe(1);
    expect(emsp.data.cdrs.size).toBe(1);
  });
});

describe.each(['2.2.1', '2.1.1'] as const)('simulated eMSP, OCPI %s, as a Locations receiver', (version) => {
  it("takes a pushed EVSE's and Connector's last_updated on their parents, never moving one back", async () => {
    const { emsp, us, client } = await emspWithCpo(version);
    const seeded = version === '2.2.1' ? seedCpo221 : seedCpo211;
    const location = seeded({ cpo: us.party, emsp: emsp.party, locations: 1, sessions: 0 })
      .locations[0] as unknown as Loose;
    const [evse] = location.evses as [Loose];
    const [connector] = evse.connectors as [Loose];
    const ids = {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: String(location.id),
      evse_uid: String(evse.uid),
      connector_id: String(connector.id),
    };
    const locations = client.version === '2.2.1' ? client.locations.receiver : client.locations.emsp;
    const read = async () => {
      const stored = await locations.getLocation({ params: ids });
      const storedEvse = stored.evses?.find((one) => one.uid === ids.evse_uid);
      return [stored.last_updated, storedEvse?.last_updated];
    };
    await locations.putLocation({
      params: ids,
      body: { ...location, last_updated: '2024-01-01T00:00:00Z' } as never,
    });
    await locations.patchEvse({
      params: ids,
      body: { status: 'CHARGING', last_updated: '2024-01-02T00:00:00Z' } as never,
    });
    expect(await read()).toEqual(['2024-01-02T00:00:00Z', '2024-01-02T00:00:00Z']);
    await locations.patchConnector({
      params: ids,
      body: { max_amperage: 32, last_updated: '2024-01-03T00:00:00Z' } as never,
    });
    expect(await read()).toEqual(['2024-01-03T00:00:00Z', '2024-01-03T00:00:00Z']);
    // A push sent before the last one arrives late: the parents keep the later time.
    await locations.putConnector({
      params: ids,
      body: { ...connector, last_updated: '2024-01-02T12:00:00Z' } as never,
    });
    expect(await read()).toEqual(['2024-01-03T00:00:00Z', '2024-01-03T00:00:00Z']);
  });
});

describe.each(['2.2.1', '2.1.1'] as const)('simulated eMSP, OCPI %s, authorizing in real time', (version) => {
  it('echoes the location asked about, gives a reference in 2.2.1, and knows a Token by its type', async () => {
    const { emsp, client } = await emspWithCpo(version);
    const tokens = emsp.data.tokens as readonly Loose[];
    const valid = tokens.find((token) => token.valid === true) as Loose;
    const blocked = tokens.find((token) => token.valid === false) as Loose;
    const where = { location_id: 'LOC1', evse_uids: ['LOC1-1', 'LOC1-2'] };
    if (client.version === '2.2.1') {
      const authorize = (token: Loose, type: unknown, body: unknown) =>
        client.tokens.sender.authorize({
          params: { token_uid: String(token.uid) },
          query: { type } as never,
          body: body as never,
          options: { validation: 'strict' },
        });
      const allowed = await authorize(valid, valid.type, where);
      expect(allowed).toMatchObject({ allowed: 'ALLOWED', location: where, token: { uid: valid.uid } });
      expect(allowed.authorization_reference).toMatch(/^[\x20-\x7E]{1,36}$/);
      const refused = await authorize(blocked, blocked.type, where);
      expect(refused.allowed).toBe('BLOCKED');
      expect(refused).not.toHaveProperty('location');
      expect(refused).not.toHaveProperty('authorization_reference');
      const otherType = valid.type === 'RFID' ? 'APP_USER' : 'RFID';
      await expect(authorize(valid, otherType, undefined)).rejects.toMatchObject({ statusCode: 2004 });
    } else if (client.version === '2.1.1') {
      const allowed = await client.tokens.emsp.authorize({
        params: { token_uid: String(valid.uid) },
        body: where as never,
        options: { validation: 'strict' },
      });
      expect(allowed).toEqual({ allowed: 'ALLOWED', location: where });
    }
  });
});

describe('simulated hub, OCPI 2.2.1', () => {
  it('registers, offers every interface, serves HubClientInfo and routes by the routing headers', async () => {
    const hub = await serveLocally((baseUrl) =>
      simulatedHub({
        version: '2.2.1',
        baseUrl,
        locations: 30,
        sessions: 10,
        pageLimit: PAGE_LIMIT,
        resultDelayMs: 5,
      }),
    );
    closers.push(hub.close);
    const us = await counterpart('2.2.1', 'EMSP');
    const { record, client } = await registered(hub, us);
    if (client.version !== '2.2.1') throw new Error('2.2.1 expected');
    expect(record.roles?.[0]?.role).toBe('HUB');
    const modules = [
      'cdrs',
      'chargingprofiles',
      'commands',
      'hubclientinfo',
      'locations',
      'sessions',
      'tariffs',
      'tokens',
    ];
    expect(offered(record)).toEqual(
      [
        'credentials SENDER',
        ...modules.flatMap((module) => [`${module} RECEIVER`, `${module} SENDER`]),
      ].sort(),
    );

    // HubClientInfo: the connected parties, CONNECTED.
    const clients = await client.hubclientinfo.sender
      .list({ options: { validation: 'strict' } })
      .toArray({ limit: 100 });
    expect(
      clients.map((info) => `${info.country_code}/${info.party_id} ${info.role} ${info.status}`),
    ).toEqual(['NL/CP1 CPO CONNECTED', 'DE/CP2 CPO CONNECTED', 'NL/EMS EMSP CONNECTED']);

    // Routed to DE/CP2: its own Locations, paged by the hub.
    const [cp1, cp2] = hub.data.members as unknown as [
      { data: { locations: Loose[]; tokens: { size: number }; commands: Loose[] } },
      { data: { locations: Loose[] } },
    ];
    const locationsUrl = endpointOf(record, 'locations', 'SENDER');
    const from = { countryCode: 'BE', partyId: 'EXT' };
    const toCp2 = routingHeaders(from, { countryCode: 'DE', partyId: 'CP2' });
    const routed = await pagedList(record, locationsUrl, toCp2);
    expect(routed.length).toBe(cp2.data.locations.length);
    expectOwned(routed, 'DE', 'CP2');
    const strict = await client.locations.sender
      .list({ options: { validation: 'strict', to: { countryCode: 'DE', partyId: 'CP2' } } })
      .toArray({ limit: 10_000 });
    expect(strict.map((location) => location.id)).toEqual(routed.map((location) => location.id));

    // GET All via the hub (to the hub itself): both CPOs' Locations.
    const all = await pagedList(
      record,
      locationsUrl,
      routingHeaders(from, { countryCode: 'NL', partyId: 'HUB' }),
    );
    expect(all.length).toBe(cp1.data.locations.length + cp2.data.locations.length);
    expect(new Set(all.map((location) => location.party_id))).toEqual(new Set(['CP1', 'CP2']));

    // An object of CP2 through the hub; an unknown receiver is 4001.
    const second = cp2.data.locations[0] as Loose;
    const got = await client.locations.sender.getLocation({
      params: { location_id: String(second.id) },
      options: { to: { countryCode: 'DE', partyId: 'CP2' }, validation: 'strict' },
    });
    expect(got.party_id).toBe('CP2');
    await expect(
      client.locations.sender.getLocation({
        params: { location_id: String(second.id) },
        options: { to: { countryCode: 'XX', partyId: 'ZZZ' } },
      }),
    ).rejects.toMatchObject({ statusCode: 4001 });
    const unknown = await rawGet(
      record,
      locationsUrl,
      routingHeaders(from, { countryCode: 'XX', partyId: 'ZZZ' }),
    );
    expect(unknown.envelope.status_code).toBe(4001);

    // A Token pushed to NL/CP1 through the hub reaches it, and only it.
    const token = seedEmsp221({ emsp: us.party, tokens: 1 }).tokens[0] as Loose;
    const toCp1 = { countryCode: 'NL', partyId: 'CP1' };
    await client.tokens.receiver.putToken({
      params: { country_code: 'BE', party_id: 'EXT', token_uid: String(token.uid) },
      body: token as never,
      options: { to: toCp1 },
    });
    expect(cp1.data.tokens.size).toBe(1);

    // A command to NL/CP1 through the hub: accepted, its result passed back to us by the hub.
    const outcome = await sendCommand221(
      client as never,
      'START_SESSION',
      {
        response_url: commandResponseUrl(us.baseUrl, '2.2.1', 'START_SESSION'),
        token: token as never,
        location_id: String((cp1.data.locations[0] as Loose).id),
      },
      { inbox: us.inbox as never, options: { to: toCp1 } } as never,
    );
    expect(outcome.status).toBe('completed');
    expect((outcome as { result: Loose }).result.result).toBe('ACCEPTED');
    expect(cp1.data.commands.at(-1)?.command).toBe('START_SESSION');
  });
});

describe('simulated hub, OCPI 2.1.1', () => {
  it('aggregates its CPOs: the Locations list is theirs together', async () => {
    const hub = await serveLocally((baseUrl) =>
      simulatedHub({ version: '2.1.1', baseUrl, locations: 30, sessions: 10, pageLimit: PAGE_LIMIT }),
    );
    closers.push(hub.close);
    const us = await counterpart('2.1.1', 'EMSP');
    const { record } = await registered(hub, us);
    expect(offered(record)).toEqual(['cdrs', 'credentials', 'locations', 'sessions', 'tariffs']);
    const members = hub.data.members as unknown as { role: string; data: { locations: Loose[] } }[];
    const cpoLocations = members
      .filter((member) => member.role === 'CPO')
      .map((member) => member.data.locations);
    const all = await pagedList(record, endpointOf(record, 'locations'));
    expect(all.map((location) => location.id)).toEqual(cpoLocations.flat().map((location) => location.id));
  });
});
