// The rules of OCPI 2.2.1 that live in the descriptions of fields rather than in the type tables. Each
// function checks a value whose fields all have their table types and reports with a path relative to it.
import {
  checkRegularHours,
  checkTariffElements,
  checkTariffRestrictions,
  coordinateRule,
  within,
} from '../../common/prose-rules';
import type { RuleReporter } from '../../common/spec-rule';
import type { CDR, CdrLocation, EVSE, Hours, Location } from '../generated/schemas';

export { checkRegularHours, checkTariffElements as checkTariff, checkTariffRestrictions, within };

/** Latitude and longitude in decimal degrees with 5 to 7 decimals, as the 2.2.1 regexes say. */
export const checkCoordinates = /*@__PURE__*/ coordinateRule(
  /^-?[0-9]{1,2}\.[0-9]{5,7}$/,
  /^-?[0-9]{1,3}\.[0-9]{5,7}$/,
  '5 to 7',
);

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
export function checkEvse(evse: Partial<EVSE>, report: RuleReporter): void {
  if (evse.coordinates) checkCoordinates(evse.coordinates, within(report, ['coordinates']));
}

/** Every rule of a Location and of what it contains; fields left out (a PATCH) are skipped. */
export function checkLocation(location: Partial<Location>, report: RuleReporter): void {
  if (location.publish && location.publish_allowed_to !== undefined) {
    report(['publish_allowed_to'], 'may only be given when publish is false');
  }
  if (location.coordinates) checkCoordinates(location.coordinates, within(report, ['coordinates']));
  location.related_locations?.forEach((related, index) => {
    checkCoordinates(related, within(report, ['related_locations', index]));
  });
  location.evses?.forEach((evse, index) => {
    checkEvse(evse, within(report, ['evses', index]));
  });
  if (location.opening_times) checkHours(location.opening_times, within(report, ['opening_times']));
}

/** A CDR's location coordinates. */
export function checkCdrLocation(location: CdrLocation, report: RuleReporter): void {
  checkCoordinates(location.coordinates, within(report, ['coordinates']));
}

/** A CDR's location coordinates and the rules of the Tariffs it embeds. */
export function checkCdr(cdr: CDR, report: RuleReporter): void {
  checkCdrLocation(cdr.cdr_location, within(report, ['cdr_location']));
  cdr.tariffs?.forEach((tariff, index) => {
    checkTariffElements(tariff, within(report, ['tariffs', index]));
  });
}
