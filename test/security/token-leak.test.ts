// Issue #10, findings 1 and 9: no error we throw may carry our token, whatever the failure and wherever it
// happens. Every failure here is real: partners are node:http servers on 127.0.0.1 that stall (short real
// timeouts), refuse or reset the connection, or answer and echo our token back (in the envelope, its data,
// the body, the status line, headers, a redirect). Each error, and every cause in its chain, is rendered
// the ways a log would render it, and none may show the token raw, Base64-encoded or URL-encoded.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  connect,
  fetchVersions,
  InMemoryPartnerStore,
  isOcpiError,
  isOcpiHttpError,
  isOcpiInvalidResponseError,
  isOcpiNetworkError,
  isOcpiNoCommonVersionError,
  isOcpiStatusError,
  isOcpiTimeoutError,
  isOcpiUntrustedUrlError,
  isOcpiValidationError,
  type OcpiNoCommonVersionError,
  type OcpiValidationError,
  parseList,
  type RegistrationHandlerConfig,
  register,
} from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure';
import { closeServersAfterEach, listenLocally } from '../support/local-server';
import { location221, TIMESTAMP } from '../support/ocpi-responses';

// Printable ASCII, as a credentials token is; `+`, `/` and `=` make its URL-encoded form differ from it.
const TOKEN = 'tokA+9f3c/2b1a=must-stay-home-4e7d';
const FORMS = formsOf(TOKEN);

function formsOf(token: string): string[] {
  return [token, btoa(token), encodeURIComponent(token)];
}

// A cut can leave part of a token behind (a body shortened mid-token): any 12 characters of a form count.
function piecesOf(token: string): string[] {
  return formsOf(token).flatMap((form) =>
    Array.from({ length: form.length - 11 }, (_, start) => form.slice(start, start + 12)),
  );
}

// Timeouts are real, and short where a partner stalls (it never answers, so any wait would do); elsewhere
// long enough for a busy machine.
const STALL_TIMEOUT_MS = 100;
const TIMEOUT_MS = 10_000;

closeServersAfterEach();

type Answer = (request: IncomingMessage, response: ServerResponse, origin: string, body: string) => void;

/** A partner on an ephemeral port of 127.0.0.1; `answer` decides what it does with each request. */
async function partner(answer: Answer): Promise<string> {
  const { origin } = await listenLocally((request, response, self) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => answer(request, response, self, body));
  });
  return origin;
}

/** An origin on 127.0.0.1 where nothing listens: connections to it are refused. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Every form of the token, and the `Authorization` header exactly as the partner received it. */
function echo(request: IncomingMessage): string {
  return `${request.headers.authorization} / ${FORMS.join(' ')}`;
}

/** Partner data that quotes the token everywhere, header-like fields and deep nesting included. */
function echoedData(request: IncomingMessage) {
  const said = echo(request);
  let deep: unknown = { token: TOKEN };
  for (let level = 0; level < 50; level++) deep = [deep, said];
  return {
    headers: { Authorization: request.headers.authorization, 'X-Token': btoa(TOKEN) },
    [TOKEN]: said,
    [btoa(TOKEN)]: [said, { [encodeURIComponent(TOKEN)]: said }],
    deep,
  };
}

type Kind = (error: unknown) => boolean;

interface Failure {
  name: string;
  /** What the partner does with a request that is to fail; `closed` stands for nothing listening. */
  answer: Answer | 'closed';
  /** The partner stalls: the call ends by our timeout. */
  stalls?: true;
  kind: Kind;
}

