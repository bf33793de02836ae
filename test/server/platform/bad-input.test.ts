// What a partner may send wrong on the HTTP and OCPI layers: each gets an OCPI error envelope with the
// HTTP status and status code the spec gives it, before any app code runs, and what the app stored
// stays as it was. In process, except where the wire matters (a Content-Length, a chunked upload).
import { request as httpRequest } from 'node:http';
import { InMemoryPartnerStore } from '@org/ocpi';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { examples221 } from '../../support/client-payloads';
import { closeServersAfterEach } from '../../support/local-server';
import { recordingPlatform } from '../../support/recording-platform';
import { serveHandler } from '../../support/serve-handler';

closeServersAfterEach();

const BASE = 'https://emsp.example.com/ocpi';
const TOKEN = 'token-c-of-abc';
const AUTH = `Token ${btoa(TOKEN)}`;
const MAX_BODY = 64 * 1024;
const LOCATION_PATH = '/2.2.1/receiver/locations/NL/ABC/LOC1';

async function partners(): Promise<InMemoryPartnerStore> {
  const store = new InMemoryPartnerStore();
  await store.save({
    id: 'abc',
    status: 'registered',
    incomingToken: TOKEN,
    roles: ['CPO', 'EMSP'].map((role) => ({
      role,
      countryCode: 'NL',
      partyId: 'ABC',
      businessDetails: { name: 'ABC' },
    })),
  });
  return store;
}

let location: Record<string, unknown>;
let app: ReturnType<typeof recordingPlatform>;
let before: [string, unknown][];

beforeAll(() => {
  location = { ...examples221().location, country_code: 'NL', party_id: 'ABC', id: 'LOC1' };
});

beforeEach(async () => {
  app = recordingPlatform({ store: await partners(), baseUrl: BASE, maxBodyBytes: MAX_BODY });
  // Something stored already, so that a change to it would show.
  const seeded = await send('PUT', LOCATION_PATH, { body: JSON.stringify(location) });
  expect(seeded.status).toBe(201);
  before = [...app.stored.entries()];
  app.calls.length = 0;
});

interface Sent {
  status: number;
  headers: Headers;
  envelope: { status_code: number; timestamp: string; status_message?: string };
}

async function send(
  method: string,
  path: string,
  options: { body?: BodyInit; headers?: Record<string, string>; authorization?: string | null } = {},
): Promise<Sent> {
  const headers = new Headers(options.headers);
  if (options.authorization !== null) headers.set('Authorization', options.authorization ?? AUTH);
  if (options.body !== undefined && !headers.has('content-type'))
    headers.set('Content-Type', 'application/json');
  const response = await app.handle(
    new Request(`${BASE}${path}`, {
      method,
      headers,
      ...(options.body !== undefined && { body: options.body, duplex: 'half' }),
    } as RequestInit),
  );
  return { status: response.status, headers: response.headers, envelope: await response.json() };
}

/** The answer is an OCPI error envelope with these statuses, and the app was neither called nor changed. */
function expectRefused(sent: Sent, httpStatus: number, statusCode: number) {
  expect({ status: sent.status, status_code: sent.envelope.status_code }).toEqual({
    status: httpStatus,
    status_code: statusCode,
  });
  expect(sent.envelope.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  expect(sent.headers.get('content-type')).toMatch(/^application\/json/);
  expect(app.calls).toEqual([]);
  expect([...app.stored.entries()]).toEqual(before);
  for (const [key, value] of before) expect(app.stored.get(key)).toBe(value);
}

describe('the HTTP layer', () => {
  it('malformed JSON: HTTP 400, 2000', async () => {
    for (const body of ['{', '{"id": "LOC1",}', "{'id': 1}", 'nul', '[1, 2', '\u0000']) {
      expectRefused(await send('PUT', LOCATION_PATH, { body }), 400, 2000);
    }
  });

  it('a body that is not JSON by its Content-Type: HTTP 415, 2000', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      const sent = await send('PUT', LOCATION_PATH, {
        body: JSON.stringify(location),
        headers: { 'Content-Type': type },
      });
      expectRefused(sent, 415, 2000);
    }
  });

  it('a JSON Content-Type with parameters or a +json suffix is read', async () => {
    for (const type of ['application/json; charset=utf-8', 'application/vnd.ocpi+json']) {
      const sent = await send('PUT', LOCATION_PATH, {
        body: JSON.stringify(location),
        headers: { 'Content-Type': type },
      });
      expect(sent.envelope.status_code).toBe(1000);
    }
  });

  it('an over-size body streamed without Content-Length: HTTP 413, read no further than the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(`"${'x'.repeat(16 * 1024 - 2)}"`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 64 MB on offer: reading it whole would pull all of it.
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    expectRefused(await send('PUT', LOCATION_PATH, { body }), 413, 2000);
    expect(pulled).toBeLessThanOrEqual(MAX_BODY + 4 * chunk.byteLength);
  });

  it('an over-size body of text: HTTP 413', async () => {
    const body = JSON.stringify({ ...location, name: 'x'.repeat(MAX_BODY) });
    expectRefused(await send('PUT', LOCATION_PATH, { body }), 413, 2000);
  });

  it('over real HTTP, a Content-Length above the limit is answered 413 without the body being sent', async () => {
    const store = await partners();
    const server = await serveHandler((origin) => {
      app = recordingPlatform({ store, baseUrl: `${origin}/ocpi`, maxBodyBytes: MAX_BODY });
      return app.handle;
    });
    const target = new URL(`${server.origin}/ocpi${LOCATION_PATH}`);
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(target, {
        method: 'PUT',
        headers: {
          Authorization: AUTH,
          'Content-Type': 'application/json',
          'Content-Length': String(200 * 1024 * 1024),
        },
      });
      request.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (part) => {
          text += part;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      // Only a few bytes of the 200 MB announced: the answer must not wait for the rest.
      request.write('{"id":');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.text)).toMatchObject({ status_code: 2000, timestamp: expect.any(String) });
    expect(app.calls).toEqual([]);
    expect(app.stored.size).toBe(0);
  });
});

