/**
 * Every operation of both clients, with an injected `fetch` that records the request and answers a
 * canned OCPI envelope: the exact method, URL (path parameters percent-encoded, query string), JSON
 * body and headers, and what the call resolves to. Driven by the `Operations` maps, so an operation
 * added to a map without a case here fails.
 *
 * How the maps line up with the spec's operations (test/support/spec-operations.ts: 30 in 2.1.1, 38 in
 * 2.2.1, each a row "module | interface | method | URL pattern", whose methods per interface are those of
 * the spec's own method tables): every function of a map sends exactly one row, and a
 * row is one function except where the spec's one row covers several requests the client keeps apart:
 * - Locations GET object (Sender / CPO): `{url}/{location_id}[/{evse_uid}[/{connector_id}]]` answers a
 *   Location, an EVSE or a Connector: `getLocation`, `getEvse`, `getConnector`;
 * - Locations Receiver / eMSP GET, PUT and PATCH, same optional segments: three functions each;
 * - Commands POST `{commands_endpoint_url}/{command}`: one function per CommandType (4 in 2.1.1,
 *   5 in 2.2.1: CANCEL_RESERVATION is new);
 * - 2.2.1 ChargingProfiles Sender POST `{response_url}`: one function per result body
 *   (ActiveChargingProfileResult, ChargingProfileResult, ClearProfileResult).
 * 2.1.1: 30 rows + 2 + 2 + 2 + 2 (Locations) + 3 (Commands) = 41 functions.
 * 2.2.1: 38 rows + 2 + 2 + 2 + 2 (Locations) + 4 (Commands) + 2 (ChargingProfiles) = 52 functions.
 */
import type { Page } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import {
  type MapEntry,
  mapEntries,
  matchesRow,
  roleOfInterface,
  rowLabel,
} from '../support/client-operations';
import {
  cdr211,
  chargingProfile221,
  clientInfo221,
  connector211,
  credentials211,
  evse211,
  examples221,
  location211,
  session211,
  tariff211,
  token211,
} from '../support/client-payloads';
import { fromSpec } from '../support/spec';
import { specOperations } from '../support/spec-operations';
import { specInterfaceMethods211 } from '../support/v211-interfaces';
import { specInterfaceMethods } from '../support/v221-interfaces';

const TOKEN = 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2';
/** Base64 of TOKEN, written out rather than computed. */
const TOKEN_BASE64 = 'ZWJmM2IzOTktNzc5Zi00NDk3LTliOWQtYWM2YWQzY2M0NGQy';
const TIMESTAMP = '2024-06-01T12:00:00Z';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One operation's call and what the partner must receive: `send` is `METHOD exact-url`. */
interface Case {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  send: string;
  /** The response `data`; absent for operations whose response has none. */
  data?: unknown;
  responseHeaders?: Record<string, string>;
}

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A `fetch` that records each request and answers with `answer()` as an OCPI envelope. */
function recordingFetch(answer: () => { data?: unknown; headers?: Record<string, string> }) {
  const recorded: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    recorded.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body === null ? undefined : await request.text(),
    });
    const { data, headers } = answer();
    const envelope = { status_code: 1000, timestamp: TIMESTAMP, ...(data !== undefined && { data }) };
    return new Response(JSON.stringify(envelope), {
      status: 200,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, recorded };
}

/** The bound function of `entry` on `client`. */
function boundFunction(client: object, entry: MapEntry): (args: object) => unknown {
  let target = (client as Record<string, unknown>)[entry.module];
  if (entry.role !== '') target = (target as Record<string, unknown>)[entry.role];
  const fn = (target as Record<string, unknown> | undefined)?.[entry.name];
  if (typeof fn !== 'function') throw new Error(`The client has no ${entry.key}`);
  return fn as (args: object) => unknown;
}

/** Calls `entry` with the case's arguments and reads what it resolves to (a list call: its first page). */
async function call(client: object, entry: MapEntry, testCase: Case): Promise<unknown> {
  const { params, query, body } = testCase;
  const result = boundFunction(
    client,
    entry,
  )({
    ...(params && { params }),
    ...(query && { query }),
    ...(body !== undefined && { body }),
  });
  if (entry.op.paginated) return (await (result as PromiseLike<Page<unknown>>)).items;
  return await result;
}

/** What the call must resolve to: the page's items, the created object's URL, the data, or nothing. */
function expectedResult(entry: MapEntry, testCase: Case): unknown {
  if (entry.op.locationHeader) return testCase.responseHeaders?.Location;
  return testCase.data;
}

// ---------------------------------------------------------------------------------------------------
// 2.2.1

const BASE = 'https://partner.example.com/ocpi/2.2.1';
const sender = (module: string) => `${BASE}/sender/${module}`;
const receiver = (module: string) => `${BASE}/receiver/${module}`;
const WITH_ROLES = [
  'locations',
  'sessions',
  'cdrs',
  'tariffs',
  'tokens',
  'commands',
  'chargingprofiles',
  'hubclientinfo',
] as const;
const endpoints221: v221.Endpoint[] = [
  { identifier: 'credentials', role: 'RECEIVER', url: `${BASE}/credentials` },
  ...WITH_ROLES.flatMap((identifier) => [
    { identifier, role: 'SENDER' as const, url: sender(identifier) },
    { identifier, role: 'RECEIVER' as const, url: receiver(identifier) },
  ]),
];

