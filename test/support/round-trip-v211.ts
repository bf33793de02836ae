// Support for the 2.1.1 round trips of test/server/platform/round-trip-v211.test.ts: the spec's examples
// as the implementations answer and the client sends them, implementations that record each call, a
// fetch that records each answer, and servers that live for a whole test file.
import { parsePayload } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import type * as z from 'zod/mini';
import { type MapEntry, mapEntries } from './client-operations';
import { fromSpec } from './spec';
import { exampleOf211 } from './v211-payloads';
import { jsonBlock211, pathBelowModule, readExample211 } from './v211-spec';
import { withValue } from './v221-payloads';

/** A value parsed strictly with `schema`; throws, naming the issues, when it does not parse. */
export function strictParse<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  subject: string,
): z.output<S> {
  const result = parsePayload(schema, value, { mode: 'strict', subject });
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * The path parameters a spec request line's URL gives an operation path: `/NL/TNM/1012/3255` below the
 * locations endpoint, read with `/{country_code}/{party_id}/{location_id}/{evse_uid}`.
 */
export function paramsFromUrl(url: string, module: string, template: string): Record<string, string> {
  const values = pathBelowModule(url, module).split('/').slice(1);
  const names = template.split('/').slice(1);
  if (values.length !== names.length) throw new Error(`${url} does not fill ${template}`);
  return Object.fromEntries(
    names.map((name, at) => [name.slice(1, -1), decodeURIComponent(values[at] ?? '')]),
  );
}

/** A spec example sent to a URL of the spec: its strictly parsed body and the path parameters of its URL. */
export interface SpecRequest<T> {
  body: T;
  params: Record<string, string>;
}

// The URL of a block's request line (`PUT To URL: https://...`), in the corrected text its body comes from.
function requestUrl(file: string, index: number): string {
  const url = /To URL: (\S+)/.exec(jsonBlock211(file, index).text)?.[1];
  if (url === undefined) throw new Error(`${file} block ${index} has no request line`);
  return url;
}

function specRequest<S extends z.ZodMiniType>(
  schema: S,
  file: string,
  index: number,
  method: 'PUT' | 'PATCH',
  module: string,
  template: string,
): SpecRequest<z.output<S>> {
  return {
    body: exampleOf211(schema, file, index, { from: 'request', method }),
    params: paramsFromUrl(requestUrl(file, index), module, template),
  };
}

// The Session and CDR examples give their Location the alpha-2 country "BE" (alpha-3 belongs there), and
// the CDR's Tariff a price as the string "2.00": corrected as test/v211/sessions.test.ts and
// cdrs.test.ts do, so that they pass strict validation.
function correctedSession(index: number): v211.Session {
  const example = withValue(
    readExample211('mod_sessions.md', index, { from: 'body' }),
    'location.country',
    'BEL',
  );
  return strictParse(v211.SessionSchema, example, `mod_sessions.md block ${index}`);
}

function correctedCdr(): v211.CDR {
  const example = withValue(readExample211('mod_cdrs.md', 0, { from: 'body' }), 'location.country', 'BEL');
  const priced = withValue(example, 'tariffs[0].elements[0].price_components[0].price', 2);
  return strictParse(v211.CDRSchema, priced, 'mod_cdrs.md block 0');
}

const PARTY_PATH = '/{country_code}/{party_id}';

/**
 * The 2.1.1 spec examples the round trips use, each strictly parsed (read on first use). Objects
 * without an example of their own are taken from the one that holds them (the EVSE and Connector of the
 * Location example); lists get more objects than the spec shows by copies under other ids.
 */
export const examples211 = fromSpec(() => {
  const location = exampleOf211(v211.LocationSchema, 'mod_locations.md', 5);
  const evse = strictParse(v211.EVSESchema, location.evses?.[0], 'EVSE of mod_locations.md block 5');
  const connector = strictParse(v211.ConnectorSchema, evse.connectors[0], 'Connector of the EVSE');
  const starting = correctedSession(1);
  const finished = correctedSession(2);
  const cdr = correctedCdr();
  const tariffs = [2, 3, 4, 5, 6].map((index) => exampleOf211(v211.TariffSchema, 'mod_tariffs.md', index));
  const token = exampleOf211(v211.TokenSchema, 'mod_tokens.md', 2);
  const locationPath = `${PARTY_PATH}/{location_id}`;
  return {
    location,
    evse,
    connector,
    starting,
    finished,
    cdr,
    /** Simple (2 euro per hour), alternative text, alternative URL, complex, free of charge. */
    tariffs,
    token,
    locationPatch: specRequest(
      v211.LocationPatchSchema,
      'mod_locations.md',
      1,
      'PATCH',
      'locations',
      locationPath,
    ),
    evsePatch: specRequest(
      v211.EVSEPatchSchema,
      'mod_locations.md',
      0,
      'PATCH',
      'locations',
      `${locationPath}/{evse_uid}`,
    ),
    connectorPatch: specRequest(
      v211.ConnectorPatchSchema,
      'mod_locations.md',
      2,
      'PATCH',
      'locations',
      `${locationPath}/{evse_uid}/{connector_id}`,
    ),
    sessionPatch: specRequest(
      v211.SessionPatchSchema,
      'mod_sessions.md',
      0,
      'PATCH',
      'sessions',
      `${PARTY_PATH}/{session_id}`,
    ),
    // The spec's request line of this partial Tariff says PUT; the SDK sends it as the PATCH it is.
    tariffPatch: specRequest(
      v211.TariffPatchSchema,
      'mod_tariffs.md',
      1,
      'PUT',
      'tariffs',
      `${PARTY_PATH}/{tariff_id}`,
    ),
    // The spec's PUT of a new Tariff leaves out last_updated, which a Tariff requires: its URL is used
    // with the same Tariff as the object example writes it (block 2, with last_updated).
    tariffPutParams: paramsFromUrl(requestUrl('mod_tariffs.md', 0), 'tariffs', `${PARTY_PATH}/{tariff_id}`),
    tokenPut: specRequest(v211.TokenSchema, 'mod_tokens.md', 0, 'PUT', 'tokens', `${PARTY_PATH}/{token_uid}`),
    tokenPatch: specRequest(
      v211.TokenPatchSchema,
      'mod_tokens.md',
      1,
      'PATCH',
      'tokens',
      `${PARTY_PATH}/{token_uid}`,
    ),
  };
});

/** `object` with another id (`id` or, for Tokens, `uid`), for lists longer than the spec's examples. */
export function withId<T extends object>(object: T, field: 'id' | 'uid', id: string): T {
  return { ...object, [field]: id };
}

/** The functional operations of the 2.1.1 table (versions and credentials left out), in table order. */
export function functionalOperations211(): MapEntry[] {
  return mapEntries(v211.Operations).filter((entry) => entry.role !== '');
}

/** What an implementation received. */
export interface ReceivedCall {
  params: Record<string, string>;
  query: unknown;
  body: unknown;
}

/** One call's answer, by operation key (`locations.cpo.list`); none answers `undefined`. */
export type Answers = Readonly<Record<string, (call: ReceivedCall) => unknown>>;

/**
 * The implementations of every operation of one 2.1.1 interface side (`cpo` or `emsp`), each recording
 * what it received in `received` (by operation key) and answering with `answers`.
 */
export function recordingImplementations(
  side: 'cpo' | 'emsp',
  answers: Answers,
  received: Map<string, ReceivedCall[]>,
): v211.Implementations {
  const modules: Record<string, Record<string, Record<string, (call: ReceivedCall) => unknown>>> = {};
  for (const entry of functionalOperations211()) {
    if (entry.role !== side) continue;
    modules[entry.module] ??= { [side]: {} };
    const iface = modules[entry.module]?.[side];
    if (iface === undefined) throw new Error('unreachable');
    iface[entry.name] = (call) => {
      const calls = received.get(entry.key) ?? [];
      calls.push({ params: { ...call.params }, query: call.query, body: call.body });
      received.set(entry.key, calls);
      return answers[entry.key]?.(call);
    };
  }
  return modules as v211.Implementations;
}

/** A list implementation's answer: the page of `items` the query asks for. */
export function pageOf(items: readonly unknown[], query: unknown) {
  const { offset, limit } = query as { offset: number; limit: number };
  return { items: items.slice(offset, offset + limit), total: items.length };
}

/** What a response said, as the client's fetch saw it. */
export interface SeenResponse {
  method: string;
  url: string;
  status: number;
  headers: Headers;
}

/** A fetch for the client that records every response's status and headers. */
export function recordingFetch(): { fetch: typeof globalThis.fetch; seen: SeenResponse[] } {
  const seen: SeenResponse[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await globalThis.fetch(request);
    seen.push({
      method: request.method,
      url: request.url,
      status: response.status,
      headers: response.headers,
    });
    return response;
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}
