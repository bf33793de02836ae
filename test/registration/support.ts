// Shared pieces of the registration tests: our handler's configuration, hand-built partner requests,
// an msw stand-in for the initiator's versions and details, envelope checks, and SDK parties on msw.
import {
  createRegistrationHandler,
  type PartnerRecord,
  type PartnerStore,
  type RegistrationHandlerConfig,
} from '@org/ocpi';
import { http } from 'msw';
import { expect } from 'vitest';
import { InMemoryPartnerStore } from '../../src/server/partners/partner-store';
import type { useMswServer } from '../support/msw';
import { ocpi } from '../support/ocpi-responses';

export const BASE = 'https://emsp.example.com/ocpi';
export const TOKEN_A = 'token-a-4f1c9e2b-handed-over-offline';
/** The versions URL of the initiator that `serveInitiator` stands in for. */
export const INITIATOR = 'https://cpo.example.com/ocpi/versions';

export type Handle = (request: Request) => Promise<Response>;

export const OUR_ROLE_221 = {
  role: 'EMSP',
  party_id: 'EXM',
  country_code: 'DE',
  business_details: { name: 'Example Mobility' },
} as const;

export const OUR_PARTY_211 = {
  party_id: 'EXM',
  country_code: 'DE',
  business_details: { name: 'Example Mobility' },
} as const;

/** Our handler with both versions, a store holding one invited partner, and no retries. */
export async function setup(overrides: Partial<RegistrationHandlerConfig> = {}) {
  const store = new InMemoryPartnerStore();
  await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
  const config: RegistrationHandlerConfig = {
    store,
    baseUrl: BASE,
    versions: {
      '2.2.1': {
        roles: [OUR_ROLE_221],
        endpoints: [
          { identifier: 'locations', role: 'RECEIVER', url: `${BASE}/emsp/2.2.1/locations` },
          { identifier: 'tokens', role: 'SENDER', url: `${BASE}/emsp/2.2.1/tokens` },
        ],
      },
      '2.1.1': {
        ...OUR_PARTY_211,
        endpoints: [
          { identifier: 'locations', url: `${BASE}/emsp/2.1.1/locations` },
          { identifier: 'tokens', url: `${BASE}/emsp/2.1.1/tokens` },
        ],
      },
    },
    retry: { limit: 0 },
    ...overrides,
  };
  return { store, handle: createRegistrationHandler(config) };
}

/** The `Authorization` header a partner sends: Base64 as 2.2.1 asks, or raw as 2.1.1 does. */
export function authorization(token: string, encoding: 'raw' | 'base64' = 'base64'): string {
  return `Token ${encoding === 'raw' ? token : btoa(token)}`;
}

/** A request as a partner would send it, to a path below our base URL. */
export function partnerRequest(
  method: string,
  path: string,
  init: {
    token?: string;
    encoding?: 'raw' | 'base64';
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== undefined) headers.Authorization = authorization(init.token, init.encoding);
  let body: string | undefined;
  if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  }
  return new Request(`${BASE}${path}`, { method, headers, ...(body !== undefined && { body }) });
}

/** A 2.2.1 credentials POST or PUT with `token` that hands over `tokenB` and the initiator's versions URL. */
export function credentialsRequest(method: 'POST' | 'PUT', token: string, tokenB: string): Request {
  return partnerRequest(method, '/2.2.1/credentials', { token, body: credentials221(tokenB, INITIATOR) });
}

/** The HTTP status our versions endpoint answers `token` with: 200 if the token is accepted, else 401. */
export async function versionsStatus(
  handle: Handle,
  token: string,
  encoding: 'raw' | 'base64' = 'base64',
): Promise<number> {
  return (await handle(partnerRequest('GET', '/versions', { token, encoding }))).status;
}

export interface Envelope {
  data?: unknown;
  status_code: number;
  status_message?: string;
  timestamp: string;
}

/** Reads an answer and checks what every answer must have: JSON, the envelope fields, a UTC timestamp. */
export async function readEnvelope(response: Response, httpStatus: number): Promise<Envelope> {
  expect(response.status).toBe(httpStatus);
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = (await response.json()) as Envelope;
  expect(Number.isInteger(body.status_code)).toBe(true);
  expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(Math.abs(Date.parse(body.timestamp) - Date.now())).toBeLessThan(5_000);
  return body;
}

/** Token C from a successful credentials answer: HTTP 200 and status 1000. */
export async function tokenOf(response: Response): Promise<string> {
  const envelope = await readEnvelope(response, 200);
  expect(envelope.status_code).toBe(1000);
  return (envelope.data as { token: string }).token;
}