/** The Functional Modules of 2.2.1 (transport_and_format "Message Routing Headers"): routed. */
const FUNCTIONAL = new Set([
  'locations',
  'sessions',
  'cdrs',
  'tariffs',
  'tokens',
  'commands',
  'chargingprofiles',
]);
const FROM = { countryCode: 'DE', partyId: 'EMS' };
const TO = { countryCode: 'BE', partyId: 'BEC' };

const ex = fromSpec(examples221);
const RESULT_URL = 'https://emsp.example.com/ocpi/2.2.1/results/42';
const RESULT_URL_QUERY = 'https%3A%2F%2Femsp.example.com%2Focpi%2F2.2.1%2Fresults%2F42';
const commandResponse221: v221.CommandResponse = { result: 'ACCEPTED', timeout: 30 };
const profileResponse221: v221.ChargingProfileResponse = { result: 'ACCEPTED', timeout: 60 };

const cases221 = fromSpec(
  (): Record<string, Case> => ({
    'versions.getVersions': {
      params: { versions_url: 'https://partner.example.com/ocpi/versions' },
      send: 'GET https://partner.example.com/ocpi/versions',
      data: ex().versions,
    },
    'versions.getVersionDetails': {
      params: { version_url: `${BASE}/details` },
      send: `GET ${BASE}/details`,
      data: ex().versionDetails,
    },
    'credentials.getCredentials': { send: `GET ${BASE}/credentials`, data: ex().credentials },
    'credentials.postCredentials': {
      body: ex().credentials2,
      send: `POST ${BASE}/credentials`,
      data: ex().credentials,
    },
    'credentials.putCredentials': {
      body: ex().credentials2,
      send: `PUT ${BASE}/credentials`,
      data: ex().credentials,
    },
    'credentials.deleteCredentials': { send: `DELETE ${BASE}/credentials` },
    'locations.sender.list': {
      query: { date_from: '2019-01-01T00:00:00Z', date_to: '2019-02-01T00:00:00Z', offset: 50, limit: 25 },
      send: `GET ${sender('locations')}?date_from=2019-01-01T00%3A00%3A00Z&date_to=2019-02-01T00%3A00%3A00Z&offset=50&limit=25`,
      data: [ex().location, ex().location2],
    },
    'locations.sender.getLocation': {
      params: { location_id: 'LOC 1/A' },
      send: `GET ${sender('locations')}/LOC%201%2FA`,
      data: ex().location,
    },
    'locations.sender.getEvse': {
      params: { location_id: 'LOC 1/A', evse_uid: '3256#B' },
      send: `GET ${sender('locations')}/LOC%201%2FA/3256%23B`,
      data: ex().evse,
    },
    'locations.sender.getConnector': {
      params: { location_id: 'LOC 1/A', evse_uid: '3256#B', connector_id: '1?x' },
      send: `GET ${sender('locations')}/LOC%201%2FA/3256%23B/1%3Fx`,
      data: ex().connector,
    },
    'locations.receiver.getLocation': {
      params: { country_code: 'BE', party_id: 'BEC', location_id: 'LOC 1/A' },
      send: `GET ${receiver('locations')}/BE/BEC/LOC%201%2FA`,
      data: ex().location,
    },
    'locations.receiver.getEvse': {
      params: { country_code: 'BE', party_id: 'BEC', location_id: 'LOC1', evse_uid: '3256/B' },
      send: `GET ${receiver('locations')}/BE/BEC/LOC1/3256%2FB`,
      data: ex().evse,
    },
    'locations.receiver.getConnector': {
      params: {
        country_code: 'BE',
        party_id: 'BEC',
        location_id: 'LOC1',
        evse_uid: '3256',
        connector_id: '1 2',
      },
      send: `GET ${receiver('locations')}/BE/BEC/LOC1/3256/1%202`,
      data: ex().connector,
    },
    'locations.receiver.putLocation': {
      params: { country_code: 'BE', party_id: 'BEC', location_id: 'LOC 1/A' },
      body: ex().location,
      send: `PUT ${receiver('locations')}/BE/BEC/LOC%201%2FA`,
    },
    'locations.receiver.putEvse': {
      params: { country_code: 'BE', party_id: 'BEC', location_id: 'LOC1', evse_uid: '3256' },
      body: ex().evse,
      send: `PUT ${receiver('locations')}/BE/BEC/LOC1/3256`,
    },
    'locations.receiver.putConnector': {
      params: {
        country_code: 'BE',
        party_id: 'BEC',
        location_id: 'LOC1',
        evse_uid: '3256',
        connector_id: '1',
      },
      body: ex().connector,
      send: `PUT ${receiver('locations')}/BE/BEC/LOC1/3256/1`,
    },
    'locations.receiver.patchLocation': {
      params: { country_code: 'BE', party_id: 'BEC', location_id: 'LOC%1' },
      body: ex().locationPatch,
      send: `PATCH ${receiver('locations')}/BE/BEC/LOC%251`,
    },
    'locations.receiver.patchEvse': {
      params: { country_code: 'BE', party_id: 'BEC', location_id: 'LOC1', evse_uid: '3256' },
      body: ex().evsePatch,
      send: `PATCH ${receiver('locations')}/BE/BEC/LOC1/3256`,
    },
    'locations.receiver.patchConnector': {
      params: {
        country_code: 'BE',
        party_id: 'BEC',
        location_id: 'LOC1',
        evse_uid: '3256',
        connector_id: '1',
      },
      body: ex().connectorPatch,
      send: `PATCH ${receiver('locations')}/BE/BEC/LOC1/3256/1`,
    },
    'sessions.sender.list': {
      query: { date_from: '2019-06-01T00:00:00Z', limit: 10 },
      send: `GET ${sender('sessions')}?date_from=2019-06-01T00%3A00%3A00Z&limit=10`,
      data: [ex().session, ex().finishedSession],
    },
    'sessions.sender.putChargingPreferences': {
      params: { session_id: 'SES/1 %' },
      body: { profile_type: 'FAST', departure_time: '2019-06-24T18:00:00Z', energy_need: 30 },
      send: `PUT ${sender('sessions')}/SES%2F1%20%25/charging_preferences`,
      data: 'ACCEPTED',
    },
    'sessions.receiver.getSession': {
      params: { country_code: 'NL', party_id: 'STK', session_id: 'SES/1 %' },
      send: `GET ${receiver('sessions')}/NL/STK/SES%2F1%20%25`,
      data: ex().session,
    },
    'sessions.receiver.putSession': {
      params: { country_code: 'NL', party_id: 'STK', session_id: '101' },
      body: ex().session,
      send: `PUT ${receiver('sessions')}/NL/STK/101`,
    },
    'sessions.receiver.patchSession': {
      params: { country_code: 'NL', party_id: 'STK', session_id: '101' },
      body: ex().sessionPatch,
      send: `PATCH ${receiver('sessions')}/NL/STK/101`,
    },
    'cdrs.sender.list': {
      query: { offset: 0, limit: 100 },
      send: `GET ${sender('cdrs')}?offset=0&limit=100`,
      data: [ex().cdr],
    },
    'cdrs.receiver.postCdr': {
      body: ex().cdr,
      send: `POST ${receiver('cdrs')}`,
      responseHeaders: { Location: `${receiver('cdrs')}/stored/12345` },
    },
    'cdrs.receiver.getCdr': {
      params: { cdr_location_url: `${receiver('cdrs')}/stored/CDR%201?v=2` },
      send: `GET ${receiver('cdrs')}/stored/CDR%201?v=2`,
      data: ex().cdr,
    },
    'tariffs.sender.list': {
      query: { date_to: '2019-02-01T00:00:00Z' },
      send: `GET ${sender('tariffs')}?date_to=2019-02-01T00%3A00%3A00Z`,
      data: [ex().tariff, ex().tariff2],
    },
    'tariffs.receiver.getTariff': {
      params: { country_code: 'DE', party_id: 'ALL', tariff_id: 'TAR+12' },
      send: `GET ${receiver('tariffs')}/DE/ALL/TAR%2B12`,
      data: ex().tariff,
    },
    'tariffs.receiver.putTariff': {
      params: { country_code: 'DE', party_id: 'ALL', tariff_id: '12' },
      body: ex().tariff,
      send: `PUT ${receiver('tariffs')}/DE/ALL/12`,
    },
    'tariffs.receiver.deleteTariff': {
      params: { country_code: 'DE', party_id: 'ALL', tariff_id: 'TAR+12' },
      send: `DELETE ${receiver('tariffs')}/DE/ALL/TAR%2B12`,
    },
    'tokens.receiver.getToken': {
      params: { country_code: 'DE', party_id: 'TNM', token_uid: 'bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1' },
      query: { type: 'APP_USER' },
      send: `GET ${receiver('tokens')}/DE/TNM/bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1?type=APP_USER`,
      data: ex().appUserToken,
    },
    'tokens.receiver.putToken': {
      params: { country_code: 'NL', party_id: 'TNM', token_uid: '0123 4567/8' },
      query: { type: 'RFID' },
      body: ex().rfidToken,
      send: `PUT ${receiver('tokens')}/NL/TNM/0123%204567%2F8?type=RFID`,
    },
    'tokens.receiver.patchToken': {
      params: { country_code: 'DE', party_id: 'TNM', token_uid: 'bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1' },
      query: { type: 'APP_USER' },
      body: ex().tokenPatch,
      send: `PATCH ${receiver('tokens')}/DE/TNM/bdf21bce-fc97-11e8-8eb2-f2801f1b9fd1?type=APP_USER`,
    },
    'tokens.sender.list': {
      query: { date_from: '2019-01-01T00:00:00Z', offset: 0, limit: 2 },
      send: `GET ${sender('tokens')}?date_from=2019-01-01T00%3A00%3A00Z&offset=0&limit=2`,
      data: [ex().appUserToken, ex().rfidToken],
    },
    'tokens.sender.authorize': {
      params: { token_uid: 'TOK 1/2' },
      query: { type: 'RFID' },
      body: { location_id: 'LOC1', evse_uids: ['3256', '3257'] },
      send: `POST ${sender('tokens')}/TOK%201%2F2/authorize?type=RFID`,
      data: {
        allowed: 'ALLOWED',
        token: ex().rfidToken,
        location: { location_id: 'LOC1', evse_uids: ['3256'] },
        authorization_reference: 'AUTH-1',
      },
    },
    'commands.receiver.cancelReservation': {
      body: { response_url: RESULT_URL, reservation_id: 'RES1' },
      send: `POST ${receiver('commands')}/CANCEL_RESERVATION`,
      data: commandResponse221,
    },
    'commands.receiver.reserveNow': {
      body: {
        response_url: RESULT_URL,
        token: ex().rfidToken,
        expiry_date: '2019-06-24T18:00:00Z',
        reservation_id: 'RES1',
        location_id: 'LOC1',
        evse_uid: '3256',
      },
      send: `POST ${receiver('commands')}/RESERVE_NOW`,
      data: commandResponse221,
    },
    'commands.receiver.startSession': {
      body: { response_url: RESULT_URL, token: ex().rfidToken, location_id: 'LOC1', evse_uid: '3256' },
      send: `POST ${receiver('commands')}/START_SESSION`,
      data: commandResponse221,
    },
    'commands.receiver.stopSession': {
      body: { response_url: RESULT_URL, session_id: '101' },
      send: `POST ${receiver('commands')}/STOP_SESSION`,
      data: { result: 'REJECTED', timeout: 0, message: [{ language: 'en', text: 'No such session' }] },
    },
    'commands.receiver.unlockConnector': {
      body: { response_url: RESULT_URL, location_id: 'LOC1', evse_uid: '3256', connector_id: '1' },
      send: `POST ${receiver('commands')}/UNLOCK_CONNECTOR`,
      data: commandResponse221,
    },
    'commands.sender.postResult': {
      params: { response_url: `${RESULT_URL}?attempt=1` },
      body: { result: 'ACCEPTED' },
      send: `POST ${RESULT_URL}?attempt=1`,
    },
    'chargingprofiles.receiver.getActiveProfile': {
      params: { session_id: 'SES/1 %' },
      query: { duration: 900, response_url: RESULT_URL },
      send: `GET ${receiver('chargingprofiles')}/SES%2F1%20%25?duration=900&response_url=${RESULT_URL_QUERY}`,
      data: profileResponse221,
    },
    'chargingprofiles.receiver.setProfile': {
      params: { session_id: '101' },
      body: { charging_profile: chargingProfile221, response_url: RESULT_URL },
      send: `PUT ${receiver('chargingprofiles')}/101`,
      data: profileResponse221,
    },
    'chargingprofiles.receiver.clearProfile': {
      params: { session_id: '101' },
      query: { response_url: RESULT_URL },
      send: `DELETE ${receiver('chargingprofiles')}/101?response_url=${RESULT_URL_QUERY}`,
      data: { result: 'UNKNOWN_SESSION', timeout: 0 },
    },
    'chargingprofiles.sender.postActiveProfileResult': {
      params: { response_url: RESULT_URL },
      body: {
        result: 'ACCEPTED',
        profile: { start_date_time: '2019-06-24T12:00:00Z', charging_profile: chargingProfile221 },
      },
      send: `POST ${RESULT_URL}`,
    },
    'chargingprofiles.sender.postProfileResult': {
      params: { response_url: RESULT_URL },
      body: { result: 'REJECTED' },
      send: `POST ${RESULT_URL}`,
    },
    'chargingprofiles.sender.postClearProfileResult': {
      params: { response_url: RESULT_URL },
      body: { result: 'ACCEPTED' },
      send: `POST ${RESULT_URL}`,
    },
    'chargingprofiles.sender.putActiveProfile': {
      params: { session_id: 'SES/1 %' },
      body: { start_date_time: '2019-06-24T12:00:00Z', charging_profile: chargingProfile221 },
      send: `PUT ${sender('chargingprofiles')}/SES%2F1%20%25`,
    },
    'hubclientinfo.receiver.getClientInfo': {
      params: { country_code: 'NL', party_id: 'C/O' },
      send: `GET ${receiver('hubclientinfo')}/NL/C%2FO`,
      data: clientInfo221('NL', 'CPO'),
    },
    'hubclientinfo.receiver.putClientInfo': {
      params: { country_code: 'NL', party_id: 'CPO' },
      body: clientInfo221('NL', 'CPO'),
      send: `PUT ${receiver('hubclientinfo')}/NL/CPO`,
    },
    'hubclientinfo.sender.list': {
      query: { date_from: '2019-01-01T00:00:00Z', limit: 2 },
      send: `GET ${sender('hubclientinfo')}?date_from=2019-01-01T00%3A00%3A00Z&limit=2`,
      data: [clientInfo221('NL', 'CPO'), clientInfo221('DE', 'EMS', 'EMSP')],
    },
  }),
);

