import type { OcpiRequestInput } from '../errors/ocpi-error';
import { OcpiInvalidResponseError } from '../errors/ocpi-invalid-response-error';
import { OcpiNetworkError } from '../errors/ocpi-network-error';
import { OcpiTimeoutError } from '../errors/ocpi-timeout-error';

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
  const tooLarge = () =>
    new OcpiInvalidResponseError({
      ...described,
      reason: `response body over ${limits.maxBytes} bytes`,
      httpStatus: response.status,
      contentType: response.headers.get('content-type'),
    });
  if (declaredLength(response.headers) > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline =
    limits.timeoutMs === false
      ? undefined
      : new Promise<never>((_, reject) => {
          const timeoutMs = limits.timeoutMs as number;
          timer = setTimeout(() => {
            reject(new OcpiTimeoutError({ ...described, timeoutMs }));
            reader.cancel().catch(() => undefined);
          }, timeoutMs);
        });
  try {
    const text = readText(reader, limits.maxBytes, tooLarge);
    return await (deadline ? Promise.race([text, deadline]) : text);
  } catch (error) {
    if (error instanceof OcpiTimeoutError || error instanceof OcpiInvalidResponseError || signal?.aborted) {
      throw error;
    }
    throw new OcpiNetworkError({ ...described, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

// Chunk by chunk, so that a body past the limit is cut off as soon as it gets there, not buffered whole.
async function readText(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<string> {
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

// The announced length, or 0 when there is none or it cannot be read (the stream count still applies).
function declaredLength(headers: Headers): number {
  const value = headers.get('content-length');
  if (value === null) return 0;
  const length = Number(value.trim());
  return Number.isSafeInteger(length) && length >= 0 ? length : 0;
}