// The ways a call can fail, each with the token in reach: in the request the runtime's errors hold, or
// in what the partner sends back.
const FAILURES: Failure[] = [
  {
    name: 'a partner that never answers (timeout)',
    answer: () => undefined,
    stalls: true,
    kind: isOcpiTimeoutError,
  },
  {
    name: 'a partner that stalls mid-body (timeout)',
    answer: (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"data": ');
    },
    stalls: true,
    kind: isOcpiTimeoutError,
  },
  { name: 'a closed port', answer: 'closed', kind: isOcpiNetworkError },
  {
    name: 'a connection reset before the answer',
    answer: (request) => request.socket.destroy(),
    kind: isOcpiNetworkError,
  },
  {
    name: 'a connection reset mid-body',
    answer: (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write(`{"status_message": "${TOKEN}", `, () => response.socket?.destroy());
    },
    kind: isOcpiNetworkError,
  },
  {
    name: 'HTTP 401 echoing the token in the envelope and in headers',
    answer: (request, response) =>
      json(
        response,
        401,
        {
          status_code: 2000,
          status_message: `Unknown token ${echo(request)}`,
          timestamp: TOKEN,
          data: echoedData(request),
        },
        { 'WWW-Authenticate': `Token ${btoa(TOKEN)}`, 'X-Echo': echo(request) },
      ),
    kind: isOcpiHttpError,
  },
  {
    name: 'HTTP 200 with status_code 2001 echoing the token in message, timestamp and data',
    answer: (request, response) =>
      json(
        response,
        200,
        {
          status_code: 2001,
          status_message: echo(request),
          timestamp: btoa(TOKEN),
          data: echoedData(request),
        },
        { 'X-Echo': echo(request) },
      ),
    kind: isOcpiStatusError,
  },
  {
    name: 'HTTP 502 whose status text and HTML body echo the token (one form cut at the kept length)',
    answer: (request, response) => {
      response.statusMessage = `Bad ${TOKEN}`;
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end(`<html>${'x'.repeat(2030)}${TOKEN} ${echo(request)}</html>`);
    },
    kind: isOcpiHttpError,
  },
  {
    name: 'HTTP 200 with a body that is not JSON and echoes the token',
    answer: (request, response) => {
      response.writeHead(200, { 'Content-Type': `text/plain; x=${btoa(TOKEN)}` });
      response.end(`${'y'.repeat(190)}${TOKEN} ${echo(request)}`);
    },
    kind: isOcpiInvalidResponseError,
  },
  {
    name: 'a redirect to a foreign origin with the token in its URL',
    answer: async (_, response) => {
      const foreign = await partner((__, other) => json(other, 200, { status_code: 1000 }));
      // 307 keeps the method, so a POST is redirected too.
      response.writeHead(307, {
        Location: `${foreign}/${encodeURIComponent(TOKEN)}?token=${encodeURIComponent(TOKEN)}&t=${btoa(TOKEN)}`,
      });
      response.end();
    },
    kind: isOcpiUntrustedUrlError,
  },
];

/** Each rendering of an error and of every cause in its chain that a log might hold. */
function renderings(error: unknown): string[] {
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    texts.push(inspect(current, { depth: Infinity, showHidden: true }), String(current));
    try {
      texts.push(JSON.stringify(current) ?? '');
    } catch (stringifyError) {
      texts.push(String(stringifyError));
    }
    if (current instanceof Error) texts.push(current.stack ?? '');
    current = (current as { cause?: unknown }).cause;
  }
  return texts;
}

function expectNoToken(error: unknown, token = TOKEN): void {
  const pieces = piecesOf(token);
  for (const text of renderings(error)) {
    const piece = pieces.find((candidate) => text.includes(candidate));
    expect(piece, `a piece of the token ("${piece}") in:\n${text.slice(0, 2000)}`).toBeUndefined();
  }
}

/** The versions list and version details of a partner at `origin`, for the steps before the failing one. */
function discovery(request: IncomingMessage, response: ServerResponse, origin: string): boolean {
  const path = request.url ?? '';
  const versions = [
    { version: '2.1.1', url: `${origin}/2.1.1` },
    { version: '2.2.1', url: `${origin}/2.2.1` },
  ];
  if (path === '/versions') {
    json(response, 200, { data: versions, status_code: 1000, timestamp: TIMESTAMP });
    return true;
  }
  const version = versions.find((entry) => path === new URL(entry.url).pathname);
  if (!version) return false;
  const endpoints = ['credentials', 'locations'].map((identifier) => ({
    identifier,
    url: `${origin}${path}/${identifier}`,
    ...(version.version === '2.2.1' && { role: identifier === 'credentials' ? 'RECEIVER' : 'SENDER' }),
  }));
  json(response, 200, {
    data: { version: version.version, endpoints },
    status_code: 1000,
    timestamp: TIMESTAMP,
  });
  return true;
}

