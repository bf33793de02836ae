import * as z from 'zod/mini';
import { daysInMonth, isUtcDateTime } from './utc-date-time-format';

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

/**
 * Rewrites a timestamp that names an exact instant but is not an OCPI DateTime (an offset such as
 * `+02:00`, a lower-case `t` or `z`, a space separator, more than millisecond precision) as the same
 * instant in UTC with a `Z`, keeping up to three fraction digits. Returns `undefined` for anything that
 * is not such a timestamp (an RFC 3339 date and time, any separator case, an optional fraction, an
 * optional `Z` or offset with or without its colon), not a real date, or one its offset moves out of the
 * years 0000-9999.
 *
 * @example
 * normalizeDateTime('2015-06-29T22:39:09+02:00'); // '2015-06-29T20:39:09Z'
 */
export function normalizeDateTime(value: string): string | undefined {
  // Read character by character, and the instant moved in whole days and minutes: lenient parsing
  // converts every offset timestamp of a page with this, and a regex match array and Date objects were
  // most of the cost.
  const length = value.length;
  if (length < 19) return undefined;
  const separator = value.charCodeAt(10);
  if (
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    !(separator === UPPER_T || separator === LOWER_T || separator === SPACE) ||
    value.charCodeAt(13) !== COLON ||
    value.charCodeAt(16) !== COLON
  ) {
    return undefined;
  }
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  const second = digitsAt(value, 17, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return undefined;
  }
  let at = 19;
  let fraction = '';
  if (at < length && value.charCodeAt(at) === DOT) {
    const digits = ++at;
    while (at < length && isDigit(value.charCodeAt(at))) at++;
    if (at === digits) return undefined;
    fraction = value.slice(digits, Math.min(at, digits + 3));
  }
  const offset = offsetAt(value, at);
  if (offset === undefined) return undefined;
  // The time of day as written, less the offset: the same instant in UTC, on the same day unless that
  // leaves the day (then moved through the calendar in whole days).
  let inDay = hour * 60 + minute - offset;
  let date = year * 10_000 + month * 100 + day;
  if (inDay < 0 || inDay >= MINUTES_A_DAY) {
    const days = Math.floor(inDay / MINUTES_A_DAY);
    inDay -= days * MINUTES_A_DAY;
    date = civilFromDays(daysFromCivil(year, month, day) + days);
    if (date < 0 || date > MAX_DATE) return undefined;
  }
  const hours = Math.floor(inDay / 60);
  if (fraction === '') return utcText(date, hours, inDay % 60, second, UPPER_Z);
  return `${utcText(date, hours, inDay % 60, second, DOT)}${fraction}Z`;
}

// `YYYY-MM-DDThh:mm:ss` of the date YYYYMMDD and the time, then the character `last`, written in one
// string: padding, slicing and joining the parts was most of the cost of a conversion.
function utcText(date: number, hour: number, minute: number, second: number, last: number): string {
  const year = Math.floor(date / 10_000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  return String.fromCharCode(
    digitOf(year, 1_000),
    digitOf(year, 100),
    digitOf(year, 10),
    digitOf(year, 1),
    DASH,
    digitOf(month, 10),
    digitOf(month, 1),
    DASH,
    digitOf(day, 10),
    digitOf(day, 1),
    UPPER_T,
    digitOf(hour, 10),
    digitOf(hour, 1),
    COLON,
    digitOf(minute, 10),
    digitOf(minute, 1),
    COLON,
    digitOf(second, 10),
    digitOf(second, 1),
    last,
  );
}

// The character of the digit of `number` worth `place` (1, 10, 100 or 1,000).
function digitOf(number: number, place: number): number {
  return ZERO + (Math.floor(number / place) % 10);
}

const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const SPACE = 32;
const PLUS = 43;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;
const MINUTES_A_DAY = 1_440;
// 9999-12-31 as the number civilFromDays gives (YYYYMMDD).
const MAX_DATE = 99_991_231;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 57;
}

// The number the `count` digits at `at` write, or -1 when one of them is no digit.
function digitsAt(value: string, at: number, count: number): number {
  let number = 0;
  for (let index = at; index < at + count; index++) {
    const code = value.charCodeAt(index);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - ZERO;
  }
  return number;
}

// The zone from `at` to the end in minutes east of UTC: none, `Z`/`z`, `+hh:mm` or `+hhmm`; undefined
// for anything else.
function offsetAt(value: string, at: number): number | undefined {
  const rest = value.length - at;
  if (rest === 0) return 0;
  const sign = value.charCodeAt(at);
  if (rest === 1) return sign === UPPER_Z || sign === LOWER_Z ? 0 : undefined;
  if (!(sign === PLUS || sign === DASH) || !(rest === 5 || rest === 6)) return undefined;
  if (rest === 6 && value.charCodeAt(at + 3) !== COLON) return undefined;
  const hours = digitsAt(value, at + 1, 2);
  const minutes = digitsAt(value, at + rest - 2, 2);
  if (hours < 0 || minutes < 0) return undefined;
  return (sign === DASH ? -1 : 1) * (hours * 60 + minutes);
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil calendar algorithms,
// http://howardhinnant.github.io/date_algorithms.html): integer steps, no Date.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// The date of a day since 1970-01-01 as the number YYYYMMDD (negative before year 0).
function civilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year < 0 ? -1 : year * 10_000 + month * 100 + day;
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
