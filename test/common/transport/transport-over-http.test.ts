// The transport against real servers on 127.0.0.1 (two ports are two origins): what a runtime's fetch
// does on the wire matters here (redirects, bodies that stall or break), so no interception.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import {
  isOcpiHttpError,
  isOcpiInvalidResponseError,
  isOcpiNetworkError,
  isOcpiTimeoutError,
  isOcpiUntrustedUrlError,
} from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { failure } from '../../support/failure';
import { closeServersAfterEach, listenLocally } from '../../support/local-server';
import { location221, TIMESTAMP } from '../../support/ocpi-responses';

const TOKEN = 'f2d1c0b9-token-that-must-stay-home';

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Partner {
  origin: string;
  seen: Seen[];
}

type Handler = (request: IncomingMessage, response: ServerResponse, seen: Seen) => void;

closeServersAfterEach();

/** A server on an ephemeral port that records every request, body included, then lets `handle` answer. */
async function partner(handle: Handler): Promise<Partner> {
  const seen: Seen[] = [];
  const { origin } = await listenLocally((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const entry = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body };
      seen.push(entry);
      handle(request, response, entry);
    });
  });
  return { origin, seen };
}

function envelope(
  response: ServerResponse,
  data: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify({ data, status_code: 1000, timestamp: TIMESTAMP }));
}

function redirect(response: ServerResponse, status: number, location: string) {
  response.writeHead(status, { Location: location });
  response.end();
}

function client(origin: string, options: Partial<v221.Client221Options> = {}) {
  return v221.createClient({
    token: TOKEN,
    endpoints: [
      { identifier: 'locations', role: 'SENDER', url: `${origin}/sender/locations` },
      { identifier: 'locations', role: 'RECEIVER', url: `${origin}/receiver/locations` },
    ],
    retry: { limit: 0 },
    ...options,
  });
}

const getLocation = (origin: string, options: Partial<v221.Client221Options> = {}) =>
  client(origin, options).locations.sender.getLocation({ params: { location_id: 'LOC1' } });

const putLocation = (origin: string, options: Partial<v221.Client221Options> = {}) =>
  client(origin, options).locations.receiver.putLocation({
    params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' },
    body: location221('LOC1'),
  });

const base64Token = `Token ${btoa(TOKEN)}`;

describe('redirects: followed one hop at a time, only to trusted origins', () => {
  it('follows a GET redirected within the partner’s origin, each hop with a new X-Request-ID', async () => {
    const cpo = await partner((request, response) => {
      if (request.url === '/sender/locations/LOC1') redirect(response, 302, '/moved/LOC1');
      else envelope(response, location221('LOC1'));
    });
    await expect(getLocation(cpo.origin)).resolves.toMatchObject({ id: 'LOC1' });
    expect(cpo.seen.map(({ path }) => path)).toEqual(['/sender/locations/LOC1', '/moved/LOC1']);
    const [first, second] = cpo.seen;
    expect(second?.headers.authorization).toBe(base64Token);
    expect(second?.headers['x-request-id']).not.toBe(first?.headers['x-request-id']);
    expect(second?.headers['x-correlation-id']).toBe(first?.headers['x-correlation-id']);
  });

  it('refuses a PUT redirected to a foreign host: neither the token nor the body goes there', async () => {
    const foreign = await partner((_, response) => envelope(response, { token: 'stolen' }));
    const cpo = await partner((_, response) => redirect(response, 307, `${foreign.origin}/collect`));
    const error = await failure(putLocation(cpo.origin));
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(error).toMatchObject({ origin: foreign.origin });
    expect(foreign.seen).toEqual([]);
    expect(String(error)).not.toContain(btoa(TOKEN));
  });

  it('refuses a GET redirected to a foreign host', async () => {
    const foreign = await partner((_, response) => envelope(response, location221('LOC1')));
    const cpo = await partner((_, response) => redirect(response, 302, `${foreign.origin}/LOC1`));
    expect(isOcpiUntrustedUrlError(await failure(getLocation(cpo.origin)))).toBe(true);
    expect(foreign.seen).toEqual([]);
  });

  it('follows a 308 to an allowed origin with the same method and body', async () => {
    const mirror = await partner((_, response) => envelope(response, undefined));
    const cpo = await partner((_, response) => redirect(response, 308, `${mirror.origin}/locations/LOC1`));
    await putLocation(cpo.origin, { allowedOrigins: [mirror.origin] });
    expect(mirror.seen).toHaveLength(1);
    expect(mirror.seen[0]).toMatchObject({ method: 'PUT', headers: { authorization: base64Token } });
    expect(JSON.parse(mirror.seen[0]?.body ?? '')).toMatchObject({ id: 'LOC1' });
  });

  it('does not let a 301 turn a PUT into a GET: the redirect is an HTTP error', async () => {
    const cpo = await partner((request, response) => {
      if (request.method === 'PUT') redirect(response, 301, '/elsewhere');
      else envelope(response, location221('LOC1'));
    });
    const error = await failure(putLocation(cpo.origin));
    expect(isOcpiHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 301 });
    expect(cpo.seen).toHaveLength(1);
  });

  it('gives up on a redirect loop after 5 hops', async () => {
    const cpo = await partner((request, response) => redirect(response, 302, `${request.url}x`));
    const error = await failure(getLocation(cpo.origin));
    expect(isOcpiInvalidResponseError(error)).toBe(true);
    expect(error).toMatchObject({ reason: 'too many redirects', httpStatus: 302 });
    expect(cpo.seen).toHaveLength(6);
  });
});

