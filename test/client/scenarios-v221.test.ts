/**
 * OCPI 2.2.1 flows per module against simulated partners (`@org/ocpi/testing`) intercepted by msw: what
 * the partner received (method, URL, query, body, headers), what it kept, and what the client handed
 * back. The simulated eMSP keeps what it is pushed, so a read after a write shows that the write arrived
 * as the spec means it. A few answers no simulated party gives stay hand-rolled, each saying why.
 */
import { isOcpiClientStatusError, isOcpiHttpError } from '@org/ocpi';
import {
  type CpoState,
  type EmspState,
  mswHandlers,
  type SimulatedParty,
  simulatedCpo,
  simulatedEmsp,
  simulatedHub,
} from '@org/ocpi/testing';
import * as v221 from '@org/ocpi/v221';
import { type HttpHandler, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chargingProfile221, clientInfo221, examples221 } from '../support/client-payloads';
import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';
import { fromSpec } from '../support/spec';

const { server, requests } = useMswServer();

const BEC = { countryCode: 'BE', partyId: 'BEC', name: 'Simulated CPO BEC' };
const EMS = { countryCode: 'NL', partyId: 'EMS', name: 'Simulated eMSP' };
const VERSION = '2.2.1';
const CPO = 'https://cpo.example.com/ocpi/2.2.1';
const EMSP = 'https://emsp.example.com/ocpi/2.2.1';
const HUB = 'https://hub.example.com/ocpi/2.2.1';

const ex = fromSpec(examples221);

let cpo: SimulatedParty<CpoState>;
let emsp: SimulatedParty<EmspState>;
let handlers: HttpHandler[];
let endpoints: { cpo: v221.Endpoint[]; emsp: v221.Endpoint[] };

// The partners of every test: the CPO BE/BEC (5 Locations, pages of 2) and the eMSP NL/EMS, each with the
// other registered. Made once (each test uses its own objects), served again after each reset of msw.
beforeAll(async () => {
  cpo = await simulatedCpo({
    version: VERSION,
    baseUrl: 'https://cpo.example.com/ocpi',
    party: BEC,
    counterParty: EMS,
    locations: 5,
    sessions: 4,
    pageLimit: 2,
  });
  emsp = await simulatedEmsp({
    version: VERSION,
    baseUrl: 'https://emsp.example.com/ocpi',
    party: EMS,
    counterParty: BEC,
  });
  handlers = [...(await mswHandlers(cpo)), ...(await mswHandlers(emsp))];
  endpoints = { cpo: await endpointsOf(cpo), emsp: await endpointsOf(emsp) };
});
beforeEach(() => {
  server.use(...handlers);
});

/** The endpoints a party lists in its version details (read without msw, so not among `requests`). */
async function endpointsOf(party: SimulatedParty): Promise<v221.Endpoint[]> {
  const answer = await party.handle(
    new Request(`${party.baseUrl}/${VERSION}`, {
      headers: { authorization: `Token ${btoa(party.registeredToken)}` },
    }),
  );
  return ((await answer.json()) as { data: { endpoints: v221.Endpoint[] } }).data.endpoints;
}

/** The eMSP (or SCSP) calling the CPO: the CPO's Sender and Receiver interfaces. */
const emspToCpo = async () =>
  v221.createClient({
    token: cpo.registeredToken,
    endpoints: endpoints.cpo,
    from: EMS,
    to: BEC,
    retry: { limit: 0 },
    validation: 'strict',
  });

