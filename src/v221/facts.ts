import type { VersionFacts } from '../common/protocol/version-profile';

/**
 * OCPI 2.2.1 as version-independent code needs to know it: the token goes Base64-encoded, every call is
 * traced with `X-Request-ID` and `X-Correlation-ID`, calls to functional modules carry the `OCPI-from-*`
 * / `OCPI-to-*` routing headers, and 4xxx status codes belong to hubs.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc
 */
export const Facts = {
  version: '2.2.1',
  tokenEncoding: 'base64',
  traceHeaders: true,
  routingHeaders: true,
  hubStatusCodes: true,
} as const satisfies VersionFacts;
