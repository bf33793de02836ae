import {
  lookupStatusCode,
  type StatusCodeInfo,
  type StatusCodeTable,
} from '../common/protocol/status-code-info';
import { Facts } from './facts';

/**
 * The OCPI 2.2.1 status codes by name. 2.2.1: adds 2004 and the 4xxx hub errors, and reserves x9xx in
 * every range for custom codes.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/status_codes.asciidoc
 */
export const StatusCode = {
  GenericSuccess: 1000,
  GenericClientError: 2000,
  InvalidOrMissingParameters: 2001,
  NotEnoughInformation: 2002,
  UnknownLocation: 2003,
  UnknownToken: 2004,
  GenericServerError: 3000,
  UnableToUseClientApi: 3001,
  UnsupportedVersion: 3002,
  NoMatchingEndpoints: 3003,
  GenericHubError: 4000,
  UnknownReceiver: 4001,
  ForwardedRequestTimeout: 4002,
  ReceiverNotConnected: 4003,
} as const;

/** One of the status codes OCPI 2.2.1 lists. */
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];

const TABLE: StatusCodeTable = {
  hubStatusCodes: Facts.hubStatusCodes,
  customRanges: true,
  meanings: {
    1000: 'Success',
    2000: 'Client error',
    2001: 'Parameters invalid or missing',
    2002: 'Too little information to process the request',
    2003: 'Location unknown',
    2004: 'Token unknown',
    3000: 'Server error',
    3001: "Could not use the client's API",
    3002: 'Version not supported',
    3003: 'No mutual or required endpoints',
    4000: 'Hub error',
    4001: 'Receiver unknown to the hub',
    4002: 'Forwarded request timed out',
    4003: 'Receiver not connected to the hub',
  },
};

/**
 * What OCPI 2.2.1 says a `status_code` means, with its range; x9xx codes are flagged as custom.
 *
 * @example
 * describeStatusCode(4001).range; // 'hub-error'
 */
export function describeStatusCode(code: number): StatusCodeInfo {
  return lookupStatusCode(TABLE, code);
}
