import type { Lenient, ValidationSetting } from '../common/schema/lenient-types';
import type { UnknownFields } from '../common/schema/parse';
import type { Transport } from '../common/transport/transport';
import type { ClientMode } from '../common/transport/typed-calls';
import { createVersionClient, type VersionClientOptions } from '../common/transport/version-client';
import { useCompiledValidators } from './compiled-validators';
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
export interface Client221Options extends VersionClientOptions<Lenient<Endpoint>> {
  /**
   * The `endpoints` of the partner's 2.2.1 version details, as any client reads them (an endpoint of a
   * module or role the spec does not list is kept, and never called).
   */
  endpoints: readonly Lenient<Endpoint>[];
}

/**
 * An OCPI 2.2.1 client for one partner. Each module has the partner's two interfaces: `sender`
 * (pulling what the partner owns, e.g. `locations.sender.list()`) and `receiver` (pushing to the
 * partner, e.g. `locations.receiver.putLocation(...)`), each call sent to the endpoint the partner lists
 * for that module and role.
 */
export interface Client221<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> {
  readonly version: '2.2.1';
  readonly endpoints: readonly Lenient<Endpoint>[];
  readonly transport: Transport;
  readonly versions: VersionsCalls<Mode, Unknown>;
  readonly credentials: CredentialsCalls<Mode, Unknown>;
  readonly locations: {
    readonly sender: LocationsSenderCalls<Mode, Unknown>;
    readonly receiver: LocationsReceiverCalls<Mode, Unknown>;
  };
  readonly sessions: {
    readonly sender: SessionsSenderCalls<Mode, Unknown>;
    readonly receiver: SessionsReceiverCalls<Mode, Unknown>;
  };
  readonly cdrs: {
    readonly sender: CdrsSenderCalls<Mode, Unknown>;
    readonly receiver: CdrsReceiverCalls<Mode, Unknown>;
  };
  readonly tariffs: {
    readonly sender: TariffsSenderCalls<Mode, Unknown>;
    readonly receiver: TariffsReceiverCalls<Mode, Unknown>;
  };
  readonly tokens: {
    readonly sender: TokensSenderCalls<Mode, Unknown>;
    readonly receiver: TokensReceiverCalls<Mode, Unknown>;
  };
  readonly commands: {
    readonly sender: CommandsSenderCalls<Mode, Unknown>;
    readonly receiver: CommandsReceiverCalls<Mode, Unknown>;
  };
  readonly chargingprofiles: {
    readonly sender: ChargingProfilesSenderCalls<Mode, Unknown>;
    readonly receiver: ChargingProfilesReceiverCalls<Mode, Unknown>;
  };
  readonly hubclientinfo: {
    readonly sender: HubClientInfoSenderCalls<Mode, Unknown>;
    readonly receiver: HubClientInfoReceiverCalls<Mode, Unknown>;
  };
}

/**
 * Creates an OCPI 2.2.1 client from the partner's endpoints.
 *
 * @example
 * const client = createClient({ token, endpoints: details.endpoints, from: { countryCode: 'NL', partyId: 'EXA' } });
 * for await (const location of client.locations.sender.list()) console.log(location.id);
 */
export function createClient<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(
  options: Client221Options & { validation?: Mode; unknownFields?: Unknown },
): Client221<ClientMode<Mode>, Unknown> {
  useCompiledValidators();
  return {
    ...createVersionClient<typeof Operations, Lenient<Endpoint>, ClientMode<Mode>, Unknown>(
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
