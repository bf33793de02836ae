import { type BoundOperations, bindOperations } from '../common/http/bind-operations';
import { type ClientOptions, trustedUrls } from '../common/http/client-options';
import { createTransport, type Transport } from '../common/http/transport';
import { TrustedOrigins } from '../common/http/trusted-origins';
import { OcpiResponseEnvelopeSchema } from './envelope';
import type { Endpoint } from './generated/schemas';
import { CdrsOperations } from './schemas/cdrs';
import { ChargingProfilesOperations } from './schemas/chargingprofiles';
import { CommandsOperations } from './schemas/commands';
import { CredentialsOperations } from './schemas/credentials';
import { HubClientInfoOperations } from './schemas/hubclientinfo';
import { LocationsOperations } from './schemas/locations';
import { SessionsOperations } from './schemas/sessions';
import { TariffsOperations } from './schemas/tariffs';
import { TokensOperations } from './schemas/tokens';
import { VersionsOperations } from './schemas/versions';

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
export interface Client221 {
  readonly version: '2.2.1';
  readonly endpoints: readonly Endpoint[];
  readonly transport: Transport;
  readonly versions: BoundOperations<typeof VersionsOperations>;
  readonly credentials: BoundOperations<typeof CredentialsOperations>;
  readonly locations: BoundOperations<typeof LocationsOperations>;
  readonly sessions: BoundOperations<typeof SessionsOperations>;
  readonly cdrs: BoundOperations<typeof CdrsOperations>;
  readonly tariffs: BoundOperations<typeof TariffsOperations>;
  readonly tokens: BoundOperations<typeof TokensOperations>;
  readonly commands: BoundOperations<typeof CommandsOperations>;
  readonly chargingprofiles: BoundOperations<typeof ChargingProfilesOperations>;
  readonly hubclientinfo: BoundOperations<typeof HubClientInfoOperations>;
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
    version: '2.2.1',
    envelopeSchema: OcpiResponseEnvelopeSchema,
    trustedOrigins: new TrustedOrigins(
      trustedUrls(
        options,
        options.endpoints.map((endpoint) => endpoint.url),
      ),
    ),
  });
  const module = (identifier: string) => ({
    module: identifier,
    endpoint: (role: string) =>
      options.endpoints.find(
        (endpoint) =>
          endpoint.identifier === identifier && (role === '' || endpoint.role === role.toUpperCase()),
      )?.url,
  });
  return {
    version: '2.2.1',
    endpoints: options.endpoints,
    transport,
    versions: bindOperations(transport, VersionsOperations, module('versions')),
    credentials: bindOperations(transport, CredentialsOperations, module('credentials')),
    locations: bindOperations(transport, LocationsOperations, module('locations')),
    sessions: bindOperations(transport, SessionsOperations, module('sessions')),
    cdrs: bindOperations(transport, CdrsOperations, module('cdrs')),
    tariffs: bindOperations(transport, TariffsOperations, module('tariffs')),
    tokens: bindOperations(transport, TokensOperations, module('tokens')),
    commands: bindOperations(transport, CommandsOperations, module('commands')),
    chargingprofiles: bindOperations(transport, ChargingProfilesOperations, module('chargingprofiles')),
    hubclientinfo: bindOperations(transport, HubClientInfoOperations, module('hubclientinfo')),
  };
}
