// Our own middleware (onRequest / onResponse / onError) around every request of a client: what it sees,
// what it may change, and that the token is in none of it.
import { isOcpiHttpError, isOcpiUntrustedUrlError, type Middleware } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { failure } from '../../support/failure';
import { useMswServer } from '../../support/msw';
import { location211, location221, ocpi } from '../../support/ocpi-responses';

const { server, requests } = useMswServer();

const TOKEN = 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2';
const TOKEN_B = 'our-own-token-b-4497-9b9d';
const BASE = 'https://cpo.example.com/ocpi/2.2.1';
const endpoints221 = [
  { identifier: 'credentials', role: 'RECEIVER', url: `${BASE}/credentials` },
  { identifier: 'locations', role: 'SENDER', url: `${BASE}/locations` },
] as const;

/** Everything middleware was handed, in order, as text a log would hold. */
function recorder() {
  const seen: string[] = [];
  const handed: unknown[] = [];
  const middleware: Middleware = {
    onRequest: async (request) => {
      handed.push(request);
      seen.push(`request ${request.method} ${request.url} ${headerText(request.headers)}`);
      if (request.body) seen.push(`body ${await request.clone().text()}`);
    },
    onResponse: (response, request) => {
      handed.push(response, request);
      seen.push(`response ${response.status} to ${request.url} ${headerText(request.headers)}`);
    },
    onError: (error, request) => {
      handed.push(error, request);
      seen.push(
        `error ${String(error)} ${JSON.stringify(error)} on ${request.url} ${headerText(request.headers)}`,
      );
    },
  };
  return { seen, handed, middleware };
}

const headerText = (headers: Headers) => JSON.stringify([...headers]);
const holdsToken = (text: string) =>
  [TOKEN, btoa(TOKEN), TOKEN_B, btoa(TOKEN_B)].some((secret) => text.includes(secret));

const client221 = (middleware: readonly Middleware[], options: Partial<v221.Client221Options> = {}) =>
  v221.createClient({
    token: TOKEN,
    endpoints: endpoints221,
    from: { countryCode: 'DE', partyId: 'EMS' },
    retry: { limit: 0 },
    middleware,
    ...options,
  });

