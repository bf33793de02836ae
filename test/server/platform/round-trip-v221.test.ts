/**
 * Every operation of every 2.2.1 module interface, round-tripped over real HTTP on 127.0.0.1: the SDK's
 * own client (strict validation, built from the version details our handler publishes) calls
 * `createOcpiHandler`, whose implementations record what they got and answer with the spec's examples.
 * Each case checks what the implementation received (the example as strict parsing reads it), what the
 * client got back, and the HTTP side (201 for a created object, the CDR's `Location`, paging headers
 * over several pages). Driven by `v221.Operations`: an operation added to the table without a case here
 * fails.
 *
 * Where the spec has no example of a body (commands, charging profiles, charging preferences, a real-time
 * authorization) the bodies are built from the objects of its examples (the Token of
 * token_put_example.json, the ids of location_example.json). Lists get more than a page (at most 2 per
 * page here) from several examples, or from copies of the one example under other ids.
 *
 * Three handlers share one server: our platform (roles CPO and EMSP, every module but the Hub's side of
 * HubClientInfo) at /ocpi, a hub (role HUB: HubClientInfo Sender) at /hub, and a platform that implements
 * only part of an interface at /partial.
 */
import {
  createOcpiHandler,
  InMemoryPartnerStore,
  type OcpiHandler,
  type Page,
  type PageRequest,
  type PartyRole,
  partnerUrlPolicy,
} from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { beforeAll, describe, expect, it } from 'vitest';
import { type MapEntry, mapEntries } from '../../support/client-operations';
import { chargingProfile221, examples221 } from '../../support/client-payloads';
import { closeServersAfterAll } from '../../support/local-server';
import { fromSpec, readSpecFile } from '../../support/spec';
import { exampleOf } from '../../support/v221-payloads';
import {
  type Answer,
  type CallSeen,
  type Exchange,
  exchangeRecorder,
  type Received,
  recordingImplementations,
  serveForFile,
} from './support-v221';

const PAGE = 2;
const BEC = { countryCode: 'BE', partyId: 'BEC' };

// The partner owns the parties of the examples it pushes: the CPO of location_example.json, cdr_example
// and session_example_2 (BE BEC), of session_example_1 (NL STK) and of the tariffs (DE ALL), and the eMSP
// of the tokens (DE TNM, NL TNM).
const role = (kind: string, countryCode: string, partyId: string): PartyRole => ({
  role: kind,
  countryCode,
  partyId,
  businessDetails: { name: `${countryCode} ${partyId}` },
});
const PARTNER_ROLES = [
  role('CPO', 'BE', 'BEC'),
  role('CPO', 'NL', 'STK'),
  role('CPO', 'DE', 'ALL'),
  role('EMSP', 'DE', 'TNM'),
  role('EMSP', 'NL', 'TNM'),
];

const ex = fromSpec(() => {
  const base = examples221();
  const clientInfo = hubClientInfoExample();
  return {
    ...base,
    locations: [
      base.location,
      base.location2,
      exampleOf(v221.LocationSchema, 'location_example_parking_garage_opening_hours.json'),
      exampleOf(v221.LocationSchema, 'location_example_uc4_limited_visibility.json'),
      exampleOf(v221.LocationSchema, 'location_example_uc5_home_charge_point.json'),
    ],
    tariffs: [
      base.tariff,
      base.tariff2,
      exampleOf(v221.TariffSchema, 'tariff_4_complex.json'),
      exampleOf(v221.TariffSchema, 'tariff_5_free_of_charge.json'),
      exampleOf(v221.TariffSchema, 'tariff_13_simple_3hour_5parking.json'),
    ],
    fullRfidToken: exampleOf(v221.TokenSchema, 'token_example_2_full_rfid.json'),
    displayText: exampleOf(v221.DisplayTextSchema, 'type_displaytext_example.json'),
    clientInfo,
    clientInfos: [
      clientInfo,
      { ...clientInfo, party_id: 'STK', status: 'CONNECTED' as const },
      {
        ...clientInfo,
        country_code: 'DE',
        party_id: 'TNM',
        role: 'EMSP' as const,
        status: 'OFFLINE' as const,
      },
    ],
  };
});

