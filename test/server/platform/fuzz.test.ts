// createOcpiHandler fuzzed in process, the way a hostile or careless partner would call it: requests to
// every endpoint of both versions (as the served tables give them, with valid and mutated parameters),
// any method, valid, foreign and broken tokens and routing headers, queries, and bodies from spec-valid
// objects to their mutations, random JSON, text and huge strings. Whatever comes in, the handler
// answers with an OCPI envelope: never a 5xx, never a token or a stack trace, and a refused request
// never changes what the app stored. FUZZ_RUNS raises the count.
import { InMemoryPartnerStore } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cdr211,
  chargingProfile221,
  clientInfo221,
  connector211,
  evse211,
  examples221,
  location211,
  session211,
  tariff211,
  token211,
  UPDATED,
} from '../../support/client-payloads';
import { type AppStore, recordingPlatform } from '../../support/recording-platform';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = 20_261_214;
const BASE = 'https://ocpi.example.com/ocpi';
const MAX_BODY = 256 * 1024;

const TOKEN = {
  abc: 'fuzz-token-c-abc-7f3e91d2',
  hub: 'fuzz-token-c-hub-1a2bc4d8',
  invited: 'fuzz-token-a-invited-9c8d',
} as const;
const TOKEN_FORMS = Object.values(TOKEN).flatMap((token) => [token, btoa(token)]);

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

// ---- The endpoints, from the served tables ----

interface Endpoint {
  platform: 0 | 1;
  version: '2.2.1' | '2.1.1';
  interfaceName: string;
  module: string;
  name: string;
  method: string;
  /** Below the interface's endpoint: literals and `{param}`s. */
  segments: readonly string[];
}

function endpointsOf(
  version: Endpoint['version'],
  table: object,
  paths: Readonly<Record<string, string>>,
  platformOf: (interfaceName: string) => 0 | 1,
): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const [module, interfaces] of Object.entries(table)) {
    if (module === 'versions' || module === 'credentials') continue;
    for (const [interfaceName, operations] of Object.entries(interfaces as object)) {
      for (const [name, operation] of Object.entries(operations as object)) {
        const { method, path } = operation as { method: string; path: string };
        const served = paths[`${module}.${interfaceName}.${name}`] ?? path;
        const segments = served === '' ? [] : served.replace(/^\//, '').split('/');
        endpoints.push({
          platform: platformOf(interfaceName),
          version,
          interfaceName,
          module,
          name,
          method,
          segments,
        });
      }
    }
  }
  return endpoints;
}

// Platform 0 serves 2.1.1 as an eMSP, platform 1 as a CPO: between them every 2.1.1 interface.
const ENDPOINTS = [
  ...endpointsOf('2.2.1', v221.Operations, v221.ServedPaths, () => 0),
  ...endpointsOf('2.2.1', v221.Operations, v221.ServedPaths, () => 1),
  ...endpointsOf('2.1.1', v211.Operations, v211.ServedPaths, (side) => (side === 'emsp' ? 0 : 1)),
];

// ---- Bodies ----

type Json = Record<string, unknown>;