// ---------------------------------------------------------------------------------------------------
// 2.1.1

const BASE_211 = 'https://partner.example.com/ocpi/2.1.1';
const at211 = (module: string) => `${BASE_211}/${module}`;
const MODULES_211 = [
  'credentials',
  'locations',
  'sessions',
  'cdrs',
  'tariffs',
  'tokens',
  'commands',
] as const;
const endpoints211: v211.Endpoint[] = MODULES_211.map((identifier) => ({
  identifier,
  url: at211(identifier),
}));
const RESULT_URL_211 = 'https://emsp.example.com/ocpi/2.1.1/commands/START_SESSION/42';

const CASES_211: Record<string, Case> = {
  'versions.getVersions': {
    params: { versions_url: 'https://partner.example.com/ocpi/versions' },
    send: 'GET https://partner.example.com/ocpi/versions',
    data: [{ version: '2.1.1', url: BASE_211 }],
  },
  'versions.getVersionDetails': {
    params: { version_url: BASE_211 },
    send: `GET ${BASE_211}`,
    data: { version: '2.1.1', endpoints: endpoints211 },
  },
  'credentials.getCredentials': { send: `GET ${at211('credentials')}`, data: credentials211('cpo-token') },
  'credentials.postCredentials': {
    body: credentials211('emsp-token'),
    send: `POST ${at211('credentials')}`,
    data: credentials211('cpo-token'),
  },
  'credentials.putCredentials': {
    body: credentials211('emsp-token-2'),
    send: `PUT ${at211('credentials')}`,
    data: credentials211('cpo-token-2'),
  },
  'credentials.deleteCredentials': { send: `DELETE ${at211('credentials')}` },
  'locations.cpo.list': {
    query: { date_from: '2019-01-01T00:00:00Z', date_to: '2019-02-01T00:00:00Z', offset: 50, limit: 25 },
    send: `GET ${at211('locations')}?date_from=2019-01-01T00%3A00%3A00Z&date_to=2019-02-01T00%3A00%3A00Z&offset=50&limit=25`,
    data: [location211('LOC1'), location211('LOC2')],
  },
  'locations.cpo.getLocation': {
    params: { location_id: 'LOC 1/A' },
    send: `GET ${at211('locations')}/LOC%201%2FA`,
    data: location211('LOC 1/A'),
  },
  'locations.cpo.getEvse': {
    params: { location_id: 'LOC 1/A', evse_uid: 'EVSE#1' },
    send: `GET ${at211('locations')}/LOC%201%2FA/EVSE%231`,
    data: evse211('EVSE#1'),
  },
  'locations.cpo.getConnector': {
    params: { location_id: 'LOC1', evse_uid: 'EVSE1', connector_id: '1?2' },
    send: `GET ${at211('locations')}/LOC1/EVSE1/1%3F2`,
    data: connector211('1?2'),
  },
  'locations.emsp.getLocation': {
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC 1/A' },
    send: `GET ${at211('locations')}/NL/CPO/LOC%201%2FA`,
    data: location211(),
  },
  'locations.emsp.getEvse': {
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1', evse_uid: 'EVSE 1' },
    send: `GET ${at211('locations')}/NL/CPO/LOC1/EVSE%201`,
    data: evse211(),
  },
  'locations.emsp.getConnector': {
    params: {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
      connector_id: '1',
    },
    send: `GET ${at211('locations')}/NL/CPO/LOC1/EVSE1/1`,
    data: connector211(),
  },
  'locations.emsp.putLocation': {
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' },
    body: location211(),
    send: `PUT ${at211('locations')}/NL/CPO/LOC1`,
  },
  'locations.emsp.putEvse': {
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1', evse_uid: 'EVSE/1' },
    body: evse211('EVSE/1'),
    send: `PUT ${at211('locations')}/NL/CPO/LOC1/EVSE%2F1`,
  },
  'locations.emsp.putConnector': {
    params: {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
      connector_id: '2',
    },
    body: connector211('2'),
    send: `PUT ${at211('locations')}/NL/CPO/LOC1/EVSE1/2`,
  },
  'locations.emsp.patchLocation': {
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' },
    body: { name: 'Utrecht Centraal' },
    send: `PATCH ${at211('locations')}/NL/CPO/LOC1`,
  },
  'locations.emsp.patchEvse': {
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1', evse_uid: 'EVSE1' },
    body: { status: 'CHARGING', last_updated: TIMESTAMP },
    send: `PATCH ${at211('locations')}/NL/CPO/LOC1/EVSE1`,
  },
  'locations.emsp.patchConnector': {
    params: {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
      connector_id: '1',
    },
    body: { tariff_id: 'TAR1' },
    send: `PATCH ${at211('locations')}/NL/CPO/LOC1/EVSE1/1`,
  },
  'sessions.cpo.list': {
    query: { date_from: '2019-06-01T00:00:00Z', date_to: '2019-06-02T00:00:00Z' },
    send: `GET ${at211('sessions')}?date_from=2019-06-01T00%3A00%3A00Z&date_to=2019-06-02T00%3A00%3A00Z`,
    data: [session211('SES1'), session211('SES2')],
  },
  'sessions.emsp.getSession': {
    params: { country_code: 'NL', party_id: 'CPO', session_id: 'SES 1/%' },
    send: `GET ${at211('sessions')}/NL/CPO/SES%201%2F%25`,
    data: session211(),
  },
  'sessions.emsp.putSession': {
    params: { country_code: 'NL', party_id: 'CPO', session_id: 'SES1' },
    body: session211(),
    send: `PUT ${at211('sessions')}/NL/CPO/SES1`,
  },
  'sessions.emsp.patchSession': {
    params: { country_code: 'NL', party_id: 'CPO', session_id: 'SES1' },
    body: { kwh: 15, total_cost: 3.5 },
    send: `PATCH ${at211('sessions')}/NL/CPO/SES1`,
  },
  'cdrs.cpo.list': {
    query: { offset: 10, limit: 10 },
    send: `GET ${at211('cdrs')}?offset=10&limit=10`,
    data: [cdr211()],
  },
  'cdrs.emsp.postCdr': {
    body: cdr211(),
    send: `POST ${at211('cdrs')}`,
    responseHeaders: { Location: `${at211('cdrs')}/stored/CDR1` },
  },
  'cdrs.emsp.getCdr': {
    params: { cdr_location_url: `${at211('cdrs')}/stored/CDR1` },
    send: `GET ${at211('cdrs')}/stored/CDR1`,
    data: cdr211(),
  },
  'tariffs.cpo.list': {
    query: { limit: 1 },
    send: `GET ${at211('tariffs')}?limit=1`,
    data: [tariff211()],
  },
  'tariffs.emsp.getTariff': {
    params: { country_code: 'NL', party_id: 'CPO', tariff_id: 'TAR 1' },
    send: `GET ${at211('tariffs')}/NL/CPO/TAR%201`,
    data: tariff211('TAR 1'),
  },
  'tariffs.emsp.putTariff': {
    params: { country_code: 'NL', party_id: 'CPO', tariff_id: 'TAR1' },
    body: tariff211(),
    send: `PUT ${at211('tariffs')}/NL/CPO/TAR1`,
  },
  'tariffs.emsp.patchTariff': {
    params: { country_code: 'NL', party_id: 'CPO', tariff_id: 'TAR1' },
    body: { currency: 'USD', last_updated: TIMESTAMP },
    send: `PATCH ${at211('tariffs')}/NL/CPO/TAR1`,
  },
  'tariffs.emsp.deleteTariff': {
    params: { country_code: 'NL', party_id: 'CPO', tariff_id: 'TAR/1' },
    send: `DELETE ${at211('tariffs')}/NL/CPO/TAR%2F1`,
  },
  'tokens.cpo.getToken': {
    params: { country_code: 'NL', party_id: 'EMS', token_uid: '0123 4567' },
    send: `GET ${at211('tokens')}/NL/EMS/0123%204567`,
    data: token211('0123 4567'),
  },
  'tokens.cpo.putToken': {
    params: { country_code: 'NL', party_id: 'EMS', token_uid: '012345678' },
    body: token211(),
    send: `PUT ${at211('tokens')}/NL/EMS/012345678`,
  },
  'tokens.cpo.patchToken': {
    params: { country_code: 'NL', party_id: 'EMS', token_uid: '012345678' },
    body: { valid: false },
    send: `PATCH ${at211('tokens')}/NL/EMS/012345678`,
  },
  'tokens.emsp.list': {
    query: { date_from: '2019-01-01T00:00:00Z', offset: 0, limit: 50 },
    send: `GET ${at211('tokens')}?date_from=2019-01-01T00%3A00%3A00Z&offset=0&limit=50`,
    data: [token211('A'), token211('B')],
  },
  'tokens.emsp.authorize': {
    params: { token_uid: '0123/4567' },
    query: { type: 'OTHER' },
    body: { location_id: 'LOC1', evse_uids: ['EVSE1'], connector_ids: ['1', '2'] },
    send: `POST ${at211('tokens')}/0123%2F4567/authorize?type=OTHER`,
    data: { allowed: 'ALLOWED', location: { location_id: 'LOC1', evse_uids: ['EVSE1'] } },
  },
  'commands.cpo.reserveNow': {
    body: {
      response_url: RESULT_URL_211,
      token: token211(),
      expiry_date: '2019-06-24T18:00:00Z',
      reservation_id: 17,
      location_id: 'LOC1',
    },
    send: `POST ${at211('commands')}/RESERVE_NOW`,
    data: { result: 'ACCEPTED' },
  },
  'commands.cpo.startSession': {
    body: { response_url: RESULT_URL_211, token: token211(), location_id: 'LOC1', evse_uid: 'EVSE1' },
    send: `POST ${at211('commands')}/START_SESSION`,
    data: { result: 'ACCEPTED' },
  },
  'commands.cpo.stopSession': {
    body: { response_url: RESULT_URL_211, session_id: 'SES1' },
    send: `POST ${at211('commands')}/STOP_SESSION`,
    data: { result: 'UNKNOWN_SESSION' },
  },
  'commands.cpo.unlockConnector': {
    body: { response_url: RESULT_URL_211, location_id: 'LOC1', evse_uid: 'EVSE1', connector_id: '1' },
    send: `POST ${at211('commands')}/UNLOCK_CONNECTOR`,
    data: { result: 'NOT_SUPPORTED' },
  },
  'commands.emsp.postResult': {
    params: { response_url: RESULT_URL_211 },
    body: { result: 'TIMEOUT' },
    send: `POST ${RESULT_URL_211}`,
  },
};

