import type { OcpiHandler } from '../../server/platform/create-ocpi-handler';
import type { FaultSettings } from './fault-settings';

/** `latency`: every answer is held back `latencyMs` (default 100 ms), as from a slow or distant partner. */
export function latency(next: OcpiHandler, settings: FaultSettings): OcpiHandler {
  const delayMs = settings.latencyMs ?? 100;
  return async (request) => {
    const response = await next(request);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return response;
  };
}
