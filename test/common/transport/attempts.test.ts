// A call's first attempt goes straight to fetch; ky takes over only for the retries of a failed one,
// with that first outcome as its own first attempt (so it counts, waits and times out as before).
import { isOcpiNetworkError, isOcpiTimeoutError } from '@org/ocpi';
import * as v221 from '@org/ocpi/v221';
import { describe, expect, it } from 'vitest';
import { failure } from '../../support/failure';

const BASE = 'https://cpo.example.com/ocpi/2.2.1';

interface Sent {
  /** Whether fetch was given a Request (ky's way) rather than a URL and an init (the first attempt's). */
  asRequest: boolean;
  requestId: string | null;
}

type Answer = (signal: AbortSignal | undefined) => Promise<Response>;

/** A fetch answering from `answers` in turn, recording how each attempt was sent. */
function partner(answers: readonly Answer[]) {
  const sent: Sent[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : undefined;
    const headers = new Headers(request?.headers ?? init?.headers);
    sent.push({ asRequest: request !== undefined, requestId: headers.get('X-Request-ID') });
    const answer = answers[sent.length - 1] ?? answers.at(-1);
    return answer?.(request?.signal ?? init?.signal ?? undefined) as Promise<Response>;
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const location: Answer = async () =>
  Response.json({ status_code: 1000, timestamp: '2024-06-01T12:00:00Z', data: { id: 'LOC1' } });
const busy =
  (retryAfter: string): Answer =>
  async () =>
    new Response(null, { status: 503, headers: { 'Retry-After': retryAfter } });
const unreachable: Answer = async () => {
  throw new TypeError('fetch failed');
};
/** Never answers, and ignores its signal too: only a timer of the caller's ends the wait. */
const silent: Answer = () => new Promise<Response>(() => undefined);

const getLocation = (
  fetch: typeof globalThis.fetch,
  options: Partial<v221.Client221Options> = {},
  signal?: AbortSignal,
) =>
  v221
    .createClient({
      token: 'a-token',
      endpoints: [{ identifier: 'locations', role: 'SENDER', url: `${BASE}/locations` }],
      from: { countryCode: 'DE', partyId: 'EMS' },
      validation: 'off',
      fetch,
      ...options,
    })
    .locations.sender.getLocation({
      params: { location_id: 'LOC1' },
      ...(signal && { options: { signal } }),
    });

describe('the first attempt of a call', () => {
  it('goes to fetch as a URL and an init, once, when it succeeds', async () => {
    const { sent, fetch } = partner([location]);
    await expect(getLocation(fetch)).resolves.toEqual({ id: 'LOC1' });
    expect(sent).toEqual([expect.objectContaining({ asRequest: false })]);
  });

  it('times out on its own timer, even when fetch ignores the abort, and is not retried', async () => {
    const { sent, fetch } = partner([silent, location]);
    const error = await failure(getLocation(fetch, { timeout: 30, retry: { limit: 2 } }));
    expect(isOcpiTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 30 });
    expect(sent).toHaveLength(1);
  });

  it('is not retried once the caller aborted it', async () => {
    const controller = new AbortController();
    const aborted: Answer = (signal) =>
      new Promise((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
        controller.abort();
      });
    const { sent, fetch } = partner([aborted, location]);
    const error = await failure(getLocation(fetch, { retry: { limit: 2 } }, controller.signal));
    expect((error as Error).name).toBe('AbortError');
    expect(sent).toHaveLength(1);
  });
});

describe('the retries of a failed first attempt, on ky', () => {
  it('retry a network failure through ky, each attempt with a new X-Request-ID', async () => {
    const { sent, fetch } = partner([unreachable, location]);
    await expect(getLocation(fetch, { retry: { limit: 1, backoffLimit: 0 } })).resolves.toEqual({
      id: 'LOC1',
    });
    expect(sent.map(({ asRequest }) => asRequest)).toEqual([false, true]);
    expect(new Set(sent.map(({ requestId }) => requestId)).size).toBe(2);
  });

  it('count the first attempt: a limit of 1 makes two attempts in all', async () => {
    const { sent, fetch } = partner([unreachable]);
    const error = await failure(getLocation(fetch, { retry: { limit: 1, backoffLimit: 0 } }));
    expect(isOcpiNetworkError(error)).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it("heed the first attempt's Retry-After: longer than maxRetryAfter ends the call with that answer", async () => {
    const { sent, fetch } = partner([busy('120'), location]);
    const error = await failure(getLocation(fetch, { retry: { limit: 2, maxRetryAfter: 60_000 } }));
    expect(error).toMatchObject({ httpStatus: 503 });
    expect(sent).toHaveLength(1);
  });

  it('time out on ky’s timer, which the transport reports as its own timeout', async () => {
    const { sent, fetch } = partner([busy('0'), silent]);
    const error = await failure(getLocation(fetch, { timeout: 30, retry: { limit: 1 } }));
    expect(isOcpiTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ timeoutMs: 30 });
    expect(sent.map(({ asRequest }) => asRequest)).toEqual([false, true]);
  });

  it('are not made without a retry policy that allows them', async () => {
    const { sent, fetch } = partner([unreachable, location]);
    expect(isOcpiNetworkError(await failure(getLocation(fetch, { retry: { limit: 0 } })))).toBe(true);
    expect(sent).toHaveLength(1);
  });
});
