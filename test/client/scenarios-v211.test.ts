/**
 * OCPI 2.1.1 flows per module against simulated partners (`@org/ocpi/testing`) intercepted by msw: what
 * the partner received (method, URL, query, body, headers), what it kept, and what the client handed
 * back. 2.1.1 differs from 2.2.1 on the wire: the token goes as is, there are no X-Request-ID /
 * X-Correlation-ID / OCPI-from/to headers, endpoints carry no role (the CPO and eMSP interfaces of a
 * module share its URL), Tariffs still have PATCH, and a command's asynchronous result is a
 * CommandResponse. A few answers no simulated party gives stay hand-rolled, each saying why.
 */
import { isOcpiHttpError } from '@org/ocpi';
import {
  type CpoState,
  type EmspState,
  mswHandlers,
  type SimulatedParty,
  simulatedCpo,
  simulatedEmsp,
} from '@org/ocpi/testing';
import * as v211 from '@org/ocpi/v211';
import { type HttpHandler, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cdr211, evse211, location211, session211, tariff211, token211 } from '../support/client-payloads';
import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';

const { server, requests } = useMswServer();

const VERSION = '2.1.1';
const CPO = 'https://cpo.example.com/ocpi/2.1.1/cpo';
const EMSP = 'https://emsp.example.com/ocpi/2.1.1/emsp';

let cpo: SimulatedParty<CpoState>;
let emsp: SimulatedParty<EmspState>;
let handlers: HttpHandler[];
let endpoints: { cpo: v211.Endpoint[]; emsp: v211.Endpoint[] };

// The partners of every test: the CPO NL/CPO (3 Locations and 3 Sessions, pages of 2) and the eMSP
// NL/EMS, each with the other registered. Made once (each test uses its own objects), served again after
// each reset of msw.
beforeAll(async () => {
  cpo = await simulatedCpo({
    version: VERSION,
    baseUrl: 'https://cpo.example.com/ocpi',
    locations: 3,
    sessions: 3,
    pageLimit: 2,
  });
  emsp = await simulatedEmsp({ version: VERSION, baseUrl: 'https://emsp.example.com/ocpi' });
  handlers = [...(await mswHandlers(cpo)), ...(await mswHandlers(emsp))];
  endpoints = { cpo: await endpointsOf(cpo), emsp: await endpointsOf(emsp) };
});
beforeEach(() => {
  server.use(...handlers);
});

/** The endpoints a party lists in its version details (read without msw, so not among `requests`). */
async function endpointsOf(party: SimulatedParty): Promise<v211.Endpoint[]> {
  const answer = await party.handle(
    new Request(`${party.baseUrl}/${VERSION}`, {
      headers: { authorization: `Token ${party.registeredToken}` },
    }),
  );
  return ((await answer.json()) as { data: { endpoints: v211.Endpoint[] } }).data.endpoints;
}

const clientFor = (token: string, endpoints: v211.Endpoint[]) =>
  v211.createClient({ token, endpoints, retry: { limit: 0 }, validation: 'strict' });
/** The eMSP calling the CPO's interfaces. */
const emspToCpo = () => clientFor(cpo.registeredToken, endpoints.cpo);
/** The CPO calling the eMSP's interfaces. */
const cpoToEmsp = () => clientFor(emsp.registeredToken, endpoints.emsp);

const sent = () => requests.map((request) => `${request.method} ${request.url}`);
const bodies = () => Promise.all(requests.map((request) => request.text().then((text) => text || undefined)));
/** The headers 2.1.1 does not have, wherever they appear. */
const headersOf221 = (of: readonly Request[] = requests) =>
  of.flatMap((request) =>
    [...request.headers.keys()].filter((name) => name.startsWith('ocpi-') || name.startsWith('x-')),
  );

