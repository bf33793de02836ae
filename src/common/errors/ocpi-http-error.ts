import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrub,
} from './ocpi-error';

// Enough of a body to debug with, without holding a whole HTML error page in memory.
const MAX_BODY_LENGTH = 2048;

/** What {@link OcpiHttpError} is built from. */
export interface OcpiHttpErrorInput extends OcpiRequestInput {
  status: number;
  statusText?: string;
  /** The response body as text; stored shortened and with known secrets removed. */
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
 * if (isOcpiHttpError(error) && error.status === 401) await reRegister();
 */
export class OcpiHttpError extends OcpiError {
  override name = 'OcpiHttpError';
  readonly status: number;
  readonly statusText: string;
  readonly request: OcpiRequestInfo;
  readonly body: string | undefined;
  readonly statusCode: number | undefined;
  readonly statusMessage: string | undefined;

  constructor(input: OcpiHttpErrorInput) {
    const request = describeRequest(input);
    const statusMessage =
      input.statusMessage === undefined ? undefined : scrub(input.statusMessage, input.secrets);
    const ocpi = input.statusCode === undefined ? '' : ` (OCPI ${input.statusCode}${quote(statusMessage)})`;
    const statusText = input.statusText ?? '';
    super(
      `HTTP ${input.status}${statusText ? ` ${statusText}` : ''}${ocpi}: ${request.method} ${request.url}`,
    );
    markKind(this, 'OcpiHttpError');
    this.status = input.status;
    this.statusText = statusText;
    this.request = request;
    this.body =
      input.body === undefined ? undefined : scrub(input.body.slice(0, MAX_BODY_LENGTH), input.secrets);
    this.statusCode = input.statusCode;
    this.statusMessage = statusMessage;
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
