// Issue #10, finding 2 (its size cap): a partner's answer is read only up to `maxResponseBytes`. A body
// announced larger is refused before it is read; one that grows past the cap (chunked, or decompressed
// from a small gzip) is cut off there and its stream cancelled, on every path that reads a partner's
// answer. Partners are node:http servers on 127.0.0.1 that count what they managed to send.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  connect,
  createRegistrationHandler,
  fetchVersions,
  InMemoryPartnerStore,
  isOcpiHttpError,
  isOcpiInvalidResponseError,
  type RegistrationHandlerConfig,
  register,
} from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { failure } from '../support/failure';
import { closeServersAfterEach, listenLocally } from '../support/local-server';
import { TIMESTAMP } from '../support/ocpi-responses';

const TOKEN = 'token-a-0b5e-size-cap';
const CAP = 64 * 1024;
const DEFAULT_CAP = 16 * 1024 * 1024;
// Far more than the cap and than any socket buffer: a partner that gets to send it all was read whole.
const ENDLESS = 64 * 1024 * 1024;

closeServersAfterEach();

/** What a partner's oversized answer came to: bytes sent, and whether the client hung up first. */
interface Sending {
  written: number;
  finished: boolean;
  /** Resolves when the connection is gone, whoever ended it. */
  closed: Promise<void>;
}

type Answer = (request: IncomingMessage, response: ServerResponse, origin: string) => void;

async function partner(answer: Answer): Promise<string> {
  const { origin } = await listenLocally((request, response, self) => {
    request.resume();
    request.on('end', () => answer(request, response, self));
  });
  return origin;
}

function json(response: ServerResponse, body: unknown) {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Announces `length` bytes, sends the start of an envelope and then nothing: only a check of the header can end the call. */
function announce(response: ServerResponse, length: number, status = 200) {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(length) });
  response.write('{"status_code": 1000, "data": "');
}

/** Sends a chunked body (no length announced) of `total` bytes, as fast as the client reads it. */
function stream(response: ServerResponse, total: number, status = 200): Sending {
  const sending: Sending = { written: 0, finished: false, closed: Promise.resolve() };
  sending.closed = new Promise((resolve) => response.on('close', () => resolve()));
  response.writeHead(status, { 'Content-Type': 'application/json' });
  const chunk = Buffer.alloc(16 * 1024, 'x');
  const more = () => {
    while (!response.destroyed && sending.written < total) {
      sending.written += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', more);
        return;
      }
    }
    if (!response.destroyed) {
      sending.finished = true;
      response.end();
    }
  };
  response.write('{"status_code": 1000, "data": "');
  more();
  return sending;
}

/** An envelope of exactly `bytes` bytes, its data a string of padding. */
function envelopeOf(bytes: number): string {
  const empty = JSON.stringify({ status_code: 1000, timestamp: TIMESTAMP, data: '' });
  return JSON.stringify({ status_code: 1000, timestamp: TIMESTAMP, data: 'p'.repeat(bytes - empty.length) });
}

const loopback = { allowPartnerUrl: () => true };
const common = { token: TOKEN, retry: { limit: 0 }, maxResponseBytes: CAP } as const;

