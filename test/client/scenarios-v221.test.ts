/**
 * OCPI 2.2.1 flows per module against a partner played by msw: what the partner received (method, URL,
 * query, body, headers) and what the client handed back. The partners keep what they are sent, so a
 * read after a write shows that the write arrived as the spec means it.
 */
import { isOcpiClientStatusError, isOcpiHttpError } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { chargingProfile221, clientInfo221, examples221 } from '../support/client-payloads';
import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';
import { fromSpec } from '../support/spec';

const { server, requests } = useMswServer();

const CPO = 'https://cpo.example.com/ocpi/2.2.1';
const EMSP = 'https://emsp.example.com/ocpi/2.2.1';
const HUB = 'https://hub.example.com/ocpi/2.2.1';
const TOKEN_FOR_CPO = 'token-the-cpo-gave-the-emsp';
const TOKEN_FOR_EMSP = 'token-the-emsp-gave-the-cpo';
const EMS = { countryCode: 'NL', partyId: 'EMS' };
const BEC = { countryCode: 'BE', partyId: 'BEC' };

const ex = fromSpec(examples221);

/** The eMSP (or SCSP) calling the CPO: the CPO's Sender and Receiver interfaces. */
const emspToCpo = () =>
  v221.createClient({
    token: TOKEN_FOR_CPO,
    endpoints: [
      { identifier: 'credentials', role: 'RECEIVER', url: `${CPO}/credentials` },
      { identifier: 'locations', role: 'SENDER', url: `${CPO}/locations` },
      { identifier: 'sessions', role: 'SENDER', url: `${CPO}/sessions` },
      { identifier: 'cdrs', role: 'SENDER', url: `${CPO}/cdrs` },
      { identifier: 'tariffs', role: 'SENDER', url: `${CPO}/tariffs` },
      { identifier: 'tokens', role: 'RECEIVER', url: `${CPO}/tokens` },
      { identifier: 'commands', role: 'RECEIVER', url: `${CPO}/commands` },
      { identifier: 'chargingprofiles', role: 'RECEIVER', url: `${CPO}/chargingprofiles` },
    ],
    from: EMS,
    to: BEC,
    retry: { limit: 0 },
    validation: 'strict',
  });

/** The CPO calling the eMSP: the eMSP's Receiver interfaces and its Tokens Sender interface. */
const cpoToEmsp = () =>
  v221.createClient({
    token: TOKEN_FOR_EMSP,
    endpoints: [
      { identifier: 'locations', role: 'RECEIVER', url: `${EMSP}/locations` },
      { identifier: 'sessions', role: 'RECEIVER', url: `${EMSP}/sessions` },
      { identifier: 'cdrs', role: 'RECEIVER', url: `${EMSP}/cdrs` },
      { identifier: 'tariffs', role: 'RECEIVER', url: `${EMSP}/tariffs` },
      { identifier: 'tokens', role: 'SENDER', url: `${EMSP}/tokens` },
      { identifier: 'chargingprofiles', role: 'SENDER', url: `${EMSP}/chargingprofiles` },
    ],
    from: BEC,
    to: EMS,
    retry: { limit: 0 },
    validation: 'strict',
  });

const sent = () => requests.map((request) => `${request.method} ${request.url}`);
const routing = (request: Request | undefined) =>
  [
    request?.headers.get('ocpi-from-country-code'),
    request?.headers.get('ocpi-from-party-id'),
    request?.headers.get('ocpi-to-country-code'),
    request?.headers.get('ocpi-to-party-id'),
  ].join(' ');
const bodies = () => Promise.all(requests.map((request) => request.text().then((text) => text || undefined)));

