import type { Transport } from '../common/transport/transport';
import { createVersionClient, type VersionClientOptions } from '../common/transport/version-client';
import type { Endpoint } from './generated/schemas';
import { Operations } from './operations';
import type { CdrsReceiverCalls, CdrsSenderCalls } from './operations/cdrs';
import type {
  ChargingProfilesReceiverCalls,
  ChargingProfilesSenderCalls,
} from './operations/chargingprofiles';
import type { CommandsReceiverCalls, CommandsSenderCalls } from './operations/commands';
import type { CredentialsCalls } from './operations/credentials';
import type { HubClientInfoReceiverCalls, HubClientInfoSenderCalls } from './operations/hubclientinfo';
import type { LocationsReceiverCalls, LocationsSenderCalls } from './operations/locations';
import type { SessionsReceiverCalls, SessionsSenderCalls } from './operations/sessions';
import type { TariffsReceiverCalls, TariffsSenderCalls } from './operations/tariffs';
import type { TokensReceiverCalls, TokensSenderCalls } from './operations/tokens';
import type { VersionsCalls } from './operations/versions';
import { Profile } from './profile';

/** Options of {@link createClient}: the partner's 2.2.1 endpoints and the shared client settings. */
export interface Client221Options extends VersionClientOptions<Endpoint> {
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
  readonly versions: VersionsCalls;
  readonly credentials: CredentialsCalls;
  readonly locations: { readonly sender: LocationsSenderCalls; readonly receiver: LocationsReceiverCalls };
  readonly sessions: { readonly sender: SessionsSenderCalls; readonly receiver: SessionsReceiverCalls };
  readonly cdrs: { readonly sender: CdrsSenderCalls; readonly receiver: CdrsReceiverCalls };
  readonly tariffs: { readonly sender: TariffsSenderCalls; readonly receiver: TariffsReceiverCalls };
  readonly tokens: { readonly sender: TokensSenderCalls; readonly receiver: TokensReceiverCalls };
  readonly commands: { readonly sender: CommandsSenderCalls; readonly receiver: CommandsReceiverCalls };
  readonly chargingprofiles: {
    readonly sender: ChargingProfilesSenderCalls;
    readonly receiver: ChargingProfilesReceiverCalls;
  };
  readonly hubclientinfo: {
    readonly sender: HubClientInfoSenderCalls;
    readonly receiver: HubClientInfoReceiverCalls;
  };
}

/**
 * Creates an OCPI 2.2.1 client from the partner's endpoints.
 *
 * @example
 * const client = createClient({ token, endpoints: details.endpoints, from: { countryCode: 'NL', partyId: 'EXA' } });
 * for await (const location of client.locations.sender.list()) console.log(location.id);
 */
export function createClient(options: Client221Options): Client221 {
  return {
    ...createVersionClient(
      options,
      Profile,
      Operations,
      (endpoints, module, role) =>
        // Each call goes to the endpoint the partner lists for that module and interface role.
        endpoints.find(
          (candidate) =>
            candidate.identifier === module && (role === '' || candidate.role === role.toUpperCase()),
        )?.url,
    ),
    version: '2.2.1',
  };
}
