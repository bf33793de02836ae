// The rules of OCPI 2.2.1 that live in the descriptions of fields rather than in the type tables. Each
// function checks one object's own fields (and how they depend on each other) once they all have their
// table types, and reports with a path relative to it; the objects inside it bring their own rules.
// spec-rules.ts maps each spec name to its check, and the generator attaches it at the definition.

import { isCredentialsToken } from '../../common/auth/credentials-token';
import { checkConnectorIds, coordinateRule } from '../../common/schema/prose-rules';
import type { RuleReporter } from '../../common/schema/spec-rule';
import type {
  ActiveChargingProfileResult,
  CDR,
  CdrDimension,
  ChargingProfile,
  ChargingProfilePeriod,
  Credentials,
  EVSE,
  Hours,
  Location,
  PublishTokenType,
  StartSession,
} from '../generated/schemas';

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
}

/** The ids of an EVSE's Connectors, each once (fields left out, in a PATCH, are skipped). */
export function checkEvse(evse: Partial<EVSE>, report: RuleReporter): void {
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

/** `publish_allowed_to` only on an unpublished Location (fields left out, in a PATCH, are skipped). */
export function checkLocation(location: Partial<Location>, report: RuleReporter): void {
  // An empty list gives nothing, so it is never reported.
  if (location.publish && location.publish_allowed_to?.length) {
    report(['publish_allowed_to'], 'may only be given when publish is false');
  }
}

// The CdrDimensionType values the spec marks "Session Only" (mod_cdrs, CdrDimensionType enum).
const SESSION_ONLY: readonly string[] = [
  'CURRENT',
  'ENERGY_EXPORT',
  'ENERGY_IMPORT',
  'POWER',
  'STATE_OF_CHARGE',
];

/** A state of charge is a percentage from 0 to 100 (CdrDimensionType enum, STATE_OF_CHARGE). */
export function checkCdrDimension({ type, volume }: CdrDimension, report: RuleReporter): void {
  if (type === 'STATE_OF_CHARGE' && !(volume >= 0 && volume <= 100)) {
    report(['volume'], 'must be a percentage from 0 to 100');
  }
}

/**
 * A CDR's credit fields: a credit CDR names the CDR it credits, and only a credit CDR may use the 3 extra
 * characters of `id` (mod_cdrs, CDR object). And no Session-only dimension in its charging periods: the
 * CdrDimension is the same object in a Session, so the CDR judges where it stands.
 */
export function checkCdr(cdr: CDR, report: RuleReporter): void {
  if (cdr.credit) {
    if (cdr.credit_reference_id === undefined)
      report(['credit_reference_id'], 'is required when credit is true');
  } else if (cdr.id.length > 36) {
    report(['id'], 'must have at most 36 characters unless credit is true');
  }
  cdr.charging_periods.forEach((period, index) => {
    period.dimensions.forEach(({ type }, at) => {
      if (SESSION_ONLY.includes(type)) {
        report(['charging_periods', index, 'dimensions', at, 'type'], 'may only be used in a Session');
      }
    });
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

// Rates are given with at most one decimal, e.g. 8.1 (mod_charging_profiles, ChargingProfile and
// ChargingProfilePeriod): a finer value is rounded by the charger, or refused.
const ONE_DECIMAL = /^-?\d+(\.\d)?$/;
const oneDecimal = (value: number) => ONE_DECIMAL.test(String(value));

/** A ChargingProfilePeriod's limit has at most one decimal. */
export function checkChargingProfilePeriod(period: ChargingProfilePeriod, report: RuleReporter): void {
  if (!oneDecimal(period.limit)) report(['limit'], 'must have at most one decimal, like 8.1');
}

/** A ChargingProfile's minimum charging rate has at most one decimal. */
export function checkChargingProfile(profile: ChargingProfile, report: RuleReporter): void {
  if (profile.min_charging_rate !== undefined && !oneDecimal(profile.min_charging_rate)) {
    report(['min_charging_rate'], 'must have at most one decimal, like 8.1');
  }
}

/** An ACCEPTED ActiveChargingProfileResult comes with the profile. */
export function checkActiveChargingProfileResult(
  result: ActiveChargingProfileResult,
  report: RuleReporter,
): void {
  if (result.result === 'ACCEPTED' && result.profile === undefined) {
    report(['profile'], 'is expected when result is ACCEPTED');
  }
}