// ---------------------------------------------------------------------------------------------------

const VERSIONS = {
  '2.1.1': {
    entries: mapEntries(v211.Operations),
    cases: (): Record<string, Case> => CASES_211,
    commandTypes: v211.CommandTypeValues,
    rows: 30,
    functions: 41,
    client: (fetch: typeof globalThis.fetch) =>
      v211.createClient({
        token: TOKEN,
        endpoints: endpoints211,
        fetch,
        retry: { limit: 0 },
        validation: 'strict',
        allowedOrigins: ['https://emsp.example.com'],
      }),
    expectedHeaders: (_module: string, hasBody: boolean) => ({
      accept: 'application/json',
      authorization: `Token ${TOKEN}`,
      ...(hasBody && { 'content-type': 'application/json' }),
    }),
  },
  '2.2.1': {
    entries: mapEntries(v221.Operations),
    cases: cases221,
    commandTypes: v221.CommandTypeValues,
    rows: 38,
    functions: 52,
    client: (fetch: typeof globalThis.fetch) =>
      v221.createClient({
        token: TOKEN,
        endpoints: endpoints221,
        fetch,
        retry: { limit: 0 },
        validation: 'strict',
        from: FROM,
        to: TO,
        allowedOrigins: ['https://emsp.example.com'],
      }),
    expectedHeaders: (module: string, hasBody: boolean) => ({
      accept: 'application/json',
      authorization: `Token ${TOKEN_BASE64}`,
      'x-request-id': expect.stringMatching(UUID),
      'x-correlation-id': expect.stringMatching(UUID),
      ...(FUNCTIONAL.has(module) && {
        'ocpi-from-country-code': 'DE',
        'ocpi-from-party-id': 'EMS',
        'ocpi-to-country-code': 'BE',
        'ocpi-to-party-id': 'BEC',
      }),
      ...(hasBody && { 'content-type': 'application/json' }),
    }),
  },
} as const;

