// The OCPI DateTime format as a plain predicate, with no zod: the zod primitive (utc-date-time.ts) and the
// compiled validators (scripts/codegen/emit-compiled.ts) both use it.

// YYYY-MM-DDThh:mm:ss, optional fraction, optional Z. No alternation that could backtrack.
const UTC_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z?$/;
const MAX_LENGTH = 25;

/**
 * True when `value` is an OCPI DateTime: an RFC 3339 / ISO 8601 extended-format UTC timestamp with
 * seconds, an optional fraction of a second and an optional `Z`, at most 25 characters, naming a real
 * calendar date and time. Offsets (`+00:00` included), lower-case `t`/`z`, a space separator, missing
 * seconds and leap second 60 are all refused.
 */
export function isUtcDateTime(value: string): boolean {
  if (value.length > MAX_LENGTH) return false;
  const match = UTC_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

function daysInMonth(year: number, month: number): number {
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
