import { hasKind, markKind, OcpiError, type OcpiRequestInfo } from './ocpi-error';
import type { OcpiHttpError } from './ocpi-http-error';

/**
 * `register()` was answered HTTP 405 to its credentials POST: the partner says it has registered us
 * already, and our store holds no earlier attempt whose answer was lost. Nothing more was sent (no PUT,
 * which would replace the registration and void the token we hold), and the store is as it was before
 * the call. To change an existing registration use `updateRegistration()`; to start over, the partner
 * has to drop the registration and hand over a new token A. The HTTP error is the `cause`.
 *
 * @example
 * if (isOcpiAlreadyRegisteredError(error)) console.warn(`${error.partnerId}: registered already, nothing changed`);
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/credentials.asciidoc#credentials_post_method
 */
export class OcpiAlreadyRegisteredError extends OcpiError {
  override name = 'OcpiAlreadyRegisteredError';
  /** Our key for the partner, as given to `register()`. */
  readonly partnerId: string;
  /** The POST that was answered 405 (method and redacted URL). */
  readonly request: OcpiRequestInfo;

  constructor(input: { partnerId: string; cause: OcpiHttpError }) {
    const { request } = input.cause;
    super(
      `Partner ${input.partnerId} answered HTTP 405 to ${request.method} ${request.url}: it has registered us already, and no earlier attempt of ours is pending, so nothing more was sent`,
      { cause: input.cause },
    );
    markKind(this, 'OcpiAlreadyRegisteredError');
    this.partnerId = input.partnerId;
    this.request = request;
  }
}

/** True when `value` is an {@link OcpiAlreadyRegisteredError}, from any realm or package copy. */
export function isOcpiAlreadyRegisteredError(value: unknown): value is OcpiAlreadyRegisteredError {
  return hasKind(value, 'OcpiAlreadyRegisteredError');
}
