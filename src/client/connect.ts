import type { OcpiVersion } from '../common/protocol/version';
import type { ValidationSetting } from '../common/schema/lenient-types';
import type { UnknownFields } from '../common/schema/parse';
import type { ClientOptions } from '../common/transport/client-options';
import type { FlowCallOptions } from '../common/transport/discovery';
import type { PartnerUrlPolicy } from '../common/transport/partner-url-policy';
import type { ClientMode } from '../common/transport/typed-calls';
import { clientFor, discoverPartner, type OcpiClient } from './discover-partner';

export type { OcpiClient };

/** Options of {@link connect}. */
export interface ConnectOptions extends ClientOptions, FlowCallOptions {
  /** The partner's versions URL. */
  versionsUrl: string;
  /** The versions we accept, highest preferred first. Default: 2.2.1, then 2.1.1. */
  versions?: readonly OcpiVersion[];
  /**
   * Which URLs of the partner we call: its versions URL, the details URL its list names and the
   * endpoints its details name (each refused with `OcpiUntrustedUrlError` before any request to it).
   * Default `partnerUrlPolicy()`: `https:` only, no loopback, private or link-local hosts.
   */
  allowPartnerUrl?: PartnerUrlPolicy;
}

/**
 * Connects to a partner: GETs its versions, picks the highest version both speak, GETs that version's
 * details and returns the matching client, typed as a union on `version` so one code path can serve
 * 2.1.1 and 2.2.1 partners side by side. Every URL involved must pass `allowPartnerUrl`.
 *
 * @example
 * const client = await connect({ versionsUrl: 'https://cpo.example.com/ocpi/versions', token });
 * if (client.version === '2.2.1') await client.locations.sender.list().toArray({ limit: 100 });
 * else await client.locations.cpo.list().toArray({ limit: 100 });
 */
export async function connect<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(
  options: ConnectOptions & { validation?: Mode; unknownFields?: Unknown },
): Promise<OcpiClient<ClientMode<Mode>, Unknown>> {
  const partner = await discoverPartner(options);
  const { allowPartnerUrl: _checked, ...clientOptions } = options;
  // The client is made with these very options: its results are typed as they say.
  return clientFor(partner.version, {
    ...clientOptions,
    tokenEncoding: partner.tokenEncoding,
    versionUrl: partner.versionUrl,
    endpoints: partner.endpoints,
  }) as unknown as OcpiClient<ClientMode<Mode>, Unknown>;
}