describe('Locations', () => {
  it('an eMSP pulls the Locations page by page following Link, then gets one EVSE', async () => {
    const client = emspToCpo();
    const seeded = cpo.data.locations as v211.Location[];
    const second = seeded[1];
    const evseUid = second?.evses?.[0]?.uid ?? '';

    const all = await client.locations.cpo
      .list({ query: { date_from: '2000-01-01T00:00:00Z' } })
      .toArray({ limit: 10 });
    const evse = await client.locations.cpo.getEvse({
      params: { location_id: second?.id ?? '', evse_uid: evseUid },
    });

    expect(all).toEqual(seeded);
    expect(evse).toEqual(second?.evses?.[0]);
    expect(sent()).toEqual([
      `GET ${CPO}/locations?date_from=2000-01-01T00%3A00%3A00Z`,
      `GET ${CPO}/locations?date_from=2000-01-01T00%3A00%3A00Z&offset=2&limit=2`,
      `GET ${CPO}/locations/${second?.id}/${evseUid}`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual(
      Array(3).fill(`Token ${cpo.registeredToken}`),
    );
    expect(headersOf221()).toEqual([]);
  });

  it('a CPO pushes a Location, then an EVSE status without last_updated; the eMSP copy shows both', async () => {
    const client = cpoToEmsp();
    const params = { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' };

    await client.locations.emsp.putLocation({ params, body: location211('LOC1') });
    // 2.1.1 does not require last_updated in a PATCH (2.2.1 does).
    await client.locations.emsp.patchEvse({
      params: { ...params, evse_uid: 'EVSE1' },
      body: { status: 'CHARGING' },
    });
    const copy = await client.locations.emsp.getLocation({ params });

    expect(copy).toEqual({ ...location211('LOC1'), evses: [{ ...evse211(), status: 'CHARGING' }] });
    expect(sent()).toEqual([
      `PUT ${EMSP}/locations/NL/CPO/LOC1`,
      `PATCH ${EMSP}/locations/NL/CPO/LOC1/EVSE1`,
      `GET ${EMSP}/locations/NL/CPO/LOC1`,
    ]);
    expect(await bodies()).toEqual([JSON.stringify(location211('LOC1')), '{"status":"CHARGING"}', undefined]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual(
      Array(3).fill(`Token ${emsp.registeredToken}`),
    );
  });
});

describe('Tokens', () => {
  it('an eMSP pushes a Token, blocks it with a PATCH, and reads the CPO copy (no ?type= in 2.1.1)', async () => {
    const client = emspToCpo();
    const params = { country_code: 'NL', party_id: 'EMS', token_uid: '012345678' };
    const patch = { valid: false, whitelist: 'NEVER' as const, last_updated: '2024-06-02T00:00:00Z' };

    await client.tokens.cpo.putToken({ params, body: token211() });
    await client.tokens.cpo.patchToken({ params, body: patch });
    const copy = await client.tokens.cpo.getToken({ params });

    expect(copy).toEqual({ ...token211(), ...patch });
    expect(sent()).toEqual(
      ['PUT', 'PATCH', 'GET'].map((method) => `${method} ${CPO}/tokens/NL/EMS/012345678`),
    );
    expect(await bodies()).toEqual([JSON.stringify(token211()), JSON.stringify(patch), undefined]);
  });

  it('a CPO asks for real-time authorization with LocationReferences, connectors included', async () => {
    const client = cpoToEmsp();
    const known = (emsp.data.tokens as v211.Token[])[0];
    const location = { location_id: 'LOC1', evse_uids: ['EVSE1'], connector_ids: ['1'] };

    const info = await client.tokens.emsp.authorize({
      params: { token_uid: known?.uid ?? '' },
      query: { type: 'RFID' },
      body: location,
    });
    const unknown = await failure(
      client.tokens.emsp.authorize({ params: { token_uid: 'BAD/1' }, body: location }),
    );

    // The location asked about comes back: the driver may charge there.
    expect(info).toEqual({ allowed: 'ALLOWED', location });
    expect(
      isOcpiHttpError(unknown) && { httpStatus: unknown.httpStatus, statusCode: unknown.statusCode },
    ).toEqual({
      httpStatus: 404,
      // A uid with a slash names no token route of the partner at all.
      statusCode: 2000,
    });
    expect(await bodies()).toEqual([JSON.stringify(location), JSON.stringify(location)]);
    expect(sent()).toEqual([
      `POST ${EMSP}/tokens/${known?.uid}/authorize?type=RFID`,
      `POST ${EMSP}/tokens/BAD%2F1/authorize`,
    ]);
    expect(requests.map((request) => request.headers.get('content-type'))).toEqual([
      'application/json',
      'application/json',
    ]);
    expect(headersOf221()).toEqual([]);
  });

  it('an authorization with the Location and a display text is handed back whole', async () => {
    // Hand-rolled: the simulated eMSP answers `allowed` alone; this checks the optional fields.
    const location = { location_id: 'LOC1', evse_uids: ['EVSE1'], connector_ids: ['1'] };
    server.use(
      http.post(`${EMSP}/tokens/:uid/authorize`, () =>
        ocpi({ allowed: 'ALLOWED', location, info: { language: 'en', text: 'Welcome' } }),
      ),
    );
    const info = await cpoToEmsp().tokens.emsp.authorize({
      params: { token_uid: '012345678' },
      body: location,
    });
    expect(info).toEqual({ allowed: 'ALLOWED', location, info: { language: 'en', text: 'Welcome' } });
  });
});

describe('Commands', () => {
  it('an eMSP starts a session: CommandResponse at once, then a CommandResponse POSTed to response_url', async () => {
    const location = (cpo.data.locations as v211.Location[])[0];
    const responseUrl = `${EMSP}/commands/START_SESSION/1234`;
    const command: v211.StartSession = {
      response_url: responseUrl,
      token: token211(),
      location_id: location?.id ?? '',
      evse_uid: location?.evses?.[0]?.uid ?? '',
    };

    const response = await emspToCpo().commands.cpo.startSession({ body: command });
    // The CPO, once the charger has answered, sends the outcome to the URL the command carried. (The
    // simulated CPO sends results only to partners it registered by the handshake: here the client does.)
    await cpoToEmsp().commands.emsp.postResult({
      params: {
        response_url: (cpo.data.commands.at(-1)?.body as v211.StartSession | undefined)?.response_url ?? '',
      },
      body: { result: 'ACCEPTED' },
    });

    expect(response).toEqual({ result: 'ACCEPTED' });
    expect(cpo.data.commands.filter(({ command }) => command === 'START_SESSION')).toEqual([
      { command: 'START_SESSION', body: command },
    ]);
    expect(emsp.data.results.get(responseUrl)).toEqual({ result: 'ACCEPTED' });
    expect(sent()).toEqual([`POST ${CPO}/commands/START_SESSION`, `POST ${responseUrl}`]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${cpo.registeredToken}`,
      `Token ${emsp.registeredToken}`,
    ]);
    expect(headersOf221()).toEqual([]);
  });

  it('an eMSP unlocks a connector the CPO does not have, and gets REJECTED', async () => {
    const body = {
      response_url: `${EMSP}/commands/UNLOCK_CONNECTOR/9`,
      location_id: 'NOWHERE',
      evse_uid: 'EVSE1',
      connector_id: '1',
    };
    expect(await emspToCpo().commands.cpo.unlockConnector({ body })).toEqual({ result: 'REJECTED' });
    expect(await requests[0]?.json()).toEqual(body);
  });

  it('an eMSP unlocks a connector the CPO cannot unlock remotely, and gets NOT_SUPPORTED', async () => {
    // Hand-rolled: the simulated CPO answers ACCEPTED or REJECTED only.
    server.use(http.post(`${CPO}/commands/UNLOCK_CONNECTOR`, () => ocpi({ result: 'NOT_SUPPORTED' })));
    const body = {
      response_url: `${EMSP}/commands/UNLOCK_CONNECTOR/9`,
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
      connector_id: '1',
    };
    expect(await emspToCpo().commands.cpo.unlockConnector({ body })).toEqual({ result: 'NOT_SUPPORTED' });
  });
});

describe('CDRs', () => {
  it('a CPO posts a CDR and reads it back at the URL the eMSP gave in the Location header', async () => {
    const client = cpoToEmsp();

    const url = await client.cdrs.emsp.postCdr({ body: cdr211('CDR-7') });
    const copy = await client.cdrs.emsp.getCdr({ params: { cdr_location_url: url } });

    expect(url.startsWith(`${EMSP}/cdrs/`) && url.endsWith('/CDR-7')).toBe(true);
    expect(copy).toEqual(cdr211('CDR-7'));
    expect(sent()).toEqual([`POST ${EMSP}/cdrs`, `GET ${url}`]);
    expect(await bodies()).toEqual([JSON.stringify(cdr211('CDR-7')), undefined]);
  });

  it('an eMSP pulls the CDRs from a CPO that sends no Link, with offset and limit', async () => {
    // The partner quirk: list pages without Link.
    const noLink = await simulatedCpo({
      version: VERSION,
      baseUrl: 'https://no-link.example.com/ocpi',
      locations: 1,
      sessions: 6,
      faults: ['no-link'],
    });
    server.use(...(await mswHandlers(noLink)));
    const url = 'https://no-link.example.com/ocpi/2.1.1/cpo/cdrs';
    const client = v211.createClient({
      token: noLink.registeredToken,
      endpoints: [{ identifier: 'cdrs', url }],
      retry: { limit: 0 },
      validation: 'strict',
    });
    const seeded = (noLink.data.cdrs as v211.CDR[]).map(({ id }) => id);

    const ids = (await client.cdrs.cpo.list({ query: { offset: 1, limit: 1 } }).toArray({ limit: 5 })).map(
      ({ id }) => id,
    );

    // Without Link, the next offset follows from X-Total-Count.
    expect(seeded.length).toBeGreaterThan(2);
    expect(ids).toEqual(seeded.slice(1));
    expect(sent()).toEqual(seeded.slice(1).map((_, index) => `GET ${url}?offset=${index + 1}&limit=1`));
    expect(requests.every((request) => !request.url.includes('date_'))).toBe(true);
  });
});

describe('Sessions', () => {
  it('an eMSP lists the Sessions of a window given by date_from and date_to', async () => {
    const seeded = cpo.data.sessions as v211.Session[];
    const [first, second, third] = seeded.map(({ last_updated }) => last_updated);
    const page = await emspToCpo().sessions.cpo.list({
      query: { date_from: second ?? '', date_to: third ?? '' },
    });
    expect(first && second && first < second).toBe(true);
    expect(page.items).toEqual([seeded[1]]);
    expect(sent()).toEqual([
      `GET ${CPO}/sessions?date_from=${encodeURIComponent(second ?? '')}&date_to=${encodeURIComponent(third ?? '')}`,
    ]);
  });

  it('a CPO pushes a Session, then its energy and cost, and the eMSP copy has both', async () => {
    const client = cpoToEmsp();
    const params = { country_code: 'NL', party_id: 'CPO', session_id: 'SES1' };
    const patch = { kwh: 11.5, total_cost: 3.45 };

    await client.sessions.emsp.putSession({ params, body: session211('SES1') });
    await client.sessions.emsp.patchSession({ params, body: patch });
    const copy = await client.sessions.emsp.getSession({ params });

    expect(copy).toEqual({ ...session211('SES1'), ...patch });
    expect(sent()).toEqual(['PUT', 'PATCH', 'GET'].map((method) => `${method} ${EMSP}/sessions/NL/CPO/SES1`));
    expect(await bodies()).toEqual([JSON.stringify(session211('SES1')), JSON.stringify(patch), undefined]);
  });
});

describe('Tariffs', () => {
  it('a CPO puts a Tariff, PATCHes its price (2.1.1 only), then deletes it', async () => {
    const client = cpoToEmsp();
    const params = { country_code: 'NL', party_id: 'CPO', tariff_id: 'TAR1' };
    const patch = {
      elements: [{ price_components: [{ type: 'TIME' as const, price: 2.5, step_size: 300 }] }],
      last_updated: '2024-06-02T00:00:00Z',
    };

    await client.tariffs.emsp.putTariff({ params, body: tariff211() });
    await client.tariffs.emsp.patchTariff({ params, body: patch });
    const patched = await client.tariffs.emsp.getTariff({ params });
    await client.tariffs.emsp.deleteTariff({ params });
    const gone = await failure(client.tariffs.emsp.getTariff({ params }));

    expect(patched).toEqual({ ...tariff211(), ...patch });
    expect(isOcpiHttpError(gone) && gone.httpStatus).toBe(404);
    const url = `${EMSP}/tariffs/NL/CPO/TAR1`;
    expect(sent()).toEqual([`PUT ${url}`, `PATCH ${url}`, `GET ${url}`, `DELETE ${url}`, `GET ${url}`]);
    expect(await bodies()).toEqual([
      JSON.stringify(tariff211()),
      JSON.stringify(patch),
      undefined,
      undefined,
      undefined,
    ]);
    expect(requests.map((request) => request.headers.get('content-type'))).toEqual([
      'application/json',
      'application/json',
      null,
      null,
      null,
    ]);
  });

  it('an eMSP pulls the Tariffs of the CPO', async () => {
    const page = await emspToCpo().tariffs.cpo.list();
    expect(page.items).toEqual(cpo.data.tariffs.slice(0, 2));
    expect(page.totalCount).toBe(cpo.data.tariffs.length);
    expect(sent()).toEqual([`GET ${CPO}/tariffs`]);
  });
});

describe('Versions and Credentials', () => {
  it('an eMSP registers with the raw token: versions, 2.1.1 details, POST credentials, then the new token', async () => {
    // Our side is the simulated eMSP: the CPO calls its versions back with the token B we send.
    const ours: v211.Credentials = {
      token: emsp.tokenA,
      url: emsp.versionsUrl,
      business_details: { name: 'Simulated eMSP' },
      party_id: 'EMS',
      country_code: 'NL',
    };
    const bootstrap = v211.createClient({ token: cpo.tokenA, endpoints: [], versionsUrl: cpo.versionsUrl });

    const [version] = await bootstrap.versions.getVersions({ params: { versions_url: cpo.versionsUrl } });
    const found = await bootstrap.versions.getVersionDetails({ params: { version_url: version?.url ?? '' } });
    const registering = v211.createClient({ token: cpo.tokenA, endpoints: found.endpoints });
    const registered = await registering.credentials.postCredentials({ body: ours });
    const client = v211.createClient({ token: registered.token, endpoints: found.endpoints });
    await client.credentials.deleteCredentials();

    expect(found).toEqual({ version: '2.1.1', endpoints: endpoints.cpo });
    expect(registered).toEqual({
      token: registered.token,
      url: cpo.versionsUrl,
      business_details: { name: cpo.party.name },
      party_id: 'CPO',
      country_code: 'NL',
    });
    const base = 'https://cpo.example.com/ocpi/2.1.1';
    expect(sent()).toEqual([
      `GET ${cpo.versionsUrl}`,
      `GET ${base}`,
      `POST ${base}/credentials`,
      // The CPO checks our versions with the token B we sent before answering.
      `GET ${emsp.versionsUrl}`,
      'GET https://emsp.example.com/ocpi/2.1.1',
      `DELETE ${base}/credentials`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${cpo.tokenA}`,
      `Token ${cpo.tokenA}`,
      `Token ${cpo.tokenA}`,
      `Token ${emsp.tokenA}`,
      `Token ${emsp.tokenA}`,
      `Token ${registered.token}`,
    ]);
    expect(await requests[2]?.json()).toEqual(ours);
    // Ours carry no 2.2.1 headers. (The CPO's own callback, an SDK party too, sends X-Request-ID and
    // X-Correlation-ID in 2.1.1 as well; that is its business.)
    expect(headersOf221(requests.filter((request) => request.url.startsWith(cpo.baseUrl)))).toEqual([]);
    // Unregistered: the CPO no longer knows the token it gave us.
    expect(await cpo.store.findByToken(registered.token)).toBeUndefined();
  });
});
