import type { Registration211Config } from '../server/config';
import type { ModuleImplementations, ServedTable } from '../server/platform/implementation';
import { servedOperations, type VersionService } from '../server/platform/version-service';
import { useCompiledValidators } from './compiled-validators';
import { Operations } from './operations';

/**
 * Where we serve the 2.1.1 operations that the client sends to a URL the partner gave: a CDR at the URL
 * our POST answer named, and the asynchronous results of commands at the `response_url`s we put in our
 * commands (build them with these paths below our endpoint).
 */
export const ServedPaths = {
  'cdrs.emsp.getCdr': '/{cdr_id}',
  'commands.emsp.postResult': '/{command}/{uid}',
} as const;

/** The 2.1.1 operations as the handler serves them: `Operations`, with {@link ServedPaths}. */
export type ServedOperations = ServedTable<typeof Operations, typeof ServedPaths>;

/**
 * The app's code for the 2.1.1 modules it serves, by module and interface as in `Operations`: `cpo`
 * interfaces for a CPO (`locations.cpo`, `tokens.cpo`, `commands.cpo`...), `emsp` interfaces for an eMSP
 * (`locations.emsp`, `sessions.emsp`, `cdrs.emsp`, `tokens.emsp`, `commands.emsp`).
 */
export type Implementations = ModuleImplementations<ServedOperations>;

/** Options of {@link serveVersion}: our party, what partners must offer, and the app's modules. */
export interface ServeVersionConfig extends Omit<Registration211Config, 'endpoints'> {
  modules: Implementations;
}

// The spec's lengths of the fields path parameters name: a Location id and an EVSE uid string(39).
const PATH_PARAM_LENGTHS = {
  location_id: 39,
  evse_uid: 39,
  connector_id: 36,
  session_id: 36,
  cdr_id: 36,
  tariff_id: 36,
  token_uid: 36,
  command: 20,
  uid: 36,
};

/**
 * OCPI 2.1.1 as `createOcpiHandler` serves it: our party and the app's implementation of each module
 * interface we offer, served at `{baseUrl}/2.1.1/{cpo|emsp}/{module}` and listed in our version details.
 * A 2.1.1 platform offers one interface of a module (version details list a module once).
 *
 * @throws TypeError for a module, interface or operation 2.1.1 does not have, or an implementation that
 *   is not a function.
 * @example
 * const v211 = serveVersion({
 *   party_id: 'CPO',
 *   country_code: 'NL',
 *   business_details: { name: 'Example CPO' },
 *   modules: { locations: { cpo: { list: async ({ query }) => db.locations(query) } } },
 * });
 */
export function serveVersion(config: ServeVersionConfig): VersionService<'2.1.1'> {
  useCompiledValidators();
  const { modules, ...registration } = config;
  return {
    version: '2.1.1',
    registration,
    operations: servedOperations(Operations, modules as never, ServedPaths),
    endpointRole: () => undefined,
    pathParamLengths: PATH_PARAM_LENGTHS,
    unknownObjectStatus: (module) => (module === 'locations' ? 2003 : 2000),
    cdrPath: (cdr) => `/${encodeURIComponent(String(cdr.id))}`,
  };
}