describe.each(['2.1.1', '2.2.1'] as const)('every operation of the %s client', (version) => {
  const { entries, cases, client, expectedHeaders } = VERSIONS[version];

  it('has a case for each operation of the Operations map, and none for an operation it lacks', () => {
    expect(Object.keys(cases()).sort()).toEqual(entries.map((entry) => entry.key).sort());
  });

  it.each(entries.map((entry) => [entry.key, entry] as const))(
    '%s sends the exact request and resolves to the response',
    async (key, entry) => {
      const testCase = cases()[key];
      if (!testCase) throw new Error(`No case for ${key}`);
      expect(testCase.data === undefined, 'a response data exactly for operations that have one').toBe(
        entry.op.response === undefined,
      );
      const { fetch, recorded } = recordingFetch(() => ({
        ...(testCase.data !== undefined && { data: testCase.data }),
        ...(testCase.responseHeaders && { headers: testCase.responseHeaders }),
      }));

      const result = await call(client(fetch), entry, testCase);

      expect(recorded).toHaveLength(1);
      const [request] = recorded;
      expect(`${request?.method} ${request?.url}`).toBe(testCase.send);
      expect(request?.body === undefined ? undefined : JSON.parse(request.body)).toEqual(testCase.body);
      expect(request?.headers).toEqual(expectedHeaders(entry.module, testCase.body !== undefined));
      expect(result).toEqual(expectedResult(entry, testCase));
    },
  );
});

