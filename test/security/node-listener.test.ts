// Issue #10, finding 12: toNodeListener built each request's URL from the Host header, and a malformed
// Host made that throw: an empty HTTP 500. Now what cannot be handed to the handler (a malformed Host, a
// target that is no path, a method fetch refuses) is answered with HTTP 400 and an OCPI envelope, the
// handler is never called, and nothing is reported as an error of the handler. Requests are sent on a
// raw socket, as fetch and node:http would not send these headers.
import { toNodeListener } from '@org/ocpi/node';
import { describe, expect, it } from 'vitest';
import { closeServersAfterEach, listen, rawRequest } from './support/raw-http';

closeServersAfterEach();

/** A handler that records the URL of each request it gets and answers 200 with an OCPI envelope. */
function recordingHandler() {
  const urls: string[] = [];
  const handle = async (request: Request) => {
    urls.push(request.url);
    return Response.json({ status_code: 1000, timestamp: '2024-06-01T12:00:00Z' });
  };
  return { urls, handle };
}

const get = (target: string, host: string | undefined, method = 'GET') =>
  [
    `${method} ${target} HTTP/1.1`,
    ...(host === undefined ? [] : [`Host: ${host}`]),
    'Connection: close',
  ].join('\r\n');

function expectEnvelope(body: string, statusCode: number, message: string) {
  const envelope = JSON.parse(body);
  expect(envelope).toEqual({
    status_code: statusCode,
    status_message: message,
    timestamp: envelope.timestamp,
  });
  expect(envelope.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
}

describe('toNodeListener and the Host header', () => {
  it.each([
    ['a space', 'a b'],
    ['an unclosed IPv6 bracket', '[::1'],
    ['a path', 'x/y'],
    ['nothing', ''],
    ['a user name', 'user@example.com'],
    ['a query', 'example.com?x'],
    ['a port that is no number', 'example.com:http'],
    ['a backslash', 'example.com\\x'],
  ])('answers a Host with %s with 400 and an envelope, without calling the handler', async (_, host) => {
    const { urls, handle } = recordingHandler();
    const errors: unknown[] = [];
    const port = await listen(handle, { onError: (error) => errors.push(error) });
    const answer = await rawRequest(port, get('/ocpi/versions', host));
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json');
    expectEnvelope(answer.body, 2000, 'The Host header is not a valid host');
    expect(urls).toEqual([]);
    expect(errors).toEqual([]);
  });

  it.each([
    ['a name and a port', 'ocpi.example.com:8443', 'http://ocpi.example.com:8443/ocpi/versions'],
    ['an IPv6 address', '[::1]:8080', 'http://[::1]:8080/ocpi/versions'],
    ['a name in capitals', 'OCPI.Example.COM', 'http://ocpi.example.com/ocpi/versions'],
  ])('hands on a request with %s in its Host', async (_, host, url) => {
    const { urls, handle } = recordingHandler();
    const port = await listen(handle);
    expect((await rawRequest(port, get('/ocpi/versions', host))).status).toBe(200);
    expect(urls).toEqual([url]);
  });

  it('builds the URL from origin when set, whatever the Host says', async () => {
    const { urls, handle } = recordingHandler();
    const port = await listen(handle, { origin: 'https://ocpi.example.com' });
    expect((await rawRequest(port, get('/ocpi/versions?x=1', 'a b'))).status).toBe(200);
    expect(urls).toEqual(['https://ocpi.example.com/ocpi/versions?x=1']);
  });

  it('reads a target that starts with two slashes as a path, not as another host', async () => {
    const { urls, handle } = recordingHandler();
    const port = await listen(handle, { origin: 'https://ocpi.example.com' });
    expect((await rawRequest(port, get('//other.example/ocpi/versions', 'x'))).status).toBe(200);
    expect(urls).toEqual(['https://ocpi.example.com//other.example/ocpi/versions']);
  });

  it('takes only the path and query of an absolute target', async () => {
    const { urls, handle } = recordingHandler();
    const port = await listen(handle, { origin: 'https://ocpi.example.com' });
    expect((await rawRequest(port, get('http://other.example/ocpi/versions?y', 'x'))).status).toBe(200);
    expect(urls).toEqual(['https://ocpi.example.com/ocpi/versions?y']);
  });

  it('answers a method fetch refuses with 400 and an envelope', async () => {
    const { urls, handle } = recordingHandler();
    const port = await listen(handle);
    const answer = await rawRequest(port, get('/ocpi/versions', '127.0.0.1', 'TRACE'));
    expect(answer.status).toBe(400);
    expectEnvelope(answer.body, 2000, 'The request cannot be passed on to the handler');
    expect(urls).toEqual([]);
  });

  it('answers a failing handler with 500 and an envelope, and reports the error', async () => {
    const errors: unknown[] = [];
    const failure = new Error('store down');
    const port = await listen(
      async () => {
        throw failure;
      },
      { onError: (error) => errors.push(error) },
    );
    const answer = await rawRequest(port, get('/ocpi/versions', '127.0.0.1'));
    expect(answer.status).toBe(500);
    expectEnvelope(answer.body, 3000, 'Internal server error');
    expect(errors).toEqual([failure]);
  });

  it.each([
    ['an origin that is no URL', { origin: 'ocpi.example.com' }],
    ['an origin that is no http URL', { origin: 'ftp://ocpi.example.com' }],
    ['a maxBodyBytes of NaN', { maxBodyBytes: Number.NaN }],
    ['a negative maxBodyBytes', { maxBodyBytes: -1 }],
  ])('refuses %s when created', (_, options) => {
    expect(() => toNodeListener(async () => new Response(), options)).toThrow(TypeError);
  });
});
