// The rules of OCPI 2.1.1 that live in the descriptions of fields rather than in the type tables. Each
// function checks one object's own fields (and how they depend on each other) once they all have their
// table types, and reports with a path relative to it; the objects inside it bring their own rules.
// spec-rules.ts maps each spec name to its check, and the generator attaches it at the definition.
import { checkConnectorIds, coordinateRule } from '../../common/schema/prose-rules';
import type { RuleReporter } from '../../common/schema/spec-rule';
import type { CDR, EVSE, Location, Session } from '../generated/schemas';

/** Latitude and longitude in decimal degrees with exactly 6 decimals, as the 2.1.1 regexes say. */
export const checkCoordinates = /*@__PURE__*/ coordinateRule(
  /^-?[0-9]{1,2}\.[0-9]{6}$/,
  /^-?[0-9]{1,3}\.[0-9]{6}$/,
  '6',
);

/** The ids of an EVSE's Connectors, each once (fields left out, in a PATCH, are skipped). */
export function checkEvse(evse: Partial<EVSE>, report: RuleReporter): void {
  checkConnectorIds(evse, report, 'case-sensitive');
}

/**
 * The Location a Session or CDR embeds (2.1.1: the whole object, not a reference) holds only the EVSE
 * and the Connector used (mod_sessions and mod_cdrs, `location`). The Location's own rules come with it.
 */
function checkUsedLocation(location: Location, report: RuleReporter): void {
  const evses = location.evses ?? [];
  if (evses.length !== 1) report(['location', 'evses'], 'must hold only the EVSE used (one)');
  else if (evses[0]?.connectors.length !== 1) {
    report(['location', 'evses', 0, 'connectors'], 'must hold only the Connector used (one)');
  }
}

/** The Location a Session embeds (fields left out, in a PATCH, are skipped). */
export function checkSession(session: Partial<Session>, report: RuleReporter): void {
  if (session.location) checkUsedLocation(session.location, report);
}

/** The Location a CDR embeds. */
export function checkCdr(cdr: CDR, report: RuleReporter): void {
  checkUsedLocation(cdr.location, report);
}
