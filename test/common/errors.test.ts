import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { HTTPError, TimeoutError } from 'ky';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  createResponseError,
  isOcpiClientStatusError,
  isOcpiError,
  isOcpiHttpError,
  isOcpiHubStatusError,
  isOcpiNetworkError,
  isOcpiServerStatusError,
  isOcpiStatusError,
  isOcpiTimeoutError,
  isOcpiValidationError,
  OcpiClientStatusError,
  OcpiError,
  OcpiHttpError,
  OcpiHubStatusError,
  OcpiInvalidResponseError,
  OcpiNetworkError,
  OcpiNoCommonVersionError,
  OcpiServerStatusError,
  OcpiStatusError,
  OcpiTimeoutError,
  OcpiValidationError,
  type OcpiVersion,
} from '../../src';

const request = { method: 'get', url: 'https://cpo.example.com/ocpi/cpo/2.2.1/cdrs' };
const timestamp = '2015-06-30T21:59:59Z';

describe('createResponseError: one mapping from (HTTP status, status_code) to a class', () => {
  it.each([
    ['2.2.1', 200, 1000, undefined],
    ['2.2.1', 201, 1000, undefined],
    ['2.2.1', 200, 1901, undefined],
    ['2.2.1', 200, 2001, OcpiClientStatusError],
    ['2.2.1', 200, 2004, OcpiClientStatusError],
    ['2.2.1', 200, 3002, OcpiServerStatusError],
    ['2.2.1', 200, 4001, OcpiHubStatusError],
    ['2.2.1', 200, 5000, OcpiStatusError],
    ['2.2.1', 200, 999, OcpiStatusError],
    ['2.1.1', 200, 2001, OcpiClientStatusError],
    ['2.1.1', 200, 3001, OcpiServerStatusError],
    ['2.1.1', 200, 4001, OcpiStatusError],
    ['2.2.1', 404, 2003, OcpiHttpError],
    ['2.1.1', 500, 3000, OcpiHttpError],
  ] as const)('%s: HTTP %i with status_code %i', (version: OcpiVersion, httpStatus, statusCode, expected) => {
    const error = createResponseError({
      ...request,
      version,
      httpStatus,
      envelope: { status_code: statusCode, status_message: 'x', timestamp },
    });
    if (expected === undefined) {
      expect(error).toBeUndefined();
      return;
    }
    expect(error).toBeInstanceOf(expected);
    expect(error?.constructor).toBe(expected);
    expect(isOcpiError(error)).toBe(true);
  });

  it('treats an HTTP error without an envelope as an HTTP error and keeps a short body', () => {
    const error = createResponseError({
      ...request,
      version: '2.2.1',
      httpStatus: 502,
      statusText: 'Bad Gateway',
      body: `<html>${'x'.repeat(5000)}</html>`,
    });
    expect(isOcpiHttpError(error)).toBe(true);
    const httpError = error as OcpiHttpError;
    expect(httpError.message).toBe('HTTP 502 Bad Gateway: GET https://cpo.example.com/ocpi/cpo/2.2.1/cdrs');
    expect(httpError.statusCode).toBeUndefined();
    expect(httpError.body?.length).toBe(2048);
  });

  it('names the code, the partner message, the method and the URL', () => {
    const status = createResponseError({
      ...request,
      version: '2.2.1',
      httpStatus: 200,
      envelope: {
        status_code: 2001,
        status_message: 'Invalid or missing parameters',
        timestamp,
        data: { field: 'type' },
      },
    });
    expect(status?.message).toBe(
      'OCPI 2001 "Invalid or missing parameters": GET https://cpo.example.com/ocpi/cpo/2.2.1/cdrs',
    );
    expect(status).toMatchObject({ statusCode: 2001, httpStatus: 200, timestamp, data: { field: 'type' } });

    const http = createResponseError({
      ...request,
      version: '2.2.1',
      httpStatus: 404,
      statusText: 'Not Found',
      envelope: { status_code: 2003, status_message: 'Unknown Location' },
    });
    expect(http?.message).toBe(
      'HTTP 404 Not Found (OCPI 2003 "Unknown Location"): GET https://cpo.example.com/ocpi/cpo/2.2.1/cdrs',
    );
  });

  it('names the HTTP status `httpStatus` on every error class that carries one', () => {
    const carriers = [
      new OcpiHttpError({ ...request, httpStatus: 404 }),
      new OcpiStatusError({ ...request, statusCode: 2001, httpStatus: 404 }),
      new OcpiInvalidResponseError({ ...request, reason: 'not JSON', httpStatus: 404 }),
    ];
    expect(carriers.map((error) => error.httpStatus)).toEqual([404, 404, 404]);
    // The earlier name of OcpiHttpError's field stays readable, deprecated, and is no own field.
    const http = carriers[0] as OcpiHttpError;
    expect(http.status).toBe(404);
    expect(Object.keys(http)).not.toContain('status');
  });
});

