import type { PartyRef } from '../../common/transport/routing';
import { isCountryCodeShape, isPartyIdShape } from './party-codes';

/** The parties a 2.2.1 request names in its routing headers; empty in 2.1.1 and without the headers. */
export interface RoutingParties {
  /** `OCPI-from-country-code` / `OCPI-from-party-id`: the party that sent the request. */
  readonly from?: PartyRef;
  /** `OCPI-to-country-code` / `OCPI-to-party-id`: the party it is for. */
  readonly to?: PartyRef;
}

/** What reading the routing headers gave: the parties, or which header is malformed. */
export type RoutingRead = { ok: true; parties: RoutingParties } | { ok: false; problem: string };

/**
 * Reads the 2.2.1 routing headers. A party needs both of its headers, and each a value of the spec's
 * form (a country code of 2 letters, a party id of 3 letters or digits); one header of a pair alone, or
 * a malformed value, is a problem to refuse rather than a party to guess.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_message_routing_headers
 */
export function readRoutingParties(headers: Headers): RoutingRead {
  const from = partyOf(headers, 'from');
  const to = partyOf(headers, 'to');
  if (typeof from === 'string') return { ok: false, problem: from };
  if (typeof to === 'string') return { ok: false, problem: to };
  return { ok: true, parties: { ...(from && { from }), ...(to && { to }) } };
}

function partyOf(headers: Headers, side: 'from' | 'to'): PartyRef | string | undefined {
  const countryCode = headers.get(`OCPI-${side}-country-code`);
  const partyId = headers.get(`OCPI-${side}-party-id`);
  if (countryCode === null && partyId === null) return undefined;
  if (countryCode === null || partyId === null) {
    return `OCPI-${side}-country-code and OCPI-${side}-party-id go together`;
  }
  if (!isCountryCodeShape(countryCode)) {
    return `OCPI-${side}-country-code must be 2 letters`;
  }
  if (!isPartyIdShape(partyId)) {
    return `OCPI-${side}-party-id must be 3 letters or digits`;
  }
  return { countryCode, partyId };
}

/** Whether two parties are the same: country codes and party ids compare case-insensitively (CiString). */
export function sameParty(a: PartyRef, b: PartyRef): boolean {
  return (
    a.countryCode.toUpperCase() === b.countryCode.toUpperCase() &&
    a.partyId.toUpperCase() === b.partyId.toUpperCase()
  );
}
