import {
  SHARED_STATUS_CODES,
  type StatusCodeInfo,
  statusCodeDescriber,
} from '../common/protocol/status-code-info';
import { Facts } from './facts';

export type { StatusCodeInfo };

/**
 * The OCPI 2.2.1 status codes by name. 2.2.1: adds 2004 and the 4xxx hub errors, and reserves x9xx in
 * every range for custom codes.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/status_codes.asciidoc
 */
export const StatusCode = {
  ...SHARED_STATUS_CODES,
  UnknownToken: 2004,
  GenericHubError: 4000,
  UnknownReceiver: 4001,
  ForwardedRequestTimeout: 4002,
  ReceiverNotConnected: 4003,
} as const;

/** One of the status codes OCPI 2.2.1 lists. */
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];

/**
 * What OCPI 2.2.1 says a `status_code` means, with its range; x9xx codes are flagged as custom.
 *
 * @example
 * describeStatusCode(4001).range; // 'hub-error'
 */
export const describeStatusCode: (code: number) => StatusCodeInfo = /*@__PURE__*/ statusCodeDescriber({
  hubStatusCodes: Facts.hubStatusCodes,
  codes: StatusCode,
  customRanges: true,
});