describe('Locations', () => {
  const locations = fromSpec(() =>
    ['LOC1', 'LOC2', 'LOC3', 'LOC4', 'LOC5'].map((id) => ({ ...ex().location, id })),
  );

  it('an eMSP pulls the Locations page by page following Link, then gets one EVSE', async () => {
    // Read before the partner serves them, so that a missing spec says so instead of an HTTP 500.
    const served = locations();
    server.use(
      http.get(`${CPO}/locations`, ({ request }) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get('offset') ?? 0);
        const limit = Math.min(Number(url.searchParams.get('limit') ?? 2), 2);
        const next = offset + limit < served.length ? offset + limit : undefined;
        return ocpi(served.slice(offset, offset + limit), {
          headers: {
            'X-Total-Count': String(served.length),
            'X-Limit': '2',
            ...(next !== undefined && { Link: `<${CPO}/locations?offset=${next}&limit=2>; rel="next"` }),
          },
        });
      }),
      http.get(`${CPO}/locations/:locationId/:evseUid`, ({ params }) => {
        const location = served.find(({ id }) => id === params.locationId);
        const evse = location?.evses?.find(({ uid }) => uid === params.evseUid);
        return evse ? ocpi(evse) : ocpi(undefined, { status: 404, status_code: 2003 });
      }),
    );
    const client = emspToCpo();

    const pages: { ids: string[]; total: number | undefined; limit: number | undefined }[] = [];
    for await (const page of client.locations.sender.list({ query: { limit: 10 } }).pages()) {
      pages.push({ ids: page.items.map(({ id }) => id), total: page.totalCount, limit: page.limit });
    }
    const evse = await client.locations.sender.getEvse({ params: { location_id: 'LOC3', evse_uid: '3257' } });

    expect(pages).toEqual([
      { ids: ['LOC1', 'LOC2'], total: 5, limit: 2 },
      { ids: ['LOC3', 'LOC4'], total: 5, limit: 2 },
      { ids: ['LOC5'], total: 5, limit: 2 },
    ]);
    expect(evse).toEqual(ex().location.evses?.[1]);
    expect(sent()).toEqual([
      `GET ${CPO}/locations?limit=10`,
      `GET ${CPO}/locations?offset=2&limit=2`,
      `GET ${CPO}/locations?offset=4&limit=2`,
      `GET ${CPO}/locations/LOC3/3257`,
    ]);
    const correlationIds = requests.map((request) => request.headers.get('x-correlation-id'));
    expect(new Set(correlationIds.slice(0, 3)).size).toBe(1);
    expect(correlationIds[3]).not.toBe(correlationIds[0]);
    expect(requests.map(routing)).toEqual(Array(4).fill('NL EMS BE BEC'));
  });

  it('a CPO pushes a Location, then a status change of one EVSE; the eMSP copy shows both', async () => {
    const store = new Map<string, v221.Location>();
    server.use(
      http.put(`${EMSP}/locations/:cc/:party/:locationId`, async ({ request, params }) => {
        store.set(
          `${params.cc}/${params.party}/${params.locationId}`,
          (await request.json()) as v221.Location,
        );
        return ocpi(undefined);
      }),
      http.patch(`${EMSP}/locations/:cc/:party/:locationId/:evseUid`, async ({ request, params }) => {
        const location = store.get(`${params.cc}/${params.party}/${params.locationId}`);
        const evse = location?.evses?.find(({ uid }) => uid === params.evseUid);
        if (!location || !evse) return ocpi(undefined, { status: 404, status_code: 2003 });
        const patch = (await request.json()) as v221.EVSEPatch;
        Object.assign(evse, patch);
        location.last_updated = patch.last_updated;
        return ocpi(undefined);
      }),
      http.get(`${EMSP}/locations/:cc/:party/:locationId`, ({ params }) => {
        const location = store.get(`${params.cc}/${params.party}/${params.locationId}`);
        return location ? ocpi(location) : ocpi(undefined, { status: 404, status_code: 2003 });
      }),
    );
    const client = cpoToEmsp();
    const params = { country_code: 'BE', party_id: 'BEC', location_id: 'LOC1' };

    await client.locations.receiver.putLocation({ params, body: ex().location });
    await client.locations.receiver.patchEvse({
      params: { ...params, evse_uid: '3256' },
      body: ex().evsePatch,
    });
    const copy = await client.locations.receiver.getLocation({ params });

    expect(copy.evses?.[0]).toEqual({ ...ex().evse, ...ex().evsePatch });
    expect(copy.evses?.[1]).toEqual(ex().location.evses?.[1]);
    expect(copy.last_updated).toBe(ex().evsePatch.last_updated);
    expect(sent()).toEqual([
      `PUT ${EMSP}/locations/BE/BEC/LOC1`,
      `PATCH ${EMSP}/locations/BE/BEC/LOC1/3256`,
      `GET ${EMSP}/locations/BE/BEC/LOC1`,
    ]);
    expect(await bodies()).toEqual([
      JSON.stringify(ex().location),
      JSON.stringify(ex().evsePatch),
      undefined,
    ]);
    expect(requests.map(routing)).toEqual(Array(3).fill('BE BEC NL EMS'));
  });
});

