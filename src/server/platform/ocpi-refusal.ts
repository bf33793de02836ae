/** Options of an {@link OcpiRefusal}. */
export interface OcpiRefusalOptions {
  /** The HTTP status of the answer. Default 200: OCPI errors travel in the envelope (2001 on HTTP 200). */
  httpStatus?: number;
  /** Sent as the envelope's `data`, to help the partner debug; never put a secret in it. */
  data?: unknown;
}

/**
 * Thrown by an implementation to refuse a request with an OCPI status code: the handler answers with
 * that code and message (and HTTP status), and nothing else of the error. For example `2003` (unknown
 * Location) or `2001` (a value the app cannot accept). Any other error thrown by an implementation is
 * answered as an internal error (HTTP 500, status code 3000) and handed to the handler's `onError`.
 *
 * @example
 * throw new OcpiRefusal(2001, 'This connector cannot be unlocked remotely');
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/status_codes.asciidoc
 */
export class OcpiRefusal extends Error {
  override name = 'OcpiRefusal';
  readonly httpStatus: number;
  readonly data: unknown;

  constructor(
    /** An OCPI status code of the 2xxx (client error) or 3xxx (server error) ranges, or a custom one. */
    readonly statusCode: number,
    message: string,
    options: OcpiRefusalOptions = {},
  ) {
    super(message);
    if (!Number.isInteger(statusCode) || statusCode < 2000 || statusCode > 9999) {
      throw new RangeError('OcpiRefusal: the status code is a refusal, from 2000 to 9999');
    }
    this.httpStatus = options.httpStatus ?? 200;
    this.data = options.data;
  }
}

/** True for an {@link OcpiRefusal}, whichever copy of the package threw it. */
export function isOcpiRefusal(error: unknown): error is OcpiRefusal {
  return error instanceof Error && error.name === 'OcpiRefusal' && 'statusCode' in error;
}
