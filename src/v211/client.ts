import type { Transport } from '../common/transport/transport';
import { createVersionClient, type VersionClientOptions } from '../common/transport/version-client';
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
export interface Client211Options extends VersionClientOptions<Endpoint> {
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
  readonly versions: VersionsCalls;
  readonly credentials: CredentialsCalls;
  readonly locations: { readonly cpo: LocationsCpoCalls; readonly emsp: LocationsEmspCalls };
  readonly sessions: { readonly cpo: SessionsCpoCalls; readonly emsp: SessionsEmspCalls };
  readonly cdrs: { readonly cpo: CdrsCpoCalls; readonly emsp: CdrsEmspCalls };
  readonly tariffs: { readonly cpo: TariffsCpoCalls; readonly emsp: TariffsEmspCalls };
  readonly tokens: { readonly cpo: TokensCpoCalls; readonly emsp: TokensEmspCalls };
  readonly commands: { readonly cpo: CommandsCpoCalls; readonly emsp: CommandsEmspCalls };
}

/**
 * Creates an OCPI 2.1.1 client from the partner's endpoints. The token is sent as is, as 2.1.1 does.
 *
 * @example
 * const client = createClient({ token, endpoints: details.endpoints });
 * const location = await client.locations.cpo.getLocation({ params: { location_id: 'LOC1' } });
 */
export function createClient(options: Client211Options): Client211 {
  return {
    // 2.1.1 endpoints carry no role: both interfaces of a module use its one URL.
    ...createVersionClient(
      options,
      Profile,
      Operations,
      (endpoints, module) => endpoints.find((candidate) => candidate.identifier === module)?.url,
    ),
    version: '2.1.1',
  };
}
