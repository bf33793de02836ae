// The rules of OCPI 2.2.1 that live in the descriptions of fields rather than in the type tables. Each
// function checks a value that already has its table shape and reports with a path relative to it.
import type { RuleReporter } from '../../common/spec-rule';
import type {
  AdditionalGeoLocation,
  CDR,
  CdrLocation,
  EVSE,
  GeoLocation,
  Hours,
  Location,
  RegularHours,
  Tariff,
  TariffRestrictions,
} from '../generated/schemas';

// Formats quoted by the spec (mod_locations GeoLocation and RegularHours, mod_tariffs TariffRestrictions).
const LATITUDE = /^-?[0-9]{1,2}\.[0-9]{5,7}$/;
const LONGITUDE = /^-?[0-9]{1,3}\.[0-9]{5,7}$/;
const TIME_OF_DAY = /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

type Path = readonly PropertyKey[];

/** A reporter for the rules of a nested value: its paths get `prefix` in front. */
export function within(report: RuleReporter, prefix: Path): RuleReporter {
  return (path, message) => report([...prefix, ...path], message);
}

/** Latitude and longitude in decimal degrees with 5 to 7 decimals, as the spec's regexes say. */
export function checkCoordinates(geo: GeoLocation | AdditionalGeoLocation, report: RuleReporter): void {
  if (!LATITUDE.test(geo.latitude))
    report(['latitude'], 'must be decimal degrees like 50.770774 (5 to 7 decimals)');
  if (!LONGITUDE.test(geo.longitude)) {
    report(['longitude'], 'must be decimal degrees like -126.104965 (5 to 7 decimals)');
  }
}

/** A weekday from 1 (Monday) to 7, and a period of `HH:MM` times that ends after it begins. */
export function checkRegularHours(hours: RegularHours, report: RuleReporter): void {
  if (hours.weekday < 1 || hours.weekday > 7) report(['weekday'], 'must be 1 (Monday) to 7 (Sunday)');
  const begin = TIME_OF_DAY.test(hours.period_begin);
  const end = TIME_OF_DAY.test(hours.period_end);
  if (!begin) report(['period_begin'], 'must be a 24-hour time like 08:00');
  if (!end) report(['period_end'], 'must be a 24-hour time like 18:15');
  if (begin && end && hours.period_end <= hours.period_begin)
    report(['period_end'], 'must be later than period_begin');
}

/** Regular hours exactly when the place is not open around the clock. */
export function checkHours(hours: Hours, report: RuleReporter): void {
  const regular = hours.regular_hours ?? [];
  if (hours.twentyfourseven && regular.length > 0) {
    report(['regular_hours'], 'must be absent when twentyfourseven is true');
  }
  if (!hours.twentyfourseven && regular.length === 0) {
    report(['regular_hours'], 'needs at least one entry when twentyfourseven is false');
  }
  regular.forEach((entry, index) => {
    checkRegularHours(entry, within(report, ['regular_hours', index]));
  });
}

/** An EVSE's own coordinates, when it has them. */
export function checkEvse(evse: EVSE, report: RuleReporter): void {
  if (evse.coordinates) checkCoordinates(evse.coordinates, within(report, ['coordinates']));
}

/** Every rule of a Location and of what it contains. */
export function checkLocation(location: Location, report: RuleReporter): void {
  if (location.publish && location.publish_allowed_to !== undefined) {
    report(['publish_allowed_to'], 'may only be given when publish is false');
  }
  checkCoordinates(location.coordinates, within(report, ['coordinates']));
  location.related_locations?.forEach((related, index) => {
    checkCoordinates(related, within(report, ['related_locations', index]));
  });
  location.evses?.forEach((evse, index) => {
    checkEvse(evse, within(report, ['evses', index]));
  });
  if (location.opening_times) checkHours(location.opening_times, within(report, ['opening_times']));
}

/** Times of day as `HH:MM` and dates as `YYYY-MM-DD`, in the Location's time zone. */
export function checkTariffRestrictions(restrictions: TariffRestrictions, report: RuleReporter): void {
  for (const field of ['start_time', 'end_time'] as const) {
    const value = restrictions[field];
    if (value !== undefined && !TIME_OF_DAY.test(value)) report([field], 'must be a 24-hour time like 13:30');
  }
  for (const field of ['start_date', 'end_date'] as const) {
    const value = restrictions[field];
    if (value !== undefined && !DATE.test(value)) report([field], 'must be a date like 2015-12-24');
  }
}

/** The restrictions of every element of a Tariff. */
export function checkTariff(tariff: Tariff, report: RuleReporter): void {
  tariff.elements.forEach((element, index) => {
    if (element.restrictions) {
      checkTariffRestrictions(element.restrictions, within(report, ['elements', index, 'restrictions']));
    }
  });
}

/** A CDR's location coordinates. */
export function checkCdrLocation(location: CdrLocation, report: RuleReporter): void {
  checkCoordinates(location.coordinates, within(report, ['coordinates']));
}

/** A CDR's location coordinates and the rules of the Tariffs it embeds. */
export function checkCdr(cdr: CDR, report: RuleReporter): void {
  checkCdrLocation(cdr.cdr_location, within(report, ['cdr_location']));
  cdr.tariffs?.forEach((tariff, index) => {
    checkTariff(tariff, within(report, ['tariffs', index]));
  });
}
