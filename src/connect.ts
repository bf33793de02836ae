import { chooseVersion, fetchVersions } from './common/discovery';
import type { ClientOptions } from './common/http/client-options';
import type { OcpiVersion } from './common/version';
import { type Client211, createClient as createClient211 } from './v211/client';
import { VersionDetailsSchema as VersionDetails211Schema } from './v211/schemas/versions';
import { type Client221, createClient as createClient221 } from './v221/client';
import { VersionDetailsSchema as VersionDetails221Schema } from './v221/schemas/versions';

/** A client for whichever version was agreed: check `client.version` to narrow it. */
export type OcpiClient = Client211 | Client221;

/** Options of {@link connect}. */
export interface ConnectOptions extends ClientOptions {
  /** The partner's versions URL. */
  versionsUrl: string;
  /** The versions we accept, highest preferred first. Default: 2.2.1, then 2.1.1. */
  versions?: readonly OcpiVersion[];
  signal?: AbortSignal;
}

/**
 * Connects to a partner: GETs its versions, picks the highest version both speak, GETs that version's
 * details and returns the matching client, typed as a union on `version` so one code path can serve
 * 2.1.1 and 2.2.1 partners side by side.
 *
 * @example
 * const client = await connect({ versionsUrl: 'https://cpo.example.com/ocpi/versions', token });
 * if (client.version === '2.2.1') await client.locations.sender.list().toArray({ limit: 100 });
 * else await client.locations.cpo.list().toArray({ limit: 100 });
 */
export async function connect(options: ConnectOptions): Promise<OcpiClient> {
  const { versions, tokenEncoding } = await fetchVersions(options);
  const chosen = chooseVersion(versions, options.versions);
  const settings = { ...options, tokenEncoding, versionUrl: chosen.url };
  const call = options.signal ? { options: { signal: options.signal } } : {};
  if (chosen.version === '2.2.1') {
    const bootstrap = createClient221({ ...settings, endpoints: [] });
    const details = await bootstrap.transport.send({
      method: 'GET',
      url: chosen.url,
      module: 'versions',
      data: VersionDetails221Schema,
      subject: 'version details',
      ...call,
    });
    return createClient221({ ...settings, endpoints: details.data.endpoints });
  }
  const bootstrap = createClient211({ ...settings, endpoints: [] });
  const details = await bootstrap.transport.send({
    method: 'GET',
    url: chosen.url,
    module: 'versions',
    data: VersionDetails211Schema,
    subject: 'version details',
    ...call,
  });
  return createClient211({ ...settings, endpoints: details.data.endpoints });
}
