import { type BoundOperations, bindOperations } from '../common/http/bind-operations';
import { type ClientOptions, trustedUrls } from '../common/http/client-options';
import { createTransport, type Transport } from '../common/http/transport';
import { TrustedOrigins } from '../common/http/trusted-origins';
import { OcpiResponseEnvelopeSchema } from './envelope';
import type { Endpoint } from './generated/schemas';
import { CdrsOperations } from './schemas/cdrs';
import { CommandsOperations } from './schemas/commands';
import { CredentialsOperations } from './schemas/credentials';
import { LocationsOperations } from './schemas/locations';
import { SessionsOperations } from './schemas/sessions';
import { TariffsOperations } from './schemas/tariffs';
import { TokensOperations } from './schemas/tokens';
import { VersionsOperations } from './schemas/versions';

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
export interface Client211 {
  readonly version: '2.1.1';
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
    version: '2.1.1',
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
    endpoint: () => options.endpoints.find((endpoint) => endpoint.identifier === identifier)?.url,
  });
  return {
    version: '2.1.1',
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
  };
}