describe('guards', () => {
  const errors = [
    new OcpiHttpError({ ...request, httpStatus: 401 }),
    new OcpiClientStatusError({ ...request, statusCode: 2001 }),
    new OcpiServerStatusError({ ...request, statusCode: 3001 }),
    new OcpiHubStatusError({ ...request, statusCode: 4001 }),
    new OcpiStatusError({ ...request, statusCode: 5000 }),
    new OcpiValidationError({ subject: 'Location', issues: [] }),
    new OcpiNetworkError({ ...request, cause: new TypeError('fetch failed') }),
    new OcpiTimeoutError({ ...request, timeoutMs: 1000 }),
  ];
  const guards = {
    isOcpiHttpError,
    isOcpiStatusError,
    isOcpiClientStatusError,
    isOcpiServerStatusError,
    isOcpiHubStatusError,
    isOcpiValidationError,
    isOcpiNetworkError,
    isOcpiTimeoutError,
  };
  const expected: Record<string, string[]> = {
    OcpiHttpError: ['isOcpiHttpError'],
    OcpiClientStatusError: ['isOcpiStatusError', 'isOcpiClientStatusError'],
    OcpiServerStatusError: ['isOcpiStatusError', 'isOcpiServerStatusError'],
    OcpiHubStatusError: ['isOcpiStatusError', 'isOcpiHubStatusError'],
    OcpiStatusError: ['isOcpiStatusError'],
    OcpiValidationError: ['isOcpiValidationError'],
    OcpiNetworkError: ['isOcpiNetworkError'],
    OcpiTimeoutError: ['isOcpiTimeoutError'],
  };

  it.each(errors)('$name answers exactly its own guards and isOcpiError', (error) => {
    const matching = Object.entries(guards)
      .filter(([, guard]) => guard(error))
      .map(([name]) => name);
    expect(matching).toEqual(expected[error.name]);
    expect(isOcpiError(error)).toBe(true);
    expect(error).toBeInstanceOf(OcpiError);
    expect(error).toBeInstanceOf(Error);
  });

  it('says no to look-alikes: plain errors, objects with the same name, null', () => {
    for (const value of [new Error('x'), { name: 'OcpiHttpError' }, null, undefined, 'OcpiError']) {
      expect(isOcpiError(value)).toBe(false);
      expect(isOcpiHttpError(value)).toBe(false);
    }
  });

  it('recognises errors created in another realm, where instanceof fails', async () => {
    const bundle = await build({
      stdin: {
        contents: `import { OcpiServerStatusError } from './src/index.ts';
          globalThis.made = new OcpiServerStatusError({ method: 'POST', url: 'https://x.example/credentials', statusCode: 3001 });`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
    });
    const foreign: unknown = runInNewContext(`${bundle.outputFiles[0]?.text}; globalThis.made`, { URL });
    expect(foreign instanceof OcpiStatusError).toBe(false);
    expect(isOcpiStatusError(foreign)).toBe(true);
    expect(isOcpiServerStatusError(foreign)).toBe(true);
    expect(isOcpiClientStatusError(foreign)).toBe(false);
  });
});

describe('OcpiValidationError', () => {
  const ConnectorSchema = z.strictObject({ id: z.string(), standard: z.enum(['CHADEMO', 'IEC_62196_T2']) });
  const LocationLike = z.strictObject({
    id: z.string(),
    evses: z.array(z.strictObject({ uid: z.string(), connectors: z.array(ConnectorSchema) })),
  });
  const evse = (standard: string) => ({ uid: 'E', connectors: [{ id: '1', standard }] });
  const input = { id: 'LOC1', evses: [evse('CHADEMO'), evse('CHADEMO'), evse('SCHUKO')] };

  it('keeps every issue with its JSON path and names them in the message', () => {
    const result = LocationLike.safeParse(input);
    expect(result.success).toBe(false);
    const error = OcpiValidationError.fromZod('Location', result.error as z.core.$ZodError, input, request);
    expect(error.issues).toEqual([
      {
        path: 'evses[2].connectors[0].standard',
        segments: ['evses', 2, 'connectors', 0, 'standard'],
        code: 'invalid_value',
        message: 'must be one of "CHADEMO", "IEC_62196_T2"',
        fatal: true,
      },
    ]);
    expect(error.message).toBe(
      'Invalid Location (GET https://cpo.example.com/ocpi/cpo/2.2.1/cdrs): 1 fatal issue (evses[2].connectors[0].standard: must be one of "CHADEMO", "IEC_62196_T2")',
    );
  });

  it('lists five issues in the message and counts the rest', () => {
    const many = { id: 1, evses: [1, 2, 3, 4, 5, 6] };
    const error = OcpiValidationError.fromZod(
      'Location',
      LocationLike.safeParse(many).error as z.core.$ZodError,
      many,
    );
    expect(error.issues).toHaveLength(7);
    expect(error.message).toMatch(
      /^Invalid Location: 7 fatal issues \(id: expected string, received number; evses\[0\]: .*; and 2 more\)$/,
    );
  });

  it('writes keys that are not identifiers in brackets', () => {
    const schema = z.record(z.string(), z.number());
    const value = { 'a b': 'x' };
    const error = OcpiValidationError.fromZod(
      'map',
      schema.safeParse(value).error as z.core.$ZodError,
      value,
    );
    expect(error.issues[0]?.path).toBe('["a b"]');
  });
});

describe('network and timeout errors', () => {
  it('keep a copy of the runtime cause and name the request', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' });
    const cause = new TypeError('fetch failed', { cause: socket });
    const network = new OcpiNetworkError({ ...request, cause });
    expect(network.message).toBe(
      'Network error: fetch failed: GET https://cpo.example.com/ocpi/cpo/2.2.1/cdrs',
    );
    expect(network.cause).not.toBe(cause);
    expect(network.cause).toBeInstanceOf(Error);
    expect(network.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect((network.cause as Error).stack).toBe(cause.stack);
    expect((network.cause as Error).cause).toMatchObject({
      name: 'Error',
      code: 'ECONNREFUSED',
      message: 'connect ECONNREFUSED 10.0.0.1:443',
    });
    const timeout = new OcpiTimeoutError({ ...request, timeoutMs: 30000 });
    expect(timeout.message).toBe(
      'Request timed out after 30000 ms: GET https://cpo.example.com/ocpi/cpo/2.2.1/cdrs',
    );
    expect('cause' in timeout).toBe(false);
  });
});

describe('tokens never leak from an error', () => {
  const token = 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2';
  const base64 = btoa(token);
  const leaks = (error: Error) =>
    [
      error.message,
      String(error),
      error.stack ?? '',
      JSON.stringify(error),
      inspect(error, { depth: 10, showHidden: true }),
    ].some((text) => text.includes(token) || text.includes(base64));

  it('removes the token from the URL, the body, the partner message and the cause', () => {
    const url = `https://user:${token}@cpo.example.com/ocpi/cpo/2.2.1/cdrs?offset=0&token=${token}&api_key=${token}`;
    const errors = [
      new OcpiHttpError({
        method: 'GET',
        url,
        secrets: [token],
        httpStatus: 401,
        body: `{"status_message":"unknown token ${token} (Token ${base64})"}`,
        statusCode: 2000,
        statusMessage: `bad token ${token}`,
      }),
      createResponseError({
        method: 'GET',
        url,
        secrets: [token],
        version: '2.2.1',
        httpStatus: 200,
        envelope: { status_code: 2001, status_message: `token ${base64} is not valid` },
      }) as Error,
      new OcpiNetworkError({
        method: 'GET',
        url,
        secrets: [token],
        cause: new Error(`connect failed for ${url}`),
      }),
      new OcpiTimeoutError({ method: 'GET', url, secrets: [token], timeoutMs: 5 }),
      new OcpiValidationError({
        subject: 'Credentials',
        issues: [],
        request: { method: 'POST', url, secrets: [token] },
      }),
    ];
    for (const error of errors) {
      expect(leaks(error), error.name).toBe(false);
      expect(error.message).toContain('cpo.example.com/ocpi/cpo/2.2.1/cdrs');
    }
    expect((errors[0] as OcpiHttpError).request.url).toBe(
      'https://cpo.example.com/ocpi/cpo/2.2.1/cdrs?offset=0&token=%5BREDACTED%5D&api_key=%5BREDACTED%5D',
    );
  });

  it('leaves the runtime error untouched and keeps a scrubbed copy with its name and code', () => {
    const socket = Object.assign(new Error(`ECONNREFUSED ${token}`), { code: 'ECONNREFUSED' });
    const cause = new TypeError('fetch failed', { cause: socket });
    const error = new OcpiNetworkError({ ...request, secrets: [token], cause });
    expect(socket.message).toContain(token);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect((error.cause as Error).cause).toMatchObject({
      code: 'ECONNREFUSED',
      message: 'ECONNREFUSED [REDACTED]',
    });
  });

  it('never quotes the offending value in a validation issue', () => {
    const schema = z.strictObject({ token: z.string().check(z.maxLength(3)) });
    const input = { token };
    const error = OcpiValidationError.fromZod(
      'Credentials',
      schema.safeParse(input).error as z.core.$ZodError,
      input,
    );
    expect(leaks(error)).toBe(false);
  });
});

describe('what an error keeps of its cause: a plain copy, never the runtime object', () => {
  const token = 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2';
  const url = `https://cpo.example.com/ocpi/2.2.1/locations?api_key=partner-secret&offset=0`;
  const sent = () => new Request(url, { headers: { Authorization: `Token ${btoa(token)}` } });
  const dump = (value: unknown) => inspect(value, { depth: Infinity, showHidden: true });

  it("keeps ky's TimeoutError as name, message and stack, without its Request", () => {
    const cause = new TimeoutError(sent());
    expect(dump(cause)).toContain(btoa(token));
    const error = new OcpiTimeoutError({ method: 'GET', url, secrets: [token], timeoutMs: 10, cause });
    expect(error.cause).not.toBe(cause);
    expect(Object.keys(error.cause as object)).toEqual([]);
    expect(error.cause).toMatchObject({
      name: 'TimeoutError',
      message:
        'Request timed out: GET https://cpo.example.com/ocpi/2.2.1/locations?api_key=%5BREDACTED%5D&offset=0',
    });
    expect(dump(error)).not.toContain(btoa(token));
    expect(dump(error)).not.toContain('partner-secret');
    expect(dump(error)).not.toContain('Request {');
  });

  it("never keeps ky's HTTPError, its Response or its options", () => {
    const cause = new HTTPError(new Response('nope', { status: 500 }), sent(), {} as never);
    const error = new OcpiNetworkError({ method: 'GET', url, secrets: [token], cause });
    expect(error.cause).toMatchObject({ name: 'HTTPError' });
    expect(error.cause).not.toHaveProperty('response');
    expect(error.cause).not.toHaveProperty('request');
    expect(error.cause).not.toHaveProperty('options');
    expect(dump(error)).not.toContain(btoa(token));
  });

  it('copies an AggregateError (one failure per address) with its first errors', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED', address });
    const cause = new TypeError('fetch failed', {
      cause: Object.assign(new AggregateError([refused('::1'), refused('127.0.0.1')], ''), {
        code: 'ECONNREFUSED',
      }),
    });
    const error = new OcpiNetworkError({ ...request, cause });
    const aggregate = (error.cause as Error).cause as AggregateError;
    expect(aggregate).toBeInstanceOf(AggregateError);
    expect(aggregate).toMatchObject({ code: 'ECONNREFUSED' });
    expect(aggregate.errors.map((item: Error) => item.message)).toEqual([
      'connect ECONNREFUSED ::1',
      'connect ECONNREFUSED 127.0.0.1',
    ]);
    expect(aggregate.errors[0]).not.toHaveProperty('address');
  });

  it('follows nested causes four levels deep, and drops thrown objects that are no errors', () => {
    let deep: Error = new Error('level 10');
    for (let level = 9; level > 0; level--) deep = new Error(`level ${level}`, { cause: deep });
    let kept: unknown = new OcpiNetworkError({ ...request, cause: deep }).cause;
    const levels: string[] = [];
    while (kept instanceof Error) {
      levels.push(kept.message);
      kept = kept.cause;
    }
    expect(levels).toEqual(['level 1', 'level 2', 'level 3', 'level 4']);

    const thrown = { headers: { authorization: `Token ${token}` } };
    expect('cause' in new OcpiNetworkError({ ...request, secrets: [token], cause: thrown })).toBe(false);
  });
});