describe('Tokens', () => {
  it('an eMSP pushes an APP_USER Token, invalidates it with a PATCH, and reads the CPO copy', async () => {
    const store = new Map<string, v221.Token>();
    const key = (params: Record<string, unknown>, request: Request) =>
      `${params.cc}/${params.party}/${params.uid}/${new URL(request.url).searchParams.get('type') ?? 'RFID'}`;
    server.use(
      http.put(`${CPO}/tokens/:cc/:party/:uid`, async ({ request, params }) => {
        store.set(key(params, request), (await request.json()) as v221.Token);
        return ocpi(undefined);
      }),
      http.patch(`${CPO}/tokens/:cc/:party/:uid`, async ({ request, params }) => {
        const token = store.get(key(params, request));
        if (!token) return ocpi(undefined, { status: 404, status_code: 2004 });
        Object.assign(token, await request.json());
        return ocpi(undefined);
      }),
      http.get(`${CPO}/tokens/:cc/:party/:uid`, ({ request, params }) => {
        const token = store.get(key(params, request));
        return token ? ocpi(token) : ocpi(undefined, { status: 404, status_code: 2004 });
      }),
    );
    const client = emspToCpo();
    const token = ex().appUserToken;
    const params = { country_code: token.country_code, party_id: token.party_id, token_uid: token.uid };
    const query = { type: 'APP_USER' } as const;

    await client.tokens.receiver.putToken({ params, query, body: token });
    await client.tokens.receiver.patchToken({ params, query, body: ex().tokenPatch });
    const copy = await client.tokens.receiver.getToken({ params, query });
    // Without ?type=, the CPO looks for an RFID token of that uid: there is none.
    const rfid = await failure(client.tokens.receiver.getToken({ params }));

    expect(copy).toEqual({ ...token, valid: false, last_updated: ex().tokenPatch.last_updated });
    expect(isOcpiHttpError(rfid) && rfid.statusCode).toBe(2004);
    const url = `${CPO}/tokens/DE/TNM/${token.uid}`;
    expect(sent()).toEqual([
      `PUT ${url}?type=APP_USER`,
      `PATCH ${url}?type=APP_USER`,
      `GET ${url}?type=APP_USER`,
      `GET ${url}`,
    ]);
    expect(requests.map((request) => request.headers.get('content-type'))).toEqual([
      'application/json',
      'application/json',
      null,
      null,
    ]);
  });

  it('a CPO asks for real-time authorization at a Location and gets the authorization reference', async () => {
    const received: unknown[] = [];
    server.use(
      http.post(`${EMSP}/tokens/:uid/authorize`, async ({ request, params }) => {
        const body = await request.json();
        received.push(body);
        if (params.uid !== ex().rfidToken.uid) {
          return ocpi(undefined, { status_code: 2004, status_message: 'Unknown Token' });
        }
        return ocpi({
          allowed: 'ALLOWED',
          token: ex().rfidToken,
          location: body,
          authorization_reference: 'AUTH-42',
        });
      }),
    );
    const client = cpoToEmsp();
    const location = { location_id: 'LOC1', evse_uids: ['3256'] };

    const info = await client.tokens.sender.authorize({
      params: { token_uid: ex().rfidToken.uid },
      query: { type: 'RFID' },
      body: location,
    });
    const unknown = await failure(
      client.tokens.sender.authorize({ params: { token_uid: 'NOT KNOWN' }, body: location }),
    );

    expect(info).toEqual({
      allowed: 'ALLOWED',
      token: ex().rfidToken,
      location,
      authorization_reference: 'AUTH-42',
    });
    expect(isOcpiClientStatusError(unknown) && unknown.statusCode).toBe(2004);
    expect(received).toEqual([location, location]);
    expect(sent()).toEqual([
      `POST ${EMSP}/tokens/012345678/authorize?type=RFID`,
      `POST ${EMSP}/tokens/NOT%20KNOWN/authorize`,
    ]);
    expect(routing(requests[0])).toBe('BE BEC NL EMS');
  });
});