// The spec's one ClientInfo (mod_hub_client_info, PUT example) has a trailing comma and no
// `last_updated`: read without the comma, given a `last_updated`, then checked strictly.
function hubClientInfoExample(): v221.ClientInfo {
  const text = readSpecFile('2.2.1', 'mod_hub_client_info.asciidoc').replace(/,(\s*})/g, '$1');
  const block = text.slice(text.indexOf('PUT To URL'));
  const json = block.slice(block.indexOf('{'), block.indexOf('}') + 1);
  const parsed = JSON.parse(json) as object;
  return v221.ClientInfoSchema.parse({ ...parsed, last_updated: '2019-06-24T12:39:09Z' });
}

// ---------------------------------------------------------------------------------------------------
// The platforms

const received: Received[] = [];
const answers = new Map<string, Answer>();
const FUNCTIONAL = mapEntries(v221.Operations).filter((entry) => entry.role !== '');
const HUB_SIDE = 'hubclientinfo.sender';
const keysOf = (entries: MapEntry[]) =>
  entries.map((entry) => ({ key: entry.key, paginated: entry.op.paginated === true }));

const ours = (kind: 'CPO' | 'EMSP' | 'HUB', partyId: string) => ({
  role: kind,
  country_code: 'NL',
  party_id: partyId,
  business_details: { name: `Our ${kind}` },
});

const store = new InMemoryPartnerStore();
await store.save({ id: 'partner', status: 'registered', incomingToken: 'token-c', roles: PARTNER_ROLES });
await store.save({
  id: 'hub',
  status: 'registered',
  incomingToken: 'token-hub',
  roles: [role('HUB', 'NL', 'HUB')],
});
const hubStore = new InMemoryPartnerStore();
await hubStore.save({
  id: 'platform',
  status: 'registered',
  incomingToken: 'token-p',
  roles: [role('CPO', 'BE', 'BEC')],
});

closeServersAfterAll();
const served = await serveForFile((origin) => {
  const platform = (
    base: string,
    partners: InMemoryPartnerStore,
    config: v221.ServeVersionConfig,
  ): OcpiHandler =>
    createOcpiHandler({
      // The partner's response URLs are on this machine: the default policy refuses loopback.
      allowPartnerUrl: partnerUrlPolicy({ allowHttp: true, allowHosts: ['127.0.0.1'] }),
      store: partners,
      baseUrl: `${origin}${base}`,
      validation: 'strict',
      maxPageLimit: PAGE,
      versions: [v221.serveVersion(config)],
    });
  return {
    '/ocpi': platform('/ocpi', store, {
      roles: [ours('CPO', 'OUR'), ours('EMSP', 'OUR')],
      modules: recordingImplementations(
        keysOf(FUNCTIONAL.filter((entry) => !entry.key.startsWith(HUB_SIDE))),
        answers,
        received,
      ) as v221.Implementations,
    }),
    '/hub': platform('/hub', hubStore, {
      roles: [ours('HUB', 'HUB')],
      modules: recordingImplementations(
        keysOf(FUNCTIONAL.filter((entry) => entry.key.startsWith(HUB_SIDE))),
        answers,
        received,
      ) as v221.Implementations,
    }),
    '/partial': platform('/partial', store, {
      roles: [ours('CPO', 'PRT')],
      modules: { locations: { sender: { list: () => ({ items: [], total: 0 }) } } },
    }),
  };
});

const versionsUrl = (base: string) => `${served.origin}${base}/versions`;

/** Our version details, read with the client's own versions calls. */
async function detailsOf(base: string, token: string): Promise<v221.VersionDetails> {
  const bootstrap = v221.createClient({
    token,
    endpoints: [],
    versionsUrl: versionsUrl(base),
    from: null,
    validation: 'strict',
  });
  const versions = await bootstrap.versions.getVersions({ params: { versions_url: versionsUrl(base) } });
  const version = versions.find((entry) => entry.version === '2.2.1');
  if (version === undefined) throw new Error(`${base} lists no 2.2.1`);
  return bootstrap.versions.getVersionDetails({ params: { version_url: version.url } });
}

const recorder = exchangeRecorder();
let details: v221.VersionDetails;
let hubDetails: v221.VersionDetails;
const clients = {} as {
  /** The partner (CPO and eMSP parties) calling our platform. */
  main: v221.Client221<'strict'>;
  /** A hub pushing ClientInfo to our platform. */
  hub: v221.Client221<'strict'>;
  /** Our platform pulling ClientInfo from the hub. */
  platform: v221.Client221<'strict'>;
};

