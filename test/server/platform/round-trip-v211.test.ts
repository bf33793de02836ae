/**
 * OCPI 2.1.1 end to end: the SDK's own client talks over real HTTP on 127.0.0.1 to `createOcpiHandler`
 * and round-trips the spec's examples through every operation of every module. 2.1.1 version details
 * list a module once, so a platform serves one interface of each: a CPO handler implements every `cpo`
 * interface, an eMSP handler every `emsp` one, each implementation recording what it got and answering
 * with spec examples. For each operation: the implementation got the example (as strictly parsed), the
 * client got what the implementation answered, pushes of new objects were 201, lists came in several
 * pages with `Link` and `X-Total-Count`. Driven by `v211.Operations`: an operation without a case fails.
 */
import {
  createOcpiHandler,
  InMemoryPartnerStore,
  type OcpiHttpError,
  type Page,
  partnerUrlPolicy,
} from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeServersAfterAll } from '../../support/local-server';
import {
  type Answers,
  examples211,
  functionalOperations211,
  pageOf,
  type ReceivedCall,
  recordingFetch,
  recordingImplementations,
  type SeenResponse,
  withId,
} from '../../support/round-trip-v211';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterAll();

const TOKEN = 'token-c';
/** The party of the spec's request examples (`.../NL/TNM/...`): the partner's, in both directions. */
const PARTNER = { countryCode: 'NL', partyId: 'TNM', businessDetails: { name: 'TheNewMotion' } };
const PAGE = 2;
const DATE_FROM = '2015-01-01T00:00:00Z';

async function storeWithPartner(): Promise<InMemoryPartnerStore> {
  const store = new InMemoryPartnerStore();
  // 2.1.1 credentials name one party, with no role.
  await store.save({ id: 'partner', status: 'registered', incomingToken: TOKEN, roles: [PARTNER] });
  return store;
}

const ex = examples211;
// The lists the CPO serves: more objects than a page holds, so that each list takes several pages.
const lists = {
  locations: () => [ex().location, withId(ex().location, 'id', 'LOC2'), withId(ex().location, 'id', 'LOC3')],
  sessions: () => [ex().starting, ex().finished, withId(ex().finished, 'id', '102')],
  cdrs: () => [ex().cdr, withId(ex().cdr, 'id', '12346'), withId(ex().cdr, 'id', '12347')],
  // Four of the five Tariff examples are the same Tariff "12" written in other ways: a list holds each
  // object once (our client drops a repeated id), so these get ids of their own.
  tariffs: () =>
    ex().tariffs.map((tariff, at) =>
      at === 0 || tariff.id !== '12' ? tariff : withId(tariff, 'id', `12-${at}`),
    ),
  tokens: () => [ex().token, ex().tokenPut.body, withId(ex().token, 'uid', '012345679')],
};

const ACCEPTED: v211.CommandResponse = { result: 'ACCEPTED' };
const authorizationInfo = (): v211.AuthorizationInfo => ({
  allowed: 'ALLOWED',
  location: { location_id: ex().location.id, evse_uids: [ex().evse.uid] },
});

type Params = Record<string, string>;
const byId = <T>(items: readonly T[], field: keyof T, id: string | undefined) =>
  items.find((item) => item[field] === id);

// The CPO's implementations answer from its Locations, its list objects and the Token pushed to it.
const cpoAnswers: Answers = {
  'locations.cpo.list': ({ query }) => pageOf(lists.locations(), query),
  'locations.cpo.getLocation': ({ params }) => byId(lists.locations(), 'id', params.location_id),
  'locations.cpo.getEvse': ({ params }) =>
    byId(byId(lists.locations(), 'id', params.location_id)?.evses ?? [], 'uid', params.evse_uid),
  'locations.cpo.getConnector': ({ params }) =>
    byId(
      byId(byId(lists.locations(), 'id', params.location_id)?.evses ?? [], 'uid', params.evse_uid)
        ?.connectors ?? [],
      'id',
      params.connector_id,
    ),
  'sessions.cpo.list': ({ query }) => pageOf(lists.sessions(), query),
  'cdrs.cpo.list': ({ query }) => pageOf(lists.cdrs(), query),
  'tariffs.cpo.list': ({ query }) => pageOf(lists.tariffs(), query),
  'tokens.cpo.getToken': ({ params }) => byId([ex().token], 'uid', params.token_uid),
  'tokens.cpo.putToken': () => 'created',
  'commands.cpo.reserveNow': () => ACCEPTED,
  'commands.cpo.startSession': () => ACCEPTED,
  'commands.cpo.stopSession': () => ACCEPTED,
  'commands.cpo.unlockConnector': () => ACCEPTED,
};

