// Issue #10, finding 6: request bodies are bounded. A holder of token A once POSTed 200 MB, which the
// handler read whole. Now the handler reads at most `maxBodyBytes` (64 KiB by default) and toNodeListener
// hands on at most its own `maxBodyBytes` (1 MiB by default): a body that announces more is refused
// unread, one that turns out larger while it streams is cut off where it passes the limit, and either is
// answered with HTTP 413 and an OCPI envelope. Nothing is stored.
import { createRegistrationHandler, type RegistrationHandlerConfig } from '@org/ocpi';
import { describe, expect, it } from 'vitest';
import { InMemoryPartnerStore } from '../../src/server/partners/partner-store';
import { BASE, credentials221, OUR_ROLE_221, readEnvelope, TOKEN_A } from '../registration/support';
import { ocpi } from '../support/ocpi-responses';
import { chunk, closeServersAfterEach, listen, rawRequest } from './support/raw-http';

closeServersAfterEach();

const KiB = 1024;
const HANDLER_DEFAULT = 64 * KiB;
const INITIATOR = 'https://cpo.example.com/ocpi';
const TOKEN_B = 'token-b-5e0c2a7d-from-the-initiator';
const CREDENTIALS = JSON.stringify(credentials221(TOKEN_B, `${INITIATOR}/versions`));

/** The initiator's versions and 2.2.1 details, answered in memory: nothing leaves the process. */
const initiatorFetch: typeof fetch = async (input, init) => {
  const { url } = new Request(input, init);
  if (url === `${INITIATOR}/versions`) return ocpi([{ version: '2.2.1', url: `${INITIATOR}/2.2.1` }]);
  if (url === `${INITIATOR}/2.2.1`) {
    const endpoints = ['credentials', 'locations', 'tokens'].map((identifier) => ({
      identifier,
      role: 'SENDER',
      url: `${INITIATOR}/2.2.1/${identifier}`,
    }));
    return ocpi({ version: '2.2.1', endpoints });
  }
  return new Response(null, { status: 404 });
};

/** Our handler (2.2.1 only) and a store with one invited partner; `calls` counts requests handled. */
async function ourHandler(overrides: Partial<RegistrationHandlerConfig> = {}) {
  const store = new InMemoryPartnerStore();
  await store.save({ id: 'partner-1', status: 'invited', incomingToken: TOKEN_A });
  const errors: unknown[] = [];
  const registrationHandler = createRegistrationHandler({
    store,
    baseUrl: BASE,
    versions: { '2.2.1': { roles: [OUR_ROLE_221], endpoints: [] } },
    fetch: initiatorFetch,
    retry: { limit: 0 },
    onError: (error) => errors.push(error),
    ...overrides,
  });
  const seen = { calls: 0 };
  const handle = (request: Request) => {
    seen.calls += 1;
    return registrationHandler(request);
  };
  return { store, handle, errors, seen, before: store.all() };
}

/**
 * A body made on demand, `chunkBytes` at a time, up to `totalBytes`: it counts what was taken from it,
 * and whether it was cancelled.
 */
function countedBody(totalBytes: number, chunkBytes = 16 * KiB) {
  const taken = { bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (taken.bytes >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - taken.bytes);
      taken.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
    cancel() {
      taken.cancelled = true;
    },
  });
  return { stream, taken };
}