const settings = (timeout = TIMEOUT_MS) => ({ token: TOKEN, timeout, retry: { limit: 0 } });
// The partners of these tests live on 127.0.0.1, which the default URL policy refuses.
const loopback = { allowPartnerUrl: () => true };

function registrationConfig(timeout = TIMEOUT_MS): RegistrationHandlerConfig {
  return {
    store: new InMemoryPartnerStore(),
    baseUrl: 'http://127.0.0.1:1/ocpi',
    versions: {
      '2.2.1': {
        roles: [{ role: 'EMSP', party_id: 'EXM', country_code: 'DE', business_details: { name: 'Example' } }],
        endpoints: [],
      },
      '2.1.1': { party_id: 'EXM', country_code: 'DE', business_details: { name: 'Example' }, endpoints: [] },
    },
    timeout,
    retry: { limit: 0 },
    ...loopback,
  };
}

/** register() with token A against the partner at `origin`, as every register path here calls it. */
const registerAt = (origin: string, timeout = TIMEOUT_MS) =>
  register({
    config: registrationConfig(timeout),
    partnerId: 'cpo',
    versionsUrl: `${origin}/versions`,
    tokenA: TOKEN,
  });

interface Route {
  name: string;
  /** Whether the versions list and details are served before the failure. */
  discovers: boolean;
  call: (origin: string, timeout: number) => Promise<unknown>;
}

// Every path that sends our token.
const ROUTES: Route[] = [
  {
    name: 'the 2.2.1 client',
    discovers: false,
    call: (origin, timeout) =>
      v221
        .createClient({
          ...settings(timeout),
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
        })
        .locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
  },
  {
    name: 'the 2.1.1 client',
    discovers: false,
    call: (origin, timeout) =>
      v211
        .createClient({
          ...settings(timeout),
          endpoints: [{ identifier: 'locations', url: `${origin}/locations` }],
        })
        .locations.cpo.getLocation({ params: { location_id: 'LOC1' } }),
  },
  {
    name: 'fetchVersions',
    discovers: false,
    call: (origin, timeout) => fetchVersions({ ...settings(timeout), versionsUrl: `${origin}/versions` }),
  },
  {
    name: 'connect, failing at the versions list',
    discovers: false,
    call: (origin, timeout) =>
      connect({ ...settings(timeout), ...loopback, versionsUrl: `${origin}/versions` }),
  },
  {
    name: 'connect, failing at the version details (2.1.1 chosen)',
    discovers: true,
    call: (origin, timeout) =>
      connect({ ...settings(timeout), ...loopback, versionsUrl: `${origin}/versions`, versions: ['2.1.1'] }),
  },
  {
    name: 'register with token A, failing at the versions list',
    discovers: false,
    call: registerAt,
  },
  {
    name: 'register with token A, failing at the credentials POST (2.2.1)',
    discovers: true,
    call: registerAt,
  },
];

/** Calls the route against a partner failing as `failure` says, and checks the error it throws. */
async function expectSafeError(route: Route, { answer, stalls, kind }: Failure): Promise<void> {
  // A route that discovers first fails on its last step, the details GET or the credentials POST.
  const failsHere = (path: string) =>
    !route.discovers ||
    (route.name.startsWith('connect') ? path !== '/versions' : path.endsWith('/credentials'));
  const origin =
    answer === 'closed'
      ? await closedPort()
      : await partner((request, response, own, body) => {
          const path = request.url ?? '';
          if (failsHere(path) || !discovery(request, response, own)) answer(request, response, own, body);
        });
  const error = await failure(route.call(origin, stalls ? STALL_TIMEOUT_MS : TIMEOUT_MS));
  const described = `${route.name}: ${String(error)}`;
  expect(isOcpiError(error), described).toBe(true);
  expect(kind(error), described).toBe(true);
  expect(String(error), route.name).toContain('127.0.0.1');
  expectNoToken(error);
}