beforeAll(async () => {
  details = await detailsOf('/ocpi', 'token-c');
  hubDetails = await detailsOf('/hub', 'token-p');
  const client = (token: string, endpoints: v221.VersionDetails['endpoints'], from: typeof BEC | null) =>
    v221.createClient({
      token,
      endpoints,
      from,
      validation: 'strict',
      middleware: [recorder.middleware],
    });
  clients.main = client('token-c', details.endpoints, BEC);
  clients.hub = client('token-hub', details.endpoints, null);
  clients.platform = client('token-p', hubDetails.endpoints, BEC);
});

/** Our URL of a module interface, as our version details give it. */
function endpoint(identifier: string, endpointRole: 'SENDER' | 'RECEIVER'): string {
  const found = details.endpoints.find(
    (entry) => entry.identifier === identifier && entry.role === endpointRole,
  );
  if (found === undefined) throw new Error(`No ${identifier} ${endpointRole} in our version details`);
  return found.url;
}

// ---------------------------------------------------------------------------------------------------
// The cases

/** One operation's round trip. */
interface RoundTrip {
  /** The client calling: the partner, unless said. */
  client?: keyof typeof clients;
  /** The call's path parameters, or what makes them (run first). */
  params?: Record<string, string> | (() => Promise<Record<string, string>>);
  query?: Record<string, string | number>;
  body?: unknown;
  /** What the implementation answers; a list: every item of the whole list. */
  answer?: Answer;
  /** The path parameters the implementation gets, where not `params` (a URL of ours given whole). */
  receivedParams?: Record<string, string>;
  /** What the client resolves to, where not the answer. */
  result?: unknown;
  /** Default 200. */
  httpStatus?: number;
}

const matching =
  (params: Record<string, string>, value: unknown) =>
  (call: CallSeen): unknown =>
    Object.entries(params).every(([name, expected]) => call.params[name] === expected) ? value : undefined;