/** A spec-valid body of each operation that takes one, by `version name` or `version module.name`. */
function validBodies(): Record<string, Json> {
  const ex = examples221();
  const responseUrl = 'https://partner.example.com/ocpi/2.2.1/commands/START_SESSION/1';
  const token221 = ex.rfidToken as unknown as Json;
  const bodies221: Record<string, unknown> = {
    putLocation: ex.location,
    putEvse: ex.evse,
    putConnector: ex.connector,
    patchLocation: ex.locationPatch,
    patchEvse: ex.evsePatch,
    patchConnector: ex.connectorPatch,
    putSession: ex.session,
    patchSession: ex.sessionPatch,
    postCdr: ex.cdr,
    putTariff: ex.tariff,
    putToken: token221,
    patchToken: ex.tokenPatch,
    authorize: { location_id: 'LOC1' },
    putChargingPreferences: { profile_type: 'REGULAR' },
    startSession: { response_url: responseUrl, token: token221, location_id: 'LOC1' },
    stopSession: { response_url: responseUrl, session_id: 'SES1' },
    reserveNow: {
      response_url: responseUrl,
      token: token221,
      expiry_date: UPDATED,
      reservation_id: 'R1',
      location_id: 'LOC1',
    },
    cancelReservation: { response_url: responseUrl, reservation_id: 'R1' },
    unlockConnector: { response_url: responseUrl, location_id: 'LOC1', evse_uid: 'EVSE1', connector_id: '1' },
    postResult: { result: 'ACCEPTED' },
    setProfile: { charging_profile: chargingProfile221, response_url: responseUrl },
    postActiveProfileResult: {
      result: 'ACCEPTED',
      profile: { start_date_time: UPDATED, charging_profile: chargingProfile221 },
    },
    postProfileResult: { result: 'ACCEPTED' },
    postClearProfileResult: { result: 'ACCEPTED' },
    putActiveProfile: { start_date_time: UPDATED, charging_profile: chargingProfile221 },
    putClientInfo: clientInfo221('NL', 'ABC'),
  };
  const responseUrl211 = 'https://partner.example.com/ocpi/2.1.1/commands/START_SESSION/1';
  const bodies211: Record<string, unknown> = {
    putLocation: location211(),
    putEvse: evse211(),
    putConnector: connector211(),
    patchLocation: { name: 'Renamed', last_updated: UPDATED },
    patchEvse: { status: 'CHARGING', last_updated: UPDATED },
    patchConnector: { voltage: 400, last_updated: UPDATED },
    putSession: session211(),
    patchSession: { kwh: 5, last_updated: UPDATED },
    postCdr: cdr211(),
    putTariff: tariff211(),
    patchTariff: { currency: 'EUR', last_updated: UPDATED },
    putToken: token211(),
    patchToken: { valid: false, last_updated: UPDATED },
    authorize: { location_id: 'LOC1' },
    startSession: { response_url: responseUrl211, token: token211(), location_id: 'LOC1' },
    stopSession: { response_url: responseUrl211, session_id: 'SES1' },
    reserveNow: {
      response_url: responseUrl211,
      token: token211(),
      expiry_date: UPDATED,
      reservation_id: 1,
      location_id: 'LOC1',
    },
    unlockConnector: {
      response_url: responseUrl211,
      location_id: 'LOC1',
      evse_uid: 'EVSE1',
      connector_id: '1',
    },
    postResult: { result: 'ACCEPTED' },
  };
  const all: Record<string, Json> = {};
  for (const [name, body] of Object.entries(bodies221)) all[`2.2.1 ${name}`] = body as Json;
  for (const [name, body] of Object.entries(bodies211)) all[`2.1.1 ${name}`] = body as Json;
  return all;
}

// The field of a pushed object that the path's last parameter names (as the handler compares them).
const ID_FIELDS: Readonly<Record<string, string>> = {
  location_id: 'id',
  evse_uid: 'uid',
  connector_id: 'id',
  session_id: 'id',
  tariff_id: 'id',
  token_uid: 'uid',
  cdr_id: 'id',
};

/** What a body is made of: JSON to stringify (possibly wrapped), raw text, or an over-size stream. */
type BodySpec =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'stream'; bytes: number };

type Mutation = (body: Json) => unknown;

