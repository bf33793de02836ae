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
 * The request never got an HTTP answer: DNS failure, refused connection, TLS error, reset. The
 * runtime's own error is kept as `cause`, reduced to a plain copy (name, message, code, nested causes)
 * with secrets removed: the runtime's object may hold the request and its headers.
 */
export class OcpiNetworkError extends OcpiError {
  override name = 'OcpiNetworkError';
  readonly request: OcpiRequestInfo;

  constructor(input: OcpiRequestInput & { cause?: unknown }) {
    const request = describeRequest(input);
    const cause = safeCause(input.cause, input);
    const reason = cause?.message ? `: ${cause.message}` : '';
    super(`Network error${reason}: ${request.method} ${request.url}`, { cause });
    markKind(this, 'OcpiNetworkError');
    this.request = request;
  }
}

/** True when `value` is an {@link OcpiNetworkError}, from any realm or package copy. */
export function isOcpiNetworkError(value: unknown): value is OcpiNetworkError {
  return hasKind(value, 'OcpiNetworkError');
}
