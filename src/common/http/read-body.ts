import type { OcpiRequestInput } from '../errors/ocpi-error';
import { OcpiNetworkError } from '../errors/ocpi-network-error';
import { OcpiTimeoutError } from '../errors/ocpi-timeout-error';

/**
 * Reads a response body as text within `timeoutMs` (`false`: no limit). ky's timeout ends when the
 * headers arrive; a partner that then stalls mid-body would hold the call forever. A body cut off or
 * stalled becomes a typed error naming the request; an abort by the caller stays an abort.
 */
export async function readBody(
  response: Response,
  described: OcpiRequestInput,
  timeoutMs: number | false,
  signal: AbortSignal | undefined,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline =
    timeoutMs === false
      ? undefined
      : new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new OcpiTimeoutError({ ...described, timeoutMs }));
            response.body?.cancel().catch(() => undefined);
          }, timeoutMs);
        });
  try {
    return await (deadline ? Promise.race([response.text(), deadline]) : response.text());
  } catch (error) {
    if (error instanceof OcpiTimeoutError || signal?.aborted) throw error;
    throw new OcpiNetworkError({ ...described, cause: error });
  } finally {
    clearTimeout(timer);
  }
}
