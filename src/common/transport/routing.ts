/** A party, as OCPI 2.2.1 routing headers name it. */
export interface PartyRef {
  countryCode: string;
  partyId: string;
}

// The functional modules; configuration modules (credentials, versions, hubclientinfo) never carry
// routing headers (2.2.1 Message Routing Headers).
const ROUTED_MODULES = /*@__PURE__*/ new Set([
  'locations',
  'sessions',
  'cdrs',
  'tariffs',
  'tokens',
  'commands',
  'chargingprofiles',
]);

/** True for a module whose requests carry `OCPI-from-*` and `OCPI-to-*` headers in 2.2.1. */
export function isRoutedModule(module: string | undefined): boolean {
  return module !== undefined && ROUTED_MODULES.has(module);
}

/**
 * The 2.2.1 routing headers for a request from `from` to `to`; either may be left out (an open
 * routing request to a hub has no `to`).
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc#transport_and_format_message_routing_headers
 */
export function routingHeaders(from: PartyRef | undefined, to: PartyRef | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (from) {
    headers['OCPI-from-country-code'] = from.countryCode;
    headers['OCPI-from-party-id'] = from.partyId;
  }
  if (to) {
    headers['OCPI-to-country-code'] = to.countryCode;
    headers['OCPI-to-party-id'] = to.partyId;
  }
  return headers;
}