describe('Commands', () => {
  it('an eMSP starts a session: the CPO accepts at once and later POSTs the result to response_url', async () => {
    const commands: v221.StartSession[] = [];
    const results: unknown[] = [];
    server.use(
      http.post(`${CPO}/commands/START_SESSION`, async ({ request }) => {
        commands.push((await request.json()) as v221.StartSession);
        return ocpi({ result: 'ACCEPTED', timeout: 30 });
      }),
      http.post(`${EMSP}/commands/START_SESSION/:id`, async ({ request }) => {
        results.push(await request.json());
        return ocpi(undefined);
      }),
    );
    const command: v221.StartSession = {
      response_url: `${EMSP}/commands/START_SESSION/1234`,
      token: ex().rfidToken,
      location_id: 'LOC1',
      evse_uid: '3256',
      authorization_reference: 'AUTH-42',
    };

    const response = await emspToCpo().commands.receiver.startSession({ body: command });
    // The CPO, once the charger has answered, sends the outcome to the URL the command carried.
    const responseUrl = commands[0]?.response_url ?? '';
    await cpoToEmsp().commands.sender.postResult({
      params: { response_url: responseUrl },
      body: { result: 'ACCEPTED' },
    });

    expect(response).toEqual({ result: 'ACCEPTED', timeout: 30 });
    expect(commands).toEqual([command]);
    expect(results).toEqual([{ result: 'ACCEPTED' }]);
    expect(sent()).toEqual([
      `POST ${CPO}/commands/START_SESSION`,
      `POST ${EMSP}/commands/START_SESSION/1234`,
    ]);
    expect(requests.map(routing)).toEqual(['NL EMS BE BEC', 'BE BEC NL EMS']);
    expect(requests[0]?.headers.get('authorization')).toBe(`Token ${btoa(TOKEN_FOR_CPO)}`);
    expect(requests[1]?.headers.get('authorization')).toBe(`Token ${btoa(TOKEN_FOR_EMSP)}`);
  });

  it('an eMSP stops a session the CPO does not know, and gets UNKNOWN_SESSION with a message', async () => {
    server.use(
      http.post(`${CPO}/commands/STOP_SESSION`, () =>
        ocpi({
          result: 'UNKNOWN_SESSION',
          timeout: 0,
          message: [{ language: 'en', text: 'No session 999' }],
        }),
      ),
    );
    const response = await emspToCpo().commands.receiver.stopSession({
      body: { response_url: `${EMSP}/commands/STOP_SESSION/1`, session_id: '999' },
    });
    expect(response).toEqual({
      result: 'UNKNOWN_SESSION',
      timeout: 0,
      message: [{ language: 'en', text: 'No session 999' }],
    });
    expect(await requests[0]?.json()).toEqual({
      response_url: `${EMSP}/commands/STOP_SESSION/1`,
      session_id: '999',
    });
  });
});