describe('bodies that stall or break', () => {
  it('times out a body that stops half-way, as it does a late answer', async () => {
    const cpo = await partner((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"data": {"id": "LOC1", ');
    });
    const error = await failure(getLocation(cpo.origin, { timeout: 150 }));
    expect(isOcpiTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 150 });
    expect(String(error)).toContain(`${cpo.origin}/sender/locations/LOC1`);
  });

  it('turns a connection cut mid-body into a network error naming the request', async () => {
    const cpo = await partner((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"data": {"id": "LOC1", ', () => response.socket?.destroy());
    });
    const error = await failure(getLocation(cpo.origin));
    expect(isOcpiNetworkError(error)).toBe(true);
    expect(String(error)).toContain(`GET ${cpo.origin}/sender/locations/LOC1`);
  });
});

describe('retries', () => {
  const busy = (response: ServerResponse, retryAfter = '0') => {
    response.writeHead(503, { 'Retry-After': retryAfter });
    response.end();
  };

  it('gives each attempt its own X-Request-ID and keeps the X-Correlation-ID', async () => {
    const cpo = await partner((_, response) => {
      if (cpo.seen.length < 3) busy(response);
      else envelope(response, location221('LOC1'));
    });
    await expect(getLocation(cpo.origin, { retry: { limit: 2 } })).resolves.toMatchObject({ id: 'LOC1' });
    const ids = cpo.seen.map(({ headers }) => headers['x-request-id']);
    expect(new Set(ids).size).toBe(3);
    expect(new Set(cpo.seen.map(({ headers }) => headers['x-correlation-id'])).size).toBe(1);
  });

  it('does not send a failed PUT again unless asked to', async () => {
    let busyAnswers = 1;
    const cpo = await partner((_, response) => {
      if (busyAnswers-- > 0) busy(response);
      else envelope(response, undefined);
    });
    expect(isOcpiHttpError(await failure(putLocation(cpo.origin, { retry: { limit: 2 } })))).toBe(true);
    expect(cpo.seen).toHaveLength(1);
    busyAnswers = 1;
    await putLocation(cpo.origin, { retry: { limit: 2, methods: ['put'] } });
    expect(cpo.seen.map(({ method }) => method)).toEqual(['PUT', 'PUT', 'PUT']);
  });

  it('fails at once when Retry-After asks for longer than maxRetryAfter', async () => {
    const cpo = await partner((_, response) => busy(response, '3600'));
    const error = await failure(getLocation(cpo.origin, { retry: { limit: 2, maxRetryAfter: 1_000 } }));
    expect(error).toMatchObject({ status: 503 });
    expect(cpo.seen).toHaveLength(1);
  });
});

describe('the token inside a client', () => {
  it('does not show in a dump of the client or its transport', async () => {
    const cpo = await partner((_, response) => envelope(response, location221('LOC1')));
    const ocpiClient = client(cpo.origin);
    await ocpiClient.locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    expect(cpo.seen[0]?.headers.authorization).toBe(base64Token);
    const dumps = [inspect(ocpiClient, { depth: 10 }), JSON.stringify(ocpiClient.transport)];
    for (const dump of dumps) expect(dump).not.toContain(TOKEN);
  });
});
