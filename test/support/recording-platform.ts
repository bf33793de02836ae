// A whole platform served by createOcpiHandler with an implementation of every operation of the
// interfaces it offers, each one recording its calls and writing what it is pushed into one in-memory
// map: the tests of the answering side look at that map to tell whether a refused request stored
// anything. Stored values are frozen deeply, so that the handler changing one in place would throw.
import { createOcpiHandler, type OcpiHandlerConfig, type PartnerStore } from '@org/ocpi';
import * as v211 from '@org/ocpi/v211';
import * as v221 from '@org/ocpi/v221';

/** What the app stored: `{version} {module} {path parameters}` to the object pushed (null for a DELETE). */
export type AppStore = Map<string, unknown>;

/** One call of an implementation: which operation, and what it got. */
export interface RecordedCall {
  operation: string;
  params: Readonly<Record<string, string>>;
  body: unknown;
}

/** The sides a platform may take in 2.1.1, which serves one interface of each module. */
export type Side211 = 'cpo' | 'emsp';

/** Our parties, as both versions publish them. */
export const OUR_221_ROLES = [
  { role: 'CPO', country_code: 'NL', party_id: 'OUR', business_details: { name: 'Our CPO' } },
  { role: 'EMSP', country_code: 'NL', party_id: 'OUR', business_details: { name: 'Our eMSP' } },
] as const;

type Table = Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, OperationLike>>>>>>;
interface OperationLike {
  method: string;
  response?: unknown;
  paginated?: boolean;
}

// What an operation with answer data answers: the handler sends it as it is (it checks requests only).
const ACCEPTED = { result: 'ACCEPTED', timeout: 30 };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Implementations of every operation of the given interfaces of a version's table. */
function implementationsOf(
  version: string,
  table: Table,
  interfaces: (module: string, interfaceName: string) => boolean,
  stored: AppStore,
  calls: RecordedCall[],
) {
  const modules: Record<string, Record<string, Record<string, (call: never) => unknown>>> = {};
  for (const [module, moduleInterfaces] of Object.entries(table)) {
    if (module === 'versions' || module === 'credentials') continue;
    for (const [interfaceName, operations] of Object.entries(moduleInterfaces)) {
      if (!interfaces(module, interfaceName)) continue;
      const implemented: Record<string, (call: never) => unknown> = {};
      for (const [name, operation] of Object.entries(operations)) {
        implemented[name] = (call: never) => {
          const { params, body } = call as { params: Record<string, string>; body: unknown };
          calls.push({ operation: `${version} ${module}.${interfaceName}.${name}`, params, body });
          const key = `${version} ${module} ${Object.values(params).join('/')}`;
          if (operation.paginated) return { items: [...stored.values()].slice(0, 2), total: 2 };
          if (operation.method === 'GET') return stored.get(key);
          const created = !stored.has(key);
          stored.set(key, deepFreeze(structuredClone(body ?? null)));
          if (operation.response) return ACCEPTED;
          return created ? 'created' : undefined;
        };
      }
      modules[module] ??= {};
      (modules[module] as Record<string, unknown>)[interfaceName] = implemented;
    }
  }
  return modules;
}

/** Options of {@link recordingPlatform}: the handler's, and which 2.1.1 side it takes. */
export interface RecordingPlatformOptions extends Omit<OcpiHandlerConfig, 'versions' | 'store' | 'baseUrl'> {
  store: PartnerStore;
  baseUrl: string;
  /** Default `emsp`. */
  side211?: Side211;
  /** Default both. */
  versions?: readonly ('2.2.1' | '2.1.1')[];
}

/**
 * A handler serving every 2.2.1 interface (both sides of every module) and every 2.1.1 interface of one
 * side, at `{baseUrl}/{version}/{interface}/{module}`, with implementations that record.
 */
export function recordingPlatform(options: RecordingPlatformOptions) {
  const { side211 = 'emsp', versions = ['2.2.1', '2.1.1'], ...config } = options;
  const stored: AppStore = new Map();
  const calls: RecordedCall[] = [];
  const services = [];
  if (versions.includes('2.2.1')) {
    services.push(
      v221.serveVersion({
        roles: OUR_221_ROLES,
        modules: implementationsOf('2.2.1', v221.Operations as never, () => true, stored, calls) as never,
      }),
    );
  }
  if (versions.includes('2.1.1')) {
    services.push(
      v211.serveVersion({
        country_code: 'NL',
        party_id: 'OUR',
        business_details: { name: 'Us' },
        modules: implementationsOf(
          '2.1.1',
          v211.Operations as never,
          (_, interfaceName) => interfaceName === side211,
          stored,
          calls,
        ) as never,
      }),
    );
  }
  const handle = createOcpiHandler({ ...config, versions: services });
  return { handle, stored, calls };
}
