import { rangeOfStatusCode } from '../protocol/status-code-range';
import {
  describeRequest,
  hasKind,
  markKind,
  OcpiError,
  type OcpiRequestInfo,
  type OcpiRequestInput,
  scrubAndShorten,
} from './ocpi-error';
import { MAX_STATUS_MESSAGE, quote } from './ocpi-http-error';
import { scrubData } from './scrub-data';

// Enough for any timestamp format a partner might use.
const MAX_TIMESTAMP = 64;

/** What {@link OcpiStatusError} and its subclasses are built from: the envelope of a failed call. */
export interface OcpiStatusErrorInput extends OcpiRequestInput {
  statusCode: number;
  statusMessage?: string;
  timestamp?: string;
  /** The HTTP status of the response, usually 200. */
  httpStatus?: number;
  /**
   * The envelope's `data`, which the spec leaves free on errors (often a hint at the bad field). Kept as
   * a bounded copy with secrets removed (see `data` on the error).
   */
  data?: unknown;
}

/**
 * The partner answered with an OCPI envelope whose `status_code` is not a success (1xxx), even though
 * the HTTP status was 2xx. Subclasses tell the range apart: {@link OcpiClientStatusError} (2xxx),
 * {@link OcpiServerStatusError} (3xxx) and {@link OcpiHubStatusError} (4xxx, 2.2.1). A code in no
 * defined range stays an `OcpiStatusError`.
 *
 * @example
 * if (isOcpiStatusError(error) && error.statusCode === 2003) console.warn('unknown location');
 */
export class OcpiStatusError extends OcpiError {
  override name = 'OcpiStatusError';
  readonly statusCode: number;
  readonly statusMessage: string | undefined;
  readonly timestamp: string | undefined;
  readonly httpStatus: number | undefined;
  readonly request: OcpiRequestInfo;
  /**
   * The envelope's `data` as a copy: known secrets removed from every string and key, at most 8 levels,
   * 500 values and 16 KB of text (what goes past a bound reads `[TRUNCATED]`).
   */
  readonly data: unknown;

  constructor(input: OcpiStatusErrorInput) {
    const request = describeRequest(input);
    const statusMessage =
      input.statusMessage === undefined
        ? undefined
        : scrubAndShorten(input.statusMessage, input.secrets, MAX_STATUS_MESSAGE);
    super(`OCPI ${input.statusCode}${quote(statusMessage)}: ${request.method} ${request.url}`);
    markKind(this, 'OcpiStatusError');
    this.statusCode = input.statusCode;
    this.statusMessage = statusMessage;
    this.timestamp =
      input.timestamp === undefined
        ? undefined
        : scrubAndShorten(input.timestamp, input.secrets, MAX_TIMESTAMP);
    this.httpStatus = input.httpStatus;
    this.request = request;
    this.data = scrubData(input.data, input.secrets);
  }
}

/** A 2xxx status: the partner could not process what we sent. */
export class OcpiClientStatusError extends OcpiStatusError {
  override name = 'OcpiClientStatusError';
  constructor(input: OcpiStatusErrorInput) {
    super(input);
    markKind(this, 'OcpiClientStatusError');
  }
}

/** A 3xxx status: the partner failed while processing a valid request (e.g. 3001 during registration). */
export class OcpiServerStatusError extends OcpiStatusError {
  override name = 'OcpiServerStatusError';
  constructor(input: OcpiStatusErrorInput) {
    super(input);
    markKind(this, 'OcpiServerStatusError');
  }
}

/** A 4xxx status (2.2.1 only): a hub could not route the request, e.g. 4001 for an unknown receiver. */
export class OcpiHubStatusError extends OcpiStatusError {
  override name = 'OcpiHubStatusError';
  constructor(input: OcpiStatusErrorInput) {
    super(input);
    markKind(this, 'OcpiHubStatusError');
  }
}

/**
 * The status error class for a `status_code`: client, server or hub by range, the base class for a code
 * in no range the version defines (4xxx is no hub error where the version has no hubs, as in 2.1.1).
 */
export function createStatusError(input: OcpiStatusErrorInput, hubStatusCodes: boolean): OcpiStatusError {
  switch (rangeOfStatusCode(input.statusCode, hubStatusCodes)) {
    case 'client-error':
      return new OcpiClientStatusError(input);
    case 'server-error':
      return new OcpiServerStatusError(input);
    case 'hub-error':
      return new OcpiHubStatusError(input);
    default:
      return new OcpiStatusError(input);
  }
}

/** True for an {@link OcpiStatusError} of any range. */
export function isOcpiStatusError(value: unknown): value is OcpiStatusError {
  return hasKind(value, 'OcpiStatusError');
}

/** True for an {@link OcpiClientStatusError} (2xxx). */
export function isOcpiClientStatusError(value: unknown): value is OcpiClientStatusError {
  return hasKind(value, 'OcpiClientStatusError');
}

/** True for an {@link OcpiServerStatusError} (3xxx). */
export function isOcpiServerStatusError(value: unknown): value is OcpiServerStatusError {
  return hasKind(value, 'OcpiServerStatusError');
}

/** True for an {@link OcpiHubStatusError} (4xxx). */
export function isOcpiHubStatusError(value: unknown): value is OcpiHubStatusError {
  return hasKind(value, 'OcpiHubStatusError');
}
