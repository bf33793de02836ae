import ky, { type AfterResponseHook, type BeforeRetryHook, type Hooks, type RetryOptions } from 'ky';

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

// ky is the engine of retries (counting, back-off, waiting, abort) but never decides on a status: it
// throws no HTTP errors (the transport reads every status itself), so a 429 or 503 is retried only
// when our hook below asks for it, with the wait read from `Retry-After` once, here.

/** ky's retry options for a policy: network errors only; statuses go through {@link retryHooks}. */
export function kyRetry(policy: RetryPolicy): RetryOptions {
  return {
    limit: policy.limit ?? 2,
    methods: [...(policy.methods ?? DEFAULT_METHODS)],
    statusCodes: [],
    afterStatusCodes: [],
    backoffLimit: policy.backoffLimit ?? 10_000,
  };
}

/** `Retry-After` in ms from now: delay-seconds or an HTTP date; 0 when absent or unreadable. */
export function retryAfterMs(value: string | null): number {
  if (value === null) return 0;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

// A 429 or 503 to a retried method, while attempts remain, is tried again: after the `Retry-After` the
// partner asked for, or ky's back-off without one. A partner asking for longer than we accept fails at
// once (its answer reaches the caller) rather than being waited for.
function retryOnStatus(policy: RetryPolicy): AfterResponseHook {
  const limit = policy.limit ?? 2;
  const methods: readonly string[] = policy.methods ?? DEFAULT_METHODS;
  const maxRetryAfter = policy.maxRetryAfter ?? 60_000;
  return (request, _options, response, { retryCount }) => {
    if (!RETRY_STATUS.includes(response.status) || retryCount >= limit) return;
    if (!methods.includes(request.method.toLowerCase())) return;
    const header = response.headers.get('Retry-After');
    const wait = retryAfterMs(header);
    if (wait > maxRetryAfter) return;
    return header === null ? ky.retry() : ky.retry({ delay: wait });
  };
}

// A retry is a request of its own, so in 2.2.1 it carries a new X-Request-ID (transport_and_format,
// "Unique message IDs"); the X-Correlation-ID stays.
const freshRequestId: BeforeRetryHook = ({ request }) => {
  if (request.headers.has('X-Request-ID')) request.headers.set('X-Request-ID', crypto.randomUUID());
};

/**
 * Our ky hooks: 429 and 503 retried by the policy, a fresh request id on every retry. ky stays behind
 * our API (users have middleware of our own, middleware.ts), so there are no others.
 */
export function retryHooks(policy: RetryPolicy): Hooks {
  return { afterResponse: [retryOnStatus(policy)], beforeRetry: [freshRequestId] };
}
