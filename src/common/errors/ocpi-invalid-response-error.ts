import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrub,
} from './ocpi-error';

// Enough of the body to recognise an HTML error page or a proxy message.
const MAX_EXCERPT = 200;

/** What {@link OcpiInvalidResponseError} is built from. */
export interface OcpiInvalidResponseErrorInput extends OcpiRequestInput {
  /** Why the body is no OCPI response: `empty body`, `not JSON`, `no OCPI envelope`... */
  reason: string;
  httpStatus: number;
  contentType?: string | null;
  body?: string;
}

/**
 * The partner answered, but not with an OCPI response: an empty body, an HTML error page, truncated or
 * otherwise invalid JSON, or JSON without the envelope's `status_code`.
 *
 * @example
 * if (isOcpiInvalidResponseError(error)) console.warn(error.reason, error.bodyExcerpt);
 */
export class OcpiInvalidResponseError extends OcpiError {
  override name = 'OcpiInvalidResponseError';
  readonly reason: string;
  readonly httpStatus: number;
  readonly contentType: string | undefined;
  /** The start of the body, secrets removed. */
  readonly bodyExcerpt: string | undefined;
  readonly request: OcpiRequestInfo;

  constructor(input: OcpiInvalidResponseErrorInput) {
    const request = describeRequest(input);
    super(
      `Invalid OCPI response (${input.reason}, HTTP ${input.httpStatus}): ${request.method} ${request.url}`,
    );
    markKind(this, 'OcpiInvalidResponseError');
    this.reason = input.reason;
    this.httpStatus = input.httpStatus;
    this.contentType = input.contentType ?? undefined;
    this.bodyExcerpt =
      input.body === undefined ? undefined : scrub(input.body.slice(0, MAX_EXCERPT), input.secrets);
    this.request = request;
  }
}

/** True when `value` is an {@link OcpiInvalidResponseError}, from any realm or package copy. */
export function isOcpiInvalidResponseError(value: unknown): value is OcpiInvalidResponseError {
  return hasKind(value, 'OcpiInvalidResponseError');
}