describe('CDRs', () => {
  it('a CPO posts a CDR and reads it back at the URL the eMSP gave in the Location header', async () => {
    const stored = new Map<string, unknown>();
    server.use(
      http.post(`${EMSP}/cdrs`, async ({ request }) => {
        const cdr = (await request.json()) as v221.CDR;
        stored.set(`stored-${cdr.id}`, cdr);
        return ocpi(undefined, { headers: { Location: `${EMSP}/cdrs/stored-${cdr.id}` } });
      }),
      http.get(`${EMSP}/cdrs/:key`, ({ params }) => {
        const cdr = stored.get(String(params.key));
        return cdr ? ocpi(cdr) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
    const client = cpoToEmsp();

    const url = await client.cdrs.receiver.postCdr({ body: ex().cdr });
    const copy = await client.cdrs.receiver.getCdr({ params: { cdr_location_url: url } });

    expect(url).toBe(`${EMSP}/cdrs/stored-12345`);
    expect(copy).toEqual(ex().cdr);
    expect(sent()).toEqual([`POST ${EMSP}/cdrs`, `GET ${EMSP}/cdrs/stored-12345`]);
    expect(await bodies()).toEqual([JSON.stringify(ex().cdr), undefined]);
  });

  it('an eMSP pulls the CDRs of a period from the CPO', async () => {
    const { cdr } = ex();
    server.use(
      http.get(`${CPO}/cdrs`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const inWindow =
          cdr.last_updated >= (query.get('date_from') ?? '') &&
          cdr.last_updated < (query.get('date_to') ?? '9999');
        return ocpi(inWindow ? [cdr] : [], { headers: { 'X-Total-Count': inWindow ? '1' : '0' } });
      }),
    );
    const list = (date_from: string, date_to: string) =>
      emspToCpo().cdrs.sender.list({ query: { date_from, date_to } }).toArray({ limit: 10 });

    expect(await list('2015-06-29T00:00:00Z', '2015-06-30T00:00:00Z')).toEqual([ex().cdr]);
    expect(await list('2015-06-30T00:00:00Z', '2015-07-01T00:00:00Z')).toEqual([]);
    expect(sent()).toEqual([
      `GET ${CPO}/cdrs?date_from=2015-06-29T00%3A00%3A00Z&date_to=2015-06-30T00%3A00%3A00Z`,
      `GET ${CPO}/cdrs?date_from=2015-06-30T00%3A00%3A00Z&date_to=2015-07-01T00%3A00%3A00Z`,
    ]);
  });
});

describe('ChargingProfiles', () => {
  it('an SCSP sets, reads and clears a profile; the CPO answers at once and POSTs each result', async () => {
    const atCpo: { method: string; body: unknown; query: Record<string, string> }[] = [];
    const results = new Map<string, unknown>();
    let pushedActive: unknown;
    server.use(
      http.all(`${CPO}/chargingprofiles/:sessionId`, async ({ request, params }) => {
        if (params.sessionId !== '101') return ocpi({ result: 'UNKNOWN_SESSION', timeout: 0 });
        const body = request.method === 'PUT' ? await request.json() : undefined;
        atCpo.push({
          method: request.method,
          body,
          query: Object.fromEntries(new URL(request.url).searchParams),
        });
        return ocpi({ result: 'ACCEPTED', timeout: 30 });
      }),
      http.post(`${EMSP}/chargingprofiles/results/:kind`, async ({ request, params }) => {
        results.set(String(params.kind), await request.json());
        return ocpi(undefined);
      }),
      http.put(`${EMSP}/chargingprofiles/:sessionId`, async ({ request }) => {
        pushedActive = await request.json();
        return ocpi(undefined);
      }),
    );
    const scsp = emspToCpo();
    const cpo = cpoToEmsp();
    const params = { session_id: '101' };
    const resultUrl = (kind: string) => `${EMSP}/chargingprofiles/results/${kind}`;
    const active = { start_date_time: '2024-06-01T12:00:00Z', charging_profile: chargingProfile221 };

    const set = await scsp.chargingprofiles.receiver.setProfile({
      params,
      body: { charging_profile: chargingProfile221, response_url: resultUrl('set') },
    });
    await cpo.chargingprofiles.sender.postProfileResult({
      params: { response_url: resultUrl('set') },
      body: { result: 'ACCEPTED' },
    });
    const get = await scsp.chargingprofiles.receiver.getActiveProfile({
      params,
      query: { duration: 3600, response_url: resultUrl('active') },
    });
    await cpo.chargingprofiles.sender.postActiveProfileResult({
      params: { response_url: resultUrl('active') },
      body: { result: 'ACCEPTED', profile: active },
    });
    await cpo.chargingprofiles.sender.putActiveProfile({ params, body: active });
    const clear = await scsp.chargingprofiles.receiver.clearProfile({
      params,
      query: { response_url: resultUrl('clear') },
    });
    await cpo.chargingprofiles.sender.postClearProfileResult({
      params: { response_url: resultUrl('clear') },
      body: { result: 'ACCEPTED' },
    });
    const unknown = await scsp.chargingprofiles.receiver.clearProfile({
      params: { session_id: '999' },
      query: { response_url: resultUrl('clear') },
    });

    expect([set, get, clear]).toEqual(Array(3).fill({ result: 'ACCEPTED', timeout: 30 }));
    expect(unknown).toEqual({ result: 'UNKNOWN_SESSION', timeout: 0 });
    expect(atCpo).toEqual([
      {
        method: 'PUT',
        body: { charging_profile: chargingProfile221, response_url: resultUrl('set') },
        query: {},
      },
      { method: 'GET', body: undefined, query: { duration: '3600', response_url: resultUrl('active') } },
      { method: 'DELETE', body: undefined, query: { response_url: resultUrl('clear') } },
    ]);
    expect(Object.fromEntries(results)).toEqual({
      set: { result: 'ACCEPTED' },
      active: { result: 'ACCEPTED', profile: active },
      clear: { result: 'ACCEPTED' },
    });
    expect(pushedActive).toEqual(active);
    expect(requests.map(routing)).toEqual([
      'NL EMS BE BEC',
      'BE BEC NL EMS',
      'NL EMS BE BEC',
      'BE BEC NL EMS',
      'BE BEC NL EMS',
      'NL EMS BE BEC',
      'BE BEC NL EMS',
      'NL EMS BE BEC',
    ]);
  });
});

describe('HubClientInfo', () => {
  it('a party lists the connected parties from the hub and takes a status pushed by the hub, unrouted', async () => {
    const parties = [
      clientInfo221('NL', 'CPO'),
      clientInfo221('DE', 'EMS', 'EMSP'),
      clientInfo221('BE', 'BEC'),
    ];
    const copies = new Map<string, v221.ClientInfo>();
    server.use(
      http.get(`${HUB}/hubclientinfo`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const next =
          offset + 2 < parties.length
            ? `<${HUB}/hubclientinfo?offset=${offset + 2}&limit=2>; rel="next"`
            : '';
        return ocpi(parties.slice(offset, offset + 2), {
          headers: { 'X-Total-Count': '3', ...(next && { Link: next }) },
        });
      }),
      http.put(`${EMSP}/hubclientinfo/:cc/:party`, async ({ request, params }) => {
        copies.set(`${params.cc}/${params.party}`, (await request.json()) as v221.ClientInfo);
        return ocpi(undefined);
      }),
      http.get(`${EMSP}/hubclientinfo/:cc/:party`, ({ params }) => {
        const copy = copies.get(`${params.cc}/${params.party}`);
        return copy ? ocpi(copy) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
    const options = {
      token: TOKEN_FOR_CPO,
      from: EMS,
      to: BEC,
      retry: { limit: 0 },
      validation: 'strict' as const,
    };
    const party = v221.createClient({
      ...options,
      endpoints: [{ identifier: 'hubclientinfo', role: 'SENDER', url: `${HUB}/hubclientinfo` }],
    });
    const hub = v221.createClient({
      ...options,
      endpoints: [{ identifier: 'hubclientinfo', role: 'RECEIVER', url: `${EMSP}/hubclientinfo` }],
    });
    const offline = {
      ...clientInfo221('NL', 'CPO'),
      status: 'OFFLINE' as const,
      last_updated: '2024-06-02T08:00:00Z',
    };

    const listed = await party.hubclientinfo.sender.list().toArray({ limit: 10 });
    await hub.hubclientinfo.receiver.putClientInfo({
      params: { country_code: 'NL', party_id: 'CPO' },
      body: offline,
    });
    const copy = await hub.hubclientinfo.receiver.getClientInfo({
      params: { country_code: 'NL', party_id: 'CPO' },
    });

    expect(listed).toEqual(parties);
    expect(copy).toEqual(offline);
    expect(sent()).toEqual([
      `GET ${HUB}/hubclientinfo`,
      `GET ${HUB}/hubclientinfo?offset=2&limit=2`,
      `PUT ${EMSP}/hubclientinfo/NL/CPO`,
      `GET ${EMSP}/hubclientinfo/NL/CPO`,
    ]);
    // A configuration module: never routing headers (transport_and_format, Message Routing Headers).
    const routed = requests.flatMap((request) =>
      [...request.headers.keys()].filter((name) => name.startsWith('ocpi-')),
    );
    expect(routed).toEqual([]);
  });
});

describe('Sessions', () => {
  const active = fromSpec(() => ({
    ...ex().session,
    id: 'SES-A',
    status: 'ACTIVE' as const,
    last_updated: '2024-06-01T10:00:00Z',
  }));
  const finished = fromSpec(() => ({
    ...ex().finishedSession,
    id: 'SES-F',
    last_updated: '2024-05-01T10:00:00Z',
  }));

  it('an eMSP lists the Sessions since date_from, then sets charging preferences on the active one', async () => {
    const preferences: unknown[] = [];
    const served = [active(), finished()];
    server.use(
      http.get(`${CPO}/sessions`, ({ request }) => {
        const from = new URL(request.url).searchParams.get('date_from');
        if (!from)
          return ocpi(undefined, { status: 400, status_code: 2001, status_message: 'date_from missing' });
        const sessions = served.filter((session) => session.last_updated >= from);
        return ocpi(sessions, { headers: { 'X-Total-Count': String(sessions.length) } });
      }),
      http.put(`${CPO}/sessions/:sessionId/charging_preferences`, async ({ request, params }) => {
        preferences.push({ session: params.sessionId, body: await request.json() });
        return ocpi(params.sessionId === 'SES-A' ? 'ACCEPTED' : 'NOT_POSSIBLE');
      }),
    );
    const client = emspToCpo();

    const sessions = await client.sessions.sender
      .list({ query: { date_from: '2024-05-15T00:00:00Z' } })
      .toArray({ limit: 10 });
    const wanted = {
      profile_type: 'GREEN' as const,
      departure_time: '2024-06-01T18:00:00Z',
      energy_need: 20,
    };
    const answer = await client.sessions.sender.putChargingPreferences({
      params: { session_id: sessions[0]?.id ?? '' },
      body: wanted,
    });

    expect(sessions).toEqual([active()]);
    expect(answer).toBe('ACCEPTED');
    expect(preferences).toEqual([{ session: 'SES-A', body: wanted }]);
    expect(sent()).toEqual([
      `GET ${CPO}/sessions?date_from=2024-05-15T00%3A00%3A00Z`,
      `PUT ${CPO}/sessions/SES-A/charging_preferences`,
    ]);
  });

  it('a CPO pushes a Session, then its cost, and the eMSP copy has both', async () => {
    const store = new Map<string, Record<string, unknown>>();
    server.use(
      http.put(`${EMSP}/sessions/:cc/:party/:id`, async ({ request, params }) => {
        store.set(
          `${params.cc}/${params.party}/${params.id}`,
          (await request.json()) as Record<string, unknown>,
        );
        return ocpi(undefined);
      }),
      http.patch(`${EMSP}/sessions/:cc/:party/:id`, async ({ request, params }) => {
        const session = store.get(`${params.cc}/${params.party}/${params.id}`);
        if (!session) return ocpi(undefined, { status: 404, status_code: 2000 });
        Object.assign(session, await request.json());
        return ocpi(undefined);
      }),
      http.get(`${EMSP}/sessions/:cc/:party/:id`, ({ params }) => {
        const session = store.get(`${params.cc}/${params.party}/${params.id}`);
        return session ? ocpi(session) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
    const client = cpoToEmsp();
    const params = { country_code: 'NL', party_id: 'STK', session_id: 'SES-A' };

    await client.sessions.receiver.putSession({ params, body: active() });
    await client.sessions.receiver.patchSession({ params, body: ex().sessionPatch });
    const copy = await client.sessions.receiver.getSession({ params });

    expect(copy).toEqual({ ...active(), ...ex().sessionPatch });
    expect(sent()).toEqual(
      ['PUT', 'PATCH', 'GET'].map((method) => `${method} ${EMSP}/sessions/NL/STK/SES-A`),
    );
  });
});

describe('Tariffs', () => {
  it('a CPO puts a Tariff, replaces it, then deletes it; the eMSP no longer has it', async () => {
    const store = new Map<string, unknown>();
    server.use(
      http.put(`${EMSP}/tariffs/:cc/:party/:id`, async ({ request, params }) => {
        store.set(`${params.cc}/${params.party}/${params.id}`, await request.json());
        return ocpi(undefined);
      }),
      http.get(`${EMSP}/tariffs/:cc/:party/:id`, ({ params }) => {
        const tariff = store.get(`${params.cc}/${params.party}/${params.id}`);
        return tariff
          ? ocpi(tariff)
          : ocpi(undefined, { status: 404, status_code: 2000, status_message: 'Unknown' });
      }),
      http.delete(`${EMSP}/tariffs/:cc/:party/:id`, ({ params }) => {
        store.delete(`${params.cc}/${params.party}/${params.id}`);
        return ocpi(undefined);
      }),
    );
    const client = cpoToEmsp();
    const params = { country_code: 'DE', party_id: 'ALL', tariff_id: '12' };
    const repriced = {
      ...ex().tariff,
      elements: [{ price_components: [{ type: 'TIME' as const, price: 2.5, vat: 10, step_size: 60 }] }],
      last_updated: '2024-06-01T00:00:00Z',
    };

    await client.tariffs.receiver.putTariff({ params, body: ex().tariff });
    const first = await client.tariffs.receiver.getTariff({ params });
    await client.tariffs.receiver.putTariff({ params, body: repriced });
    const second = await client.tariffs.receiver.getTariff({ params });
    await client.tariffs.receiver.deleteTariff({ params });
    const gone = await failure(client.tariffs.receiver.getTariff({ params }));

    expect(first).toEqual(ex().tariff);
    expect(second).toEqual(repriced);
    expect(isOcpiHttpError(gone) && { httpStatus: gone.httpStatus, statusCode: gone.statusCode }).toEqual({
      httpStatus: 404,
      statusCode: 2000,
    });
    const url = `${EMSP}/tariffs/DE/ALL/12`;
    expect(sent()).toEqual([
      `PUT ${url}`,
      `GET ${url}`,
      `PUT ${url}`,
      `GET ${url}`,
      `DELETE ${url}`,
      `GET ${url}`,
    ]);
    expect(requests[4]?.headers.get('content-type')).toBeNull();
  });

  it('an eMSP pulls all Tariffs of the CPO', async () => {
    const { tariff, tariff2 } = ex();
    server.use(
      http.get(`${CPO}/tariffs`, () => ocpi([tariff, tariff2], { headers: { 'X-Total-Count': '2' } })),
    );
    const tariffs = await emspToCpo().tariffs.sender.list().toArray({ limit: 10 });
    expect(tariffs.map(({ id }) => id)).toEqual(['12', '16']);
    expect(sent()).toEqual([`GET ${CPO}/tariffs`]);
  });
});

describe('Versions and Credentials', () => {
  it('an eMSP registers: versions, 2.2.1 details, POST credentials, then uses the token it got', async () => {
    const versionsUrl = 'https://cpo.example.com/ocpi/versions';
    const details = {
      version: '2.2.1',
      endpoints: [{ identifier: 'credentials', role: 'RECEIVER', url: `${CPO}/credentials` }],
    };
    const ours: v221.Credentials = {
      token: 'token-for-the-cpo-to-use',
      url: 'https://emsp.example.com/ocpi/versions',
      roles: [
        { role: 'EMSP', party_id: 'EMS', country_code: 'NL', business_details: { name: 'Example eMSP' } },
      ],
    };
    const theirs: v221.Credentials = { ...ex().credentials, token: 'token-c-for-the-emsp' };
    server.use(
      http.get(versionsUrl, () => ocpi([{ version: '2.2.1', url: CPO }])),
      http.get(CPO, () => ocpi(details)),
      http.post(`${CPO}/credentials`, () => ocpi(theirs)),
      http.get(`${CPO}/credentials`, ({ request }) =>
        request.headers.get('authorization') === `Token ${btoa(theirs.token)}`
          ? ocpi(ours)
          : HttpResponse.json({ status_code: 2000, timestamp: '2024-06-01T12:00:00Z' }, { status: 401 }),
      ),
    );
    const bootstrap = v221.createClient({ token: 'token-a', endpoints: [], versionsUrl, from: EMS, to: BEC });

    const versions = await bootstrap.versions.getVersions({ params: { versions_url: versionsUrl } });
    const version = versions.find((entry) => entry.version === '2.2.1');
    const found = await bootstrap.versions.getVersionDetails({ params: { version_url: version?.url ?? '' } });
    const registering = v221.createClient({
      token: 'token-a',
      endpoints: found.endpoints,
      from: EMS,
      to: BEC,
    });
    const registered = await registering.credentials.postCredentials({ body: ours });
    const client = v221.createClient({
      token: registered.token,
      endpoints: found.endpoints,
      from: EMS,
      to: BEC,
    });
    const check = await client.credentials.getCredentials();

    expect(found).toEqual(details);
    expect(registered).toEqual(theirs);
    expect(check).toEqual(ours);
    expect(sent()).toEqual([
      `GET ${versionsUrl}`,
      `GET ${CPO}`,
      `POST ${CPO}/credentials`,
      `GET ${CPO}/credentials`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa('token-a')}`,
      `Token ${btoa('token-a')}`,
      `Token ${btoa('token-a')}`,
      `Token ${btoa('token-c-for-the-emsp')}`,
    ]);
    expect(await requests[2]?.json()).toEqual(ours);
    const routed = requests.flatMap((request) =>
      [...request.headers.keys()].filter((name) => name.startsWith('ocpi-')),
    );
    expect(routed).toEqual([]);
  });
});
