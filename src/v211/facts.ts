import type { VersionFacts } from '../common/protocol/version-profile';

/**
 * OCPI 2.1.1 as version-independent code needs to know it: the token goes as is, calls carry no tracing
 * or routing headers, and there are no hubs (a 4xxx status code is in no range 2.1.1 defines).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/transport_and_format.md
 */
export const Facts = {
  version: '2.1.1',
  tokenEncoding: 'raw',
  traceHeaders: false,
  routingHeaders: false,
  hubStatusCodes: false,
} as const satisfies VersionFacts;
