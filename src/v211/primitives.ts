// The primitive types of OCPI 2.1.1 (spec: types.md).
import type * as z from 'zod/mini';
import { printableAscii } from '../common/primitives/printable-string';
import { utcDateTime } from '../common/primitives/utc-date-time';

export { withChoices } from '../common/primitives/choice';
export { CiString, ciEquals } from '../common/primitives/ci-string';
export { nonEmptyArray } from '../common/primitives/non-empty-array';
export { BooleanSchema, IntSchema, int, NumberSchema } from '../common/primitives/number';
export { URLSchema } from '../common/primitives/url';

/**
 * OCPI 2.1.1 `string(n)`: case-sensitive printable ASCII, at most `maxLength` characters.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md#15-string-type
 */
/* @__NO_SIDE_EFFECTS__ */
export function string(maxLength?: number) {
  return printableAscii(maxLength);
}

/**
 * OCPI 2.1.1 `DateTime`: a UTC timestamp of at most 25 characters, `Z` optional.
 *
 * Decision: the 2.1.1 text asks for ISO 8601's combined date and time format in UTC and shows only
 * whole seconds, but ISO 8601 allows a decimal fraction of the seconds and many 2.1.1 systems send
 * milliseconds. So fractions are accepted here too, within the 25 characters; the extended format with
 * seconds is required (no `20150629T203909Z`, no `2015-06-29T20:39Z`), and offsets, even `+00:00`,
 * are refused, as in 2.2.1.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md#12-datetime-type
 */
export const DateTimeSchema = /*@__PURE__*/ utcDateTime();
/** An OCPI 2.1.1 `DateTime`, as sent on the wire. */
export type DateTime = z.infer<typeof DateTimeSchema>;
