import type { OcpiHandler } from '../../server/platform/create-ocpi-handler';
import type { FaultSettings } from './fault-settings';

/**
 * `busy-bursts`: every `burstEvery`-th request (default 7th) starts a burst of `burstLength` requests
 * (default 2), itself included, answered 503 with `Retry-After: retryAfterSeconds` (default 1) and a
 * plain-text body, as a partner's load balancer answers when its servers are overloaded. Retries count as
 * requests: a client retrying as asked gets through once the burst is over.
 */
export function busyBursts(next: OcpiHandler, settings: FaultSettings): OcpiHandler {
  const every = settings.burstEvery ?? 7;
  const length = settings.burstLength ?? 2;
  const retryAfter = settings.retryAfterSeconds ?? 1;
  if (!(Number.isInteger(every) && every >= 1 && Number.isInteger(length) && length >= 0)) {
    throw new TypeError('busy-bursts: burstEvery must be a whole number from 1, burstLength from 0');
  }
  let requests = 0;
  let busyLeft = 0;
  return async (request) => {
    requests++;
    if (requests % every === 0) busyLeft = length;
    if (busyLeft === 0) return next(request);
    busyLeft--;
    return new Response('Service temporarily unavailable', {
      status: 503,
      headers: { 'Content-Type': 'text/plain', 'Retry-After': String(retryAfter) },
    });
  };
}
