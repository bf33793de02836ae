import {
  isOcpiClientStatusError,
  isOcpiHttpError,
  isOcpiInvalidResponseError,
  isOcpiMissingEndpointError,
  isOcpiNetworkError,
  isOcpiTimeoutError,
  isOcpiUntrustedUrlError,
  isOcpiValidationError,
} from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { failure } from '../../support/failure';
import { useMswServer } from '../../support/msw';
import { location211, location221, ocpi } from '../../support/ocpi-responses';

const { server, requests } = useMswServer();

const TOKEN = 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2';
const BASE = 'https://cpo.example.com/ocpi/2.2.1';
const endpoints221 = [
  { identifier: 'credentials', role: 'RECEIVER', url: `${BASE}/credentials` },
  { identifier: 'locations', role: 'SENDER', url: `${BASE}/locations` },
  { identifier: 'locations', role: 'RECEIVER', url: `${BASE}/receiver/locations/` },
  { identifier: 'sessions', role: 'SENDER', url: `${BASE}/sessions` },
] as const;
const client221 = (options: Partial<v221.Client221Options> = {}) =>
  v221.createClient({
    token: TOKEN,
    endpoints: endpoints221,
    from: { countryCode: 'DE', partyId: 'EMS' },
    to: { countryCode: 'NL', partyId: 'CPO' },
    retry: { limit: 0 },
    ...options,
  });

const leaksToken = (error: unknown) => {
  const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
  return text.includes(TOKEN) || text.includes(btoa(TOKEN));
};

describe('requests (2.2.1)', () => {
  it('sends a GET with the Base64 token, request and correlation ids and routing headers', async () => {
    server.use(http.get(`${BASE}/locations/LOC%201`, () => ocpi(location221('LOC 1'))));
    const location = await client221().locations.sender.getLocation({ params: { location_id: 'LOC 1' } });
    expect(location.id).toBe('LOC 1');
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`${BASE}/locations/LOC%201`);
    const headers = Object.fromEntries(request?.headers ?? []);
    expect(headers).toMatchObject({
      authorization: `Token ${btoa(TOKEN)}`,
      'ocpi-from-country-code': 'DE',
      'ocpi-from-party-id': 'EMS',
      'ocpi-to-country-code': 'NL',
      'ocpi-to-party-id': 'CPO',
    });
    expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['content-type']).toBeUndefined();
  });

  it('PUTs a body as JSON to the receiver endpoint, with the routing headers of the call', async () => {
    server.use(http.put(`${BASE}/receiver/locations/NL/CPO/LOC1`, () => ocpi(undefined)));
    const body = location221('LOC1');
    await client221().locations.receiver.putLocation({
      params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' },
      body,
      options: { to: { countryCode: 'BE', partyId: 'XYZ' }, correlationId: 'flow-1' },
    });
    const [request] = requests;
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('ocpi-to-party-id')).toBe('XYZ');
    expect(request?.headers.get('x-correlation-id')).toBe('flow-1');
    expect(await request?.json()).toEqual(body);
  });

  it('sends no routing headers on configuration modules', async () => {
    server.use(http.get(`${BASE}/credentials`, () => ocpi(null, { status_code: 2000 })));
    await failure(client221().credentials.getCredentials());
    const headers = [...(requests[0]?.headers.keys() ?? [])];
    expect(headers.filter((name) => name.startsWith('ocpi-'))).toEqual([]);
    expect(headers).toContain('x-request-id');
  });

  it('requires date_from on the Sessions list, in the types and (strict) before sending', async () => {
    // @ts-expect-error: the Sessions list has a required date_from
    const untyped = client221({ validation: 'strict' }).sessions.sender.list();
    const error = await failure(untyped);
    expect(isOcpiValidationError(error)).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map(({ path }) => path)).toEqual(['date_from']);
    expect(requests).toHaveLength(0);
  });

  it('refuses a call to a module the partner does not offer, sending nothing', async () => {
    const error = await failure(client221().tariffs.sender.list());
    expect(isOcpiMissingEndpointError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });
});

