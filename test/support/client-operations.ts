// How the client's operation maps line up with the spec's operation rows (test/support/spec-operations.ts):
// which row each bound function sends.
import type { Operation } from '@org/ocpi';
import type { OperationRow } from './spec-operations';

/** One bound function of a client: where it sits in the `Operations` map, and its operation. */
export interface MapEntry {
  module: string;
  /** `sender`/`receiver` (2.2.1), `cpo`/`emsp` (2.1.1), `''` for versions and credentials. */
  role: string;
  name: string;
  op: Operation;
  /** `locations.sender.getEvse`, or `credentials.getCredentials` without a role. */
  key: string;
}

/** Every operation of an `Operations` map, in map order. */
export function mapEntries(map: object): MapEntry[] {
  const entries: MapEntry[] = [];
  for (const [module, value] of Object.entries(map)) {
    for (const [key, inner] of Object.entries(value as object)) {
      if (isOperation(inner)) {
        entries.push({ module, role: '', name: key, op: inner, key: `${module}.${key}` });
        continue;
      }
      for (const [name, op] of Object.entries(inner as object)) {
        if (!isOperation(op)) throw new Error(`${module}.${key}.${name} is not an operation`);
        entries.push({ module, role: key, name, op, key: `${module}.${key}.${name}` });
      }
    }
  }
  return entries;
}

function isOperation(value: unknown): value is Operation {
  return typeof value === 'object' && value !== null && 'method' in value && 'path' in value;
}

/** The map role a row's interface is: the 2.2.1 Sender/Receiver, the 2.1.1 CPO/eMSP, or none. */
export function roleOfInterface(iface: string): string {
  if (iface.startsWith('Sender')) return 'sender';
  if (iface.startsWith('Receiver')) return 'receiver';
  if (iface.startsWith('CPO interface')) return 'cpo';
  if (iface.startsWith('eMSP interface')) return 'emsp';
  if (iface.startsWith('Server')) return '';
  throw new Error(`Unknown interface ${iface}`);
}

/** A row's URL pattern taken apart: below the module endpoint or a URL given elsewhere, and its query. */
export interface ParsedPattern {
  /** False for `{versions_url}`, `{response_url}`, the CDR's Location URL...: not under an endpoint. */
  underEndpoint: boolean;
  /** Under an endpoint: each path the pattern allows (optional segments expanded in order). */
  paths: string[];
  /** External: the name in the leading `{...}`. */
  placeholder: string | undefined;
  /** The query parameter names, required or optional. */
  query: string[];
}

/** A row's URL pattern without its notes ("  (spec text omits...)", " (no structure defined)"). */
export function barePattern(url: string): string {
  return url.split(/\s{2,}| \(/)[0]?.trim() ?? '';
}

export function parsePattern(url: string): ParsedPattern {
  const pattern = barePattern(url);
  const endpoint = /^\{\w+_endpoint_url\}/.exec(pattern);
  const queryAt = pattern.search(/\[?\?/);
  const pathPart = queryAt === -1 ? pattern : pattern.slice(0, queryAt);
  const query =
    queryAt === -1
      ? []
      : pattern
          .slice(queryAt)
          .replace(/[[\]?]/g, '')
          .split('&')
          .map((parameter) => parameter.replace(/=.*$/, ''))
          .filter((name) => name !== '');
  if (!endpoint) {
    return { underEndpoint: false, paths: [], placeholder: /^\{([^}]+)\}/.exec(pattern)?.[1], query };
  }
  // `/{a}[/{b}[/{c}]]` and `/{a}[/{b}][/{c}]` both allow /{a}, /{a}/{b} and /{a}/{b}/{c}.
  const [required = '', ...optional] = pathPart.slice(endpoint[0].length).replace(/\]/g, '').split('[');
  const paths = [required];
  for (const segment of optional) paths.push(`${paths.at(-1)}${segment}`);
  return { underEndpoint: true, paths, placeholder: undefined, query };
}

/** The query parameter names an operation takes, from its query schema's shape. */
export function queryNames(op: Operation): string[] {
  const shape = (op.query as unknown as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def
    ?.shape;
  return Object.keys(shape ?? {});
}

// The rows call the version details URL `{version_details_url}`; the map's placeholder is `{version_url}`.
const PLACEHOLDER_ALIASES: Record<string, string> = { version_url: 'version_details_url' };

/**
 * Whether `entry` is an operation of `row`: same module, interface role and method; for a row under the
 * module endpoint, the entry's path is one the pattern allows, `{command}` standing for any value of
 * `commandTypes`; for a URL given elsewhere, the entry is external too (matched by placeholder name
 * where a module has several such rows); and the same query parameter names.
 */
export function matchesRow(
  entry: MapEntry,
  row: OperationRow,
  rows: readonly OperationRow[],
  commandTypes: readonly string[],
): boolean {
  if (row.module.toLowerCase() !== entry.module) return false;
  if (roleOfInterface(row.interface) !== entry.role || row.method !== entry.op.method) return false;
  const pattern = parsePattern(row.url);
  if ([...pattern.query].sort().join() !== queryNames(entry.op).sort().join()) return false;
  if (!pattern.underEndpoint) {
    if (!entry.op.externalUrl) return false;
    const siblings = rows.filter(
      (other) =>
        other.module === row.module &&
        other.interface === row.interface &&
        other.method === row.method &&
        !parsePattern(other.url).underEndpoint,
    );
    if (siblings.length === 1) return true;
    const name = /^\{(\w+)\}$/.exec(entry.op.path)?.[1] ?? '';
    return (PLACEHOLDER_ALIASES[name] ?? name) === pattern.placeholder;
  }
  if (entry.op.externalUrl) return false;
  return pattern.paths.some((path) => pathRegExp(path, commandTypes).test(entry.op.path));
}

function pathRegExp(path: string, commandTypes: readonly string[]): RegExp {
  const source = path
    .split(/(\{\w+\})/)
    .map((part) =>
      part === '{command}'
        ? `(?:${commandTypes.join('|')})`
        : part.replace(/[.*+?^${}()|[\]\\]/g, (character) => `\\${character}`),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/** A short name for a row, for messages and expectations: `Locations GET {locations_endpoint_url}/...`. */
export function rowLabel(row: OperationRow): string {
  return `${row.module} ${row.method} ${barePattern(row.url)}`;
}