describe('the OCPI layer: bodies', () => {
  it('nesting deeper than the limit: 2001, shallow or hostile', async () => {
    for (const depth of [40, 10_000]) {
      const body = JSON.stringify({ ...location, extension: 0 }).replace(
        '0}',
        `${'['.repeat(depth)}${']'.repeat(depth)}}`,
      );
      const sent = await send('PUT', LOCATION_PATH, { body });
      expectRefused(sent, 200, 2001);
      expect(sent.envelope.status_message).toContain('deeper');
    }
  });

  const forbidden = ['__proto__', 'constructor', 'prototype'];
  for (const key of forbidden) {
    it(`a ${key} key at any depth: 2001, naming where`, async () => {
      const places: [where: string, body: string][] = [
        [key, JSON.stringify({ ...location }).replace('{', `{"${key}":{"admin":true},`)],
        [
          `evses[0].${key}`,
          JSON.stringify(location).replace('"evses":[{', `"evses":[{"${key}":{"polluted":1},`),
        ],
        [`operator.${key}`, JSON.stringify({ ...location, operator: { name: 'x', [key]: 1 } })],
      ];
      for (const [where, body] of places) {
        expect(body).toContain(key);
        const sent = await send('PUT', LOCATION_PATH, { body });
        expectRefused(sent, 200, 2001);
        expect(sent.envelope.status_message).toContain(where);
      }
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('a body the schema refuses: 2001 naming the field', async () => {
    const sent = await send('PUT', LOCATION_PATH, {
      body: JSON.stringify({ ...location, coordinates: 'here' }),
    });
    expectRefused(sent, 200, 2001);
    expect(sent.envelope.status_message).toContain('coordinates');
  });
});

describe('the path', () => {
  const notFound: [what: string, method: string, path: string][] = [
    ['an unknown module', 'GET', '/2.2.1/sender/parkings'],
    ['an unknown interface', 'GET', '/2.2.1/middle/locations'],
    ['a 2.1.1 interface under 2.2.1', 'GET', '/2.2.1/cpo/locations'],
    ['an unknown version', 'GET', '/2.0/sender/locations'],
    ['an unknown version, deeper', 'PUT', '/9.9.9/receiver/locations/NL/ABC/LOC1'],
    ['too many segments', 'PUT', `${LOCATION_PATH}/EVSE1/1/extra`],
    ['a literal that is not the operation’s', 'POST', '/2.2.1/receiver/commands/SELF_DESTRUCT'],
  ];
  for (const [what, method, path] of notFound) {
    it(`${what}: HTTP 404, 2000`, async () => {
      const body = method === 'GET' ? undefined : '{}';
      expectRefused(await send(method, path, body === undefined ? {} : { body }), 404, 2000);
    });
  }

  it('a method the path does not take: HTTP 405 with Allow', async () => {
    const sent = await send('DELETE', LOCATION_PATH);
    expectRefused(sent, 405, 2000);
    expect(sent.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'PATCH', 'PUT']);
    const list = await send('POST', '/2.2.1/sender/locations', { body: '{}' });
    expectRefused(list, 405, 2000);
    expect(list.headers.get('allow')).toBe('GET');
  });

  it('malformed percent-encoding in a path parameter: HTTP 400, 2000', async () => {
    for (const id of ['%E0%A4%A', '%', '%zz', '%C3']) {
      expectRefused(await send('PUT', `/2.2.1/receiver/locations/NL/ABC/${id}`, { body: '{}' }), 400, 2000);
    }
  });

  it('an id longer than the spec allows: 2001 naming the parameter', async () => {
    const sent = await send('GET', `/2.2.1/receiver/locations/NL/ABC/${'L'.repeat(37)}`);
    expectRefused(sent, 200, 2001);
    expect(sent.envelope.status_message).toContain('location_id');
    expect(sent.envelope.status_message).not.toContain('LLLL');
    // 2.1.1 allows 39 characters for a Location id, 36 for a Session id.
    expect((await send('GET', `/2.1.1/emsp/locations/NL/ABC/${'L'.repeat(39)}`)).envelope.status_code).toBe(
      2003,
    );
    app.calls.length = 0;
    expectRefused(await send('GET', `/2.1.1/emsp/locations/NL/ABC/${'L'.repeat(40)}`), 200, 2001);
    expectRefused(await send('GET', `/2.1.1/emsp/sessions/NL/ABC/${'S'.repeat(37)}`), 200, 2001);
  });

  it('an id that decodes to something not printable ASCII, or an empty one: 2001', async () => {
    for (const id of ['%00', 'caf%C3%A9', '%0A', 'a%7Fb']) {
      expectRefused(await send('GET', `/2.2.1/receiver/locations/NL/ABC/${id}`), 200, 2001);
    }
    expectRefused(await send('GET', '/2.2.1/receiver/locations/NLD/ABC/LOC1'), 200, 2001);
    expectRefused(await send('GET', '/2.2.1/receiver/locations/NL/AB!/LOC1'), 200, 2001);
  });
});

describe('routing headers', () => {
  const bad: [what: string, headers: Record<string, string>][] = [
    ['a from country code alone', { 'OCPI-from-country-code': 'NL' }],
    ['a to party id alone', { 'OCPI-to-party-id': 'OUR' }],
    ['a country code of 3 letters', { 'OCPI-from-country-code': 'NLD', 'OCPI-from-party-id': 'ABC' }],
    ['a party id of 4', { 'OCPI-from-country-code': 'NL', 'OCPI-from-party-id': 'ABCD' }],
    ['a party id with a symbol', { 'OCPI-from-country-code': 'NL', 'OCPI-from-party-id': 'A-C' }],
    ['a country code with digits', { 'OCPI-to-country-code': 'N1', 'OCPI-to-party-id': 'OUR' }],
    ['an empty header', { 'OCPI-from-country-code': '', 'OCPI-from-party-id': 'ABC' }],
  ];
  for (const [what, headers] of bad) {
    it(`${what}: 2001`, async () => {
      const sent = await send('PUT', LOCATION_PATH, { body: JSON.stringify(location), headers });
      expectRefused(sent, 200, 2001);
      expect(sent.envelope.status_message).toMatch(/OCPI-(from|to)-/);
    });
  }

  it('2.1.1 has no routing headers: the same headers are ignored there', async () => {
    const sent = await send('GET', '/2.1.1/emsp/locations/NL/ABC/LOC1', {
      headers: { 'OCPI-from-country-code': 'NLD' },
    });
    expect(sent.envelope.status_code).toBe(2003);
  });
});

describe('query strings', () => {
  it('a page offset or limit that is not a whole number: 2001', async () => {
    for (const query of ['offset=-1', 'limit=1.5', 'limit=1e3', 'offset=', `limit=${'9'.repeat(16)}`]) {
      expectRefused(await send('GET', `/2.2.1/sender/locations?${query}`), 200, 2001);
    }
  });

  it('a parameter given twice: 2001', async () => {
    expectRefused(await send('GET', '/2.2.1/sender/locations?limit=1&limit=2'), 200, 2001);
  });

  it('a parameter named __proto__ is one the schema does not know, not a prototype', async () => {
    app = recordingPlatform({ store: await partners(), baseUrl: BASE, unknownFields: 'reject' });
    before = [];
    const sent = await send('GET', '/2.2.1/sender/locations?__proto__=x&limit=1');
    expectRefused(sent, 200, 2001);
    expect(sent.envelope.status_message).toContain('__proto__');
  });
});
