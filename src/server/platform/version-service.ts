import type { OcpiVersion } from '../../common/protocol/version';
import type { Operation } from '../../common/transport/operation';
import type { Registration211Config, Registration221Config } from '../config';
import type { PathParamLengths } from './path-params';

/** One operation as the handler serves it: where, what it checks, and the app's code for it. */
export interface ServedOperation {
  readonly module: string;
  /** The interface's name in `Operations` (`sender`, `receiver`, `cpo`, `emsp`): also its URL segment. */
  readonly interfaceName: string;
  readonly name: string;
  /** The operation, with its path as we serve it (response URLs have one of ours). */
  readonly operation: Operation;
  /** The app's code; absent for an operation of an implemented interface that the app left out. */
  readonly implementation?: (call: never) => unknown;
}

/**
 * One OCPI version as `createOcpiHandler` serves it, made by the version's `serveVersion`: our parties,
 * the operations of every interface the app implements, and the version's rules. Opaque to apps.
 */
export interface VersionService<V extends OcpiVersion = OcpiVersion> {
  readonly version: V;
  /** Our parties and required modules, as the credentials registration needs them (endpoints aside). */
  readonly registration: V extends '2.2.1'
    ? Omit<Registration221Config, 'endpoints'>
    : Omit<Registration211Config, 'endpoints'>;
  /** Every operation of every implemented interface, implemented or not. */
  readonly operations: readonly ServedOperation[];
  /** The role a version details entry gives an interface (`SENDER`/`RECEIVER`); none in 2.1.1. */
  readonly endpointRole: (interfaceName: string) => 'SENDER' | 'RECEIVER' | undefined;
  readonly pathParamLengths: PathParamLengths;
  /** The status code of an unknown object of a module, when the version has one (2003 Location, 2004 Token). */
  readonly unknownObjectStatus: (module: string) => number;
  /** The Location header of a POSTed CDR, below our CDR endpoint, from the CDR as received. */
  readonly cdrPath: (cdr: Record<string, unknown>) => string;
}

/**
 * The operations of a version's table (`Operations`) that the app implements, interface by interface:
 * every operation of an interface the app gave at least one of, with its implementation where given.
 * `paths` replaces the paths of operations served at URLs of ours that the client table leaves to the
 * partner (`{response_url}`, `{cdr_location_url}`), by `module.interface.name`.
 */
export function servedOperations(
  tableOfVersion: object,
  modules: Readonly<
    Record<string, Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>> | undefined>
  >,
  paths: Readonly<Record<string, string>>,
): ServedOperation[] {
  // Functional modules have interfaces; versions and credentials (served by the registration) do not.
  const table = tableOfVersion as Readonly<
    Record<string, Readonly<Record<string, Readonly<Record<string, Operation>>>>>
  >;
  const served: ServedOperation[] = [];
  for (const [module, interfaces] of Object.entries(modules)) {
    if (interfaces === undefined) continue;
    const tableInterfaces = table[module];
    if (tableInterfaces === undefined || module === 'versions' || module === 'credentials') {
      throw new TypeError(`serveVersion: no functional module ${module} in this version`);
    }
    for (const [interfaceName, implementations] of Object.entries(interfaces)) {
      if (implementations === undefined) continue;
      const operations = tableInterfaces[interfaceName];
      if (operations === undefined) {
        throw new TypeError(`serveVersion: ${module} has no ${interfaceName} interface in this version`);
      }
      for (const name of Object.keys(implementations)) {
        if (!(name in operations))
          throw new TypeError(`serveVersion: ${module}.${interfaceName} has no ${name}`);
      }
      for (const [name, operation] of Object.entries(operations)) {
        const implementation = implementations[name];
        if (implementation !== undefined && typeof implementation !== 'function') {
          throw new TypeError(`serveVersion: ${module}.${interfaceName}.${name} must be a function`);
        }
        const path = paths[`${module}.${interfaceName}.${name}`];
        served.push({
          module,
          interfaceName,
          name,
          operation: path === undefined ? operation : { ...operation, path, externalUrl: false },
          ...(implementation !== undefined && { implementation: implementation as (call: never) => unknown }),
        });
      }
    }
  }
  return served;
}