describe('headers every request carries', () => {
  it('2.2.1: a new X-Request-ID on every request, distinct from its X-Correlation-ID', async () => {
    const { fetch, recorded } = recordingFetch(() => ({ data: clientInfo221('NL', 'CPO') }));
    const client = VERSIONS['2.2.1'].client(fetch);
    const params = { country_code: 'NL', party_id: 'CPO' };
    await client.hubclientinfo.receiver.getClientInfo({ params });
    await client.hubclientinfo.receiver.getClientInfo({ params });
    const requestIds = recorded.map((request) => request.headers['x-request-id']);
    const correlationIds = recorded.map((request) => request.headers['x-correlation-id']);
    expect(new Set([...requestIds, ...correlationIds]).size).toBe(4);
  });

  it.each(['2.1.1', '2.2.1'] as const)(
    '%s: real-time authorization without LocationReferences sends no body and no Content-Type',
    async (version) => {
      const data =
        version === '2.1.1' ? { allowed: 'ALLOWED' } : { allowed: 'ALLOWED', token: ex().appUserToken };
      const { fetch, recorded } = recordingFetch(() => ({ data }));
      const client = VERSIONS[version].client(fetch);
      const args = { params: { token_uid: 'TOK1' } };
      const info =
        version === '2.1.1'
          ? await (client as v211.Client211<'strict'>).tokens.emsp.authorize(args)
          : await (client as v221.Client221<'strict'>).tokens.sender.authorize(args);
      expect(info).toEqual(data);
      expect(recorded[0]?.body).toBeUndefined();
      expect(recorded[0]?.headers['content-type']).toBeUndefined();
      expect(recorded[0]?.url.endsWith('/TOK1/authorize')).toBe(true);
    },
  );
});

