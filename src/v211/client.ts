import type { Lenient, ValidationSetting } from '../common/schema/lenient-types';
import type { UnknownFields } from '../common/schema/parse';
import type { Transport } from '../common/transport/transport';
import type { ClientMode } from '../common/transport/typed-calls';
import { createVersionClient, type VersionClientOptions } from '../common/transport/version-client';
import { useCompiledValidators } from './compiled-validators';
import type { Endpoint } from './generated/schemas';
import { Operations } from './operations';
import type { CdrsCpoCalls, CdrsEmspCalls } from './operations/cdrs';
import type { CommandsCpoCalls, CommandsEmspCalls } from './operations/commands';
import type { CredentialsCalls } from './operations/credentials';
import type { LocationsCpoCalls, LocationsEmspCalls } from './operations/locations';
import type { SessionsCpoCalls, SessionsEmspCalls } from './operations/sessions';
import type { TariffsCpoCalls, TariffsEmspCalls } from './operations/tariffs';
import type { TokensCpoCalls, TokensEmspCalls } from './operations/tokens';
import type { VersionsCalls } from './operations/versions';
import { Profile } from './profile';

/** Options of {@link createClient}: the partner's 2.1.1 endpoints and the shared client settings. */
export interface Client211Options extends VersionClientOptions<Lenient<Endpoint>> {
  /**
   * The `endpoints` of the partner's 2.1.1 version details, as any client reads them (an endpoint of a
   * module or role the spec does not list is kept, and never called).
   */
  endpoints: readonly Lenient<Endpoint>[];
}

/**
 * An OCPI 2.1.1 client for one partner. Each module has the spec's two interfaces, `cpo` and `emsp`:
 * call the one the partner implements (a CPO partner's `locations.cpo.list()`, an eMSP partner's
 * `locations.emsp.putLocation(...)`); 2.1.1 endpoints carry no role, so both use the module's URL.
 */
export interface Client211<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
> {
  readonly version: '2.1.1';
  readonly endpoints: readonly Lenient<Endpoint>[];
  readonly transport: Transport;
  readonly versions: VersionsCalls<Mode, Unknown>;
  readonly credentials: CredentialsCalls<Mode, Unknown>;
  readonly locations: {
    readonly cpo: LocationsCpoCalls<Mode, Unknown>;
    readonly emsp: LocationsEmspCalls<Mode, Unknown>;
  };
  readonly sessions: {
    readonly cpo: SessionsCpoCalls<Mode, Unknown>;
    readonly emsp: SessionsEmspCalls<Mode, Unknown>;
  };
  readonly cdrs: { readonly cpo: CdrsCpoCalls<Mode, Unknown>; readonly emsp: CdrsEmspCalls<Mode, Unknown> };
  readonly tariffs: {
    readonly cpo: TariffsCpoCalls<Mode, Unknown>;
    readonly emsp: TariffsEmspCalls<Mode, Unknown>;
  };
  readonly tokens: {
    readonly cpo: TokensCpoCalls<Mode, Unknown>;
    readonly emsp: TokensEmspCalls<Mode, Unknown>;
  };
  readonly commands: {
    readonly cpo: CommandsCpoCalls<Mode, Unknown>;
    readonly emsp: CommandsEmspCalls<Mode, Unknown>;
  };
}

/**
 * Creates an OCPI 2.1.1 client from the partner's endpoints. The token is sent as is, as 2.1.1 does.
 *
 * @example
 * const client = createClient({ token, endpoints: details.endpoints });
 * const location = await client.locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
 */
export function createClient<
  Mode extends ValidationSetting = 'lenient',
  Unknown extends UnknownFields = 'strip',
>(
  options: Client211Options & { validation?: Mode; unknownFields?: Unknown },
): Client211<ClientMode<Mode>, Unknown> {
  useCompiledValidators();
  return {
    // 2.1.1 endpoints carry no role: both interfaces of a module use its one URL.
    ...createVersionClient<typeof Operations, Lenient<Endpoint>, ClientMode<Mode>, Unknown>(
      options,
      Profile,
      Operations,
      (endpoints, module) => endpoints.find((candidate) => candidate.identifier === module)?.url,
    ),
    version: '2.1.1',
  };
}
