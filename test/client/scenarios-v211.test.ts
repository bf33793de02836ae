/**
 * OCPI 2.1.1 flows per module against a partner played by msw: what the partner received (method, URL,
 * query, body, headers) and what the client handed back. 2.1.1 differs from 2.2.1 on the wire: the token
 * goes as is, there are no X-Request-ID / X-Correlation-ID / OCPI-from/to headers, endpoints carry no
 * role (the CPO and eMSP interfaces of a module share its URL), Tariffs still have PATCH, and a
 * command's asynchronous result is a CommandResponse.
 */
import { isOcpiHttpError } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  cdr211,
  credentials211,
  evse211,
  location211,
  session211,
  tariff211,
  token211,
} from '../support/client-payloads';
import { failure } from '../support/failure';
import { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';

const { server, requests } = useMswServer();

const CPO = 'https://cpo.example.com/ocpi/2.1.1';
const EMSP = 'https://emsp.example.com/ocpi/2.1.1';
const TOKEN_FOR_CPO = 'token-the-cpo-gave-the-emsp';
const TOKEN_FOR_EMSP = 'token-the-emsp-gave-the-cpo';
const MODULES = ['credentials', 'locations', 'sessions', 'cdrs', 'tariffs', 'tokens', 'commands'] as const;

const clientFor = (token: string, base: string) =>
  v211.createClient({
    token,
    endpoints: MODULES.map((identifier) => ({ identifier, url: `${base}/${identifier}` })),
    retry: { limit: 0 },
    validation: 'strict',
  });
/** The eMSP calling the CPO's interfaces. */
const emspToCpo = () => clientFor(TOKEN_FOR_CPO, CPO);
/** The CPO calling the eMSP's interfaces. */
const cpoToEmsp = () => clientFor(TOKEN_FOR_EMSP, EMSP);

const sent = () => requests.map((request) => `${request.method} ${request.url}`);
const bodies = () => Promise.all(requests.map((request) => request.text().then((text) => text || undefined)));
/** The headers 2.1.1 does not have, wherever they appear. */
const headersOf221 = () =>
  requests.flatMap((request) =>
    [...request.headers.keys()].filter((name) => name.startsWith('ocpi-') || name.startsWith('x-')),
  );

describe('Locations', () => {
  const locations = ['LOC1', 'LOC2', 'LOC3'].map((id) => ({
    ...location211(id),
    evses: [evse211(`${id}-E1`)],
  }));

  it('an eMSP pulls the Locations page by page following Link, then gets one EVSE', async () => {
    server.use(
      http.get(`${CPO}/locations`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0);
        const next =
          offset + 2 < locations.length ? `<${CPO}/locations?offset=${offset + 2}&limit=2>; rel="next"` : '';
        return ocpi(locations.slice(offset, offset + 2), {
          headers: { 'X-Total-Count': '3', 'X-Limit': '2', ...(next && { Link: next }) },
        });
      }),
      http.get(`${CPO}/locations/:locationId/:evseUid`, ({ params }) => {
        const location = locations.find(({ id }) => id === params.locationId);
        const evse = location?.evses.find(({ uid }) => uid === params.evseUid);
        return evse ? ocpi(evse) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
    const client = emspToCpo();

    const all = await client.locations.cpo
      .list({ query: { date_from: '2024-01-01T00:00:00Z' } })
      .toArray({ limit: 10 });
    const evse = await client.locations.cpo.getEvse({ params: { location_id: 'LOC2', evse_uid: 'LOC2-E1' } });

    expect(all).toEqual(locations);
    expect(evse).toEqual(evse211('LOC2-E1'));
    expect(sent()).toEqual([
      `GET ${CPO}/locations?date_from=2024-01-01T00%3A00%3A00Z`,
      `GET ${CPO}/locations?offset=2&limit=2`,
      `GET ${CPO}/locations/LOC2/LOC2-E1`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual(
      Array(3).fill(`Token ${TOKEN_FOR_CPO}`),
    );
    expect(headersOf221()).toEqual([]);
  });

  it('a CPO pushes a Location, then an EVSE status without last_updated; the eMSP copy shows both', async () => {
    const store = new Map<string, v211.Location>();
    server.use(
      http.put(`${EMSP}/locations/:cc/:party/:locationId`, async ({ request, params }) => {
        store.set(
          `${params.cc}/${params.party}/${params.locationId}`,
          (await request.json()) as v211.Location,
        );
        return ocpi(undefined);
      }),
      http.patch(`${EMSP}/locations/:cc/:party/:locationId/:evseUid`, async ({ request, params }) => {
        const evse = store
          .get(`${params.cc}/${params.party}/${params.locationId}`)
          ?.evses?.find(({ uid }) => uid === params.evseUid);
        if (!evse) return ocpi(undefined, { status: 404, status_code: 2000 });
        Object.assign(evse, await request.json());
        return ocpi(undefined);
      }),
      http.get(`${EMSP}/locations/:cc/:party/:locationId`, ({ params }) => {
        const location = store.get(`${params.cc}/${params.party}/${params.locationId}`);
        return location ? ocpi(location) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
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
      Array(3).fill(`Token ${TOKEN_FOR_EMSP}`),
    );
  });
});

describe('Tokens', () => {
  it('an eMSP pushes a Token, blocks it with a PATCH, and reads the CPO copy (no ?type= in 2.1.1)', async () => {
    const store = new Map<string, v211.Token>();
    server.use(
      http.put(`${CPO}/tokens/:cc/:party/:uid`, async ({ request, params }) => {
        store.set(`${params.cc}/${params.party}/${params.uid}`, (await request.json()) as v211.Token);
        return ocpi(undefined);
      }),
      http.patch(`${CPO}/tokens/:cc/:party/:uid`, async ({ request, params }) => {
        const token = store.get(`${params.cc}/${params.party}/${params.uid}`);
        if (!token) return ocpi(undefined, { status: 404, status_code: 2000 });
        Object.assign(token, await request.json());
        return ocpi(undefined);
      }),
      http.get(`${CPO}/tokens/:cc/:party/:uid`, ({ params }) => {
        const token = store.get(`${params.cc}/${params.party}/${params.uid}`);
        return token ? ocpi(token) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
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
    const received: unknown[] = [];
    server.use(
      http.post(`${EMSP}/tokens/:uid/authorize`, async ({ request, params }) => {
        const body = await request.json();
        received.push(body);
        if (params.uid !== '012345678') return ocpi(undefined, { status: 404, status_code: 2004 });
        return ocpi({ allowed: 'ALLOWED', location: body, info: { language: 'en', text: 'Welcome' } });
      }),
    );
    const client = cpoToEmsp();
    const location = { location_id: 'LOC1', evse_uids: ['EVSE1'], connector_ids: ['1'] };

    const info = await client.tokens.emsp.authorize({
      params: { token_uid: '012345678' },
      query: { type: 'RFID' },
      body: location,
    });
    const unknown = await failure(
      client.tokens.emsp.authorize({ params: { token_uid: 'BAD/1' }, body: location }),
    );

    expect(info).toEqual({ allowed: 'ALLOWED', location, info: { language: 'en', text: 'Welcome' } });
    expect(
      isOcpiHttpError(unknown) && { httpStatus: unknown.httpStatus, statusCode: unknown.statusCode },
    ).toEqual({
      httpStatus: 404,
      statusCode: 2004,
    });
    expect(received).toEqual([location, location]);
    expect(sent()).toEqual([
      `POST ${EMSP}/tokens/012345678/authorize?type=RFID`,
      `POST ${EMSP}/tokens/BAD%2F1/authorize`,
    ]);
    expect(requests.map((request) => request.headers.get('content-type'))).toEqual([
      'application/json',
      'application/json',
    ]);
    expect(headersOf221()).toEqual([]);
  });
});

describe('Commands', () => {
  it('an eMSP starts a session: CommandResponse at once, then a CommandResponse POSTed to response_url', async () => {
    const commands: v211.StartSession[] = [];
    const results: unknown[] = [];
    server.use(
      http.post(`${CPO}/commands/START_SESSION`, async ({ request }) => {
        commands.push((await request.json()) as v211.StartSession);
        return ocpi({ result: 'ACCEPTED' });
      }),
      http.post(`${EMSP}/commands/START_SESSION/:id`, async ({ request }) => {
        results.push(await request.json());
        return ocpi(undefined);
      }),
    );
    const command: v211.StartSession = {
      response_url: `${EMSP}/commands/START_SESSION/1234`,
      token: token211(),
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
    };

    const response = await emspToCpo().commands.cpo.startSession({ body: command });
    await cpoToEmsp().commands.emsp.postResult({
      params: { response_url: commands[0]?.response_url ?? '' },
      body: { result: 'ACCEPTED' },
    });

    expect(response).toEqual({ result: 'ACCEPTED' });
    expect(commands).toEqual([command]);
    expect(results).toEqual([{ result: 'ACCEPTED' }]);
    expect(sent()).toEqual([
      `POST ${CPO}/commands/START_SESSION`,
      `POST ${EMSP}/commands/START_SESSION/1234`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      `Token ${TOKEN_FOR_CPO}`,
      `Token ${TOKEN_FOR_EMSP}`,
    ]);
    expect(headersOf221()).toEqual([]);
  });

  it('an eMSP unlocks a connector the CPO cannot unlock remotely, and gets NOT_SUPPORTED', async () => {
    server.use(http.post(`${CPO}/commands/UNLOCK_CONNECTOR`, () => ocpi({ result: 'NOT_SUPPORTED' })));
    const body = {
      response_url: `${EMSP}/commands/UNLOCK_CONNECTOR/9`,
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
      connector_id: '1',
    };
    expect(await emspToCpo().commands.cpo.unlockConnector({ body })).toEqual({ result: 'NOT_SUPPORTED' });
    expect(await requests[0]?.json()).toEqual(body);
  });
});

describe('CDRs', () => {
  it('a CPO posts a CDR and reads it back at the URL the eMSP gave in the Location header', async () => {
    const stored = new Map<string, unknown>();
    server.use(
      http.post(`${EMSP}/cdrs`, async ({ request }) => {
        const cdr = (await request.json()) as v211.CDR;
        stored.set(cdr.id, cdr);
        return ocpi(undefined, { headers: { Location: `${EMSP}/cdrs/stored/${cdr.id}` } });
      }),
      http.get(`${EMSP}/cdrs/stored/:id`, ({ params }) => {
        const cdr = stored.get(String(params.id));
        return cdr ? ocpi(cdr) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
    );
    const client = cpoToEmsp();

    const url = await client.cdrs.emsp.postCdr({ body: cdr211('CDR-7') });
    const copy = await client.cdrs.emsp.getCdr({ params: { cdr_location_url: url } });

    expect(url).toBe(`${EMSP}/cdrs/stored/CDR-7`);
    expect(copy).toEqual(cdr211('CDR-7'));
    expect(sent()).toEqual([`POST ${EMSP}/cdrs`, `GET ${EMSP}/cdrs/stored/CDR-7`]);
    expect(await bodies()).toEqual([JSON.stringify(cdr211('CDR-7')), undefined]);
  });

  it('an eMSP pulls the CDRs from the CPO with offset and limit', async () => {
    const cdrs = ['CDR1', 'CDR2', 'CDR3'].map((id) => cdr211(id));
    server.use(
      http.get(`${CPO}/cdrs`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const offset = Number(query.get('offset') ?? 0);
        const limit = Number(query.get('limit') ?? 100);
        return ocpi(cdrs.slice(offset, offset + limit), { headers: { 'X-Total-Count': '3' } });
      }),
    );
    const ids = (
      await emspToCpo()
        .cdrs.cpo.list({ query: { offset: 1, limit: 1 } })
        .toArray({ limit: 5 })
    ).map(({ id }) => id);
    // Without Link, the next offset follows from X-Total-Count.
    expect(ids).toEqual(['CDR2', 'CDR3']);
    expect(sent()).toEqual([`GET ${CPO}/cdrs?offset=1&limit=1`, `GET ${CPO}/cdrs?offset=2&limit=1`]);
  });
});

describe('Sessions', () => {
  it('an eMSP lists the Sessions since the required date_from', async () => {
    server.use(
      http.get(`${CPO}/sessions`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        const from = query.get('date_from');
        if (!from) return ocpi(undefined, { status: 400, status_code: 2001 });
        const sessions = [session211('OLD'), { ...session211('NEW'), last_updated: '2024-06-03T00:00:00Z' }];
        return ocpi(sessions.filter((session) => session.last_updated > from));
      }),
    );
    const page = await emspToCpo().sessions.cpo.list({
      query: { date_from: '2024-06-02T00:00:00Z', date_to: '2024-06-04T00:00:00Z' },
    });
    expect(page.items.map(({ id }) => id)).toEqual(['NEW']);
    expect(sent()).toEqual([
      `GET ${CPO}/sessions?date_from=2024-06-02T00%3A00%3A00Z&date_to=2024-06-04T00%3A00%3A00Z`,
    ]);
  });

  it('a CPO pushes a Session, then its energy and cost, and the eMSP copy has both', async () => {
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
    const store = new Map<string, Record<string, unknown>>();
    server.use(
      http.put(`${EMSP}/tariffs/:cc/:party/:id`, async ({ request, params }) => {
        store.set(
          `${params.cc}/${params.party}/${params.id}`,
          (await request.json()) as Record<string, unknown>,
        );
        return ocpi(undefined);
      }),
      http.patch(`${EMSP}/tariffs/:cc/:party/:id`, async ({ request, params }) => {
        const tariff = store.get(`${params.cc}/${params.party}/${params.id}`);
        if (!tariff) return ocpi(undefined, { status: 404, status_code: 2000 });
        Object.assign(tariff, await request.json());
        return ocpi(undefined);
      }),
      http.get(`${EMSP}/tariffs/:cc/:party/:id`, ({ params }) => {
        const tariff = store.get(`${params.cc}/${params.party}/${params.id}`);
        return tariff ? ocpi(tariff) : ocpi(undefined, { status: 404, status_code: 2000 });
      }),
      http.delete(`${EMSP}/tariffs/:cc/:party/:id`, ({ params }) => {
        store.delete(`${params.cc}/${params.party}/${params.id}`);
        return ocpi(undefined);
      }),
    );
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
    server.use(http.get(`${CPO}/tariffs`, () => ocpi([tariff211('A'), tariff211('B')])));
    const page = await emspToCpo().tariffs.cpo.list();
    expect(page.items).toEqual([tariff211('A'), tariff211('B')]);
    expect(sent()).toEqual([`GET ${CPO}/tariffs`]);
  });
});

describe('Versions and Credentials', () => {
  it('an eMSP registers with the raw token: versions, 2.1.1 details, POST credentials, then the new token', async () => {
    const versionsUrl = 'https://cpo.example.com/ocpi/versions';
    const details = {
      version: '2.1.1',
      endpoints: [{ identifier: 'credentials', url: `${CPO}/credentials` }],
    };
    const theirs = { ...credentials211('token-c-for-the-emsp'), party_id: 'CPO', url: versionsUrl };
    server.use(
      http.get(versionsUrl, () => ocpi([{ version: '2.1.1', url: CPO }])),
      http.get(CPO, () => ocpi(details)),
      http.post(`${CPO}/credentials`, () => ocpi(theirs)),
      http.delete(`${CPO}/credentials`, () => ocpi(undefined)),
    );
    const bootstrap = v211.createClient({ token: 'token-a', endpoints: [], versionsUrl });

    const [version] = await bootstrap.versions.getVersions({ params: { versions_url: versionsUrl } });
    const found = await bootstrap.versions.getVersionDetails({ params: { version_url: version?.url ?? '' } });
    const registering = v211.createClient({ token: 'token-a', endpoints: found.endpoints });
    const registered = await registering.credentials.postCredentials({ body: credentials211('token-b') });
    const client = v211.createClient({ token: registered.token, endpoints: found.endpoints });
    await client.credentials.deleteCredentials();

    expect(found).toEqual(details);
    expect(registered).toEqual(theirs);
    expect(sent()).toEqual([
      `GET ${versionsUrl}`,
      `GET ${CPO}`,
      `POST ${CPO}/credentials`,
      `DELETE ${CPO}/credentials`,
    ]);
    expect(requests.map((request) => request.headers.get('authorization'))).toEqual([
      'Token token-a',
      'Token token-a',
      'Token token-a',
      'Token token-c-for-the-emsp',
    ]);
    expect(await requests[2]?.json()).toEqual(credentials211('token-b'));
    expect(headersOf221()).toEqual([]);
  });
});
