import { type BoundModules, bindModules } from '../common/transport/bind-operations';
import { type ClientOptions, partnerUrls } from '../common/transport/client-options';
import { createTransport, type Transport } from '../common/transport/transport';
import { TrustedOrigins } from '../common/transport/trusted-origins';
import { Operations } from './operations';
import { Profile } from './profile';
import type { Endpoint } from './schemas/versions';

/** Options of {@link createClient}: the partner's 2.1.1 endpoints and the shared client settings. */
export interface Client211Options extends ClientOptions {
  /** The `endpoints` of the partner's 2.1.1 version details. */
  endpoints: readonly Endpoint[];
}

/**
 * An OCPI 2.1.1 client for one partner. Each module has the spec's two interfaces, `cpo` and `emsp`:
 * call the one the partner implements (a CPO partner's `locations.cpo.list()`, an eMSP partner's
 * `locations.emsp.putLocation(...)`); 2.1.1 endpoints carry no role, so both use the module's URL.
 */
export interface Client211 extends BoundModules<typeof Operations> {
  readonly version: '2.1.1';
  readonly endpoints: readonly Endpoint[];
  readonly transport: Transport;
}

/**
 * Creates an OCPI 2.1.1 client from the partner's endpoints. The token is sent as is, as 2.1.1 does.
 *
 * @example
 * const client = createClient({ token, endpoints: details.endpoints });
 * const location = await client.locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
 */
export function createClient(options: Client211Options): Client211 {
  const transport = createTransport({
    ...options,
    profile: Profile,
    trustedOrigins: new TrustedOrigins(
      partnerUrls(
        options,
        options.endpoints.map((endpoint) => endpoint.url),
      ),
      options.allowedOrigins,
    ),
  });
  // 2.1.1 endpoints carry no role: both interfaces of a module use its one URL.
  const endpoint = (module: string) =>
    options.endpoints.find((candidate) => candidate.identifier === module)?.url;
  return {
    ...bindModules(transport, Operations, endpoint),
    version: '2.1.1',
    endpoints: options.endpoints,
    transport,
  };
}
