import { CdrsOperations } from './cdrs';
import { CommandsOperations } from './commands';
import { CredentialsOperations } from './credentials';
import { LocationsOperations } from './locations';
import { SessionsOperations } from './sessions';
import { TariffsOperations } from './tariffs';
import { TokensOperations } from './tokens';
import { VersionsOperations } from './versions';

/**
 * Every OCPI 2.1.1 operation by module (the spec's module identifiers) and interface (`cpo`, `emsp`),
 * with the schemas of its query, request body and response data. Importing this map brings in every
 * schema; import a module's own map (`LocationsOperations`) to keep a bundle small.
 *
 * @example
 * const { method, path, response } = Operations.locations.cpo.getLocation;
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
} as const;
