import { formatUtcDateTime } from '../schema/primitives/utc-date-time-format';

/** The query fields that bound a list's window on `last_updated`: a `Date` is taken for either. */
type WindowField = 'date_from' | 'date_to';
const WINDOW_FIELDS: readonly WindowField[] = ['date_from', 'date_to'];

/**
 * A query as a client call takes it: `date_from` and `date_to` as the spec's DateTime string or as a
 * `Date`, every other field as the schema has it.
 */
export type QueryWithDates<Q> = {
  [Key in keyof Q]: Key extends WindowField ? Q[Key] | Date : Q[Key];
};

/**
 * The call's arguments with a `Date` in the query's window turned into the spec's DateTime: UTC, whole
 * seconds, `Z` (`2024-01-01T00:00:00Z`). Fractions are cut, not rounded, so that the same `Date` gives
 * the same text as the end of one window and the start of the next: windows still meet without a gap.
 * Whole seconds because both versions' DateTime allow them and not every partner parses fractions.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/types.asciidoc#types_datetime_type
 */
export function withDatesAsDateTimes<A extends { query?: object | undefined }>(args: A): A {
  const query = args.query as Record<string, unknown> | undefined;
  let sent: Record<string, unknown> | undefined;
  for (const field of WINDOW_FIELDS) {
    const value = query?.[field];
    if (!(value instanceof Date)) continue;
    sent ??= { ...query };
    // A Date that names no DateTime (invalid, past 9999) fails the call before anything is sent.
    sent[field] = formatUtcDateTime(value);
  }
  return sent ? { ...args, query: sent } : args;
}
