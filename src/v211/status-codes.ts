import {
  lookupStatusCode,
  type StatusCodeInfo,
  type StatusCodeTable,
} from '../common/protocol/status-code-info';
import { Facts } from './facts';

/**
 * The OCPI 2.1.1 status codes by name. 2.1.1 knows three ranges: 1xxx success, 2xxx client errors,
 * 3xxx server errors; it has no hub errors and no custom ranges.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/status_codes.md
 */
export const StatusCode = {
  GenericSuccess: 1000,
  GenericClientError: 2000,
  InvalidOrMissingParameters: 2001,
  NotEnoughInformation: 2002,
  UnknownLocation: 2003,
  GenericServerError: 3000,
  UnableToUseClientApi: 3001,
  UnsupportedVersion: 3002,
  NoMatchingEndpoints: 3003,
} as const;

/** One of the status codes OCPI 2.1.1 lists. */
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];

const TABLE: StatusCodeTable = {
  hubStatusCodes: Facts.hubStatusCodes,
  customRanges: false,
  meanings: {
    1000: 'Success',
    2000: 'Client error',
    2001: 'Parameters invalid or missing',
    2002: 'Too little information to process the request',
    2003: 'Location unknown',
    3000: 'Server error',
    3001: "Could not use the client's API",
    3002: 'Version not supported',
    3003: 'No mutual or required endpoints',
  },
};

/**
 * What OCPI 2.1.1 says a `status_code` means, with its range.
 *
 * @example
 * describeStatusCode(2003).meaning; // 'Location unknown'
 */
export function describeStatusCode(code: number): StatusCodeInfo {
  return lookupStatusCode(TABLE, code);
}