describe('requests (2.1.1)', () => {
  it('sends the token as is, and no 2.2.1 headers', async () => {
    const url = 'https://cpo.example.com/ocpi/2.1.1/locations';
    server.use(http.get(`${url}/LOC1`, () => ocpi(location211('LOC1'))));
    const client = v211.createClient({ token: TOKEN, endpoints: [{ identifier: 'locations', url }] });
    const location = await client.locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
    expect(location.type).toBe('ON_STREET');
    const headers = Object.fromEntries(requests[0]?.headers ?? []);
    expect(headers.authorization).toBe(`Token ${TOKEN}`);
    expect(Object.keys(headers).filter((name) => name.startsWith('ocpi-') || name.startsWith('x-'))).toEqual(
      [],
    );
  });
});

describe('responses', () => {
  const get = () => client221().locations.sender.getLocation({ params: { location_id: 'LOC1' } });
  const answer = (response: () => Response) => server.use(http.get(`${BASE}/locations/LOC1`, response));

  it('turns a 2xxx status_code on HTTP 200 into a typed error that names method, URL and code', async () => {
    answer(() => ocpi(null, { status_code: 2003, status_message: 'Unknown Location' }));
    const error = await failure(get());
    expect(isOcpiClientStatusError(error)).toBe(true);
    expect((error as Error).message).toBe(`OCPI 2003 "Unknown Location": GET ${BASE}/locations/LOC1`);
  });

  it('turns an HTTP error into OcpiHttpError, keeping the envelope code when there is one', async () => {
    answer(() => ocpi(null, { status: 404, status_code: 2003 }));
    const error = await failure(get());
    expect(isOcpiHttpError(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, statusCode: 2003 });
  });

  it.each([
    ['an empty body', () => new HttpResponse('', { status: 200 }), 'empty body'],
    [
      'an HTML page',
      () => HttpResponse.html('<html><body>Bad Gateway</body></html>'),
      'an HTML page, not JSON',
    ],
    [
      'truncated JSON',
      () => HttpResponse.text('{"data": {"id": "LO', { headers: { 'content-type': 'application/json' } }),
      'not valid JSON',
    ],
    [
      'JSON without envelope',
      () => HttpResponse.json({ id: 'LOC1' }),
      'no OCPI envelope (status_code missing)',
    ],
  ])('turns %s into OcpiInvalidResponseError naming the URL', async (_, response, reason) => {
    answer(response);
    const error = await failure(get());
    expect(isOcpiInvalidResponseError(error)).toBe(true);
    expect(error).toMatchObject({ reason, httpStatus: 200 });
    expect((error as Error).message).toContain(`${BASE}/locations/LOC1`);
  });

  it('validates data: strict throws with paths, lenient reports and keeps going, off trusts', async () => {
    const quirky = { ...location221('LOC1'), vendor: 'x', parking_type: 'ROOFTOP' };
    answer(() => ocpi(quirky));
    const strict = await failure(
      client221({ validation: 'strict' }).locations.sender.getLocation({ params: { location_id: 'LOC1' } }),
    );
    expect(isOcpiValidationError(strict)).toBe(true);
    expect((strict as { issues: { path: string }[] }).issues.map(({ path }) => path)).toEqual([
      'parking_type',
      'vendor',
    ]);

    const onValidationIssues = vi.fn();
    const lenient = await client221({ onValidationIssues }).locations.sender.getLocation({
      params: { location_id: 'LOC1' },
    });
    expect(lenient).not.toHaveProperty('vendor');
    expect(onValidationIssues).toHaveBeenCalledTimes(1);
    expect(onValidationIssues.mock.calls[0]?.[0]).toMatchObject({
      request: { method: 'GET', url: `${BASE}/locations/LOC1` },
      issues: [
        { path: 'parking_type', action: 'kept' },
        { path: 'vendor', action: 'dropped' },
      ],
    });

    const off = await client221({ validation: 'off' }).locations.sender.getLocation({
      params: { location_id: 'LOC1' },
    });
    expect(off).toHaveProperty('vendor', 'x');
  });

  it('checks our own request body in strict mode, before sending', async () => {
    const error = await failure(
      client221({ validation: 'strict' }).locations.receiver.putLocation({
        params: { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1' },
        body: { ...location221('LOC1'), country: 'Netherlands' },
      }),
    );
    expect(isOcpiValidationError(error)).toBe(true);
    expect(requests).toHaveLength(0);
  });
});

describe('failures in transit', () => {
  const get = (options: Partial<v221.Client221Options> = {}) =>
    client221(options).locations.sender.getLocation({ params: { location_id: 'LOC1' } });

  it('retries a GET on 503 honouring Retry-After, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/locations/LOC1`, () => {
        calls++;
        return calls < 3
          ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } })
          : ocpi(location221('LOC1'));
      }),
    );
    await expect(get({ retry: { limit: 2 } })).resolves.toMatchObject({ id: 'LOC1' });
    expect(calls).toBe(3);
  });

  it('never retries a POST', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/credentials`, () => {
        calls++;
        return new HttpResponse(null, { status: 503, headers: { 'Retry-After': '0' } });
      }),
    );
    const body = readCredentials();
    const error = await failure(client221({ retry: { limit: 3 } }).credentials.postCredentials({ body }));
    expect(isOcpiHttpError(error)).toBe(true);
    expect(calls).toBe(1);
  });

  it('turns a network failure into OcpiNetworkError and a slow answer into OcpiTimeoutError', async () => {
    server.use(http.get(`${BASE}/locations/LOC1`, () => HttpResponse.error()));
    expect(isOcpiNetworkError(await failure(get()))).toBe(true);
    server.use(
      http.get(`${BASE}/locations/LOC1`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return ocpi(location221('LOC1'));
      }),
    );
    const timeout = await failure(get({ timeout: 20 }));
    expect(isOcpiTimeoutError(timeout)).toBe(true);
    expect(timeout).toMatchObject({ timeoutMs: 20 });
  });

  it('stops at once when the caller aborts', async () => {
    server.use(
      http.get(`${BASE}/locations/LOC1`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return ocpi(location221('LOC1'));
      }),
    );
    const controller = new AbortController();
    const pending = client221().locations.sender.getLocation({
      params: { location_id: 'LOC1' },
      options: { signal: controller.signal },
    });
    controller.abort();
    const error = await failure(pending);
    expect((error as Error).name).toBe('AbortError');
  });

  it('never puts the token in an error', async () => {
    server.use(
      http.get(`${BASE}/locations/LOC1`, () =>
        ocpi(null, { status: 401, status_code: 2000, status_message: `bad token ${TOKEN}` }),
      ),
    );
    expect(leaksToken(await failure(get()))).toBe(false);
  });
});

describe('the token stays home', () => {
  it('refuses an endpoint on a host the partner did not give, without sending anything', async () => {
    const client = v221.createClient({
      token: TOKEN,
      endpoints: [{ identifier: 'cdrs', role: 'RECEIVER', url: `${BASE}/cdrs` }],
    });
    const error = await failure(
      client.cdrs.receiver.getCdr({ params: { cdr_location_url: 'https://evil.example/cdrs/1' } }),
    );
    expect(isOcpiUntrustedUrlError(error)).toBe(true);
    expect(error).toMatchObject({ origin: 'https://evil.example' });
    expect(requests).toHaveLength(0);
    expect(leaksToken(error)).toBe(false);
  });

  it('follows an explicit allow-list', async () => {
    server.use(http.get('https://cdn.example/cdrs/1', () => ocpi(null, { status_code: 2000 })));
    const client = v221.createClient({
      token: TOKEN,
      endpoints: [{ identifier: 'cdrs', role: 'RECEIVER', url: `${BASE}/cdrs` }],
      allowedOrigins: ['https://cdn.example'],
    });
    await failure(
      client.cdrs.receiver.getCdr({ params: { cdr_location_url: 'https://cdn.example/cdrs/1' } }),
    );
    expect(requests[0]?.url).toBe('https://cdn.example/cdrs/1');
  });
});

function readCredentials() {
  return {
    token: 'abc',
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
}
