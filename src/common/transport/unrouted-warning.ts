import { isRoutedModule } from './routing';

/** What the first functional call of a 2.2.1 client made without `from` writes with `console.warn`. */
export const UNROUTED_WARNING =
  '@org/ocpi: a 2.2.1 client without `from` sends functional calls without OCPI-from-*/OCPI-to-* routing headers, which the spec allows only on a direct link between two parties with one role each. ' +
  'Pass `from` and `to`, or `from: null` to confirm such a link; a partnerClient() sets both.';

// Once per process, as runtime warnings go: an app that makes a client per partner or per request
// learns it from the first one and is not flooded.
let warned = false;

/**
 * Wraps a client's endpoint lookup, which runs once per call, so that the first call to a functional
 * module in the process writes {@link UNROUTED_WARNING}; every later one is silent.
 */
export function warnOnceUnrouted(
  endpoint: (module: string, role: string) => string | undefined,
): (module: string, role: string) => string | undefined {
  return (module, role) => {
    if (!warned && isRoutedModule(module)) {
      warned = true;
      console.warn(UNROUTED_WARNING);
    }
    return endpoint(module, role);
  };
}
