import type { VersionProfile } from '../common/protocol/version-profile';
import { OcpiResponseEnvelopeSchema } from './envelope';

/**
 * What the shared transport needs to know to speak OCPI 2.1.1: the token goes as is, calls carry no
 * tracing or routing headers, and there are no hubs (a 4xxx status code is in no range 2.1.1 defines).
 *
 * @see https://github.com/ocpi/ocpi/blob/2.1.1-d2/transport_and_format.md
 */
export const Profile: VersionProfile = {
  version: '2.1.1',
  tokenEncoding: 'raw',
  traceHeaders: false,
  routingHeaders: false,
  hubStatusCodes: false,
  envelopeSchema: OcpiResponseEnvelopeSchema,
};
