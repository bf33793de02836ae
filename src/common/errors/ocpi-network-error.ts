import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrub,
  scrubCause,
} from './ocpi-error';

/**
 * The request never got an HTTP answer: DNS failure, refused connection, TLS error, reset. The
 * runtime's own error is kept as `cause`.
 */
export class OcpiNetworkError extends OcpiError {
  override name = 'OcpiNetworkError';
  readonly request: OcpiRequestInfo;

  constructor(input: OcpiRequestInput & { cause?: unknown }) {
    const request = describeRequest(input);
    const reason = input.cause instanceof Error ? `: ${scrub(input.cause.message, input.secrets)}` : '';
    super(`Network error${reason}: ${request.method} ${request.url}`, {
      cause: scrubCause(input.cause, input.secrets),
    });
    markKind(this, 'OcpiNetworkError');
    this.request = request;
  }
}

/** True when `value` is an {@link OcpiNetworkError}, from any realm or package copy. */
export function isOcpiNetworkError(value: unknown): value is OcpiNetworkError {
  return hasKind(value, 'OcpiNetworkError');
}
