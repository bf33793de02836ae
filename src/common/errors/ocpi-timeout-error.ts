import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrubCause,
} from './ocpi-error';

/** The partner did not answer within the configured timeout. */
export class OcpiTimeoutError extends OcpiError {
  override name = 'OcpiTimeoutError';
  readonly request: OcpiRequestInfo;
  readonly timeoutMs: number;

  constructor(input: OcpiRequestInput & { timeoutMs: number; cause?: unknown }) {
    const request = describeRequest(input);
    super(`Request timed out after ${input.timeoutMs} ms: ${request.method} ${request.url}`, {
      cause: scrubCause(input.cause, input.secrets),
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
