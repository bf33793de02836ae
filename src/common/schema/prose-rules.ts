// Rules both OCPI versions state in field descriptions rather than in their tables, worded the same in
// 2.1.1 (with its errata) and 2.2.1. Each checks one object's own fields (the rules of the objects inside
// it come with their schemas), once they all have their table types, and reports with a path relative
// to it. The versions' rules tables (src/v2xx/schemas/spec-rules.ts) map spec names to these.
import type { RuleReporter } from './spec-rule';

const TIME_OF_DAY = /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** Checks decimal-degree coordinates against the version's regexes. */
/* @__NO_SIDE_EFFECTS__ */
export function coordinateRule(latitude: RegExp, longitude: RegExp, decimals: string) {
  return (geo: { latitude: string; longitude: string }, report: RuleReporter): void => {
    if (!latitude.test(geo.latitude))
      report(['latitude'], `must be decimal degrees like 50.770774 (${decimals} decimals)`);
    if (!longitude.test(geo.longitude)) {
      report(['longitude'], `must be decimal degrees like -126.104965 (${decimals} decimals)`);
    }
  };
}

/**
 * No two Connectors of one EVSE with the same id (Connector object, `id`). The id is a CiString in
 * 2.2.1, compared in any case, and a plain string in 2.1.1, compared as is.
 */
export function checkConnectorIds(
  evse: { connectors?: readonly { id: string }[] | undefined },
  report: RuleReporter,
  ids: 'case-insensitive' | 'case-sensitive',
): void {
  // A set, not indexOf: an EVSE from a partner may list any number of connectors.
  const seen = new Set<string>();
  evse.connectors?.forEach(({ id }, index) => {
    const key = ids === 'case-insensitive' ? id.toUpperCase() : id;
    if (seen.has(key)) report(['connectors', index, 'id'], 'must be unique within the EVSE');
    seen.add(key);
  });
}

/** A weekday from 1 (Monday) to 7, and a period of `HH:MM` times that ends after it begins. */
export function checkRegularHours(
  hours: { weekday: number; period_begin: string; period_end: string },
  report: RuleReporter,
): void {
  if (hours.weekday < 1 || hours.weekday > 7) report(['weekday'], 'must be 1 (Monday) to 7 (Sunday)');
  const begin = TIME_OF_DAY.test(hours.period_begin);
  const end = TIME_OF_DAY.test(hours.period_end);
  if (!begin) report(['period_begin'], 'must be a 24-hour time like 08:00');
  if (!end) report(['period_end'], 'must be a 24-hour time like 18:15');
  if (begin && end && hours.period_end <= hours.period_begin)
    report(['period_end'], 'must be later than period_begin');
}

/** Times of day as `HH:MM` and dates as `YYYY-MM-DD`, in the Location's time zone. */
export function checkTariffRestrictions(
  restrictions: {
    start_time?: string | undefined;
    end_time?: string | undefined;
    start_date?: string | undefined;
    end_date?: string | undefined;
  },
  report: RuleReporter,
): void {
  for (const field of ['start_time', 'end_time'] as const) {
    const value = restrictions[field];
    if (value !== undefined && !TIME_OF_DAY.test(value)) report([field], 'must be a 24-hour time like 13:30');
  }
  for (const field of ['start_date', 'end_date'] as const) {
    const value = restrictions[field];
    if (value !== undefined && !DATE.test(value)) report([field], 'must be a date like 2015-12-24');
  }
}

/** A share of the energy mix: a percentage from 0 to 100 (EnergySource class, both versions). */
export function checkEnergySource(source: { percentage: number }, report: RuleReporter): void {
  if (!(source.percentage >= 0 && source.percentage <= 100)) {
    report(['percentage'], 'must be a percentage from 0 to 100');
  }
}
