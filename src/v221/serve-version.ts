import type { Registration221Config } from '../server/config';
import type { ModuleImplementations, ServedTable } from '../server/platform/implementation';
import { servedOperations, type VersionService } from '../server/platform/version-service';
import { useCompiledValidators } from './compiled-validators';
import { Operations } from './operations';

/**
 * Where we serve the 2.2.1 operations that the client sends to a URL the partner gave: a CDR at the URL
 * our POST answer named, and the asynchronous results of commands and charging profiles at the
 * `response_url`s we put in our requests (build them with these paths below our endpoint).
 */
export const ServedPaths = {
  'cdrs.receiver.getCdr': '/{country_code}/{party_id}/{cdr_id}',
  'commands.sender.postResult': '/{command}/{uid}',
  'chargingprofiles.sender.postActiveProfileResult': '/active/{uid}',
  'chargingprofiles.sender.postProfileResult': '/set/{uid}',
  'chargingprofiles.sender.postClearProfileResult': '/clear/{uid}',
} as const;

/** The 2.2.1 operations as the handler serves them: `Operations`, with {@link ServedPaths}. */
export type ServedOperations = ServedTable<typeof Operations, typeof ServedPaths>;

/**
 * The app's code for the 2.2.1 modules it serves, by module and interface as in `Operations`: for a CPO
 * for example `locations.sender` (`list`, `getLocation`...), `tokens.receiver`, `commands.receiver`; for
 * an eMSP `locations.receiver`, `sessions.receiver`, `cdrs.receiver`, `tokens.sender`,
 * `commands.sender` (the results at our `response_url`s).
 */
export type Implementations = ModuleImplementations<ServedOperations>;

/** Options of {@link serveVersion}: our parties, what partners must offer, and the app's modules. */
export interface ServeVersionConfig extends Omit<Registration221Config, 'endpoints'> {
  modules: Implementations;
}

// The spec's lengths of the fields path parameters name (CiString(36), a CDR id CiString(39)).
const PATH_PARAM_LENGTHS = {
  location_id: 36,
  evse_uid: 36,
  connector_id: 36,
  session_id: 36,
  cdr_id: 39,
  tariff_id: 36,
  token_uid: 36,
  command: 20,
  uid: 36,
};

/**
 * OCPI 2.2.1 as `createOcpiHandler` serves it: our parties (one credentials role each) and the app's
 * implementation of each module interface we offer. Each interface is served at
 * `{baseUrl}/2.2.1/{sender|receiver}/{module}` and listed in our version details with its role.
 *
 * @throws TypeError for a module, interface or operation 2.2.1 does not have, or an implementation that
 *   is not a function.
 * @example
 * const v221 = serveVersion({
 *   roles: [{ role: 'EMSP', country_code: 'NL', party_id: 'EMS', business_details: { name: 'Example eMSP' } }],
 *   modules: { sessions: { receiver: { putSession: async ({ body }) => { await db.save(body); } } } },
 * });
 */
export function serveVersion(config: ServeVersionConfig): VersionService<'2.2.1'> {
  useCompiledValidators();
  const { modules, ...registration } = config;
  return {
    version: '2.2.1',
    registration,
    operations: servedOperations(Operations, modules as never, ServedPaths),
    endpointRole: (interfaceName) =>
      interfaceName === 'sender' ? 'SENDER' : interfaceName === 'receiver' ? 'RECEIVER' : undefined,
    pathParamLengths: PATH_PARAM_LENGTHS,
    unknownObjectStatus: (module) => (module === 'locations' ? 2003 : module === 'tokens' ? 2004 : 2000),
    cdrPath: (cdr) =>
      `/${encodeURIComponent(String(cdr.country_code))}/${encodeURIComponent(String(cdr.party_id))}/${encodeURIComponent(String(cdr.id))}`,
  };
}
