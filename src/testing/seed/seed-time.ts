// The times of the simulated data: every `last_updated` falls in the days before `now`, so that a
// date_from/date_to filter returns a part of a list, and lists are sorted by it, oldest first.

import { formatUtcDateTime } from '../../common/schema/primitives/utc-date-time-format';

const DAY = 86_400_000;

/** The days before `now` the `last_updated` of Locations, Tariffs and Tokens spread over. */
export const DATA_WINDOW_DAYS = 30;
/** The days before `now` the listed Sessions started in. */
export const SESSION_WINDOW_DAYS = 14;

/** `ms` as an OCPI DateTime in whole seconds, UTC. */
export function isoSeconds(ms: number): string {
  return formatUtcDateTime(ms);
}

/** A whole second in the `days` before `now`. */
export function recentMs(random: { next: () => number }, now: number, days = DATA_WINDOW_DAYS): number {
  return Math.ceil((now - random.next() * days * DAY) / 1000) * 1000;
}

/** {@link recentMs} as a DateTime. */
export function recentTimestamp(random: { next: () => number }, now: number, days = DATA_WINDOW_DAYS) {
  return isoSeconds(recentMs(random, now, days));
}

/** `days` in milliseconds. */
export function days(count: number): number {
  return count * DAY;
}

/** The later of two DateTimes of the same form (whole seconds, `Z`), which compare as strings. */
export function later(a: string, b: string): string {
  return a < b ? b : a;
}

/** Sorts `items` by `last_updated`, oldest first (stable: ties keep their order), and returns them. */
export function byLastUpdated<T extends { last_updated: string }>(items: T[]): T[] {
  return items.sort((a, b) =>
    a.last_updated < b.last_updated ? -1 : a.last_updated > b.last_updated ? 1 : 0,
  );
}

/**
 * Raises a Location's and its EVSEs' `last_updated` to the latest of what they hold: a Location counts
 * as updated when one of its EVSEs or Connectors is.
 */
export function rollUpLastUpdated(location: {
  last_updated: string;
  evses?: { last_updated: string; connectors: { last_updated: string }[] }[] | undefined;
}): void {
  for (const evse of location.evses ?? []) {
    for (const connector of evse.connectors)
      evse.last_updated = later(evse.last_updated, connector.last_updated);
    location.last_updated = later(location.last_updated, evse.last_updated);
  }
}
