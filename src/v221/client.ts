import { type BoundModules, bindModules } from '../common/transport/bind-operations';
import { type ClientOptions, partnerUrls } from '../common/transport/client-options';
import { createTransport, type Transport } from '../common/transport/transport';
import { TrustedOrigins } from '../common/transport/trusted-origins';
import { Operations } from './operations';
import { Profile } from './profile';
import type { Endpoint } from './schemas/versions';

/** Options of {@link createClient}: the partner's 2.2.1 endpoints and the shared client settings. */
export interface Client221Options extends ClientOptions {
  /** The `endpoints` of the partner's 2.2.1 version details. */
  endpoints: readonly Endpoint[];
}

/**
 * An OCPI 2.2.1 client for one partner. Each module has the partner's two interfaces: `sender`
 * (pulling what the partner owns, e.g. `locations.sender.list()`) and `receiver` (pushing to the
 * partner, e.g. `locations.receiver.putLocation(...)`), each call sent to the endpoint the partner lists
 * for that module and role.
 */
export interface Client221 extends BoundModules<typeof Operations> {
  readonly version: '2.2.1';
  readonly endpoints: readonly Endpoint[];
  readonly transport: Transport;
}

/**
 * Creates an OCPI 2.2.1 client from the partner's endpoints.
 *
 * @example
 * const client = createClient({ token, endpoints: details.endpoints, from: { countryCode: 'NL', partyId: 'EXA' } });
 * for await (const location of client.locations.sender.list()) console.log(location.id);
 */
export function createClient(options: Client221Options): Client221 {
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
  // Each call goes to the endpoint the partner lists for that module and interface role.
  const endpoint = (module: string, role: string) =>
    options.endpoints.find(
      (candidate) =>
        candidate.identifier === module && (role === '' || candidate.role === role.toUpperCase()),
    )?.url;
  return {
    ...bindModules(transport, Operations, endpoint),
    version: '2.2.1',
    endpoints: options.endpoints,
    transport,
  };
}
