import type { VersionProfile } from '../common/protocol/version-profile';
import { OcpiResponseEnvelopeSchema } from './envelope';
import { Facts } from './facts';

/** What the shared transport needs to speak this version: its facts and its envelope. */
export const Profile: VersionProfile = { ...Facts, envelopeSchema: OcpiResponseEnvelopeSchema };
