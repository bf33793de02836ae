import * as z from 'zod/mini';
import { isUtcDateTime } from './utc-date-time-format';

export { isUtcDateTime };

/** The `params.ocpi` tag on an issue about a value that is not an OCPI DateTime. */
export const NOT_UTC_DATE_TIME = 'not-utc-date-time';

/**
 * A schema of strings accepted by {@link isUtcDateTime}; the value is kept exactly as sent.
 */
/* @__NO_SIDE_EFFECTS__ */
export function utcDateTime(): z.ZodMiniString<string> {
  return z.string().check(
    z.refine(isUtcDateTime, {
      error: 'must be a UTC timestamp like 2015-06-29T20:39:09Z (no offset, at most 25 characters)',
      params: { ocpi: NOT_UTC_DATE_TIME },
    }),
  );
}

// What lenient parsing can read as a timestamp: an RFC 3339 date and time with any separator case, an
// optional fraction and an optional zone (Z or an offset with or without a colon).
const LOOSE_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * Rewrites a timestamp that names an exact instant but is not an OCPI DateTime (an offset such as
 * `+02:00`, a lower-case `t` or `z`, a space separator, more than millisecond precision) as the same
 * instant in UTC with a `Z`, keeping up to three fraction digits. Returns `undefined` for anything that
 * is not such a timestamp, or not a real date.
 *
 * @example
 * normalizeDateTime('2015-06-29T22:39:09+02:00'); // '2015-06-29T20:39:09Z'
 */
export function normalizeDateTime(value: string): string | undefined {
  // Lenient parsing converts every offset timestamp of a page with this: no array of the parts, no
  // string joined from them, one Date.
  const match = LOOSE_DATE_TIME.exec(value);
  if (match === null) return undefined;
  // The date and time as written (the pattern fixes their places) must be real: no 31 April, no second 60.
  if (!isUtcDateTime(`${value.slice(0, 10)}T${value.slice(11, 19)}`)) return undefined;
  const fraction = match[7] === undefined ? '' : match[7].slice(0, 3);
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  date.setUTCHours(Number(match[4]), Number(match[5]), Number(match[6]), Number(fraction.padEnd(3, '0')));
  const iso = new Date(date.getTime() - offsetMinutes(match[8]) * 60_000).toISOString();
  const normalized = `${iso.slice(0, 19)}${fraction === '' ? '' : `.${iso.slice(20, 20 + fraction.length)}`}Z`;
  // A year moved out of 0000-9999 by the offset has no DateTime.
  return isUtcDateTime(normalized) ? normalized : undefined;
}

// The zone's offset east of UTC in minutes: `Z`, `+hh:mm` or `+hhmm` (the pattern allows no other).
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.length === 1) return 0;
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2));
  return zone.charCodeAt(0) === 45 ? -minutes : minutes;
}

/**
 * OCPI `DateTime`, the same in both versions as this SDK reads them: a UTC timestamp of at most 25
 * characters, `Z` optional, fractions of a second allowed, offsets (even `+00:00`) refused. 2.2.1 says
 * so outright; for 2.1.1, whose text asks for ISO 8601 in UTC and shows whole seconds only, fractions
 * are accepted because ISO 8601 allows them and many 2.1.1 systems send milliseconds.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_datetime_type
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/types.md#12-datetime-type
 */
export const DateTimeSchema = /*@__PURE__*/ utcDateTime();
