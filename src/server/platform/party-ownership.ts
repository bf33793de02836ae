import type { PartyRef } from '../../common/transport/routing';
import type { PartnerRecord } from '../partners/partner-store';
import { OcpiRefusal } from './ocpi-refusal';
import { type RoutingParties, sameParty } from './routing-parties';

/** Whether the partner is a hub: it speaks for the parties it connects, named in the routing headers. */
function isHub(partner: PartnerRecord): boolean {
  return partner.roles?.some((role) => role.role === 'HUB') ?? false;
}

function isOwnParty(partner: PartnerRecord, party: PartyRef): boolean {
  return (
    partner.roles?.some((role) =>
      sameParty({ countryCode: role.countryCode, partyId: role.partyId }, party),
    ) ?? false
  );
}

/**
 * Refuses a request that speaks for a party the partner does not own. A partner writes and reads back
 * only objects under its own parties (the roles of its credentials): a path's `{country_code}/{party_id}`
 * and the `OCPI-from-*` routing headers must name one of them. A hub speaks for the parties it connects:
 * its requests must name the party in `OCPI-from-*`, and a path's party must be that one. Refused with
 * HTTP 404, as the spec allows for objects that do not belong to the client, so that nothing tells a
 * partner which other parties' objects exist.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_errors
 */
export function checkPartyOwnership(
  partner: PartnerRecord,
  pathParty: PartyRef | undefined,
  routing: RoutingParties,
): void {
  if (isHub(partner)) {
    if (pathParty !== undefined && (routing.from === undefined || !sameParty(routing.from, pathParty))) {
      throw notYours();
    }
    return;
  }
  if (routing.from !== undefined && !isOwnParty(partner, routing.from)) throw notYours();
  if (pathParty !== undefined && !isOwnParty(partner, pathParty)) throw notYours();
}

function notYours(): OcpiRefusal {
  return new OcpiRefusal(2000, 'Not found: the party is not one of yours', { httpStatus: 404 });
}

/**
 * Refuses a pushed object whose own ids differ from its URL's: `country_code` and `party_id` (where the
 * object has them) and its id field must name the object the path names (2001, as the spec advises).
 */
export function checkPushedIdentity(
  body: unknown,
  params: Readonly<Record<string, string>>,
  idField: { param: string; field: string } | undefined,
): void {
  if (typeof body !== 'object' || body === null) return;
  const object = body as Record<string, unknown>;
  const pairs: [string, string][] = [
    ['country_code', 'country_code'],
    ['party_id', 'party_id'],
  ];
  if (idField) pairs.push([idField.param, idField.field]);
  for (const [param, field] of pairs) {
    const expected = params[param];
    const actual = object[field];
    if (expected === undefined || actual === undefined) continue;
    const ci = param === 'country_code' || param === 'party_id';
    const same =
      typeof actual === 'string' &&
      (ci ? actual.toUpperCase() === expected.toUpperCase() : actual === expected);
    if (!same) {
      throw new OcpiRefusal(
        2001,
        `Invalid or missing parameters: ${field}: differs from ${param} in the URL`,
      );
    }
  }
}