// The eMSP's: the objects its partner CPO pushed as the spec shows them, and its own Tokens.
const stored = (object: { id: string }, params: Params, field = 'location_id') =>
  params.country_code === 'NL' && params.party_id === 'TNM' && params[field] === object.id
    ? object
    : undefined;
const postedCdrs = new Map<string, unknown>();
const emspAnswers: Answers = {
  'locations.emsp.getLocation': ({ params }) => stored(ex().location, params),
  'locations.emsp.getEvse': ({ params }) =>
    stored(ex().location, params) && params.evse_uid === ex().evse.uid ? ex().evse : undefined,
  'locations.emsp.getConnector': ({ params }) =>
    stored(ex().location, params) && params.evse_uid === ex().evse.uid && params.connector_id === '1'
      ? ex().connector
      : undefined,
  'locations.emsp.putLocation': () => 'created',
  'locations.emsp.putEvse': () => 'created',
  'locations.emsp.putConnector': () => 'created',
  'sessions.emsp.getSession': ({ params }) => stored(ex().finished, params, 'session_id'),
  'sessions.emsp.putSession': () => 'created',
  'cdrs.emsp.postCdr': ({ body }) => {
    postedCdrs.set((body as v211.CDR).id, body);
    return 'created';
  },
  'cdrs.emsp.getCdr': ({ params }) => postedCdrs.get(params.cdr_id ?? ''),
  'tariffs.emsp.getTariff': ({ params }) => stored(ex().tariffs[3] as v211.Tariff, params, 'tariff_id'),
  'tariffs.emsp.putTariff': () => 'created',
  'tokens.emsp.list': ({ query }) => pageOf(lists.tokens(), query),
  'tokens.emsp.authorize': () => authorizationInfo(),
};

const received = new Map<string, ReceivedCall[]>();
const cpoFetch = recordingFetch();
const emspFetch = recordingFetch();
let cpoOrigin = '';
let emspOrigin = '';
let cpoDetails: v211.VersionDetails;
let emspDetails: v211.VersionDetails;
/** The eMSP partner calling our CPO handler. */
let cpoClient: v211.Client211<'strict'>;
/** The CPO partner calling our eMSP handler. */
let emspClient: v211.Client211<'strict'>;

async function detailsOf(origin: string): Promise<v211.VersionDetails> {
  const client = v211.createClient({
    token: TOKEN,
    endpoints: [],
    versionsUrl: `${origin}/ocpi/versions`,
    validation: 'strict',
  });
  const versions = await client.versions.getVersions({ params: { versions_url: `${origin}/ocpi/versions` } });
  const url = versions.find((version) => version.version === '2.1.1')?.url;
  if (url === undefined) throw new Error('no 2.1.1 in our versions');
  return await client.versions.getVersionDetails({ params: { version_url: url } });
}

beforeAll(async () => {
  const cpoStore = await storeWithPartner();
  const emspStore = await storeWithPartner();
  ({ origin: cpoOrigin } = await serveHandler((origin) =>
    createOcpiHandler({
      // The partner's response URLs are on this machine: the default policy refuses loopback.
      allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
      store: cpoStore,
      baseUrl: `${origin}/ocpi`,
      validation: 'strict',
      maxPageLimit: PAGE,
      versions: [
        v211.serveVersion({
          country_code: 'BE',
          party_id: 'BEC',
          business_details: { name: 'BeCharged' },
          modules: recordingImplementations('cpo', cpoAnswers, received),
        }),
      ],
    }),
  ));
  ({ origin: emspOrigin } = await serveHandler((origin) =>
    createOcpiHandler({
      // The partner's response URLs are on this machine: the default policy refuses loopback.
      allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
      store: emspStore,
      baseUrl: `${origin}/ocpi`,
      validation: 'strict',
      maxPageLimit: PAGE,
      versions: [
        v211.serveVersion({
          country_code: 'BE',
          party_id: 'EMS',
          business_details: { name: 'Example eMSP' },
          modules: recordingImplementations('emsp', emspAnswers, received),
        }),
      ],
    }),
  ));
  cpoDetails = await detailsOf(cpoOrigin);
  emspDetails = await detailsOf(emspOrigin);
  cpoClient = v211.createClient({
    token: TOKEN,
    endpoints: cpoDetails.endpoints,
    validation: 'strict',
    fetch: cpoFetch.fetch,
  });
  emspClient = v211.createClient({
    token: TOKEN,
    endpoints: emspDetails.endpoints,
    validation: 'strict',
    fetch: emspFetch.fetch,
  });
});

