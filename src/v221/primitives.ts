// The primitive types of OCPI 2.2.1 (spec: types.asciidoc).
import type * as z from 'zod/mini';
import { printableUnicode } from '../common/primitives/printable-string';
import { utcDateTime } from '../common/primitives/utc-date-time';

export { withChoices } from '../common/primitives/choice';
export { CiString, ciEquals } from '../common/primitives/ci-string';
export { nonEmptyArray } from '../common/primitives/non-empty-array';
export { BooleanSchema, IntSchema, int, NumberSchema } from '../common/primitives/number';
export { URLSchema } from '../common/primitives/url';

/**
 * OCPI 2.2.1 `string(n)`: case-sensitive printable UTF-8 (no control characters or line breaks), at
 * most `maxLength` characters. 2.2.1: widened from 2.1.1's printable ASCII.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_string_type
 */
/* @__NO_SIDE_EFFECTS__ */
export function string(maxLength?: number) {
  return printableUnicode(maxLength);
}

/**
 * OCPI 2.2.1 `DateTime`: a UTC timestamp of at most 25 characters, `Z` optional, fractions of a second
 * allowed (`2016-12-29T17:45:09.2Z`). Offsets, even `+00:00`, are refused.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_datetime_type
 */
export const DateTimeSchema = /*@__PURE__*/ utcDateTime();
/** An OCPI 2.2.1 `DateTime`, as sent on the wire. */
export type DateTime = z.infer<typeof DateTimeSchema>;