/** The CPO calling the eMSP: the eMSP's Receiver interfaces and its Tokens Sender interface. */
const cpoToEmsp = async () =>
  v221.createClient({
    token: emsp.registeredToken,
    endpoints: endpoints.emsp,
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
/** A spec example as the CPO BE/BEC's own object, which the eMSP takes from its registered CPO only. */
const ofBec = <T extends object>(object: T): T => ({ ...object, country_code: 'BE', party_id: 'BEC' });

describe('Locations', () => {
  it('an eMSP pulls the Locations page by page following Link, then gets one EVSE', async () => {
    const client = await emspToCpo();
    const seeded = cpo.data.locations;
    const third = seeded[2];
    const evseUid = third?.evses?.[1]?.uid ?? '';

    const pages: { ids: string[]; total: number | undefined; limit: number | undefined }[] = [];
    for await (const page of client.locations.sender.list({ query: { limit: 10 } }).pages()) {
      pages.push({ ids: page.items.map(({ id }) => id), total: page.totalCount, limit: page.limit });
    }
    const evse = await client.locations.sender.getEvse({
      params: { location_id: third?.id ?? '', evse_uid: evseUid },
    });

    const ids = seeded.map(({ id }) => id);
    expect(pages).toEqual([
      { ids: ids.slice(0, 2), total: 5, limit: 2 },
      { ids: ids.slice(2, 4), total: 5, limit: 2 },
      { ids: ids.slice(4), total: 5, limit: 2 },
    ]);
    expect(evse).toEqual(third?.evses?.[1]);
    expect(sent()).toEqual([
      `GET ${CPO}/sender/locations?limit=10`,
      `GET ${CPO}/sender/locations?limit=2&offset=2`,
      `GET ${CPO}/sender/locations?limit=2&offset=4`,
      `GET ${CPO}/sender/locations/${third?.id}/${evseUid}`,
    ]);
    const correlationIds = requests.map((request) => request.headers.get('x-correlation-id'));
    expect(new Set(correlationIds.slice(0, 3)).size).toBe(1);
    expect(correlationIds[3]).not.toBe(correlationIds[0]);
    expect(requests.map(routing)).toEqual(Array(4).fill('NL EMS BE BEC'));
  });

  it('a CPO pushes a Location, then a status change of one EVSE; the eMSP copy shows both', async () => {
    const client = await cpoToEmsp();
    const params = { country_code: 'BE', party_id: 'BEC', location_id: 'LOC1' };

    await client.locations.receiver.putLocation({ params, body: ex().location });
    await client.locations.receiver.patchEvse({
      params: { ...params, evse_uid: '3256' },
      body: ex().evsePatch,
    });
    const copy = await client.locations.receiver.getLocation({ params });

    expect(copy.evses?.[0]).toEqual({ ...ex().evse, ...ex().evsePatch });
    expect(copy.evses?.[1]).toEqual(ex().location.evses?.[1]);
    expect(emsp.data.locations.get('BE/BEC/LOC1')).toEqual(copy);
    expect(sent()).toEqual([
      `PUT ${EMSP}/receiver/locations/BE/BEC/LOC1`,
      `PATCH ${EMSP}/receiver/locations/BE/BEC/LOC1/3256`,
      `GET ${EMSP}/receiver/locations/BE/BEC/LOC1`,
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
    const client = await emspToCpo();
    const token = { ...ex().appUserToken, country_code: 'NL', party_id: 'EMS' };
    const params = { country_code: 'NL', party_id: 'EMS', token_uid: token.uid };
    const query = { type: 'APP_USER' } as const;

    await client.tokens.receiver.putToken({ params, query, body: token });
    await client.tokens.receiver.patchToken({ params, query, body: ex().tokenPatch });
    const copy = await client.tokens.receiver.getToken({ params, query });
    // Without ?type= the request names an RFID token; the CPO knows no token of this uid at all.
    const unknown = await failure(
      client.tokens.receiver.getToken({ params: { ...params, token_uid: 'NOPE' } }),
    );

    expect(copy).toEqual({ ...token, valid: false, last_updated: ex().tokenPatch.last_updated });
    expect(isOcpiHttpError(unknown) && unknown.statusCode).toBe(2004);
    const url = `${CPO}/receiver/tokens/NL/EMS`;
    expect(sent()).toEqual([
      `PUT ${url}/${token.uid}?type=APP_USER`,
      `PATCH ${url}/${token.uid}?type=APP_USER`,
      `GET ${url}/${token.uid}?type=APP_USER`,
      `GET ${url}/NOPE`,
    ]);
    expect(requests.map((request) => request.headers.get('content-type'))).toEqual([
      'application/json',
      'application/json',
      null,
      null,
    ]);
  });

  it('a CPO asks for real-time authorization at a Location and gets the eMSP token back', async () => {
    const client = await cpoToEmsp();
    const known = emsp.data.tokens[0] as v221.Token;
    const location = { location_id: 'LOC1', evse_uids: ['3256'] };

    const info = await client.tokens.sender.authorize({
      params: { token_uid: known.uid },
      query: { type: 'RFID' },
      body: location,
    });
    const unknown = await failure(
      client.tokens.sender.authorize({ params: { token_uid: 'NOT KNOWN' }, body: location }),
    );

    // The location asked about comes back, with a reference for the Session and CDR to carry.
    expect(info).toEqual({
      allowed: 'ALLOWED',
      token: known,
      location,
      authorization_reference: expect.stringMatching(/^[\x20-\x7E]{1,36}$/),
    });
    expect(isOcpiHttpError(unknown) && { http: unknown.httpStatus, code: unknown.statusCode }).toEqual({
      http: 404,
      code: 2004,
    });
    expect(await bodies()).toEqual([JSON.stringify(location), JSON.stringify(location)]);
    expect(sent()).toEqual([
      `POST ${EMSP}/sender/tokens/${known.uid}/authorize?type=RFID`,
      `POST ${EMSP}/sender/tokens/NOT%20KNOWN/authorize`,
    ]);
    expect(routing(requests[0])).toBe('BE BEC NL EMS');
  });

  it('an unknown token answered inside HTTP 200 is a client status error', async () => {
    // Hand-rolled: the simulated eMSP answers an unknown token with HTTP 404; some partners answer 2004
    // with HTTP 200, which the client must report as a status error, not an HTTP one.
    server.use(
      http.post(`${EMSP}/sender/tokens/:uid/authorize`, () =>
        ocpi(undefined, { status_code: 2004, status_message: 'Unknown Token' }),
      ),
    );
    const client = await cpoToEmsp();
    const unknown = await failure(
      client.tokens.sender.authorize({ params: { token_uid: 'NOT KNOWN' }, body: { location_id: 'LOC1' } }),
    );
    expect(isOcpiClientStatusError(unknown) && unknown.statusCode).toBe(2004);
  });
});

describe('Commands', () => {
  it('an eMSP starts a session: the CPO accepts at once, the result is POSTed to response_url', async () => {
    const location = cpo.data.locations[0] as v221.Location;
    const responseUrl = `${EMSP}/sender/commands/START_SESSION/1234`;
    const command: v221.StartSession = {
      response_url: responseUrl,
      token: emsp.data.tokens[0] as v221.Token,
      location_id: location.id,
      evse_uid: location.evses?.[0]?.uid ?? '',
      authorization_reference: 'AUTH-42',
    };

    const response = await (await emspToCpo()).commands.receiver.startSession({ body: command });
    // The CPO, once the charger has answered, sends the outcome to the URL the command carried. (The
    // simulated CPO sends results only to partners it registered by the handshake: here the client does.)
    await (await cpoToEmsp()).commands.sender.postResult({
      params: {
        response_url: (cpo.data.commands[0]?.body as v221.StartSession | undefined)?.response_url ?? '',
      },
      body: { result: 'ACCEPTED' },
    });

    expect(response).toEqual({ result: 'ACCEPTED', timeout: 30 });
    expect(cpo.data.commands.filter(({ command }) => command === 'START_SESSION')).toEqual([
      { command: 'START_SESSION', body: command },
    ]);
    expect(emsp.data.results.get(responseUrl)).toEqual({ result: 'ACCEPTED' });
    expect(sent()).toEqual([`POST ${CPO}/receiver/commands/START_SESSION`, `POST ${responseUrl}`]);
    expect(requests.map(routing)).toEqual(['NL EMS BE BEC', 'BE BEC NL EMS']);
    expect(requests[0]?.headers.get('authorization')).toBe(`Token ${btoa(cpo.registeredToken)}`);
    expect(requests[1]?.headers.get('authorization')).toBe(`Token ${btoa(emsp.registeredToken)}`);
  });

  it('an eMSP stops a session the CPO does not know, and gets REJECTED', async () => {
    const body = { response_url: `${EMSP}/sender/commands/STOP_SESSION/1`, session_id: '999' };
    const response = await (await emspToCpo()).commands.receiver.stopSession({ body });
    expect(response).toEqual({ result: 'REJECTED', timeout: 0 });
    expect(await requests[0]?.json()).toEqual(body);
  });

  it('an eMSP stops a session and gets UNKNOWN_SESSION with a message', async () => {
    // Hand-rolled: the simulated CPO answers REJECTED without a message; this checks that the client
    // keeps the result UNKNOWN_SESSION and its DisplayText message.
    server.use(
      http.post(`${CPO}/receiver/commands/STOP_SESSION`, () =>
        ocpi({
          result: 'UNKNOWN_SESSION',
          timeout: 0,
          message: [{ language: 'en', text: 'No session 999' }],
        }),
      ),
    );
    const response = await (await emspToCpo()).commands.receiver.stopSession({
      body: { response_url: `${EMSP}/sender/commands/STOP_SESSION/1`, session_id: '999' },
    });
    expect(response).toEqual({
      result: 'UNKNOWN_SESSION',
      timeout: 0,
      message: [{ language: 'en', text: 'No session 999' }],
    });
  });
});

describe('CDRs', () => {
  it('a CPO posts a CDR and reads it back at the URL the eMSP gave in the Location header', async () => {
    const client = await cpoToEmsp();
    const cdr = ofBec(ex().cdr);

    const url = await client.cdrs.receiver.postCdr({ body: cdr });
    const copy = await client.cdrs.receiver.getCdr({ params: { cdr_location_url: url } });

    expect(url).toBe(`${EMSP}/receiver/cdrs/BE/BEC/${cdr.id}`);
    expect(copy).toEqual(cdr);
    expect(emsp.data.cdrs.get(`BE/BEC/${cdr.id}`)).toEqual(cdr);
    expect(sent()).toEqual([`POST ${EMSP}/receiver/cdrs`, `GET ${url}`]);
    expect(await bodies()).toEqual([JSON.stringify(cdr), undefined]);
  });

  it('an eMSP pulls the CDRs of a period from the CPO', async () => {
    const client = await emspToCpo();
    const [first, second] = cpo.data.cdrs as v221.CDR[];
    const list = (date_from: string, date_to: string) =>
      client.cdrs.sender.list({ query: { date_from, date_to } }).toArray({ limit: 10 });
    // From the first CDR's update (inclusive) to the second's (exclusive): the first alone.
    const from = first?.last_updated ?? '';
    const to = second?.last_updated ?? '';

    expect(await list(from, to)).toEqual([first]);
    expect(await list('2000-01-01T00:00:00Z', '2000-01-02T00:00:00Z')).toEqual([]);
    const query = (date: string) => encodeURIComponent(date);
    expect(sent()).toEqual([
      `GET ${CPO}/sender/cdrs?date_from=${query(from)}&date_to=${query(to)}`,
      `GET ${CPO}/sender/cdrs?date_from=2000-01-01T00%3A00%3A00Z&date_to=2000-01-02T00%3A00%3A00Z`,
    ]);
  });
});

describe('ChargingProfiles', () => {
  it('an SCSP sets, reads and clears a profile; the CPO answers at once and POSTs each result', async () => {
    const scsp = await emspToCpo();
    const cpoClient = await cpoToEmsp();
    const params = { session_id: '101' };
    const resultUrl = (kind: string) => `${EMSP}/sender/chargingprofiles/${kind}/101`;
    const active = { start_date_time: '2024-06-01T12:00:00Z', charging_profile: chargingProfile221 };

    const set = await scsp.chargingprofiles.receiver.setProfile({
      params,
      body: { charging_profile: chargingProfile221, response_url: resultUrl('set') },
    });
    const kept = cpo.data.chargingProfiles.get('101');
    await cpoClient.chargingprofiles.sender.postProfileResult({
      params: { response_url: resultUrl('set') },
      body: { result: 'ACCEPTED' },
    });
    const get = await scsp.chargingprofiles.receiver.getActiveProfile({
      params,
      query: { duration: 3600, response_url: resultUrl('active') },
    });
    await cpoClient.chargingprofiles.sender.postActiveProfileResult({
      params: { response_url: resultUrl('active') },
      body: { result: 'ACCEPTED', profile: active },
    });
    await cpoClient.chargingprofiles.sender.putActiveProfile({ params, body: active });
    const clear = await scsp.chargingprofiles.receiver.clearProfile({
      params,
      query: { response_url: resultUrl('clear') },
    });
    await cpoClient.chargingprofiles.sender.postClearProfileResult({
      params: { response_url: resultUrl('clear') },
      body: { result: 'ACCEPTED' },
    });

    expect([set, get, clear]).toEqual(Array(3).fill({ result: 'ACCEPTED', timeout: 30 }));
    expect(kept).toEqual(chargingProfile221);
    expect(cpo.data.chargingProfiles.get('101')).toBeUndefined();
    const atCpo = await Promise.all(
      requests
        .filter((request) => request.url.startsWith(CPO))
        .map(async (request) => ({
          method: request.method,
          body: request.method === 'PUT' ? await request.json() : undefined,
          query: Object.fromEntries(new URL(request.url).searchParams),
        })),
    );
    expect(atCpo).toEqual([
      {
        method: 'PUT',
        body: { charging_profile: chargingProfile221, response_url: resultUrl('set') },
        query: {},
      },
      { method: 'GET', body: undefined, query: { duration: '3600', response_url: resultUrl('active') } },
      { method: 'DELETE', body: undefined, query: { response_url: resultUrl('clear') } },
    ]);
    expect(['set', 'active', 'clear'].map((kind) => emsp.data.results.get(resultUrl(kind)))).toEqual([
      { result: 'ACCEPTED' },
      { result: 'ACCEPTED', profile: active },
      { result: 'ACCEPTED' },
    ]);
    expect(await requests[4]?.json()).toEqual(active);
    expect(requests[4]?.url).toBe(`${EMSP}/sender/chargingprofiles/101`);
    expect(requests.map(routing)).toEqual([
      'NL EMS BE BEC',
      'BE BEC NL EMS',
      'NL EMS BE BEC',
      'BE BEC NL EMS',
      'BE BEC NL EMS',
      'NL EMS BE BEC',
      'BE BEC NL EMS',
    ]);
  });

  it('clearing the profile of a session the CPO does not know gives UNKNOWN_SESSION', async () => {
    // Hand-rolled: the simulated CPO accepts a profile request for any session id.
    server.use(
      http.delete(`${CPO}/receiver/chargingprofiles/:sessionId`, () =>
        ocpi({ result: 'UNKNOWN_SESSION', timeout: 0 }),
      ),
    );
    const unknown = await (await emspToCpo()).chargingprofiles.receiver.clearProfile({
      params: { session_id: '999' },
      query: { response_url: `${EMSP}/sender/chargingprofiles/clear/999` },
    });
    expect(unknown).toEqual({ result: 'UNKNOWN_SESSION', timeout: 0 });
  });
});

describe('HubClientInfo', () => {
  it('a party lists the connected parties from the hub and pushes a status to it, unrouted', async () => {
    const hub = await simulatedHub({
      version: VERSION,
      baseUrl: 'https://hub.example.com/ocpi',
      locations: 1,
      sessions: 1,
      pageLimit: 2,
    });
    server.use(...(await mswHandlers(hub)));
    const options = {
      token: hub.registeredToken,
      from: EMS,
      to: BEC,
      retry: { limit: 0 },
      validation: 'strict' as const,
    };
    const client = v221.createClient({ ...options, endpoints: await endpointsOf(hub) });
    const offline = {
      ...clientInfo221('NL', 'CP1'),
      status: 'OFFLINE' as const,
      last_updated: '2024-06-02T08:00:00Z',
    };

    const listed = await client.hubclientinfo.sender.list().toArray({ limit: 10 });
    await client.hubclientinfo.receiver.putClientInfo({
      params: { country_code: 'NL', party_id: 'CP1' },
      body: offline,
    });
    const copy = await client.hubclientinfo.receiver.getClientInfo({
      params: { country_code: 'NL', party_id: 'CP1' },
    });

    expect(
      listed.map(({ country_code, party_id, role, status }) => [country_code, party_id, role, status]),
    ).toEqual([
      ['NL', 'CP1', 'CPO', 'CONNECTED'],
      ['DE', 'CP2', 'CPO', 'CONNECTED'],
      ['NL', 'EMS', 'EMSP', 'CONNECTED'],
    ]);
    expect(copy).toEqual(offline);
    expect(hub.data.clientInfo.get('NL/CP1')).toEqual(offline);
    expect(sent()).toEqual([
      `GET ${HUB}/sender/hubclientinfo`,
      `GET ${HUB}/sender/hubclientinfo?offset=2&limit=2`,
      `PUT ${HUB}/receiver/hubclientinfo/NL/CP1`,
      `GET ${HUB}/receiver/hubclientinfo/NL/CP1`,
    ]);
    // A configuration module: never routing headers (transport_and_format, Message Routing Headers).
    const routed = requests.flatMap((request) =>
      [...request.headers.keys()].filter((name) => name.startsWith('ocpi-')),
    );
    expect(routed).toEqual([]);
  });
});

describe('Sessions', () => {
  it('an eMSP lists the Sessions since date_from, then sets charging preferences on the active one', async () => {
    const client = await emspToCpo();
    const seeded = cpo.data.sessions as v221.Session[];
    const since = seeded[1]?.last_updated ?? '';

    const sessions = await client.sessions.sender
      .list({ query: { date_from: since } })
      .toArray({ limit: 10 });
    const activeOne = sessions.find((session) => session.status === 'ACTIVE');
    const wanted = {
      profile_type: 'GREEN' as const,
      departure_time: '2024-06-01T18:00:00Z',
      energy_need: 20,
    };
    const answer = await client.sessions.sender.putChargingPreferences({
      params: { session_id: activeOne?.id ?? '' },
      body: wanted,
    });

    expect(sessions).toEqual(seeded.filter((session) => session.last_updated >= since));
    expect(sessions).not.toContainEqual(seeded[0]);
    expect(answer).toBe('ACCEPTED');
    expect(await requests.at(-1)?.json()).toEqual(wanted);
    expect(sent()).toEqual([
      `GET ${CPO}/sender/sessions?date_from=${encodeURIComponent(since)}`,
      // The next page keeps the window.
      `GET ${CPO}/sender/sessions?date_from=${encodeURIComponent(since)}&offset=2&limit=2`,
      `PUT ${CPO}/sender/sessions/${activeOne?.id}/charging_preferences`,
    ]);
  });

  it('a CPO pushes a Session, then its cost, and the eMSP copy has both', async () => {
    const client = await cpoToEmsp();
    const active = ofBec({ ...ex().session, id: 'SES-A', status: 'ACTIVE' as const });
    const params = { country_code: 'BE', party_id: 'BEC', session_id: 'SES-A' };

    await client.sessions.receiver.putSession({ params, body: active });
    await client.sessions.receiver.patchSession({ params, body: ex().sessionPatch });
    const copy = await client.sessions.receiver.getSession({ params });

    expect(copy).toEqual({ ...active, ...ex().sessionPatch });
    expect(emsp.data.sessions.get('BE/BEC/SES-A')).toEqual(copy);
    expect(sent()).toEqual(
      ['PUT', 'PATCH', 'GET'].map((method) => `${method} ${EMSP}/receiver/sessions/BE/BEC/SES-A`),
    );
  });
});

describe('Tariffs', () => {
  it('a CPO puts a Tariff, replaces it, then deletes it; the eMSP no longer has it', async () => {
    const client = await cpoToEmsp();
    const params = { country_code: 'BE', party_id: 'BEC', tariff_id: '12' };
    const tariff = ofBec(ex().tariff);
    const repriced = {
      ...tariff,
      elements: [{ price_components: [{ type: 'TIME' as const, price: 2.5, vat: 10, step_size: 60 }] }],
      last_updated: '2024-06-01T00:00:00Z',
    };

    await client.tariffs.receiver.putTariff({ params, body: tariff });
    const first = await client.tariffs.receiver.getTariff({ params });
    await client.tariffs.receiver.putTariff({ params, body: repriced });
    const second = await client.tariffs.receiver.getTariff({ params });
    await client.tariffs.receiver.deleteTariff({ params });
    const gone = await failure(client.tariffs.receiver.getTariff({ params }));

    expect(first).toEqual(tariff);
    expect(second).toEqual(repriced);
    expect(isOcpiHttpError(gone) && { httpStatus: gone.httpStatus, statusCode: gone.statusCode }).toEqual({
      httpStatus: 404,
      statusCode: 2000,
    });
    expect(emsp.data.tariffs.get('BE/BEC/12')).toBeUndefined();
    const url = `${EMSP}/receiver/tariffs/BE/BEC/12`;
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
    const tariffs = await (await emspToCpo()).tariffs.sender.list().toArray({ limit: 100 });
    expect(tariffs).toEqual(cpo.data.tariffs);
    // 8 seeded Tariffs, in pages of 2, following Link.
    expect(sent()).toEqual([
      `GET ${CPO}/sender/tariffs`,
      ...[2, 4, 6].map((offset) => `GET ${CPO}/sender/tariffs?offset=${offset}&limit=2`),
    ]);
  });
});

describe('Versions and Credentials', () => {
  it('an eMSP registers: versions, 2.2.1 details, POST credentials, then uses the token it got', async () => {
    // Our side is the simulated eMSP: the CPO calls its versions back with the token B we send.
    const ours: v221.Credentials = {
      token: emsp.tokenA,
      url: emsp.versionsUrl,
      roles: [
        { role: 'EMSP', party_id: 'EMS', country_code: 'NL', business_details: { name: 'Simulated eMSP' } },
      ],
    };
    const bootstrap = v221.createClient({
      token: cpo.tokenA,
      endpoints: [],
      versionsUrl: cpo.versionsUrl,
      from: EMS,
      to: BEC,
    });

    const versions = await bootstrap.versions.getVersions({ params: { versions_url: cpo.versionsUrl } });
    const version = versions.find((entry) => entry.version === '2.2.1');
    const found = await bootstrap.versions.getVersionDetails({ params: { version_url: version?.url ?? '' } });
    const registering = v221.createClient({
      token: cpo.tokenA,
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

    expect(found).toEqual({ version: '2.2.1', endpoints: await endpointsOf(cpo) });
    expect(registered.roles).toEqual([
      { role: 'CPO', country_code: 'BE', party_id: 'BEC', business_details: { name: BEC.name } },
    ]);
    expect(registered.url).toBe(cpo.versionsUrl);
    expect(check).toEqual(registered);
    expect(sent()).toEqual([
      `GET ${cpo.versionsUrl}`,
      `GET ${CPO}`,
      `POST ${CPO}/credentials`,
      // The CPO checks our versions with the token B we sent before answering.
      `GET ${emsp.versionsUrl}`,
      `GET ${EMSP}`,
      `GET ${CPO}/credentials`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${btoa(cpo.tokenA)}`,
      `Token ${btoa(cpo.tokenA)}`,
      `Token ${btoa(cpo.tokenA)}`,
      `Token ${btoa(emsp.tokenA)}`,
      `Token ${btoa(emsp.tokenA)}`,
      `Token ${btoa(registered.token)}`,
    ]);
    expect(await requests[2]?.json()).toEqual(ours);
    expect((await cpo.store.findByToken?.(registered.token))?.status ?? 'registered').toBe('registered');
    const routed = requests.flatMap((request) =>
      [...request.headers.keys()].filter((name) => name.startsWith('ocpi-')),
    );
    expect(routed).toEqual([]);
  });
});