/** What the implementation of `key` received in its last call. */
function lastReceived(key: string): ReceivedCall {
  const call = received.get(key)?.at(-1);
  if (call === undefined) throw new Error(`${key} received nothing`);
  return call;
}

function lastSeen(seen: readonly SeenResponse[]): SeenResponse {
  const response = seen.at(-1);
  if (response === undefined) throw new Error('no response seen');
  return response;
}

/** A URL of ours below the eMSP's Commands endpoint, for the CPO to POST a command's result to. */
function responseUrl(command: string): string {
  return `${emspOrigin}/ocpi/2.1.1/emsp/commands/${command}/${command.toLowerCase()}-1`;
}

// ---------------------------------------------------------------------------------------------------
// The cases, one per operation of the table.

/** A call and what it must do: what the implementation gets, what the call resolves to, the status. */
interface CallCase {
  side: 'cpo' | 'emsp';
  send: () => Promise<unknown>;
  /** What the implementation must have received (the query of a call without one is `undefined`). */
  received: { params: Params; query?: unknown; body?: unknown };
  resolves: unknown;
  /** HTTP 201 for an object new to us; 200 by default. */
  status?: 201;
}

/** A list: served over several pages, each with its paging headers, the filter kept on every page. */
interface ListCase {
  side: 'cpo' | 'emsp';
  list: (query: { date_from: string }) => AsyncIterable<Page<unknown>>;
  items: () => readonly unknown[];
}

type Case = CallCase | ListCase;

const body = (value: unknown) => ({ body: value });