describe('what an error keeps of a partner answer: scrubbed and bounded', () => {
  const token = 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2';
  const status = (data: unknown) =>
    new OcpiClientStatusError({ ...request, secrets: [token], statusCode: 2001, data });

  it('removes the token from every string and key of data, and keeps the rest as sent', () => {
    const error = status({
      field: 'token',
      said: `unknown token ${token} (Token ${btoa(token)})`,
      [token]: [1, true, null, { [encodeURIComponent(token)]: 'x' }],
    });
    expect(error.data).toEqual({
      field: 'token',
      said: 'unknown token [REDACTED] (Token [REDACTED])',
      '[REDACTED]': [1, true, null, { '[REDACTED]': 'x' }],
    });
    expect(JSON.stringify(error)).not.toContain(token);
  });

  it('bounds depth, count and text, whatever the partner sends', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 10_000; level++) deep = { deep };
    const depthLimited = JSON.stringify(status(deep).data);
    expect(depthLimited.length).toBeLessThan(200);
    expect(depthLimited).toContain('[TRUNCATED]');

    const many = status(Array.from({ length: 100_000 }, (_, index) => index)).data as unknown[];
    expect(many.length).toBeLessThanOrEqual(501);
    expect(many.at(-1)).toBe('[TRUNCATED]');

    const long = status({ text: `${'x'.repeat(999)}${token}`, more: 'y'.repeat(1_000_000) }).data;
    expect(JSON.stringify(long).length).toBeLessThan(3_000);
    expect(JSON.stringify(long)).not.toContain(token.slice(0, 8));
  });

  it('keeps a __proto__ key as a key, and no runtime object', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}}');
    const kept = status({ ...data, request: new Request('https://x.example') }).data as object;
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect(Object.keys(kept)).toEqual(['__proto__', 'request']);
    expect(kept).toMatchObject({ request: '[object Request]' });
  });

  it('removes the token before shortening a body, so no part of it is left at the cut', () => {
    const body = `${'x'.repeat(2040)}${token}`;
    const error = new OcpiHttpError({ ...request, secrets: [token], httpStatus: 502, body });
    expect(error.body).toBe(`${'x'.repeat(2040)}[REDACTE`);
  });

  it('bounds and scrubs status message, timestamp and status text', () => {
    const error = new OcpiHttpError({
      ...request,
      secrets: [token],
      httpStatus: 401,
      statusText: `${token}${'z'.repeat(500)}`,
      statusCode: 2000,
      statusMessage: `${token}${'m'.repeat(5_000)}`,
    });
    expect(error.statusText.length).toBeLessThanOrEqual(100);
    expect(error.statusMessage?.length).toBeLessThanOrEqual(500);
    expect(error.message.length).toBeLessThan(800);
    const withTimestamp = new OcpiStatusError({
      ...request,
      secrets: [token],
      statusCode: 2000,
      timestamp: token,
    });
    expect(withTimestamp.timestamp).toBe('[REDACTED]');
  });

  it('lists at most 20 offered versions, shortened and scrubbed', () => {
    const offered = [token, ...Array.from({ length: 1_000 }, (_, index) => `9.${index}`)];
    const error = new OcpiNoCommonVersionError(offered, { secrets: [token] });
    expect(error.offered).toHaveLength(20);
    expect(error.offered[0]).toBe('[REDACTED]');
    expect(error.message).toContain('and 981 more');
  });
});
