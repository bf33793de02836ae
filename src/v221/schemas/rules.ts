// The rules of OCPI 2.2.1 that live in the descriptions of fields rather than in the type tables. Each
// function checks a value whose fields all have their table types and reports with a path relative to it.

import { isCredentialsToken } from '../../common/auth/credentials-token';
import {
  checkConnectorIds,
  checkEnergyMix,
  checkEnergySource,
  checkRegularHours,
  checkTariff,
  checkTariffRestrictions,
  coordinateRule,
  within,
} from '../../common/schema/prose-rules';
import type { RuleReporter } from '../../common/schema/spec-rule';
import type {
  CDR,
  CdrLocation,
  ChargingPeriod,
  Credentials,
  EVSE,
  Hours,
  Location,
  PublishTokenType,
  Session,
  StartSession,
} from '../generated/schemas';

export { checkEnergyMix, checkEnergySource, checkRegularHours, checkTariff, checkTariffRestrictions, within };

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

/** An EVSE's own coordinates, when it has them, and the ids of its Connectors, each once. */
export function checkEvse(evse: Partial<EVSE>, report: RuleReporter): void {
  if (evse.coordinates) checkCoordinates(evse.coordinates, within(report, ['coordinates']));
  checkConnectorIds(evse, report, 'case-insensitive');
}

/** A token a Location is shown to: a uid with its type, a visual number with its issuer, or a group. */
export function checkPublishToken(token: PublishTokenType, report: RuleReporter): void {
  if (!(token.uid || token.visual_number || token.group_id))
    report([], 'needs uid, visual_number or group_id');
  for (const [field, when] of [
    ['type', 'uid'],
    ['issuer', 'visual_number'],
  ] as const) {
    if (token[when] && !token[field]) report([field], `is required when ${when} is set`);
  }
}

/** Every rule of a Location and of what it contains; fields left out (a PATCH) are skipped. */
export function checkLocation(location: Partial<Location>, report: RuleReporter): void {
  // Judged per entry: an empty list gives nothing, so it is never reported.
  location.publish_allowed_to?.forEach((token, index) => {
    if (location.publish && !index) report(['publish_allowed_to'], 'may only be given when publish is false');
    checkPublishToken(token, within(report, ['publish_allowed_to', index]));
  });
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

// The CdrDimensionType values the spec marks "Session Only" (mod_cdrs, CdrDimensionType enum).
const SESSION_ONLY: readonly string[] = [
  'CURRENT',
  'ENERGY_EXPORT',
  'ENERGY_IMPORT',
  'POWER',
  'STATE_OF_CHARGE',
];

/** The dimensions of charging periods: Session-only types kept out of a CDR, state of charge in percent. */
function checkChargingPeriods(
  periods: readonly ChargingPeriod[] | undefined,
  cdr: boolean,
  report: RuleReporter,
): void {
  periods?.forEach((period, index) => {
    period.dimensions.forEach(({ type, volume }, at) => {
      const path = ['charging_periods', index, 'dimensions', at];
      if (cdr && SESSION_ONLY.includes(type)) report([...path, 'type'], 'may only be used in a Session');
      else if (type === 'STATE_OF_CHARGE' && !(volume >= 0 && volume <= 100))
        report([...path, 'volume'], 'must be a percentage from 0 to 100');
    });
  });
}

/** A Session's charging periods (fields left out, in a PATCH, are skipped). */
export function checkSession(session: Partial<Session>, report: RuleReporter): void {
  checkChargingPeriods(session.charging_periods, false, report);
}

/** A CDR's location coordinates. */
export function checkCdrLocation(location: CdrLocation, report: RuleReporter): void {
  checkCoordinates(location.coordinates, within(report, ['coordinates']));
}

/**
 * A CDR's location coordinates, its charging periods (no Session-only dimensions), the rules of the
 * Tariffs it embeds, and its credit fields: a credit CDR names the CDR it credits, and only a credit CDR
 * may use the 3 extra characters of `id` (mod_cdrs, CDR object).
 */
export function checkCdr(cdr: CDR, report: RuleReporter): void {
  if (cdr.credit) {
    if (cdr.credit_reference_id === undefined)
      report(['credit_reference_id'], 'is required when credit is true');
  } else if (cdr.id.length > 36) {
    report(['id'], 'must have at most 36 characters unless credit is true');
  }
  checkCdrLocation(cdr.cdr_location, within(report, ['cdr_location']));
  checkChargingPeriods(cdr.charging_periods, true, report);
  cdr.tariffs?.forEach((tariff, index) => {
    checkTariff(tariff, within(report, ['tariffs', index]));
  });
}

/** A StartSession that names a Connector names its EVSE too (mod_commands, StartSession object). */
export function checkStartSession(command: StartSession, report: RuleReporter): void {
  if (command.connector_id !== undefined && command.evse_uid === undefined)
    report(['evse_uid'], 'is required when connector_id is set');
}

/**
 * Credentials (credentials.asciidoc, Credentials object): a token of printable ASCII without whitespace
 * (a should), one role per `role`, `party_id` and `country_code` (compared case-insensitively, as
 * CiStrings), and a Hub that reports no role but HUB.
 */
export function checkCredentials(credentials: Credentials, report: RuleReporter): void {
  if (!isCredentialsToken(credentials.token)) report(['token'], 'must be printable ASCII without whitespace');
  const { repeated, besideHub } = credentialRoleBreaks(credentials.roles);
  for (const index of repeated) {
    report(['roles', index], 'repeats the role, party_id and country_code of another role');
  }
  for (const index of besideHub) report(['roles', index, 'role'], 'must be HUB, as the party is a Hub');
}

/**
 * The indexes of the roles that break the Credentials object's rules: one that repeats an earlier
 * role's `role`, `party_id` and `country_code` (compared case-insensitively, as CiStrings), and one
 * other than HUB in the roles of a Hub.
 */
export function credentialRoleBreaks(
  roles: readonly { role: string; party_id: string; country_code: string }[],
): { repeated: number[]; besideHub: number[] } {
  const seen = new Set<string>();
  const hub = roles.some(({ role }) => role === 'HUB');
  const breaks = { repeated: [] as number[], besideHub: [] as number[] };
  roles.forEach(({ role, party_id, country_code }, index) => {
    const key = `${role} ${party_id} ${country_code}`.toUpperCase();
    if (seen.has(key)) breaks.repeated.push(index);
    seen.add(key);
    if (hub && role !== 'HUB') breaks.besideHub.push(index);
  });
  return breaks;
}