const cases = fromSpec((): Record<string, RoundTrip> => {
  const e = ex();
  const loc = { country_code: 'BE', party_id: 'BEC', location_id: 'LOC1' };
  const commandsAt = (command: string) => `${endpoint('commands', 'SENDER')}/${command}/42`;
  const profilesAt = (kind: string) => `${endpoint('chargingprofiles', 'SENDER')}/${kind}/42`;
  const accepted: v221.CommandResponse = { result: 'ACCEPTED', timeout: 30 };
  const profileAccepted: v221.ChargingProfileResponse = { result: 'ACCEPTED', timeout: 60 };
  const activeProfile: v221.ActiveChargingProfile = {
    start_date_time: '2019-06-24T12:00:00Z',
    charging_profile: chargingProfile221,
  };
  const cdrs = [e.cdr, { ...e.cdr, id: '12346' }, { ...e.cdr, id: '12347' }];
  const rfidUid = { country_code: 'NL', party_id: 'TNM', token_uid: '012345678' };
  return {
    'locations.sender.list': { query: { date_from: '2019-01-01T00:00:00Z' }, answer: e.locations },
    'locations.sender.getLocation': {
      params: { location_id: 'LOC1' },
      answer: matching({ location_id: 'LOC1' }, e.location),
    },
    'locations.sender.getEvse': {
      params: { location_id: 'LOC1', evse_uid: '3256' },
      answer: matching({ evse_uid: '3256' }, e.evse),
    },
    'locations.sender.getConnector': {
      params: { location_id: 'LOC1', evse_uid: '3256', connector_id: '1' },
      answer: matching({ connector_id: '1' }, e.connector),
    },
    'locations.receiver.getLocation': { params: loc, answer: matching(loc, e.location) },
    'locations.receiver.getEvse': {
      params: { ...loc, evse_uid: '3256' },
      answer: matching({ evse_uid: '3256' }, e.evse),
    },
    'locations.receiver.getConnector': {
      params: { ...loc, evse_uid: '3256', connector_id: '1' },
      answer: matching({ connector_id: '1' }, e.connector),
    },
    'locations.receiver.putLocation': { params: loc, body: e.location, answer: 'created', httpStatus: 201 },
    'locations.receiver.putEvse': { params: { ...loc, evse_uid: '3256' }, body: e.evse },
    'locations.receiver.putConnector': {
      params: { ...loc, evse_uid: '3256', connector_id: '1' },
      body: e.connector,
      answer: 'created',
      httpStatus: 201,
    },
    'locations.receiver.patchLocation': { params: loc, body: e.locationPatch },
    'locations.receiver.patchEvse': { params: { ...loc, evse_uid: '3256' }, body: e.evsePatch },
    'locations.receiver.patchConnector': {
      params: { ...loc, evse_uid: '3256', connector_id: '1' },
      body: e.connectorPatch,
    },
    'sessions.sender.list': {
      query: { date_from: '2019-06-01T00:00:00Z', date_to: '2020-06-01T00:00:00Z' },
      answer: [e.session, e.finishedSession, { ...e.session, id: '102' }],
    },
    'sessions.sender.putChargingPreferences': {
      params: { session_id: '101' },
      body: { profile_type: 'FAST', departure_time: '2019-06-24T18:00:00Z', energy_need: 30 },
      answer: 'ACCEPTED',
    },
    'sessions.receiver.getSession': {
      params: { country_code: 'NL', party_id: 'STK', session_id: '101' },
      answer: matching({ party_id: 'STK', session_id: '101' }, e.session),
    },
    'sessions.receiver.putSession': {
      params: { country_code: 'NL', party_id: 'STK', session_id: '101' },
      body: e.session,
      answer: 'created',
      httpStatus: 201,
    },
    'sessions.receiver.patchSession': {
      params: { country_code: 'NL', party_id: 'STK', session_id: '101' },
      body: e.sessionPatch,
    },
    'cdrs.sender.list': { query: { date_to: '2019-01-01T00:00:00Z' }, answer: cdrs },
    'cdrs.receiver.postCdr': {
      body: e.cdr,
      answer: 'created',
      httpStatus: 201,
      result: `${endpoint('cdrs', 'RECEIVER')}/BE/BEC/12345`,
    },
    'cdrs.receiver.getCdr': {
      // The URL is the one the POST answered, however the handler spells it.
      params: async () => {
        answers.set('cdrs.receiver.postCdr', 'created');
        const url = await clients.main.cdrs.receiver.postCdr({ body: e.cdr });
        return { cdr_location_url: url };
      },
      receivedParams: { country_code: 'BE', party_id: 'BEC', cdr_id: '12345' },
      answer: matching({ country_code: 'BE', party_id: 'BEC', cdr_id: '12345' }, e.cdr),
    },
    'tariffs.sender.list': { answer: e.tariffs },
    'tariffs.receiver.getTariff': {
      params: { country_code: 'DE', party_id: 'ALL', tariff_id: '12' },
      answer: matching({ tariff_id: '12' }, e.tariff),
    },
    'tariffs.receiver.putTariff': {
      params: { country_code: 'DE', party_id: 'ALL', tariff_id: '12' },
      body: e.tariff,
      answer: 'created',
      httpStatus: 201,
    },
    'tariffs.receiver.deleteTariff': { params: { country_code: 'DE', party_id: 'ALL', tariff_id: '12' } },
    'tokens.receiver.getToken': {
      params: { country_code: 'DE', party_id: 'TNM', token_uid: e.appUserToken.uid },
      query: { type: 'APP_USER' },
      answer: matching({ token_uid: e.appUserToken.uid }, e.appUserToken),
    },
    'tokens.receiver.putToken': {
      params: rfidUid,
      query: { type: 'RFID' },
      body: e.rfidToken,
      answer: 'created',
      httpStatus: 201,
    },
    'tokens.receiver.patchToken': { params: rfidUid, query: { type: 'RFID' }, body: e.tokenPatch },
    'tokens.sender.list': { query: { offset: 0 }, answer: [e.appUserToken, e.rfidToken, e.fullRfidToken] },
    'tokens.sender.authorize': {
      params: { token_uid: '012345678' },
      query: { type: 'RFID' },
      body: { location_id: 'LOC1', evse_uids: ['3256'] },
      answer: matching(
        { token_uid: '012345678' },
        {
          allowed: 'ALLOWED',
          token: e.rfidToken,
          location: { location_id: 'LOC1', evse_uids: ['3256'] },
          authorization_reference: 'AUTH-1',
          info: e.displayText,
        },
      ),
    },
    'commands.receiver.cancelReservation': {
      body: { response_url: commandsAt('CANCEL_RESERVATION'), reservation_id: 'RES1' },
      answer: accepted,
    },
    'commands.receiver.reserveNow': {
      body: {
        response_url: commandsAt('RESERVE_NOW'),
        token: e.rfidToken,
        expiry_date: '2019-06-24T18:00:00Z',
        reservation_id: 'RES1',
        location_id: 'LOC1',
        evse_uid: '3256',
      },
      answer: accepted,
    },
    'commands.receiver.startSession': {
      body: {
        response_url: commandsAt('START_SESSION'),
        token: e.rfidToken,
        location_id: 'LOC1',
        evse_uid: '3256',
      },
      answer: accepted,
    },
    'commands.receiver.stopSession': {
      body: { response_url: commandsAt('STOP_SESSION'), session_id: '101' },
      answer: { result: 'REJECTED', timeout: 0, message: [e.displayText] },
    },
    'commands.receiver.unlockConnector': {
      body: {
        response_url: commandsAt('UNLOCK_CONNECTOR'),
        location_id: 'LOC1',
        evse_uid: '3256',
        connector_id: '1',
      },
      answer: accepted,
    },
    'commands.sender.postResult': {
      params: { response_url: commandsAt('START_SESSION') },
      receivedParams: { command: 'START_SESSION', uid: '42' },
      body: { result: 'ACCEPTED', message: [e.displayText] },
    },
    'chargingprofiles.receiver.getActiveProfile': {
      params: { session_id: '101' },
      query: { duration: 900, response_url: profilesAt('active') },
      answer: profileAccepted,
    },
    'chargingprofiles.receiver.setProfile': {
      params: { session_id: '101' },
      body: { charging_profile: chargingProfile221, response_url: profilesAt('set') },
      answer: profileAccepted,
    },
    'chargingprofiles.receiver.clearProfile': {
      params: { session_id: '101' },
      query: { response_url: profilesAt('clear') },
      answer: { result: 'UNKNOWN_SESSION', timeout: 0 },
    },
    'chargingprofiles.sender.postActiveProfileResult': {
      params: { response_url: profilesAt('active') },
      receivedParams: { uid: '42' },
      body: { result: 'ACCEPTED', profile: activeProfile },
    },
    'chargingprofiles.sender.postProfileResult': {
      params: { response_url: profilesAt('set') },
      receivedParams: { uid: '42' },
      body: { result: 'REJECTED' },
    },
    'chargingprofiles.sender.postClearProfileResult': {
      params: { response_url: profilesAt('clear') },
      receivedParams: { uid: '42' },
      body: { result: 'ACCEPTED' },
    },
    'chargingprofiles.sender.putActiveProfile': { params: { session_id: '101' }, body: activeProfile },
    'hubclientinfo.receiver.getClientInfo': {
      client: 'hub',
      params: { country_code: 'NL', party_id: 'ALL' },
      answer: matching({ country_code: 'NL', party_id: 'ALL' }, e.clientInfo),
    },
    'hubclientinfo.receiver.putClientInfo': {
      client: 'hub',
      params: { country_code: 'NL', party_id: 'ALL' },
      body: e.clientInfo,
      answer: 'created',
      httpStatus: 201,
    },
    'hubclientinfo.sender.list': { client: 'platform', answer: e.clientInfos },
  };
});

