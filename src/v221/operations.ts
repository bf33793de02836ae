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
