import type { BeforeRetryHook, Hooks, RetryOptions } from 'ky';

/** How retries work: network errors, 429 and 503, honouring `Retry-After`. */
export interface RetryPolicy {
  /** Attempts after the first; 0 turns retries off. Default 2. */
  limit?: number;
  /**
   * The methods retried. Default GET and HEAD: the spec asks a client not to send a failed push again
   * (transport_and_format, "Offline behaviour"), and a late PUT can overwrite newer data. PUT and
   * DELETE are idempotent, and may be added.
   */
  methods?: readonly ('get' | 'head' | 'put' | 'delete')[];
  /** The longest `Retry-After` (ms) worth waiting for; a partner that asks for longer is not retried. Default 60 s. */
  maxRetryAfter?: number;
  /** Cap on the exponential back-off between attempts (ms). Default 10 s. */
  backoffLimit?: number;
}

const DEFAULT_METHODS = ['get', 'head'] as const;
const RETRY_STATUS = [429, 503];
const DEFAULT_LIMIT = 2;
const DEFAULT_MAX_RETRY_AFTER = 60_000;
const DEFAULT_BACKOFF_LIMIT = 10_000;

// ky is the engine of retries (counting attempts, waiting, abort, retries of network errors) once a
// call's first attempt failed (attempts.ts makes that one without ky), but decides on no status: it throws no HTTP errors (the transport reads every status itself). A 429 or 503 to a
// retried method reaches ky's engine as a BusyAnswer thrown by our fetch (no response hook: ky clones
// every response for those, which costs each call a copy of its body), with `Retry-After` read once
// there; the call's retry options then decide and wait.

/** A 429 or 503 answer to a method that may be retried, with the wait its `Retry-After` asks for. */
export class BusyAnswer extends Error {
  override name = 'BusyAnswer';
  constructor(
    readonly response: Response,
    /** ms; `undefined` without a readable `Retry-After`: the back-off applies. */
    readonly retryAfter: number | undefined,
  ) {
    super(`HTTP ${response.status}`);
  }
}

/** The fetch ky calls: busy answers to retried methods thrown as {@link BusyAnswer}, for ky to retry. */
export function fetchForRetries(
  policy: RetryPolicy,
  fetch: typeof globalThis.fetch,
): typeof globalThis.fetch {
  if ((policy.limit ?? DEFAULT_LIMIT) === 0) return fetch;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!isBusyStatus(response.status)) return response;
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET');
    if (!isRetried(policy, method)) return response;
    const header = response.headers.get('Retry-After');
    throw new BusyAnswer(response, header === null ? undefined : retryAfterMs(header));
  };
}

/** A busy answer (429 Too Many Requests, 503 Service Unavailable): worth trying again later. */
export function isBusyStatus(status: number): boolean {
  return RETRY_STATUS.includes(status);
}

/** Whether a failed attempt of a request with this method may be retried under the policy. */
export function isRetried(policy: RetryPolicy, method: string): boolean {
  const methods: readonly string[] = policy.methods ?? DEFAULT_METHODS;
  return (policy.limit ?? DEFAULT_LIMIT) > 0 && methods.includes(method.toLowerCase());
}

/**
 * ky's retry options for one call: network errors and busy answers, a busy answer waiting what its
 * `Retry-After` asks for (failing at once when that is over `maxRetryAfter`), else the back-off.
 */
export function kyRetry(policy: RetryPolicy): RetryOptions {
  const maxRetryAfter = policy.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER;
  const backoffLimit = policy.backoffLimit ?? DEFAULT_BACKOFF_LIMIT;
  // What the busy answer being retried asked for; read by `delay`, which ky calls right after shouldRetry.
  let retryAfter: number | undefined;
  return {
    limit: policy.limit ?? DEFAULT_LIMIT,
    methods: [...(policy.methods ?? DEFAULT_METHODS)],
    statusCodes: [],
    afterStatusCodes: [],
    // Our delay applies the cap to the back-off only: a Retry-After within maxRetryAfter is waited in full.
    backoffLimit: Number.POSITIVE_INFINITY,
    shouldRetry: ({ error }) => {
      retryAfter = undefined;
      if (!(error instanceof BusyAnswer)) return undefined;
      if (error.retryAfter !== undefined && error.retryAfter > maxRetryAfter) return false;
      retryAfter = error.retryAfter;
      // Its body is not wanted: cancelled, so that the connection is free for the next attempt.
      error.response.body?.cancel().catch(() => undefined);
      return true;
    },
    delay: (attempt) => retryAfter ?? Math.min(backoffLimit, 300 * 2 ** (attempt - 1)),
  };
}

/** `Retry-After` in ms from now: delay-seconds or an HTTP date; `undefined` when unreadable. */
export function retryAfterMs(value: string): number | undefined {
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

// A retry is a request of its own, so in 2.2.1 it carries a new X-Request-ID (transport_and_format,
// "Unique message IDs"); the X-Correlation-ID stays.
const freshRequestId: BeforeRetryHook = ({ request }) => {
  if (request.headers.has('X-Request-ID')) request.headers.set('X-Request-ID', crypto.randomUUID());
};

/**
 * Our ky hooks: a fresh request id on every retry. ky stays behind our API (users have middleware of
 * our own, middleware.ts), so there are no others.
 */
export const retryHooks: Hooks = { beforeRetry: [freshRequestId] };
