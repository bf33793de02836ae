import { CdrsOperations } from './cdrs';
import { ChargingProfilesOperations } from './chargingprofiles';
import { CommandsOperations } from './commands';
import { CredentialsOperations } from './credentials';
import { HubClientInfoOperations } from './hubclientinfo';
import { LocationsOperations } from './locations';
import { SessionsOperations } from './sessions';
import { TariffsOperations } from './tariffs';
import { TokensOperations } from './tokens';
import { VersionsOperations } from './versions';

/**
 * Every OCPI 2.2.1 operation by module (the spec's module identifiers) and interface role, with the
 * schemas of its query, request body and response data: what a client sends and a server checks.
 * Importing this map brings in every schema; import a module's own map (`LocationsOperations`) to
 * keep a bundle small.
 *
 * @example
 * const { method, path, response } = Operations.locations.sender.getLocation;
 */
export const Operations = {
  versions: VersionsOperations,
  credentials: CredentialsOperations,
  locations: LocationsOperations,
  sessions: SessionsOperations,
  cdrs: CdrsOperations,
  tariffs: TariffsOperations,
  tokens: TokensOperations,
  commands: CommandsOperations,
  chargingprofiles: ChargingProfilesOperations,
  hubclientinfo: HubClientInfoOperations,
} as const;