const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];
const anyJson = fc.jsonValue({ maxDepth: 3 });

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  // A field removed, replaced or added.
  fc.nat().map(
    (n): Mutation =>
      (body) => {
        const keys = Object.keys(body);
        const copy = { ...body };
        delete copy[keys[n % Math.max(1, keys.length)] as string];
        return copy;
      },
  ),
  fc.tuple(fc.nat(), anyJson).map(
    ([n, value]): Mutation =>
      (body) => {
        const keys = Object.keys(body);
        return { ...body, [keys[n % Math.max(1, keys.length)] as string]: value };
      },
  ),
  fc.tuple(fc.string({ maxLength: 12 }), anyJson).map(
    ([key, value]): Mutation =>
      (body) => ({ ...body, [key]: value }),
  ),
  // A forbidden key, at the top or nested (JSON.parse makes it an own key, as a partner's body would).
  fc.tuple(fc.constantFrom(...FORBIDDEN), fc.boolean()).map(
    ([key, nested]): Mutation =>
      (body) => ({
        kind: 'raw',
        text: nested
          ? JSON.stringify({ ...body, extra: { a: 1 } }).replace(
              '"extra":{',
              `"extra":{"${key}":{"polluted":true},`,
            )
          : JSON.stringify(body).replace('{', `{"${key}":{"polluted":true},`),
      }),
  ),
  // A huge string within the body limit, in a field the schema knows.
  fc.integer({ min: 1_000, max: MAX_BODY - 8 * 1024 }).map(
    (size): Mutation =>
      (body) => ({
        ...body,
        [Object.keys(body)[0] ?? 'x']: 'x'.repeat(size),
      }),
  ),
  // Nesting past the limit, or within it.
  fc.integer({ min: 20, max: 5_000 }).map(
    (depth): Mutation =>
      (body) => ({
        kind: 'raw',
        text: JSON.stringify({ ...body, deep: 0 }).replace(
          '"deep":0',
          `"deep":${'['.repeat(depth)}${']'.repeat(depth)}`,
        ),
      }),
  ),
  // The object in a list.
  fc.constant<Mutation>((body) => [body]),
);

// ---- Requests ----

const NOT_DECODABLE = ['%', '%zz', '%E0%A4%A', '%C3'];
const countryCodes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('NL') },
  { weight: 1, arbitrary: fc.constantFrom('nl', 'DE', 'NLD', '', 'N1', '%4E%4C', ...NOT_DECODABLE) },
);
const partyIds = fc.oneof(
  { weight: 9, arbitrary: fc.constant('ABC') },
  { weight: 2, arbitrary: fc.constant('XYZ') },
  { weight: 1, arbitrary: fc.constantFrom('abc', 'HUB', 'AB', 'ABCD', 'A%2FC', 'A-C', ...NOT_DECODABLE) },
);
const ids = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('ID1', 'LOC1', 'EVSE1', '1', 'SES1', 'TOK1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 50 }).map((n) => 'i'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('..', '.', '%2F', '%00', '%20', 'caf%C3%A9', ...NOT_DECODABLE) },
);
function paramValue(name: string): fc.Arbitrary<string> {
  return name === 'country_code' ? countryCodes : name === 'party_id' ? partyIds : ids;
}