/** The bound function of `entry` on `client`. */
function boundFunction(client: object, entry: MapEntry): (args: object) => unknown {
  const calls = (client as Record<string, Record<string, Record<string, unknown>>>)[entry.module]?.[
    entry.role
  ];
  const fn = calls?.[entry.name];
  if (typeof fn !== 'function') throw new Error(`The client has no ${entry.key}`);
  return fn as (args: object) => unknown;
}

/** Each exchange's response carries the `X-Request-ID` and `X-Correlation-ID` its request sent. */
function expectTraceEchoed(exchanges: readonly Exchange[]): void {
  for (const exchange of exchanges) {
    for (const name of ['X-Request-ID', 'X-Correlation-ID']) {
      expect(exchange.requestHeaders.get(name), `${exchange.url} ${name}`).toBeTruthy();
      expect(exchange.headers.get(name), `${exchange.url} ${name}`).toBe(exchange.requestHeaders.get(name));
    }
  }
}

// The routing headers the partner's client sends on the functional modules it calls.
const ROUTED = ['locations', 'sessions', 'cdrs', 'tariffs', 'tokens', 'commands', 'chargingprofiles'];

async function roundTrip(entry: MapEntry, testCase: RoundTrip): Promise<void> {
  const params = typeof testCase.params === 'function' ? await testCase.params() : testCase.params;
  received.length = 0;
  recorder.exchanges.length = 0;
  answers.set(entry.key, testCase.answer);
  const client = clients[testCase.client ?? 'main'];
  const result = boundFunction(
    client,
    entry,
  )({
    ...(params && { params }),
    ...(testCase.query && { query: testCase.query }),
    ...(testCase.body !== undefined && { body: testCase.body }),
  });

  const calls = () => received.filter((call) => call.key === entry.key);
  if (entry.op.paginated) {
    const all = testCase.answer as unknown[];
    const pages: Page<unknown>[] = [];
    for await (const page of (result as PageRequest<unknown>).pages()) pages.push(page);
    expect(pages.flatMap((page) => page.items)).toEqual(all);
    expect(pages).toHaveLength(Math.ceil(all.length / PAGE));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page.totalCount).toBe(all.length);
      expect(page.limit).toBe(PAGE);
      expect(page.offset).toBe(index * PAGE);
      expect(page.nextUrl === undefined).toBe(index === pages.length - 1);
    });
    expect(recorder.exchanges.map((exchange) => exchange.headers.get('X-Total-Count'))).toEqual(
      pages.map(() => String(all.length)),
    );
    expect(recorder.exchanges.map((exchange) => exchange.headers.has('Link'))).toEqual(
      pages.map((_, index) => index < pages.length - 1),
    );
    expect(calls().map((call) => call.query)).toEqual(
      pages.map((_, index) => ({ ...testCase.query, offset: index * PAGE, limit: PAGE })),
    );
  } else {
    const got = await result;
    // An answer made from the call is made again from the call the implementation should have got.
    const answer =
      typeof testCase.answer === 'function'
        ? (testCase.answer as (call: CallSeen) => unknown)({
            params: testCase.receivedParams ?? (params as Record<string, string>),
            query: {},
            body: undefined,
          })
        : testCase.answer;
    if (typeof testCase.answer === 'function') expect(answer).toBeDefined();
    expect(got).toEqual('result' in testCase ? testCase.result : answer === 'created' ? undefined : answer);
    expect(calls()).toHaveLength(1);
    const [call] = calls();
    expect(call?.params).toEqual(testCase.receivedParams ?? params ?? {});
    expect(call?.query ?? {}).toEqual(testCase.query ?? {});
    expect(call?.body).toEqual(testCase.body);
    expect(recorder.exchanges.map((exchange) => exchange.status)).toEqual([testCase.httpStatus ?? 200]);
  }
  for (const call of calls()) {
    expect(call.routing).toEqual(ROUTED.includes(entry.module) ? { from: BEC } : {});
    expect(call.partnerId).toBe(
      testCase.client === 'hub' ? 'hub' : testCase.client === 'platform' ? 'platform' : 'partner',
    );
  }
  expectTraceEchoed(recorder.exchanges);
}

