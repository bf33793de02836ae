// The OCPI DateTime format as a plain predicate, with no zod: the zod primitive (utc-date-time.ts) and the
// compiled validators (scripts/codegen/emit-compiled.ts) both use it.

// YYYY-MM-DDThh:mm:ss (19 characters), then an optional fraction and an optional Z.
const MIN_LENGTH = 19;
const MAX_LENGTH = 25;
const ZERO = 48;
const NINE = 57;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const T = 84;
const Z = 90;

// The number written by the two digits at `at`, or -1 when either is no ASCII digit.
function twoDigits(value: string, at: number): number {
  const tens = value.charCodeAt(at);
  const ones = value.charCodeAt(at + 1);
  if (tens < ZERO || tens > NINE || ones < ZERO || ones > NINE) return -1;
  return (tens - ZERO) * 10 + (ones - ZERO);
}

/**
 * True when `value` is an OCPI DateTime: an RFC 3339 / ISO 8601 extended-format UTC timestamp with
 * seconds, an optional fraction of a second and an optional `Z`, at most 25 characters, naming a real
 * calendar date and time. Offsets (`+00:00` included), lower-case `t`/`z`, a space separator, missing
 * seconds and leap second 60 are all refused.
 */
export function isUtcDateTime(value: string): boolean {
  // Read character by character rather than with a regex and its match array: every Location holds a
  // dozen timestamps, and this is the validators' hottest check.
  const length = value.length;
  if (length < MIN_LENGTH || length > MAX_LENGTH) return false;
  const century = twoDigits(value, 0);
  const years = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  if (
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    value.charCodeAt(10) !== T ||
    value.charCodeAt(13) !== COLON ||
    value.charCodeAt(16) !== COLON ||
    century < 0 ||
    years < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    day > daysInMonth(century * 100 + years, month)
  ) {
    return false;
  }
  let at = MIN_LENGTH;
  if (at < length && value.charCodeAt(at) === DOT) {
    at++;
    const digits = at;
    while (at < length && value.charCodeAt(at) >= ZERO && value.charCodeAt(at) <= NINE) at++;
    if (at === digits) return false;
  }
  if (at < length && value.charCodeAt(at) === Z) at++;
  return at === length;
}

/** The days of `month` (1-12) in `year`, by the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * `date` (a Date or ms since the epoch) as the DateTime we send: UTC, whole seconds, `Z`
 * (`2024-01-01T00:00:00Z`), the form every partner's parser reads. Fractions are cut, not rounded.
 *
 * @throws RangeError for an invalid date, or one past year 9999 (which no DateTime can name).
 */
export function formatUtcDateTime(date: Date | number): string {
  const text = new Date(date).toISOString();
  if (text.length !== 24) throw new RangeError(`no DateTime for ${text}`);
  return `${text.slice(0, 19)}Z`;
}