/** Where an initiator's API lives, and which of its tokens its server accepts. */
export interface InitiatorSpec {
  versionsUrl: string;
  /** Token B; the server answers 401 to anything else. */
  token: string;
  /** Which encodings of token B the server accepts. Default: both. */
  accepts?: readonly ('raw' | 'base64')[];
  /** Its versions list; by default 2.1.1 and 2.2.1 beside the versions URL. */
  versions?: { version: string; url: string }[];
  /** Module identifiers per version (2.2.1 endpoints get roles). Default: locations and tokens. */
  modules?: readonly string[];
}

/** Puts the initiator's versions list and version details behind msw; returns its details URLs. */
export function serveInitiator(server: ReturnType<typeof useMswServer>['server'], spec: InitiatorSpec) {
  const root = spec.versionsUrl.replace(/\/versions\/?$/, '');
  const versions = spec.versions ?? [
    { version: '2.1.1', url: `${root}/2.1.1` },
    { version: '2.2.1', url: `${root}/2.2.1` },
  ];
  const accepts = spec.accepts ?? ['raw', 'base64'];
  const allowed = new Set(accepts.map((encoding) => authorization(spec.token, encoding)));
  const guard = (request: Request, answer: () => Response) =>
    allowed.has(request.headers.get('authorization') ?? '')
      ? answer()
      : ocpi(undefined, { status: 401, status_code: 2000, status_message: 'Unauthorized' });
  const modules = spec.modules ?? ['locations', 'tokens'];
  server.use(
    http.get(spec.versionsUrl, ({ request }) => guard(request, () => ocpi(versions))),
    ...versions.map((entry) =>
      http.get(entry.url, ({ request }) =>
        guard(request, () =>
          ocpi({
            version: entry.version,
            endpoints: [
              { identifier: 'credentials', url: `${entry.url}/credentials` },
              ...modules.map((identifier) => ({ identifier, url: `${entry.url}/${identifier}` })),
            ].map((endpoint) =>
              entry.version.startsWith('2.2') ? { ...endpoint, role: 'SENDER' } : endpoint,
            ),
          }),
        ),
      ),
    ),
  );
  return versions;
}

/**
 * Registers partner-1 (invited with token A, as `setup` stores it) in 2.2.1: the initiator's API is served
 * for `tokenB`, and the partner POSTs its credentials. Returns token C.
 */
export async function registerPartner(
  server: ReturnType<typeof useMswServer>['server'],
  handle: Handle,
  tokenB: string,
): Promise<string> {
  serveInitiator(server, { versionsUrl: INITIATOR, token: tokenB });
  return tokenOf(await handle(credentialsRequest('POST', TOKEN_A, tokenB)));
}

/** Credentials a 2.2.1 initiator posts. */
export function credentials221(token: string, url: string) {
  return {
    token,
    url,
    roles: [
      { role: 'CPO', party_id: 'EXA', country_code: 'NL', business_details: { name: 'Example Operator' } },
    ],
  };
}

/** Credentials a 2.1.1 initiator posts. */
export function credentials211(token: string, url: string) {
  return { token, url, party_id: 'EXA', country_code: 'NL', business_details: { name: 'Example Operator' } };
}

/** The Base64 form of a token too: neither form may show up where a token must not. */
export function tokenForms(...tokens: string[]): string[] {
  return tokens.flatMap((token) => [token, btoa(token)]);
}

type Version = '2.1.1' | '2.2.1';

/**
 * Makes SDK parties whose registration handlers answer on `server` (msw) for everything below their base
 * URL, so that two of them can register with each other. Of the Locations module, the CPO is the sender
 * and the eMSP the receiver; `required` are the modules a party requires of its partner.
 */
export function sdkParties(server: ReturnType<typeof useMswServer>['server']) {
  return function party(
    base: string,
    role: 'CPO' | 'EMSP',
    versions: Version[],
    required: string[] = [],
    store: PartnerStore & { all(): PartnerRecord[] } = new InMemoryPartnerStore(),
  ) {
    const details = {
      party_id: role === 'CPO' ? 'CPO' : 'EMS',
      country_code: 'NL',
      business_details: { name: `Example ${role}` },
    };
    const interfaceRole = role === 'CPO' ? ('SENDER' as const) : ('RECEIVER' as const);
    const config: RegistrationHandlerConfig = {
      store,
      baseUrl: base,
      retry: { limit: 0 },
      versions: {
        ...(versions.includes('2.2.1') && {
          '2.2.1': {
            roles: [{ role, ...details }],
            endpoints: [{ identifier: 'locations', role: interfaceRole, url: `${base}/2.2.1/locations` }],
            requiredModules: required,
          },
        }),
        ...(versions.includes('2.1.1') && {
          '2.1.1': {
            ...details,
            endpoints: [{ identifier: 'locations', url: `${base}/2.1.1/locations` }],
            requiredModules: required,
          },
        }),
      },
    };
    const handle = createRegistrationHandler(config);
    server.use(http.all(`${base}/*`, ({ request }) => handle(request)));
    return { store, config, handle };
  };
}
