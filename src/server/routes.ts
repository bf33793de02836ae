import type { OcpiVersion } from '../common/protocol/version';
import { trimTrailing } from '../common/text/trim-trailing';

/** The resources the handler serves below its base URL. */
export type Route =
  | { kind: 'versions' }
  | { kind: 'details'; version: OcpiVersion }
  | { kind: 'credentials'; version: OcpiVersion };

/** The methods each resource answers; others get 405. */
export const ALLOWED_METHODS: Record<Route['kind'], readonly string[]> = {
  versions: ['GET'],
  details: ['GET'],
  credentials: ['GET', 'POST', 'PUT', 'DELETE'],
};

/**
 * Which resource a request path names: `{base}/versions`, `{base}/{version}` or
 * `{base}/{version}/credentials`, for the versions we serve. Only the path is compared, not the origin,
 * so the handler works behind proxies that rewrite the host. A trailing slash is tolerated.
 */
export function matchRoute(url: URL, basePath: string, served: readonly OcpiVersion[]): Route | undefined {
  const path = trimTrailing(url.pathname, '/');
  if (!path.startsWith(`${basePath}/`)) return undefined;
  // Three segments tell a route from none: a path of 30,000 slashes is not split into 30,000 strings.
  const segments = path.slice(basePath.length + 1).split('/', 3);
  const [first, second, ...rest] = segments;
  if (rest.length > 0 || first === undefined) return undefined;
  if (first === 'versions' && second === undefined) return { kind: 'versions' };
  const version = served.find((candidate) => candidate === first);
  if (version === undefined) return undefined;
  if (second === undefined) return { kind: 'details', version };
  return second === 'credentials' ? { kind: 'credentials', version } : undefined;
}

/** The path of the base URL without its trailing slash: what request paths are matched against. */
export function basePathOf(baseUrl: string): string {
  return trimTrailing(new URL(baseUrl).pathname, '/');
}
