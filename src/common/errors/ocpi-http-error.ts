import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrubAndShorten,
} from './ocpi-error';

// Enough of a body to debug with, without holding a whole HTML error page in memory.
const MAX_BODY_LENGTH = 2048;
/** The most of a partner's `status_message` an error keeps (and puts in its message). */
export const MAX_STATUS_MESSAGE = 500;
// A reason phrase is a few words; anything longer is not worth keeping.
const MAX_STATUS_TEXT = 100;

/** What {@link OcpiHttpError} is built from. */
export interface OcpiHttpErrorInput extends OcpiRequestInput {
  /** The response's HTTP status. */
  httpStatus: number;
  statusText?: string;
  /** The response body as text; stored shortened (2,048 characters) and with known secrets removed. */
  body?: string;
  /** The OCPI status code when the body was an OCPI response envelope. */
  statusCode?: number;
  statusMessage?: string;
}

/**
 * The partner answered with an HTTP status outside 2xx, e.g. 401 for an unknown token or 405 for a
 * credentials call in the wrong registration state. When the body was an OCPI envelope its
 * `status_code` is kept too.
 *
 * @example
 * if (isOcpiHttpError(error) && error.httpStatus === 401) await reRegister();
 */
export class OcpiHttpError extends OcpiError {
  override name = 'OcpiHttpError';
  /** The response's HTTP status, named as on every other error that carries one. */
  readonly httpStatus: number;
  readonly statusText: string;
  readonly request: OcpiRequestInfo;
  readonly body: string | undefined;
  readonly statusCode: number | undefined;
  readonly statusMessage: string | undefined;

  constructor(input: OcpiHttpErrorInput) {
    const request = describeRequest(input);
    const statusMessage =
      input.statusMessage === undefined
        ? undefined
        : scrubAndShorten(input.statusMessage, input.secrets, MAX_STATUS_MESSAGE);
    const ocpi = input.statusCode === undefined ? '' : ` (OCPI ${input.statusCode}${quote(statusMessage)})`;
    const statusText = scrubAndShorten(input.statusText ?? '', input.secrets, MAX_STATUS_TEXT);
    super(
      `HTTP ${input.httpStatus}${statusText ? ` ${statusText}` : ''}${ocpi}: ${request.method} ${request.url}`,
    );
    markKind(this, 'OcpiHttpError');
    this.httpStatus = input.httpStatus;
    this.statusText = statusText;
    this.request = request;
    this.body =
      input.body === undefined ? undefined : scrubAndShorten(input.body, input.secrets, MAX_BODY_LENGTH);
    this.statusCode = input.statusCode;
    this.statusMessage = statusMessage;
  }

  /**
   * The HTTP status under its earlier name.
   *
   * @deprecated Read {@link OcpiHttpError.httpStatus}, the name every error with an HTTP status uses.
   */
  get status(): number {
    return this.httpStatus;
  }
}

/** True when `value` is an {@link OcpiHttpError}, from any realm or package copy. */
export function isOcpiHttpError(value: unknown): value is OcpiHttpError {
  return hasKind(value, 'OcpiHttpError');
}

/** ` "message"` for a status message, nothing without one. */
export function quote(message: string | undefined): string {
  return message ? ` ${JSON.stringify(message)}` : '';
}
