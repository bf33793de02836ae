// The rules of OCPI 2.1.1 that live in the descriptions of fields rather than in the type tables. Each
// function checks a value whose fields all have their table types and reports with a path relative to it.
import {
  checkConnectorIds,
  checkEnergyMix,
  checkRegularHours,
  checkTariff,
  coordinateRule,
  within,
} from '../../common/schema/prose-rules';
import type { RuleReporter } from '../../common/schema/spec-rule';
import type { CDR, EVSE, Hours, Location, Session } from '../generated/schemas';

/** Latitude and longitude in decimal degrees with exactly 6 decimals, as the 2.1.1 regexes say. */
export const checkCoordinates = /*@__PURE__*/ coordinateRule(
  /^-?[0-9]{1,2}\.[0-9]{6}$/,
  /^-?[0-9]{1,3}\.[0-9]{6}$/,
  '6',
);

/** Each regular period; whether regular hours or 24/7 is given is the table's choice (withChoices). */
export function checkHours(hours: Hours, report: RuleReporter): void {
  hours.regular_hours?.forEach((entry, index) => {
    checkRegularHours(entry, within(report, ['regular_hours', index]));
  });
}

/** An EVSE's own coordinates, when it has them, and the ids of its Connectors, each once. */
export function checkEvse(evse: Partial<EVSE>, report: RuleReporter): void {
  if (evse.coordinates) checkCoordinates(evse.coordinates, within(report, ['coordinates']));
  checkConnectorIds(evse, report, 'case-sensitive');
}

/** Every rule of a Location and of what it contains; fields left out (a PATCH) are skipped. */
export function checkLocation(location: Partial<Location>, report: RuleReporter): void {
  if (location.coordinates) checkCoordinates(location.coordinates, within(report, ['coordinates']));
  location.related_locations?.forEach((related, index) => {
    checkCoordinates(related, within(report, ['related_locations', index]));
  });
  location.evses?.forEach((evse, index) => {
    checkEvse(evse, within(report, ['evses', index]));
  });
  if (location.opening_times) checkHours(location.opening_times, within(report, ['opening_times']));
  if (location.energy_mix) checkEnergyMix(location.energy_mix, within(report, ['energy_mix']));
}

/**
 * The Location a Session or CDR embeds (2.1.1: the whole object, not a reference): its rules, and only
 * the EVSE and the Connector used (mod_sessions and mod_cdrs, `location`).
 */
function checkUsedLocation(location: Location, report: RuleReporter): void {
  checkLocation(location, report);
  const evses = location.evses ?? [];
  if (evses.length !== 1) report(['evses'], 'must hold only the EVSE used (one)');
  else if (evses[0]?.connectors.length !== 1) {
    report(['evses', 0, 'connectors'], 'must hold only the Connector used (one)');
  }
}

/** The Location a Session embeds. */
export function checkSession(session: Partial<Session>, report: RuleReporter): void {
  if (session.location) checkUsedLocation(session.location, within(report, ['location']));
}

/** The Location and the Tariffs a CDR embeds. */
export function checkCdr(cdr: CDR, report: RuleReporter): void {
  checkUsedLocation(cdr.location, within(report, ['location']));
  cdr.tariffs?.forEach((tariff, index) => {
    checkTariff(tariff, within(report, ['tariffs', index]));
  });
}
