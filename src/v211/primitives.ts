// The primitive types of OCPI 2.1.1 (spec: types.md), and the helpers for schemas written in them. All
// of it is public: scripts/codegen lists every export here in the entry's export list.
import type * as z from 'zod/mini';
import { printableAscii } from '../common/schema/primitives/printable-string';

export { CiString, ciEquals } from '../common/schema/primitives/ci-string';
export { nonEmptyArray } from '../common/schema/primitives/non-empty-array';
export { BooleanSchema, IntSchema, int, NumberSchema } from '../common/schema/primitives/number';
export { URLSchema } from '../common/schema/primitives/url';
export { DateTimeSchema } from '../common/schema/primitives/utc-date-time';

import type { DateTimeSchema } from '../common/schema/primitives/utc-date-time';

/**
 * OCPI 2.1.1 `string(n)`: case-sensitive printable ASCII, at most `maxLength` characters.
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md#15-string-type
 */
/* @__NO_SIDE_EFFECTS__ */
export function string(maxLength?: number): z.ZodMiniString<string> {
  return printableAscii(maxLength);
}

/** An OCPI 2.1.1 `DateTime` (see `DateTimeSchema`), as sent on the wire. */
export type DateTime = z.infer<typeof DateTimeSchema>;