function credentialsPost(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}/2.2.1/credentials`, {
    method: 'POST',
    headers: { Authorization: `Token ${btoa(TOKEN_A)}`, 'Content-Type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('the registration handler', () => {
  it('refuses a body that announces 200 MB without reading it', async () => {
    const { store, handle, before } = await ourHandler();
    const { stream, taken } = countedBody(8 * 1024 * KiB);
    const response = await handle(credentialsPost(stream, { 'Content-Length': String(200 * 1024 * KiB) }));
    const body = await readEnvelope(response, 413);
    expect(body).toEqual({
      status_code: 2000,
      status_message: `The request body is larger than ${HANDLER_DEFAULT} bytes`,
      timestamp: body.timestamp,
    });
    // A stream fills its queue with one chunk on its own; nothing beyond it is read.
    expect(taken.bytes).toBeLessThanOrEqual(16 * KiB);
    expect(taken.cancelled).toBe(true);
    expect(store.all()).toEqual(before);
  });

  it('cuts off a body without a length once it passes the limit, leaving the rest unread', async () => {
    const { store, handle, before } = await ourHandler();
    const { stream, taken } = countedBody(8 * 1024 * KiB);
    const response = await handle(credentialsPost(stream));
    expect((await readEnvelope(response, 413)).status_code).toBe(2000);
    expect(taken.bytes).toBeGreaterThan(HANDLER_DEFAULT);
    expect(taken.bytes).toBeLessThanOrEqual(HANDLER_DEFAULT + 2 * 16 * KiB);
    expect(taken.cancelled).toBe(true);
    expect(store.all()).toEqual(before);
  });

  it('applies a configured limit, to the byte', async () => {
    const bytes = new TextEncoder().encode(CREDENTIALS).byteLength;
    const tight = await ourHandler({ maxBodyBytes: bytes - 1 });
    const refused = await readEnvelope(await tight.handle(credentialsPost(CREDENTIALS)), 413);
    expect(refused.status_message).toBe(`The request body is larger than ${bytes - 1} bytes`);
    expect(tight.store.all()).toEqual(tight.before);

    const exact = await ourHandler({ maxBodyBytes: bytes });
    expect((await readEnvelope(await exact.handle(credentialsPost(CREDENTIALS)), 200)).status_code).toBe(
      1000,
    );
  });

  it('still registers a partner whose credentials are of a normal size', async () => {
    const { store, handle, errors } = await ourHandler();
    const response = await handle(credentialsPost(CREDENTIALS));
    expect((await readEnvelope(response, 200)).status_code).toBe(1000);
    expect(await store.findById('partner-1')).toMatchObject({ status: 'registered', outgoingToken: TOKEN_B });
    expect(errors).toEqual([]);
  });

  it.each([Number.NaN, -1])('refuses maxBodyBytes %s', async (maxBodyBytes) => {
    await expect(ourHandler({ maxBodyBytes })).rejects.toThrow(TypeError);
  });
});

describe('over real HTTP through toNodeListener', () => {
  const post = (headers: string) =>
    [
      'POST /ocpi/2.2.1/credentials HTTP/1.1',
      'Host: 127.0.0.1',
      `Authorization: Token ${btoa(TOKEN_A)}`,
      'Content-Type: application/json',
      headers,
    ].join('\r\n');
  // Over the handler's 64 KiB in 16 KiB chunks; the request never ends.
  const growing = Array.from({ length: 5 }, () => chunk(' '.repeat(16 * KiB)));

  it('answers a Content-Length of 200 MB with 413 before any of the body, without calling the handler', async () => {
    const { store, handle, seen, before } = await ourHandler();
    const port = await listen(handle);
    // Ten bytes of the announced 200 MB: an answer can only come from the announced length.
    const answer = await rawRequest(port, post(`Content-Length: ${200 * 1024 * KiB}`), ['{"token":"']);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({
      status_code: 2000,
      status_message: `The request body is larger than ${1024 * KiB} bytes`,
    });
    expect(seen.calls).toBe(0);
    expect(store.all()).toEqual(before);
  });

  it("cuts off a chunked body at the handler's limit and closes the connection", async () => {
    const { store, handle, errors, before } = await ourHandler();
    const port = await listen(handle);
    const answer = await rawRequest(port, post('Transfer-Encoding: chunked'), growing);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({
      status_code: 2000,
      status_message: `The request body is larger than ${HANDLER_DEFAULT} bytes`,
    });
    expect(errors).toEqual([]);
    expect(store.all()).toEqual(before);
  });

  it("cuts off a chunked body at the listener's own limit, whatever the handler does", async () => {
    const { store, handle, before } = await ourHandler({ maxBodyBytes: Number.POSITIVE_INFINITY });
    const listenerErrors: unknown[] = [];
    const port = await listen(handle, {
      maxBodyBytes: 20_000,
      onError: (error) => listenerErrors.push(error),
    });
    const answer = await rawRequest(port, post('Transfer-Encoding: chunked'), growing);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({
      status_code: 2000,
      status_message: 'The request body is larger than 20000 bytes',
    });
    expect(listenerErrors).toEqual([]);
    expect(store.all()).toEqual(before);
  });

  it('still registers a partner over HTTP', async () => {
    const { store, handle } = await ourHandler();
    const port = await listen(handle);
    const response = await fetch(`http://127.0.0.1:${port}/ocpi/2.2.1/credentials`, {
      method: 'POST',
      headers: { Authorization: `Token ${btoa(TOKEN_A)}`, 'Content-Type': 'application/json' },
      body: CREDENTIALS,
    });
    expect((await readEnvelope(response, 200)).status_code).toBe(1000);
    expect(await store.findById('partner-1')).toMatchObject({ status: 'registered' });
  });
});