describe.each(['2.1.1', '2.2.1'] as const)('the %s Operations map against the spec operations', (version) => {
  const { entries, commandTypes, rows: rowCount, functions } = VERSIONS[version];
  const rows = specOperations(version);
  const rowsOf = (entry: MapEntry) => rows.filter((row) => matchesRow(entry, row, rows, commandTypes));

  it(`has ${rowCount} operation rows`, () => {
    expect(rows).toHaveLength(rowCount);
  });

  it("gives each interface the methods of the spec's method table, no more and no fewer", () => {
    for (const file of new Set(rows.map((row) => row.file))) {
      const listed: Record<string, Set<string>> = {};
      for (const row of rows.filter((candidate) => candidate.file === file)) {
        const side = roleOfInterface(row.interface) || 'both';
        listed[side] = (listed[side] ?? new Set()).add(row.method);
      }
      const fromRows = Object.fromEntries(
        Object.entries(listed).map(([side, methods]) => [side, [...methods].sort()]),
      );
      const spec = version === '2.1.1' ? specInterfaceMethods211(file) : specInterfaceMethods(file);
      expect(fromRows, file).toEqual(spec);
    }
  });

  it('maps every function to exactly one row (module, interface, method, URL and query)', () => {
    const unmatched = entries
      .map((entry) => ({ key: entry.key, rows: rowsOf(entry).map(rowLabel) }))
      .filter((match) => match.rows.length !== 1);
    expect(unmatched).toEqual([]);
  });

  it(`covers all ${rowCount} operations with the ${functions} functions tested above`, () => {
    const tested = entries.filter((entry) => entry.key in VERSIONS[version].cases());
    expect(tested).toHaveLength(functions);
    const covered = new Set(tested.flatMap(rowsOf));
    expect(rows.filter((row) => !covered.has(row)).map(rowLabel)).toEqual([]);
    expect(covered.size).toBe(rowCount);
  });

  it('splits a row into several functions only for optional path segments, commands and result bodies', () => {
    const split = Object.fromEntries(
      rows
        .map((row): [string, string[]] => [
          rowLabel(row),
          entries.filter((entry) => rowsOf(entry).includes(row)).map((entry) => entry.key),
        ])
        .filter(([, keys]) => keys.length > 1),
    );
    expect(split).toEqual(EXPECTED_SPLITS[version]);
  });
});

