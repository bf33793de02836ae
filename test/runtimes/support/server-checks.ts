// The answering side in process: createOcpiHandler built and called with `new Request(...)` objects, as
// Deno.serve, Bun.serve or an edge function would call it. Runs in Node (to know what to expect) and in
// each runtime. Public entries and web-standard globals only; no socket, so no permission is needed.
import { createOcpiHandler, InMemoryPartnerStore } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';

/** One request and what the handler answered, without what differs per run (timestamps). */
export interface ServedSummary {
  httpStatus: number;
  statusCode: unknown;
  statusMessage: unknown;
  /** The paging headers, where present. */
  link: string | null;
  totalCount: string | null;
  limit: string | null;
  /** Ids of what `data` holds: a list's items, an object's `id`, a version's `version`. */
  data: unknown;
}

export interface ServerReport {
  versions: ServedSummary;
  details: ServedSummary & { endpoints: string[] };
  page: ServedSummary;
  object: ServedSummary;
  put: ServedSummary & { stored: string[] };
  unauthorized: ServedSummary;
  refused: ServedSummary;
}

const BASE = 'https://cpo.example.com/ocpi';
const TOKEN = 'runtime-token-c';
const TIMESTAMP = '2024-06-01T12:00:00Z';

function dataIds(data: unknown): unknown {
  if (Array.isArray(data))
    return data.map(
      (item) => (item as { id?: unknown; version?: unknown }).id ?? (item as { version?: unknown }).version,
    );
  if (data !== null && typeof data === 'object')
    return (data as { id?: unknown; version?: unknown }).id ?? (data as { version?: unknown }).version;
  return data ?? null;
}

async function summarise(response: Response): Promise<ServedSummary & { body: Record<string, unknown> }> {
  const body = (await response.json()) as Record<string, unknown>;
  return {
    httpStatus: response.status,
    statusCode: body.status_code,
    statusMessage: body.status_message ?? null,
    link: response.headers.get('Link'),
    totalCount: response.headers.get('X-Total-Count'),
    limit: response.headers.get('X-Limit'),
    data: dataIds(body.data),
    body,
  };
}

function withoutBody<T extends { body: unknown }>({ body: _body, ...rest }: T): Omit<T, 'body'> {
  return rest;
}

/** Builds a 2.2.1 CPO handler around `location` and sends it one request of each kind. */
export async function runServerChecks(location: object): Promise<ServerReport> {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'emsp-1',
    status: 'registered',
    incomingToken: TOKEN,
    roles: [{ role: 'EMSP', countryCode: 'NL', partyId: 'EMS', businessDetails: { name: 'E' } }],
  });
  const locations = ['LOC1', 'LOC2', 'LOC3'].map((id) => ({ ...location, id }));
  const tokens = new Map<string, unknown>();
  const handle = createOcpiHandler({
    store,
    baseUrl: BASE,
    maxPageLimit: 2,
    validation: 'strict',
    versions: [
      v221.serveVersion({
        roles: [{ role: 'CPO', country_code: 'NL', party_id: 'CPO', business_details: { name: 'C' } }],
        modules: {
          locations: {
            sender: {
              list: ({ query }) => ({
                items: locations.slice(query.offset, query.offset + query.limit) as never,
                total: locations.length,
              }),
              getLocation: ({ params }) => locations.find(({ id }) => id === params.location_id) as never,
            },
          },
          tokens: {
            receiver: {
              putToken: ({ params, body }) => {
                const created = !tokens.has(params.token_uid);
                tokens.set(params.token_uid, body);
                return created ? 'created' : undefined;
              },
            },
          },
        },
      }),
    ],
  });
  const call = (path: string, init: RequestInit = {}, token = TOKEN) =>
    handle(
      new Request(`${BASE}${path}`, {
        ...init,
        headers: {
          Authorization: `Token ${btoa(token)}`,
          'OCPI-from-country-code': 'NL',
          'OCPI-from-party-id': 'EMS',
          'OCPI-to-country-code': 'NL',
          'OCPI-to-party-id': 'CPO',
          'X-Request-ID': 'req-1',
          'X-Correlation-ID': 'corr-1',
          ...init.headers,
        },
      }),
    ).then(summarise);
  const token = {
    country_code: 'NL',
    party_id: 'EMS',
    uid: 'TOK1',
    type: 'RFID',
    contract_id: 'NL-EMS-C00000001-X',
    issuer: 'E',
    valid: true,
    whitelist: 'ALLOWED',
    last_updated: TIMESTAMP,
  };
  const put = (uid: string, body: object) =>
    call(`/2.2.1/receiver/tokens/NL/EMS/${uid}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  const details = await call('/2.2.1');
  const endpoints = (details.body.data as { endpoints: { identifier: string; role: string; url: string }[] })
    .endpoints;
  return {
    versions: withoutBody(await call('/versions')),
    details: {
      ...withoutBody(details),
      endpoints: endpoints.map(({ identifier, role, url }) => `${identifier} ${role} ${url}`).sort(),
    },
    page: withoutBody(await call('/2.2.1/sender/locations?offset=0&limit=5')),
    object: withoutBody(await call('/2.2.1/sender/locations/LOC2')),
    put: { ...withoutBody(await put('TOK1', token)), stored: [...tokens.keys()] },
    unauthorized: withoutBody(await call('/2.2.1/sender/locations', {}, 'not-a-partner')),
    // A token whose uid is not the one in the URL.
    refused: withoutBody(await put('TOK2', token)),
  };
}