describe('middleware (2.2.1)', () => {
  it('sees each request and response in order, without the Authorization header', async () => {
    server.use(http.get(`${BASE}/locations/LOC1`, () => ocpi(location221('LOC1'))));
    const { seen, handed, middleware } = recorder();
    await client221([middleware]).locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatch(/^request GET https:\/\/cpo\.example\.com\/ocpi\/2\.2\.1\/locations\/LOC1 /);
    expect(seen[0]).toContain('x-request-id');
    expect(seen[0]).toContain('ocpi-from-party-id');
    expect(seen[0]).not.toContain('authorization');
    expect(seen[1]).toMatch(/^response 200 to https:\/\/cpo\.example\.com\/ocpi\/2\.2\.1\/locations\/LOC1 /);
    expect(handed[0]).toBeInstanceOf(Request);
    expect(handed[1]).toBeInstanceOf(Response);
    // The token still went to the partner.
    expect(requests[0]?.headers.get('authorization')).toBe(`Token ${btoa(TOKEN)}`);
  });

  it('sends the headers onRequest sets, but never lets it replace or drop the token', async () => {
    server.use(http.get(`${BASE}/locations/LOC1`, () => ocpi(location221('LOC1'))));
    const tracing: Middleware = {
      onRequest: (request) => {
        request.headers.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
        request.headers.set('Authorization', 'Token stolen');
      },
    };
    await client221([tracing]).locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    const [request] = requests;
    expect(request?.headers.get('traceparent')).toBe(
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    );
    expect(request?.headers.get('authorization')).toBe(`Token ${btoa(TOKEN)}`);
    expect(request?.headers.get('ocpi-from-country-code')).toBe('DE');
  });

  it('runs every middleware in order, waiting for async ones', async () => {
    server.use(http.get(`${BASE}/locations/LOC1`, () => ocpi(location221('LOC1'))));
    const order: string[] = [];
    const named = (name: string): Middleware => ({
      onRequest: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        order.push(`${name} request`);
      },
      onResponse: () => {
        order.push(`${name} response`);
      },
    });
    await client221([named('a'), named('b')]).locations.sender.getLocation({
      params: { location_id: 'LOC1' },
    });
    expect(order).toEqual(['a request', 'b request', 'a response', 'b response']);
  });

  it('sees every redirect hop as a request and a response of its own', async () => {
    server.use(
      http.get(
        `${BASE}/locations/LOC1`,
        () => new HttpResponse(null, { status: 307, headers: { Location: `${BASE}/moved/LOC1` } }),
      ),
      http.get(`${BASE}/moved/LOC1`, () => ocpi(location221('LOC1'))),
    );
    const { seen, middleware } = recorder();
    await client221([middleware]).locations.sender.getLocation({ params: { location_id: 'LOC1' } });
    // A hop is a request of its own: one fresh X-Request-ID each, sent once.
    const ids = requests.map((request) => request.headers.get('x-request-id'));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(seen.map((line) => line.replace(/ \[.*$/, ''))).toEqual([
      `request GET ${BASE}/locations/LOC1`,
      `response 307 to ${BASE}/locations/LOC1`,
      `request GET ${BASE}/moved/LOC1`,
      `response 200 to ${BASE}/moved/LOC1`,
    ]);
  });

  it('hands onError the typed error the call throws, and the request', async () => {
    server.use(
      http.get(`${BASE}/locations/LOC1`, () =>
        ocpi(null, { status_code: 2003, status_message: 'Unknown', status: 404 }),
      ),
    );
    const { handed, middleware } = recorder();
    const error = await failure(
      client221([middleware]).locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expect(isOcpiHttpError(error)).toBe(true);
    const [, , , thrown, request] = handed;
    expect(thrown).toBe(error);
    expect((request as Request).url).toBe(`${BASE}/locations/LOC1`);
  });

  it('hands onError a redirect refused to an untrusted origin, without running onRequest for it', async () => {
    server.use(
      http.get(
        `${BASE}/locations/LOC1`,
        () =>
          new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.example/LOC1' } }),
      ),
    );
    const { seen, handed, middleware } = recorder();
    const error = await failure(
      client221([middleware]).locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['request', 'response', 'error']);
    expect((handed.at(-1) as Request).url).toBe('https://elsewhere.example/LOC1');
    expect(seen.filter(holdsToken)).toEqual([]);
  });

  it('never hands out the token: not in headers, a credentials body, an error or a response', async () => {
    server.use(
      http.post(`${BASE}/credentials`, async ({ request }) =>
        // A partner echoing our request back, token B included.
        HttpResponse.json({ echo: await request.text() }, { status: 400 }),
      ),
    );
    const { seen, middleware } = recorder();
    const body = {
      token: TOKEN_B,
      url: 'https://emsp.example.com/ocpi/versions',
      roles: [
        {
          role: 'EMSP' as const,
          party_id: 'EMS',
          country_code: 'DE',
          business_details: { name: 'Example eMSP' },
        },
      ],
    };
    await failure(client221([middleware]).credentials.postCredentials({ body }));
    expect(seen.some((line) => line.startsWith('body ') && line.includes('[REDACTED]'))).toBe(true);
    expect(seen.filter(holdsToken)).toEqual([]);
    // What the partner got is the body as given.
    const [sent] = requests;
    expect(((await sent?.json()) as { token: string } | undefined)?.token).toBe(TOKEN_B);
  });

  it('ends the call with what a middleware throws', async () => {
    server.use(http.get(`${BASE}/locations/LOC1`, () => ocpi(location221('LOC1'))));
    const refusing: Middleware = {
      onRequest: () => {
        throw new Error('not now');
      },
    };
    const error = await failure(
      client221([refusing]).locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expect((error as Error).message).toBe('not now');
    expect(requests).toHaveLength(0);
  });
});

describe('middleware (2.1.1)', () => {
  it('sees the request without the raw token', async () => {
    const base = 'https://cpo.example.com/ocpi/2.1.1';
    server.use(http.get(`${base}/locations/LOC1`, () => ocpi(location211('LOC1'))));
    const { seen, middleware } = recorder();
    await v211
      .createClient({
        token: TOKEN,
        endpoints: [{ identifier: 'locations', url: `${base}/locations` }],
        retry: { limit: 0 },
        middleware: [middleware],
      })
      .locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
    expect(seen).toHaveLength(2);
    expect(seen.filter(holdsToken)).toEqual([]);
    expect(requests[0]?.headers.get('authorization')).toBe(`Token ${TOKEN}`);
  });
});