const authorizations = fc.oneof(
  { weight: 14, arbitrary: fc.constant(`Token ${btoa(TOKEN.abc)}`) },
  { weight: 2, arbitrary: fc.constant(`Token ${TOKEN.abc}`) },
  { weight: 3, arbitrary: fc.constant(`Token ${btoa(TOKEN.hub)}`) },
  { weight: 1, arbitrary: fc.constantFrom(`Token ${btoa(TOKEN.invited)}`, `Token ${TOKEN.invited}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 40 }).map((text) => `Token ${text}`),
      fc.constantFrom(
        'Token',
        'Bearer x',
        `Bearer ${TOKEN.abc}`,
        `Token ${btoa(TOKEN.abc)} extra`,
        'Token ====',
      ),
    ),
  },
);

const party = (side: 'from' | 'to', countryCode: string, partyId: string) => ({
  [`OCPI-${side}-country-code`]: countryCode,
  [`OCPI-${side}-party-id`]: partyId,
});
const routingHeaders = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  { weight: 6, arbitrary: fc.constant({ ...party('from', 'NL', 'ABC'), ...party('to', 'NL', 'OUR') }) },
  { weight: 3, arbitrary: fc.constant(party('from', 'NL', 'XYZ')) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { 'OCPI-from-country-code': 'NL' },
      party('from', 'NLD', 'ABC'),
      party('from', 'NL', 'AB!'),
      party('to', '', 'OUR'),
      party('from', 'nl', 'abc'),
    ),
  },
);
const otherHeaders = fc.oneof(
  { weight: 10, arbitrary: fc.constant({}) },
  fc.record({ 'X-Request-ID': fc.string({ maxLength: 60 }), 'X-Correlation-ID': fc.uuid() }),
  fc.record({
    'Content-Type': fc.constantFrom('text/plain', 'application/xml', '', 'application/json; charset=utf-16'),
  }),
);

const queries = fc.oneof(
  { weight: 8, arbitrary: fc.constant('') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '?offset=0&limit=2',
      '?limit=1',
      '?offset=1',
      `?date_from=${UPDATED}`,
      '?type=RFID',
      // A charging profile's GET and DELETE take where to send the result (and how long to plan for).
      `?duration=900&response_url=${encodeURIComponent('https://partner.example.com/ocpi/cp/1')}`,
      `?response_url=${encodeURIComponent('https://partner.example.com/ocpi/cp/2')}`,
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '?limit=-1',
      '?offset=1e3',
      '?limit=1&limit=2',
      `?limit=${'9'.repeat(20)}`,
      '?date_from=yesterday',
      '?date_to=2024-13-45T99:00:00Z',
      '?__proto__=x&constructor=y',
      '?type=NOT_A_TYPE',
      '?%zz=1',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 40 })
      .map((text) => `?${encodeURIComponent(text)}=${encodeURIComponent(text)}`),
  },
);

const methods = ['GET', 'PUT', 'PATCH', 'POST', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'X-UNKNOWN'];

interface FuzzRequest {
  endpoint: Endpoint;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: BodySpec;
}

function requestsOf(bodies: Record<string, Json>): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...ENDPOINTS).chain((endpoint) => {
    const params = endpoint.segments.map((segment) =>
      segment.startsWith('{') ? paramValue(segment.slice(1, -1)) : fc.constant(segment),
    );
    const valid = bodies[`${endpoint.version} ${endpoint.name}`];
    return fc
      .record({
        segments: fc.oneof(
          { weight: 20, arbitrary: fc.tuple(...params) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.tuple(...params), fc.constantFrom('/extra', '/', '-drop', '%2Fx'))
              .map(([parts, change]) =>
                change === '-drop'
                  ? parts.slice(0, -1)
                  : [...parts.slice(0, -1), `${parts.at(-1) ?? ''}${change}`],
              ),
          },
        ),
        prefix: fc.oneof(
          {
            weight: 30,
            arbitrary: fc.constant(`${endpoint.version}/${endpoint.interfaceName}/${endpoint.module}`),
          },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              `2.2/${endpoint.interfaceName}/${endpoint.module}`,
              `${endpoint.version}/${endpoint.interfaceName.toUpperCase()}/${endpoint.module}`,
              `${endpoint.version}/${endpoint.module}`,
              `${endpoint.version}/${endpoint.interfaceName}/${endpoint.module}s`,
              `${endpoint.version}/x/${endpoint.interfaceName}/${endpoint.module}`,
            ),
          },
        ),
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant(endpoint.method) },
          { weight: 1, arbitrary: fc.constantFrom(...methods) },
        ),
        authorization: authorizations,
        routing: routingHeaders,
        other: otherHeaders,
        query: queries,
        body: bodyOf(valid),
      })
      .map(({ segments, prefix, method, authorization, routing, other, query, body }): FuzzRequest => {
        const path = segments.length === 0 ? '' : `/${segments.join('/')}`;
        const headers: Record<string, string> = { ...routing, ...other };
        if (authorization !== undefined) headers.Authorization = authorization;
        if (body.kind !== 'none' && headers['Content-Type'] === undefined && !('Content-Type' in other)) {
          headers['Content-Type'] = 'application/json';
        }
        const request: FuzzRequest = {
          endpoint,
          method,
          url: `${BASE}/${prefix}${path}${query}`,
          headers,
          body: aligned(body, endpoint, segments, routing),
        };
        // A counterexample of a few lines, not the megabyte of a huge body.
        return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
      });
  });
}

function bodyOf(valid: Json | undefined): fc.Arbitrary<BodySpec> {
  const json = (value: unknown): BodySpec => ({ kind: 'json', value });
  const sample = valid ?? {};
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(json(structuredClone(sample))) },
    { weight: 6, arbitrary: mutations.map((mutate) => json(mutate(structuredClone(sample)))) },
    { weight: 1, arbitrary: anyJson.map(json) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text): BodySpec => ({ kind: 'text', text })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodySpec>(
        { kind: 'none' },
        { kind: 'text', text: '' },
        { kind: 'text', text: '{' },
        { kind: 'text', text: '<html></html>' },
        { kind: 'text', text: `"${'x'.repeat(MAX_BODY - 16)}"` },
      ),
    },
    // Over the limit: read up to it, then refused (the rest of the 8 MB is never pulled).
    { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'stream', bytes: 8 * 1024 * 1024 }) },
  );
}

/**
 * A JSON body whose ids follow the path, as a partner pushing its own object would send it: the party
 * and the id the URL names (so that spec-valid bodies reach the app), except where a mutation set them.
 */
function aligned(
  body: BodySpec,
  endpoint: Endpoint,
  segments: readonly string[],
  routing: Record<string, string>,
): BodySpec {
  if (
    body.kind !== 'json' ||
    typeof body.value !== 'object' ||
    body.value === null ||
    Array.isArray(body.value)
  ) {
    return body;
  }
  const value = body.value as Json;
  if ('kind' in value && value.kind === 'raw') return { kind: 'text', text: String(value.text) };
  const copy = { ...value };
  const params: Record<string, string> = {};
  endpoint.segments.forEach((segment, index) => {
    if (segment.startsWith('{')) params[segment.slice(1, -1)] = decoded(segments[index] ?? '');
  });
  const pathParty = params.country_code !== undefined;
  const routed = routing['OCPI-from-party-id'];
  if ('country_code' in copy && endpoint.module !== 'hubclientinfo') {
    copy.country_code = params.country_code ?? 'NL';
    copy.party_id = params.party_id ?? (routed && !pathParty ? routed : 'ABC');
  }
  const last = endpoint.segments.at(-1) ?? '';
  const idField = ID_FIELDS[last.slice(1, -1)];
  if (idField !== undefined && idField in copy) {
    copy[idField] = params[last.slice(1, -1)];
  }
  return { kind: 'json', value: copy };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function describeRequest({ method, url, headers, body }: FuzzRequest): string {
  const shown =
    body.kind === 'json'
      ? JSON.stringify(body.value)
      : body.kind === 'text'
        ? body.text
        : JSON.stringify(body);
  const short = (text: string) =>
    text.length > 600 ? `${text.slice(0, 600)}... (${text.length} characters)` : text;
  return `${method} ${short(url)} ${JSON.stringify(headers)} ${short(shown ?? '')}`;
}

function buildRequest({ method, url, headers, body }: FuzzRequest): Request {
  const init: RequestInit & { duplex?: 'half' } = { method, headers: new Headers() };
  for (const [name, value] of Object.entries(headers)) {
    try {
      (init.headers as Headers).set(name, value);
    } catch {
      // A value the Fetch API refuses never reaches a handler either.
    }
  }
  if (method === 'GET' || method === 'HEAD' || body.kind === 'none') return new Request(url, init);
  if (body.kind === 'stream') {
    init.body = lazyBytes(body.bytes);
    init.duplex = 'half';
  } else {
    init.body = body.kind === 'text' ? body.text : JSON.stringify(body.value);
  }
  return new Request(url, init);
}

/** `total` bytes made 64 KiB at a time as the reader pulls: a reader that stops early costs little. */
function lazyBytes(total: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

// ---- The run ----

function check(condition: boolean, problem: () => string): void {
  if (!condition) throw new Error(problem());
}

const STACK = /(?:\\n|\n) {4}at |\n\s+at \S+ \(/;

/** Whether the app's store holds exactly the entries of the snapshot (the same objects). */
function unchanged(stored: AppStore, snapshot: readonly [string, unknown][]): boolean {
  if (stored.size !== snapshot.length) return false;
  for (const [key, value] of snapshot) if (stored.get(key) !== value) return false;
  return true;
}

describe('createOcpiHandler under fuzzed partner requests', () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
  });

  it(`answers each of ${RUNS} requests with an envelope, never a 5xx, a secret or a change when refused`, async () => {
    const store = await partners();
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    const platforms = [
      recordingPlatform({ store, baseUrl: BASE, side211: 'emsp', maxBodyBytes: MAX_BODY, onError }),
      recordingPlatform({
        store,
        baseUrl: BASE,
        side211: 'cpo',
        maxBodyBytes: MAX_BODY,
        validation: 'strict',
        unknownFields: 'reject',
        patches: 'merge',
        maxPageLimit: 1,
        onError,
      }),
    ] as const;
    const snapshots = platforms.map((platform) => [...platform.stored.entries()]);
    const reached = new Map<string, number>();
    // The operations whose implementation a request reached.
    const called = new Set<string>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(requestsOf(validBodies()), async (fuzzed) => {
        const index = fuzzed.endpoint.platform;
        const platform = platforms[index];
        const response = await platform.handle(buildRequest(fuzzed));
        sent++;
        check(response instanceof Response, () => 'no Response');
        const text = await response.text();
        const headers = JSON.stringify([...response.headers]);
        const what = () =>
          `${fuzzed.method} ${fuzzed.url.slice(0, 200)}: HTTP ${response.status} ${text.slice(0, 300)}`;
        check(errors.length === 0, () => `onError heard ${String(errors[0])} for ${what()}`);
        check(response.status < 500, what);
        let envelope: { status_code?: unknown; timestamp?: unknown };
        try {
          envelope = JSON.parse(text);
        } catch {
          throw new Error(`not JSON: ${what()}`);
        }
        check(Number.isInteger(envelope.status_code) && typeof envelope.timestamp === 'string', what);
        for (const form of TOKEN_FORMS) {
          check(!text.includes(form) && !headers.includes(form), () => `a token in the answer: ${what()}`);
        }
        check(!STACK.test(text) && !text.includes('    at '), () => `a stack trace: ${what()}`);
        const statusCode = envelope.status_code as number;
        const kind = response.status === 200 ? `status ${statusCode}` : `HTTP ${response.status}`;
        reached.set(kind, (reached.get(kind) ?? 0) + 1);
        for (const call of platform.calls) called.add(call.operation);
        platform.calls.length = 0;
        const snapshot = snapshots[index] as [string, unknown][];
        if (statusCode >= 1000 && statusCode < 2000) {
          // Kept small: the comparison after each refusal walks it.
          if (platform.stored.size > 64) platform.stored.clear();
          snapshots[index] = [...platform.stored.entries()];
        } else {
          check(
            unchanged(platform.stored, snapshot),
            () => `a refused request changed the app's store: ${what()}`,
          );
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    expect(sent).toBe(RUNS);
    expect(rejections).toEqual([]);
    // The fuzz reaches the app through every endpoint, and each kind of refusal often enough.
    if (RUNS >= 10_000) {
      const never = ENDPOINTS.map((e) => `${e.version} ${e.module}.${e.interfaceName}.${e.name}`).filter(
        (name) => !called.has(name),
      );
      expect(never).toEqual([]);
      for (const kind of ['status 1000', 'status 2001', 'HTTP 401', 'HTTP 404', 'HTTP 405', 'HTTP 400']) {
        expect(reached.get(kind), kind).toBeGreaterThanOrEqual(100);
      }
      for (const kind of ['HTTP 413', 'HTTP 415', 'HTTP 201'])
        expect(reached.get(kind), kind).toBeGreaterThanOrEqual(20);
    }
    if (process.env.FUZZ_TALLY) console.log(Object.fromEntries([...reached].sort((a, b) => b[1] - a[1])));
  }, 120_000);
});