const EXPECTED_SPLITS = {
  '2.1.1': {
    'Locations GET {locations_endpoint_url}/{location_id}[/{evse_uid}[/{connector_id}]]': [
      'locations.cpo.getLocation',
      'locations.cpo.getEvse',
      'locations.cpo.getConnector',
    ],
    'Locations GET {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]]':
      ['locations.emsp.getLocation', 'locations.emsp.getEvse', 'locations.emsp.getConnector'],
    'Locations PUT {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]]':
      ['locations.emsp.putLocation', 'locations.emsp.putEvse', 'locations.emsp.putConnector'],
    'Locations PATCH {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]]':
      ['locations.emsp.patchLocation', 'locations.emsp.patchEvse', 'locations.emsp.patchConnector'],
    'Commands POST {commands_endpoint_url}/{command}': [
      'commands.cpo.reserveNow',
      'commands.cpo.startSession',
      'commands.cpo.stopSession',
      'commands.cpo.unlockConnector',
    ],
  },
  '2.2.1': {
    'Locations GET {locations_endpoint_url}/{location_id}[/{evse_uid}][/{connector_id}]': [
      'locations.sender.getLocation',
      'locations.sender.getEvse',
      'locations.sender.getConnector',
    ],
    'Locations GET {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}]':
      ['locations.receiver.getLocation', 'locations.receiver.getEvse', 'locations.receiver.getConnector'],
    'Locations PUT {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}]':
      ['locations.receiver.putLocation', 'locations.receiver.putEvse', 'locations.receiver.putConnector'],
    'Locations PATCH {locations_endpoint_url}/{country_code}/{party_id}/{location_id}[/{evse_uid}][/{connector_id}]':
      [
        'locations.receiver.patchLocation',
        'locations.receiver.patchEvse',
        'locations.receiver.patchConnector',
      ],
    'Commands POST {commands_endpoint_url}/{command}': [
      'commands.receiver.cancelReservation',
      'commands.receiver.reserveNow',
      'commands.receiver.startSession',
      'commands.receiver.stopSession',
      'commands.receiver.unlockConnector',
    ],
    'ChargingProfiles POST {response_url}': [
      'chargingprofiles.sender.postActiveProfileResult',
      'chargingprofiles.sender.postProfileResult',
      'chargingprofiles.sender.postClearProfileResult',
    ],
  },
};
