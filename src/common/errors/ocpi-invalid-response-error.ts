import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrubAndShorten,
} from './ocpi-error';

// Enough of the body to recognise an HTML error page or a proxy message.
const MAX_EXCERPT = 200;
const MAX_CONTENT_TYPE = 200;

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
    this.contentType =
      input.contentType === undefined || input.contentType === null
        ? undefined
        : scrubAndShorten(input.contentType, input.secrets, MAX_CONTENT_TYPE);
    this.bodyExcerpt =
      input.body === undefined ? undefined : scrubAndShorten(input.body, input.secrets, MAX_EXCERPT);
    this.request = request;
  }
}

/** True when `value` is an {@link OcpiInvalidResponseError}, from any realm or package copy. */
export function isOcpiInvalidResponseError(value: unknown): value is OcpiInvalidResponseError {
  return hasKind(value, 'OcpiInvalidResponseError');
}
