import type { OcpiRequestInput } from '../errors/ocpi-error';
import { OcpiInvalidResponseError } from '../errors/ocpi-invalid-response-error';
import { OcpiNetworkError } from '../errors/ocpi-network-error';
import { OcpiTimeoutError } from '../errors/ocpi-timeout-error';
import { declaredLength, readTextUpTo } from './read-limited-text';

/** How long and how much of a body {@link readBody} reads. */
export interface BodyLimits {
  /** For the whole body, in ms; `false` for no limit. */
  timeoutMs: number | false;
  /** The most bytes read, as decoded by the runtime (after any `Content-Encoding`). */
  maxBytes: number;
}

/**
 * Reads a response body as UTF-8 text within `limits`. ky's timeout ends when the headers arrive; a
 * partner that then stalls mid-body would hold the call forever, and one that sends without end would
 * fill our memory. A body announced (`Content-Length`) or found larger than `maxBytes` is refused
 * without reading the rest; a body cut off or stalled becomes a typed error naming the request; an abort
 * by the caller stays an abort.
 */
export async function readBody(
  response: Response,
  described: OcpiRequestInput,
  limits: BodyLimits,
  signal: AbortSignal | undefined,
): Promise<string> {
  if (declaredLength(response.headers) > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(response, described, limits);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  // A stalled body is cancelled when the time is up, which ends the read in progress (as a short body);
  // the flag then tells a cut-off body from a complete one. No race of promises: this runs per page.
  let timedOut = false;
  const timer =
    limits.timeoutMs === false
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          reader.cancel().catch(() => undefined);
        }, limits.timeoutMs);
  try {
    const text = await readTextUpTo(reader, limits.maxBytes);
    if (timedOut) throw new OcpiTimeoutError({ ...described, timeoutMs: limits.timeoutMs as number });
    if (text === undefined) throw tooLarge(response, described, limits);
    return text;
  } catch (error) {
    if (error instanceof OcpiTimeoutError || error instanceof OcpiInvalidResponseError || signal?.aborted) {
      throw error;
    }
    if (timedOut) throw new OcpiTimeoutError({ ...described, timeoutMs: limits.timeoutMs as number });
    throw new OcpiNetworkError({ ...described, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(
  response: Response,
  described: OcpiRequestInput,
  limits: BodyLimits,
): OcpiInvalidResponseError {
  return new OcpiInvalidResponseError({
    ...described,
    reason: `response body over ${limits.maxBytes} bytes`,
    httpStatus: response.status,
    contentType: response.headers.get('content-type'),
  });
}