const CASES: Record<string, () => Case> = {
  'locations.cpo.list': () => ({
    side: 'cpo',
    list: (query) => cpoClient.locations.cpo.list({ query }).pages(),
    items: lists.locations,
  }),
  'locations.cpo.getLocation': () => ({
    side: 'cpo',
    send: () => cpoClient.locations.cpo.getLocation({ params: { location_id: 'LOC1' } }),
    received: { params: { location_id: 'LOC1' } },
    resolves: ex().location,
  }),
  'locations.cpo.getEvse': () => ({
    side: 'cpo',
    send: () => cpoClient.locations.cpo.getEvse({ params: { location_id: 'LOC1', evse_uid: '3256' } }),
    received: { params: { location_id: 'LOC1', evse_uid: '3256' } },
    resolves: ex().evse,
  }),
  'locations.cpo.getConnector': () => {
    const params = { location_id: 'LOC1', evse_uid: '3256', connector_id: '1' };
    return {
      side: 'cpo',
      send: () => cpoClient.locations.cpo.getConnector({ params }),
      received: { params },
      resolves: ex().connector,
    };
  },
  'locations.emsp.getLocation': () => {
    const params = { country_code: 'NL', party_id: 'TNM', location_id: 'LOC1' };
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.getLocation({ params }),
      received: { params },
      resolves: ex().location,
    };
  },
  'locations.emsp.getEvse': () => {
    const params = { country_code: 'NL', party_id: 'TNM', location_id: 'LOC1', evse_uid: '3256' };
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.getEvse({ params }),
      received: { params },
      resolves: ex().evse,
    };
  },
  'locations.emsp.getConnector': () => {
    const params = {
      country_code: 'NL',
      party_id: 'TNM',
      location_id: 'LOC1',
      evse_uid: '3256',
      connector_id: '1',
    };
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.getConnector({ params }),
      received: { params },
      resolves: ex().connector,
    };
  },
  'locations.emsp.putLocation': () => {
    const params = { country_code: 'NL', party_id: 'TNM', location_id: 'LOC1' };
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.putLocation({ params, body: ex().location }),
      received: { params, ...body(ex().location) },
      resolves: undefined,
      status: 201,
    };
  },
  'locations.emsp.putEvse': () => {
    const params = { country_code: 'NL', party_id: 'TNM', location_id: 'LOC1', evse_uid: '3256' };
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.putEvse({ params, body: ex().evse }),
      received: { params, ...body(ex().evse) },
      resolves: undefined,
      status: 201,
    };
  },
  'locations.emsp.putConnector': () => {
    const params = {
      country_code: 'NL',
      party_id: 'TNM',
      location_id: 'LOC1',
      evse_uid: '3256',
      connector_id: '1',
    };
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.putConnector({ params, body: ex().connector }),
      received: { params, ...body(ex().connector) },
      resolves: undefined,
      status: 201,
    };
  },
  'locations.emsp.patchLocation': () => {
    const { params, body: patch } = ex().locationPatch;
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.patchLocation({ params: params as never, body: patch }),
      received: { params, body: patch },
      resolves: undefined,
    };
  },
  'locations.emsp.patchEvse': () => {
    const { params, body: patch } = ex().evsePatch;
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.patchEvse({ params: params as never, body: patch }),
      received: { params, body: patch },
      resolves: undefined,
    };
  },
  'locations.emsp.patchConnector': () => {
    const { params, body: patch } = ex().connectorPatch;
    return {
      side: 'emsp',
      send: () => emspClient.locations.emsp.patchConnector({ params: params as never, body: patch }),
      received: { params, body: patch },
      resolves: undefined,
    };
  },
  'sessions.cpo.list': () => ({
    side: 'cpo',
    list: (query) => cpoClient.sessions.cpo.list({ query }).pages(),
    items: lists.sessions,
  }),
  'sessions.emsp.getSession': () => {
    const params = { country_code: 'NL', party_id: 'TNM', session_id: '101' };
    return {
      side: 'emsp',
      send: () => emspClient.sessions.emsp.getSession({ params }),
      received: { params },
      resolves: ex().finished,
    };
  },
  'sessions.emsp.putSession': () => {
    const params = { country_code: 'NL', party_id: 'TNM', session_id: '101' };
    return {
      side: 'emsp',
      send: () => emspClient.sessions.emsp.putSession({ params, body: ex().starting }),
      received: { params, body: ex().starting },
      resolves: undefined,
      status: 201,
    };
  },
  'sessions.emsp.patchSession': () => {
    const { params, body: patch } = ex().sessionPatch;
    return {
      side: 'emsp',
      send: () => emspClient.sessions.emsp.patchSession({ params: params as never, body: patch }),
      received: { params, body: patch },
      resolves: undefined,
    };
  },
  'cdrs.cpo.list': () => ({
    side: 'cpo',
    list: (query) => cpoClient.cdrs.cpo.list({ query }).pages(),
    items: lists.cdrs,
  }),
  'cdrs.emsp.postCdr': () => ({
    side: 'emsp',
    send: () => emspClient.cdrs.emsp.postCdr({ body: ex().cdr }),
    received: { params: {}, body: ex().cdr },
    // The Location of the stored CDR: below our CDRs endpoint, at the path ServedPaths gives getCdr.
    resolves: `${emspOrigin}/ocpi/2.1.1/emsp/cdrs/${ex().cdr.id}`,
    status: 201,
  }),
  'cdrs.emsp.getCdr': () => ({
    side: 'emsp',
    // The URL the POST's Location header gave, as the client resolved it.
    send: async () => {
      const url = await emspClient.cdrs.emsp.postCdr({ body: ex().cdr });
      return emspClient.cdrs.emsp.getCdr({ params: { cdr_location_url: url } });
    },
    received: { params: { cdr_id: ex().cdr.id } },
    resolves: ex().cdr,
  }),
  'tariffs.cpo.list': () => ({
    side: 'cpo',
    list: (query) => cpoClient.tariffs.cpo.list({ query }).pages(),
    items: lists.tariffs,
  }),
  'tariffs.emsp.getTariff': () => {
    const params = { country_code: 'NL', party_id: 'TNM', tariff_id: '11' };
    return {
      side: 'emsp',
      send: () => emspClient.tariffs.emsp.getTariff({ params }),
      received: { params },
      resolves: ex().tariffs[3],
    };
  },
  'tariffs.emsp.putTariff': () => {
    const params = ex().tariffPutParams;
    const tariff = ex().tariffs[0];
    return {
      side: 'emsp',
      send: () => emspClient.tariffs.emsp.putTariff({ params: params as never, body: tariff as v211.Tariff }),
      received: { params, body: tariff },
      resolves: undefined,
      status: 201,
    };
  },
  'tariffs.emsp.patchTariff': () => {
    const { params, body: patch } = ex().tariffPatch;
    return {
      side: 'emsp',
      send: () => emspClient.tariffs.emsp.patchTariff({ params: params as never, body: patch }),
      received: { params, body: patch },
      resolves: undefined,
    };
  },
  'tariffs.emsp.deleteTariff': () => {
    const params = ex().tariffPutParams;
    return {
      side: 'emsp',
      send: () => emspClient.tariffs.emsp.deleteTariff({ params: params as never }),
      received: { params },
      resolves: undefined,
    };
  },
  'tokens.cpo.getToken': () => {
    const params = { country_code: 'NL', party_id: 'TNM', token_uid: ex().token.uid };
    return {
      side: 'cpo',
      send: () => cpoClient.tokens.cpo.getToken({ params }),
      received: { params },
      resolves: ex().token,
    };
  },
  'tokens.cpo.putToken': () => {
    const { params, body: token } = ex().tokenPut;
    return {
      side: 'cpo',
      send: () => cpoClient.tokens.cpo.putToken({ params: params as never, body: token }),
      received: { params, body: token },
      resolves: undefined,
      status: 201,
    };
  },
  'tokens.cpo.patchToken': () => {
    const { params, body: patch } = ex().tokenPatch;
    return {
      side: 'cpo',
      send: () => cpoClient.tokens.cpo.patchToken({ params: params as never, body: patch }),
      received: { params, body: patch },
      resolves: undefined,
    };
  },
  'tokens.emsp.list': () => ({
    side: 'emsp',
    list: (query) => emspClient.tokens.emsp.list({ query }).pages(),
    items: lists.tokens,
  }),
  'tokens.emsp.authorize': () => {
    const params = { token_uid: ex().token.uid };
    const references = { location_id: ex().location.id, evse_uids: [ex().evse.uid] };
    return {
      side: 'emsp',
      send: () => emspClient.tokens.emsp.authorize({ params, query: { type: 'RFID' }, body: references }),
      received: { params, query: { type: 'RFID' }, body: references },
      resolves: authorizationInfo(),
    };
  },
  'commands.cpo.reserveNow': () => {
    const command: v211.ReserveNow = {
      response_url: responseUrl('RESERVE_NOW'),
      token: ex().token,
      expiry_date: '2015-06-29T23:39:09Z',
      reservation_id: 1,
      location_id: ex().location.id,
      evse_uid: '3257',
    };
    return {
      side: 'cpo',
      send: () => cpoClient.commands.cpo.reserveNow({ body: command }),
      received: { params: {}, body: command },
      resolves: ACCEPTED,
    };
  },
  'commands.cpo.startSession': () => {
    const command: v211.StartSession = {
      response_url: responseUrl('START_SESSION'),
      token: ex().token,
      location_id: ex().location.id,
      evse_uid: ex().evse.uid,
    };
    return {
      side: 'cpo',
      send: () => cpoClient.commands.cpo.startSession({ body: command }),
      received: { params: {}, body: command },
      resolves: ACCEPTED,
    };
  },
  'commands.cpo.stopSession': () => {
    const command: v211.StopSession = { response_url: responseUrl('STOP_SESSION'), session_id: '101' };
    return {
      side: 'cpo',
      send: () => cpoClient.commands.cpo.stopSession({ body: command }),
      received: { params: {}, body: command },
      resolves: ACCEPTED,
    };
  },
  'commands.cpo.unlockConnector': () => {
    const command: v211.UnlockConnector = {
      response_url: responseUrl('UNLOCK_CONNECTOR'),
      location_id: ex().location.id,
      evse_uid: ex().evse.uid,
      connector_id: ex().connector.id,
    };
    return {
      side: 'cpo',
      send: () => cpoClient.commands.cpo.unlockConnector({ body: command }),
      received: { params: {}, body: command },
      resolves: ACCEPTED,
    };
  },
  'commands.emsp.postResult': () => ({
    side: 'emsp',
    // The result goes to the response_url our eMSP put in the command, as the CPO received it.
    send: async () => {
      await cpoClient.commands.cpo.startSession({
        body: {
          response_url: responseUrl('START_SESSION'),
          token: ex().token,
          location_id: ex().location.id,
        },
      });
      const { response_url } = lastReceived('commands.cpo.startSession').body as v211.StartSession;
      return emspClient.commands.emsp.postResult({ params: { response_url }, body: ACCEPTED });
    },
    received: { params: { command: 'START_SESSION', uid: 'start_session-1' }, body: ACCEPTED },
    resolves: undefined,
  }),
};

