import { type BeforeRetryHook, type Hooks, HTTPError, type RetryOptions } from 'ky';

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

/** ky's retry options for a policy. */
export function kyRetry(policy: RetryPolicy): RetryOptions {
  const maxRetryAfter = policy.maxRetryAfter ?? 60_000;
  return {
    limit: policy.limit ?? 2,
    methods: [...(policy.methods ?? DEFAULT_METHODS)],
    statusCodes: RETRY_STATUS,
    afterStatusCodes: RETRY_STATUS,
    maxRetryAfter,
    backoffLimit: policy.backoffLimit ?? 10_000,
    // ky would wait maxRetryAfter and retry anyway; a longer wait than we accept fails at once instead.
    shouldRetry: ({ error }) =>
      error instanceof HTTPError && retryAfterMs(error.response.headers.get('Retry-After')) > maxRetryAfter
        ? false
        : undefined,
  };
}

/** `Retry-After` in ms from now: delay-seconds or an HTTP date; 0 when absent or unreadable. */
export function retryAfterMs(value: string | null): number {
  if (value === null) return 0;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

// A retry is a request of its own, so in 2.2.1 it carries a new X-Request-ID (transport_and_format,
// "Unique message IDs"); the X-Correlation-ID stays.
const freshRequestId: BeforeRetryHook = ({ request }) => {
  if (request.headers.has('X-Request-ID')) request.headers.set('X-Request-ID', crypto.randomUUID());
};

/** Our ky hooks: a fresh request id on every retry. ky stays behind our API, so there are no others. */
export function retryHooks(): Hooks {
  return { beforeRetry: [freshRequestId] };
}
