import { rangeOfStatusCode, type StatusCodeRange } from '../common/protocol/status-code-range';
import type { OcpiVersion } from '../common/protocol/version';
import { VERSION_FACTS } from './version-facts';

/** The range `code` falls in for `version`, or `undefined` when the version defines no such range. */
export function statusCodeRange(code: number, version: OcpiVersion): StatusCodeRange | undefined {
  return rangeOfStatusCode(code, VERSION_FACTS[version].hubStatusCodes);
}