function isList(testCase: Case): testCase is ListCase {
  return 'list' in testCase;
}

describe('OCPI 2.1.1 round trips: our client and createOcpiHandler over HTTP', () => {
  it('has a round-trip case for every functional operation of v211.Operations', () => {
    const keys = functionalOperations211().map((entry) => entry.key);
    expect(keys.length).toBeGreaterThan(30);
    expect(Object.keys(CASES).sort()).toEqual([...keys].sort());
  });

  it.each(Object.keys(CASES))('%s', async (key) => {
    const testCase = CASES[key]?.();
    if (testCase === undefined) throw new Error(`no case for ${key}`);
    const seen = testCase.side === 'cpo' ? cpoFetch.seen : emspFetch.seen;
    received.delete(key);
    if (isList(testCase)) {
      const items = testCase.items();
      const pages: Page<unknown>[] = [];
      for await (const page of testCase.list({ date_from: DATE_FROM })) pages.push(page);
      const pageCount = Math.ceil(items.length / PAGE);
      expect(pageCount).toBeGreaterThan(1);
      expect(pages).toHaveLength(pageCount);
      expect(pages.flatMap((page) => page.items)).toEqual(items);
      pages.forEach((page, at) => {
        expect(page.items).toEqual(items.slice(at * PAGE, (at + 1) * PAGE));
        expect(page.headers.get('X-Total-Count')).toBe(String(items.length));
        expect(page.totalCount).toBe(items.length);
        expect(page.headers.get('X-Limit')).toBe(String(PAGE));
        expect(page.pagingIssues).toEqual([]);
        const link = page.headers.get('Link');
        if (at < pageCount - 1) {
          expect(link).toBe(`<${page.nextUrl}>; rel="next"`);
          expect(new URL(page.nextUrl ?? '').searchParams.get('date_from')).toBe(DATE_FROM);
        } else {
          expect(link).toBeNull();
          expect(page.nextUrl).toBeUndefined();
        }
      });
      // Each page was asked for by the Link of the one before, the filter kept.
      const queries = received.get(key)?.map((call) => call.query);
      expect(queries).toEqual(
        pages.map((_, at) => ({ date_from: DATE_FROM, offset: at * PAGE, limit: PAGE })),
      );
      return;
    }
    const result = await testCase.send();
    expect(lastReceived(key)).toEqual({
      params: testCase.received.params,
      query: testCase.received.query,
      body: testCase.received.body,
    });
    expect(result).toEqual(testCase.resolves);
    expect(lastSeen(seen).status).toBe(testCase.status ?? 200);
  });
});