const client221 = (origin: string, options: Partial<v221.Client221Options> = {}) =>
  v221.createClient({
    ...common,
    endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${origin}/locations` }],
    ...options,
  });
const getLocation = (origin: string, options: Partial<v221.Client221Options> = {}) =>
  client221(origin, options).locations.sender.getLocation({ params: { location_id: 'LOC1' } });

function expectTooLarge(error: unknown, origin: string, limit = CAP) {
  expect(isOcpiInvalidResponseError(error), String(error)).toBe(true);
  expect(error).toMatchObject({ reason: `response body over ${limit} bytes`, httpStatus: 200 });
  expect((error as Error).message).toContain(`GET ${origin}/`);
  expect((error as Error).message).toContain(`response body over ${limit} bytes`);
}

describe('maxResponseBytes on a client', () => {
  it('refuses a body whose Content-Length is over the cap, without waiting for it', async () => {
    // The partner never sends the announced body: only a refusal on the header can end this call.
    const origin = await partner((_, response) => announce(response, CAP + 1));
    expectTooLarge(await failure(getLocation(origin, { timeout: false })), origin);
  });

  it('cuts a chunked body off once it grows past the cap, and hangs up', async () => {
    let sending: Sending | undefined;
    const origin = await partner((_, response) => {
      sending = stream(response, ENDLESS);
    });
    expectTooLarge(await failure(getLocation(origin)), origin);
    await sending?.closed;
    expect(sending?.finished).toBe(false);
    expect(sending?.written).toBeLessThan(ENDLESS);
  });

  it('counts the bytes as decompressed: a small gzip of a large body is refused', async () => {
    const bomb = gzipSync(envelopeOf(32 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(CAP);
    const origin = await partner((_, response) => {
      response.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        'Content-Length': String(bomb.length),
      });
      response.end(bomb);
    });
    expectTooLarge(await failure(getLocation(origin)), origin);
  });

  it('accepts a body of exactly the cap, announced or streamed', async () => {
    const body = envelopeOf(CAP);
    const announced = await partner((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(CAP) });
      response.end(body);
    });
    const chunked = await partner((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      for (let start = 0; start < body.length; start += 1000) response.write(body.slice(start, start + 1000));
      response.end();
    });
    for (const origin of [announced, chunked]) {
      const answer = await v221
        .createClient({
          ...common,
          endpoints: [{ identifier: 'credentials', role: 'RECEIVER', url: origin }],
        })
        .transport.send({ method: 'GET', url: origin });
      expect((answer.data as string).length).toBeGreaterThan(CAP - 100);
    }
  });

  it('has a default of 16 MiB', async () => {
    const origin = await partner((_, response) => announce(response, DEFAULT_CAP + 1));
    const { maxResponseBytes: _, ...withoutCap } = common;
    const error = await failure(
      v221
        .createClient({
          ...withoutCap,
          endpoints: [{ identifier: 'locations', role: 'SENDER', url: origin }],
        })
        .locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expectTooLarge(error, origin, DEFAULT_CAP);
  });

  it('still reports an HTTP error whose body is too large, by its status, without reading it all', async () => {
    let sending: Sending | undefined;
    const origin = await partner((_, response) => {
      sending = stream(response, ENDLESS, 500);
    });
    const error = await failure(getLocation(origin));
    expect(isOcpiHttpError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ status: 500 });
    await sending?.closed;
    expect(sending?.finished).toBe(false);
  });

  it('must be a positive number', () => {
    expect(() => client221('http://127.0.0.1:1', { maxResponseBytes: 0 })).toThrow(TypeError);
    expect(() => client221('http://127.0.0.1:1', { maxResponseBytes: Number.NaN })).toThrow(TypeError);
  });
});

/** Answers the versions list and details normally; everything else with an announced oversized body. */
function discoveringPartner(oversized: (path: string) => boolean): Answer {
  return (request, response, origin) => {
    const path = request.url ?? '';
    if (oversized(path)) return announce(response, CAP + 1);
    if (path === '/versions') {
      return json(response, {
        data: [
          { version: '2.1.1', url: `${origin}/2.1.1` },
          { version: '2.2.1', url: `${origin}/2.2.1` },
        ],
        status_code: 1000,
        timestamp: TIMESTAMP,
      });
    }
    const version = path.slice(1);
    json(response, {
      data: {
        version,
        endpoints: ['credentials', 'locations'].map((identifier) => ({
          identifier,
          url: `${origin}${path}/${identifier}`,
          ...(version === '2.2.1' && { role: identifier === 'credentials' ? 'RECEIVER' : 'SENDER' }),
        })),
      },
      status_code: 1000,
      timestamp: TIMESTAMP,
    });
  };
}

function registrationConfig(overrides: Partial<RegistrationHandlerConfig> = {}): RegistrationHandlerConfig {
  return {
    store: new InMemoryPartnerStore(),
    baseUrl: 'https://emsp.example.com/ocpi',
    versions: {
      '2.2.1': {
        roles: [{ role: 'EMSP', party_id: 'EXM', country_code: 'DE', business_details: { name: 'Example' } }],
        endpoints: [],
      },
    },
    retry: { limit: 0 },
    maxResponseBytes: CAP,
    ...loopback,
    ...overrides,
  };
}

describe('maxResponseBytes on every path that reads a partner', () => {
  // The two register paths make the same call; they differ in where the partner's answer is oversized.
  const registerAt = (origin: string) =>
    register({
      config: registrationConfig(),
      partnerId: 'cpo',
      versionsUrl: `${origin}/versions`,
      tokenA: TOKEN,
    });
  const paths: [string, (path: string) => boolean, (origin: string) => Promise<unknown>][] = [
    [
      'the 2.1.1 client',
      () => true,
      (origin) =>
        v211
          .createClient({ ...common, endpoints: [{ identifier: 'locations', url: `${origin}/locations` }] })
          .locations.cpo.getLocation({ params: { location_id: 'LOC1' } }),
    ],
    [
      'fetchVersions',
      () => true,
      (origin) => fetchVersions({ ...common, versionsUrl: `${origin}/versions` }),
    ],
    [
      'connect, at the version details',
      (path) => path !== '/versions',
      (origin) => connect({ ...common, ...loopback, versionsUrl: `${origin}/versions` }),
    ],
    ['register, at the versions list', () => true, registerAt],
    ['register, at the credentials POST', (path) => path.endsWith('/credentials'), registerAt],
  ];

  it.each(paths)('%s', async (_, oversized, call) => {
    const origin = await partner(discoveringPartner(oversized));
    const error = await failure(call(origin));
    expect(isOcpiInvalidResponseError(error), String(error)).toBe(true);
    expect(error).toMatchObject({ reason: `response body over ${CAP} bytes` });
  });

  // The initiator only hears 3001, whatever failed; the partner's side shows that its answer was cut off.
  it('our calls back to an initiator, from the registration handler', async () => {
    let sending: Sending | undefined;
    const initiator = await partner((_, response) => {
      sending = stream(response, ENDLESS);
    });
    const store = new InMemoryPartnerStore();
    const tokenA = 'token-a-for-the-initiator';
    await store.save({ id: 'cpo', status: 'invited', incomingToken: tokenA });
    const handle = createRegistrationHandler(registrationConfig({ store }));
    const response = await handle(
      new Request('https://emsp.example.com/ocpi/2.2.1/credentials', {
        method: 'POST',
        headers: { Authorization: `Token ${btoa(tokenA)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          token: 'token-b-of-the-initiator',
          url: `${initiator}/versions`,
          roles: [{ role: 'CPO', party_id: 'CPO', country_code: 'NL', business_details: { name: 'CPO' } }],
        }),
      }),
    );
    expect(((await response.json()) as { status_code: number }).status_code).toBe(3001);
    await sending?.closed;
    expect(sending?.finished).toBe(false);
  });
});
