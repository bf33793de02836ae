import {
  SHARED_STATUS_CODES,
  type StatusCodeInfo,
  statusCodeDescriber,
} from '../common/protocol/status-code-info';
import { Facts } from './facts';

export type { StatusCodeInfo };

/**
 * The OCPI 2.1.1 status codes by name. 2.1.1 knows three ranges: 1xxx success, 2xxx client errors,
 * 3xxx server errors; it has no hub errors and no custom ranges, and lists only the codes both versions
 * share.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/status_codes.md
 */
export const StatusCode = SHARED_STATUS_CODES;

/** One of the status codes OCPI 2.1.1 lists. */
export type StatusCode = (typeof StatusCode)[keyof typeof StatusCode];

/**
 * What OCPI 2.1.1 says a `status_code` means, with its range.
 *
 * @example
 * describeStatusCode(2003).meaning; // 'Location unknown'
 */
export const describeStatusCode: (code: number) => StatusCodeInfo = /*@__PURE__*/ statusCodeDescriber({
  hubStatusCodes: Facts.hubStatusCodes,
  codes: StatusCode,
  customRanges: false,
});
