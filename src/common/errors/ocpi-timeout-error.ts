import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
} from './ocpi-error';
import { safeCause } from './safe-cause';

/**
 * The partner did not answer within the configured timeout. A `cause` (ky's own timeout error) is kept
 * only as a plain copy with secrets removed: ky's holds the request, our token header included.
 */
export class OcpiTimeoutError extends OcpiError {
  override name = 'OcpiTimeoutError';
  readonly request: OcpiRequestInfo;
  readonly timeoutMs: number;

  constructor(input: OcpiRequestInput & { timeoutMs: number; cause?: unknown }) {
    const request = describeRequest(input);
    super(`Request timed out after ${input.timeoutMs} ms: ${request.method} ${request.url}`, {
      cause: safeCause(input.cause, input),
    });
    markKind(this, 'OcpiTimeoutError');
    this.request = request;
    this.timeoutMs = input.timeoutMs;
  }
}

/** True when `value` is an {@link OcpiTimeoutError}, from any realm or package copy. */
export function isOcpiTimeoutError(value: unknown): value is OcpiTimeoutError {
  return hasKind(value, 'OcpiTimeoutError');
}