describe.each(ROUTES)('$name: errors never carry the token', (route) => {
  // A closed port leaves nothing to discover from: the routes that fail at their first step cover it.
  // Stalls are below, every route at once.
  const failures = FAILURES.filter(
    ({ answer, stalls }) => !stalls && !(answer === 'closed' && route.discovers),
  );
  it.each(failures)('$name', (failure) => expectSafeError(route, failure));
});

// A stalled call ends only by our timeout: every route is called at once, so that the file waits for
// each kind of stall once instead of once per route.
describe.each(FAILURES.filter(({ stalls }) => stalls))('$name: errors never carry the token', (failure) => {
  it('on every route', () => Promise.all(ROUTES.map((route) => expectSafeError(route, failure))));
});

describe('a partner echoing the token in a field name of its data', () => {
  // `broken`: with a value strict mode refuses, so that its error also lists the unknown fields it left out.
  const echoingLocation = async (broken: Record<string, unknown> = {}) =>
    partner((_, response) =>
      json(response, 200, {
        data: {
          ...location221('LOC1'),
          ...broken,
          [TOKEN]: null,
          [btoa(TOKEN)]: { [encodeURIComponent(TOKEN)]: 2 },
        },
        status_code: 1000,
        timestamp: TIMESTAMP,
      }),
    );

  it("leaves the token out of lenient mode's reports, which name every dropped field", async () => {
    const origin = await echoingLocation();
    const reports: unknown[] = [];
    await v221
      .createClient({
        ...settings(),
        onValidationIssues: (report) => reports.push(report),
        endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
      })
      .locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expectNoToken(report);
  });

  it("leaves the token out of strict mode's reports too, which name every unknown field it left out", async () => {
    const origin = await echoingLocation();
    const reports: unknown[] = [];
    await v221
      .createClient({
        ...settings(),
        validation: 'strict',
        onValidationIssues: (report) => reports.push(report),
        endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
      })
      .locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) expectNoToken(report);
  });

  it('leaves the token out of the validation error when unknown fields are refused (reported by path)', async () => {
    const origin = await echoingLocation();
    const error = await failure(
      v221
        .createClient({
          ...settings(),
          validation: 'strict',
          unknownFields: 'reject',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
        })
        .locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expect(isOcpiValidationError(error)).toBe(true);
    expectNoToken(error);
  });

  it('leaves the token out of a validation error that lists the unknown fields it left out, by path', async () => {
    const origin = await echoingLocation({ parking_type: 'NOT_A_PARKING_TYPE' });
    const error = await failure(
      v221
        .createClient({
          ...settings(),
          validation: 'strict',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
        })
        .locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expect(isOcpiValidationError(error)).toBe(true);
    expectNoToken(error);
  });
});

describe('a partner echoing the token in field names of a list page', () => {
  it('leaves the token out of the error about the page (strict mode, refusing unknown fields)', async () => {
    const origin = await partner((_, response) =>
      json(response, 200, {
        data: [
          { ...location221('LOC1'), [TOKEN]: 1 },
          { id: 'LOC2', [btoa(TOKEN)]: 2 },
        ],
        status_code: 1000,
        timestamp: TIMESTAMP,
      }),
    );
    const error = await failure(
      v221
        .createClient({
          ...settings(),
          validation: 'strict',
          unknownFields: 'reject',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
        })
        .locations.sender.list()
        .toArray({ limit: 10 }),
    );
    expect(isOcpiValidationError(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('[REDACTED]');
    expectNoToken(error);
  });

  it('leaves the token out of the error about the page (strict mode, unknown fields left out and listed)', async () => {
    const origin = await partner((_, response) =>
      json(response, 200, {
        // Both rejected for an unknown enum value; the error lists the unknown fields after that.
        data: [
          { ...location221('LOC1'), parking_type: 'NOT_A_PARKING_TYPE', [TOKEN]: 1 },
          { ...location221('LOC2'), parking_type: 'NOT_A_PARKING_TYPE', [btoa(TOKEN)]: 2 },
        ],
        status_code: 1000,
        timestamp: TIMESTAMP,
      }),
    );
    const error = await failure(
      v221
        .createClient({
          ...settings(),
          validation: 'strict',
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
        })
        .locations.sender.list()
        .toArray({ limit: 10 }),
    );
    expect(isOcpiValidationError(error), String(error)).toBe(true);
    expect((error as Error).message).toContain('[REDACTED]');
    expect(
      (error as OcpiValidationError).issues.filter((issue) => !issue.fatal).map(({ path }) => path),
    ).toEqual(['[0]["[REDACTED]"]', '[1]["[REDACTED]"]']);
    expectNoToken(error);
  });
});

describe('a partner echoing the token in the rejected items of a list page (lenient mode)', () => {
  it("leaves the token out of the page's rejected items: their issues, ids and errors", async () => {
    // Neither item is a Location (required fields missing), so both are rejected with their issues,
    // which name every field: the token's forms among them. Their ids are the token too.
    const origin = await partner((_, response) =>
      json(response, 200, {
        data: [
          { id: TOKEN, [TOKEN]: 1 },
          { id: btoa(TOKEN), uid: TOKEN, [btoa(TOKEN)]: { [encodeURIComponent(TOKEN)]: 2 } },
        ],
        status_code: 1000,
        timestamp: TIMESTAMP,
      }),
    );
    const reports: unknown[] = [];
    const page = await v221
      .createClient({
        ...settings(),
        onValidationIssues: (report) => reports.push(report),
        endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
      })
      .locations.sender.list();
    expect(page.items).toEqual([]);
    expect(page.rejected).toHaveLength(2);
    expect(page.rejected[0]?.issues.map((issue) => issue.path)).toContain('["[REDACTED]"]');
    expectNoToken(page.rejected);
    for (const rejected of page.rejected) {
      expect(rejected.id).toBe('[REDACTED]');
      expectNoToken(rejected.issues);
      expectNoToken(rejected.error);
    }
    for (const report of reports) expectNoToken(report);
  });

  it('parseList with the secrets leaves them out of rejected and accepted items alike', () => {
    const list = [
      { id: TOKEN, [TOKEN]: 1 },
      { ...location221('LOC1'), [btoa(TOKEN)]: 2 },
    ];
    const options = { mode: 'lenient', subject: 'Location', secrets: [TOKEN] } as const;
    const result = parseList(v221.LocationSchema, list, options);
    expect(result.items).toHaveLength(1);
    expect(result.issues.map((issue) => issue.path)).toEqual(['[1]["[REDACTED]"]']);
    expectNoToken(result);
    expectNoToken(result.rejected[0]?.error);
  });
});

describe('a partner listing the token as a version', () => {
  const versionsUrl = (origin: string) => `${origin}/versions`;
  const listing = () =>
    partner((_, response, origin) =>
      json(response, 200, {
        data: [{ version: TOKEN, url: `${origin}/${encodeURIComponent(TOKEN)}` }],
        status_code: 1000,
        timestamp: TIMESTAMP,
      }),
    );

  it('leaves it out of the error of connect and of register', async () => {
    const calls = [
      (origin: string) => connect({ ...settings(), ...loopback, versionsUrl: versionsUrl(origin) }),
      (origin: string) => registerAt(origin),
    ];
    for (const call of calls) {
      const error = await failure(call(await listing()));
      expect(isOcpiNoCommonVersionError(error), String(error)).toBe(true);
      expect((error as OcpiNoCommonVersionError).offered).toEqual(['[REDACTED]']);
      expectNoToken(error);
    }
  });
});

describe('a partner echoing the credentials we POST', () => {
  it('leaves our token B out of the error as well as token A', async () => {
    let tokenB = '';
    const origin = await partner((request, response, own, body) => {
      if (discovery(request, response, own)) return;
      tokenB = (JSON.parse(body) as { token: string }).token;
      json(response, 401, {
        status_code: 2001,
        status_message: `Rejected ${tokenB} / ${btoa(tokenB)}`,
        data: { received: JSON.parse(body), echo: `Token ${btoa(tokenB)}` },
      });
    });
    const error = await failure(registerAt(origin));
    expect(isOcpiHttpError(error), String(error)).toBe(true);
    expect(tokenB).not.toBe('');
    expectNoToken(error, tokenB);
    expectNoToken(error);
  });
});