// ---------------------------------------------------------------------------------------------------

describe('2.2.1 round trip: the SDK client against createOcpiHandler over HTTP', () => {
  describe.each(FUNCTIONAL.map((entry) => [entry.key, entry] as const))('%s', (_key, entry) => {
    it('round-trips the spec example', async () => {
      const testCase = cases()[entry.key];
      expect(testCase, `no round-trip case for ${entry.key}`).toBeDefined();
      await roundTrip(entry, testCase as RoundTrip);
    });
  });

  it('has a case for nothing but the operations of v221.Operations', () => {
    expect(Object.keys(cases()).sort()).toEqual(FUNCTIONAL.map((entry) => entry.key).sort());
  });

  it('the version details list exactly the implemented module interfaces, credentials once', () => {
    const listed = (found: v221.VersionDetails) =>
      found.endpoints.map((entry) => `${entry.identifier} ${entry.role}`).sort();
    const interfaces = (entries: MapEntry[]) => [
      ...new Set(entries.map((entry) => `${entry.module} ${entry.role.toUpperCase()}`)),
    ];
    expect(details.version).toBe('2.2.1');
    expect(listed(details)).toEqual(
      [
        'credentials SENDER',
        ...interfaces(FUNCTIONAL.filter((entry) => !entry.key.startsWith(HUB_SIDE))),
      ].sort(),
    );
    expect(listed(hubDetails)).toEqual(['credentials SENDER', 'hubclientinfo SENDER']);
    for (const entry of details.endpoints.filter((found) => found.identifier !== 'credentials')) {
      expect(entry.url).toBe(`${served.origin}/ocpi/2.2.1/${entry.role?.toLowerCase()}/${entry.identifier}`);
    }
    expect(new Set(details.endpoints.map((entry) => entry.url)).size).toBe(details.endpoints.length);
  });

  it('answers an operation of an implemented interface the app left out with HTTP 501 in an envelope', async () => {
    const partial = await detailsOf('/partial', 'token-c');
    expect(partial.endpoints.map((entry) => `${entry.identifier} ${entry.role}`).sort()).toEqual([
      'credentials SENDER',
      'locations SENDER',
    ]);
    recorder.exchanges.length = 0;
    const client = v221.createClient({
      token: 'token-c',
      endpoints: partial.endpoints,
      from: BEC,
      validation: 'strict',
      middleware: [recorder.middleware],
    });
    const error = await client.locations.sender
      .getLocation({ params: { location_id: 'LOC1' } })
      .catch((e) => e);
    expect(error).toMatchObject({ httpStatus: 501, statusCode: 2000 });
    expect(recorder.exchanges[0]?.body).toMatchObject({ status_code: 2000, timestamp: expect.any(String) });
    await expect(client.locations.sender.list().toArray({ limit: 10 })).resolves.toEqual([]);
  });

  it('answers an unknown Location with HTTP 404 and 2003', async () => {
    answers.set('locations.sender.getLocation', undefined);
    answers.set('locations.receiver.getLocation', undefined);
    recorder.exchanges.length = 0;
    await expect(
      clients.main.locations.sender.getLocation({ params: { location_id: 'NOPE' } }),
    ).rejects.toMatchObject({ httpStatus: 404, statusCode: 2003 });
    await expect(
      clients.main.locations.receiver.getLocation({
        params: { country_code: 'BE', party_id: 'BEC', location_id: 'NOPE' },
      }),
    ).rejects.toMatchObject({ httpStatus: 404, statusCode: 2003 });
    expect(recorder.exchanges.map((exchange) => exchange.body)).toMatchObject([
      { status_code: 2003 },
      { status_code: 2003 },
    ]);
  });

  it('answers an unknown Token with HTTP 404 and 2004, to a GET and to an authorization', async () => {
    answers.set('tokens.receiver.getToken', undefined);
    answers.set('tokens.sender.authorize', undefined);
    await expect(
      clients.main.tokens.receiver.getToken({
        params: { country_code: 'DE', party_id: 'TNM', token_uid: 'NOPE' },
        query: { type: 'RFID' },
      }),
    ).rejects.toMatchObject({ httpStatus: 404, statusCode: 2004 });
    await expect(
      clients.main.tokens.sender.authorize({ params: { token_uid: 'NOPE' }, query: { type: 'RFID' } }),
    ).rejects.toMatchObject({ httpStatus: 404, statusCode: 2004 });
  });

  it('echoes the X-Request-ID and X-Correlation-ID a call sends', async () => {
    answers.set('locations.sender.getLocation', ex().location);
    recorder.exchanges.length = 0;
    await clients.main.locations.sender.getLocation({
      params: { location_id: 'LOC1' },
      options: { correlationId: 'flow-42', headers: { 'X-Request-ID': 'request-7' } },
    });
    const [exchange] = recorder.exchanges;
    expect(exchange?.headers.get('X-Correlation-ID')).toBe('flow-42');
    expect(exchange?.headers.get('X-Request-ID')).toBe(exchange?.requestHeaders.get('X-Request-ID'));
  });
});
