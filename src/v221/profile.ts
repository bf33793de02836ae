import type { VersionProfile } from '../common/protocol/version-profile';
import { OcpiResponseEnvelopeSchema } from './envelope';

/**
 * What the shared transport needs to know to speak OCPI 2.2.1: the token goes Base64-encoded, every
 * call is traced with `X-Request-ID` and `X-Correlation-ID`, calls to functional modules carry the
 * `OCPI-from-*` / `OCPI-to-*` routing headers, and 4xxx status codes belong to hubs.
 *
 * @see https://github.com/ocpi/ocpi/blob/v2.2.1-d2/transport_and_format.asciidoc
 */
export const Profile: VersionProfile = {
  version: '2.2.1',
  tokenEncoding: 'base64',
  traceHeaders: true,
  routingHeaders: true,
  hubStatusCodes: true,
  envelopeSchema: OcpiResponseEnvelopeSchema,
};
