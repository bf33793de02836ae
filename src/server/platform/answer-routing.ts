import { isRoutedModule, type PartyRef, routingHeaders } from '../../common/transport/routing';
import type { CredentialsRole } from '../../v221/generated/schemas';
import { readRoutingParties, sameParty } from './routing-parties';

/**
 * The 2.2.1 routing headers of our answer to a functional module request: it goes back to the party
 * that asked (`OCPI-to-*` = the request's `OCPI-from-*`) from the party asked (`OCPI-from-*` = the
 * request's `OCPI-to-*`, or our only party when the request named none). Empty for configuration modules,
 * for 2.1.1, and where a side is unknown (a request without headers to a platform of several parties).
 * Malformed request headers give none: the request is refused for them, and nothing is echoed.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_overview_of_requiredoptional_routing_headers_for_different_scenarios
 */
export function answerRoutingHeaders(
  request: Request,
  module: string,
  ourRoles: readonly CredentialsRole[],
): Record<string, string> {
  if (!isRoutedModule(module)) return {};
  const read = readRoutingParties(request.headers);
  if (!read.ok) return {};
  const { from: asking, to: asked } = read.parties;
  return routingHeaders(asked ?? onlyParty(ourRoles), asking);
}

// Our one party, when all our roles are of one party; none to choose from otherwise.
function onlyParty(roles: readonly CredentialsRole[]): PartyRef | undefined {
  const [first, ...others] = roles.map((role) => ({
    countryCode: role.country_code,
    partyId: role.party_id,
  }));
  if (first === undefined || others.some((party) => !sameParty(party, first))) return undefined;
  return first;
}