describe('OCPI 2.1.1 platform rules', () => {
  it('lists exactly the implemented modules in each version details, at the interface URLs', () => {
    const modules = ['locations', 'sessions', 'cdrs', 'tariffs', 'tokens', 'commands'];
    const expected = (origin: string, side: string) => [
      { identifier: 'credentials', url: `${origin}/ocpi/2.1.1/credentials` },
      ...modules.map((module) => ({ identifier: module, url: `${origin}/ocpi/2.1.1/${side}/${module}` })),
    ];
    const sorted = (endpoints: readonly v211.Endpoint[]) =>
      [...endpoints].sort((a, b) => a.identifier.localeCompare(b.identifier));
    expect(sorted(cpoDetails.endpoints)).toEqual(sorted(expected(cpoOrigin, 'cpo')));
    expect(sorted(emspDetails.endpoints)).toEqual(sorted(expected(emspOrigin, 'emsp')));
    expect(cpoDetails.version).toBe('2.1.1');
  });

  it('refuses a 2.1.1 config that implements both interfaces of one module', async () => {
    const store = await storeWithPartner();
    expect(() =>
      createOcpiHandler({
        // The partner's response URLs are on this machine: the default policy refuses loopback.
        allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
        store,
        baseUrl: 'https://platform.example.com/ocpi',
        versions: [
          v211.serveVersion({
            country_code: 'NL',
            party_id: 'TNM',
            business_details: { name: 'Both' },
            modules: {
              locations: { cpo: { list: () => ({ items: [], total: 0 }) }, emsp: { putLocation: () => {} } },
            },
          }),
        ],
      }),
    ).toThrow(TypeError);
  });

  it('answers an operation of an implemented interface left out with HTTP 501 and an OCPI envelope', async () => {
    const store = await storeWithPartner();
    const { origin } = await serveHandler((at) =>
      createOcpiHandler({
        // The partner's response URLs are on this machine: the default policy refuses loopback.
        allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
        store,
        baseUrl: `${at}/ocpi`,
        versions: [
          v211.serveVersion({
            country_code: 'BE',
            party_id: 'BEC',
            business_details: { name: 'BeCharged' },
            modules: { locations: { cpo: { list: () => ({ items: [], total: 0 }) } } },
          }),
        ],
      }),
    );
    const details = await detailsOf(origin);
    expect(details.endpoints.map((endpoint) => endpoint.identifier).sort()).toEqual([
      'credentials',
      'locations',
    ]);
    const client = v211.createClient({ token: TOKEN, endpoints: details.endpoints, validation: 'strict' });
    const error = (await client.locations.cpo
      .getLocation({ params: { location_id: 'LOC1' } })
      .catch((caught: unknown) => caught)) as OcpiHttpError;
    expect(error).toMatchObject({ httpStatus: 501, statusCode: 2000 });
    const envelope = JSON.parse(error.body ?? '{}') as Record<string, unknown>;
    expect(envelope).toMatchObject({
      status_code: 2000,
      status_message: expect.stringContaining('Not implemented'),
    });
    expect(typeof envelope.timestamp).toBe('string');
    // The implemented list still answers.
    await expect(client.locations.cpo.list().toArray({ limit: 10 })).resolves.toEqual([]);
  });

  it('answers an unknown Location with HTTP 404 and 2003, on both interfaces', async () => {
    const unknown = [
      () => cpoClient.locations.cpo.getLocation({ params: { location_id: 'NOPE' } }),
      () => cpoClient.locations.cpo.getEvse({ params: { location_id: 'LOC1', evse_uid: 'NOPE' } }),
      () =>
        cpoClient.locations.cpo.getConnector({
          params: { location_id: 'LOC1', evse_uid: '3256', connector_id: '9' },
        }),
      () =>
        emspClient.locations.emsp.getLocation({
          params: { country_code: 'NL', party_id: 'TNM', location_id: 'NOPE' },
        }),
    ];
    for (const call of unknown) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ httpStatus: 404, statusCode: 2003 });
      expect(JSON.parse((error as OcpiHttpError).body ?? '{}')).toMatchObject({ status_code: 2003 });
    }
  });

  it('answers other unknown objects with HTTP 404 and 2000', async () => {
    const unknown = [
      () =>
        emspClient.sessions.emsp.getSession({
          params: { country_code: 'NL', party_id: 'TNM', session_id: 'NOPE' },
        }),
      () =>
        emspClient.tariffs.emsp.getTariff({
          params: { country_code: 'NL', party_id: 'TNM', tariff_id: 'NOPE' },
        }),
      () =>
        emspClient.cdrs.emsp.getCdr({
          params: { cdr_location_url: `${emspOrigin}/ocpi/2.1.1/emsp/cdrs/NOPE` },
        }),
      () =>
        cpoClient.tokens.cpo.getToken({ params: { country_code: 'NL', party_id: 'TNM', token_uid: 'NOPE' } }),
    ];
    for (const call of unknown) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ httpStatus: 404, statusCode: 2000 });
      expect(JSON.parse((error as OcpiHttpError).body ?? '{}')).toMatchObject({ status_code: 2000 });
    }
  });
});
