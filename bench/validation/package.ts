// The package as users get it: the built dist (`npm run build` first; `npm run bench` does), not the
// sources. The switch of the compiled path is internal: reached as the built module the package's own
// modules import, so that it is the same one.
import type * as Root from '../../src';
import type * as Registry from '../../src/common/schema/compiled/registry';
import type * as V211 from '../../src/v211';
import type * as V221 from '../../src/v221';

const fromDist = async <T>(path: string): Promise<T> =>
  (await import(path).catch(() => {
    throw new Error('bench/validation.ts measures the built package: run `npm run build` first');
  })) as T;

export const root = await fromDist<typeof Root>('../../dist/index.js');
export const registry = await fromDist<typeof Registry>('../../dist/common/schema/compiled/registry.js');
export const v211 = await fromDist<typeof V211>('../../dist/v211/index.js');
export const v221 = await fromDist<typeof V221>('../../dist/v221/index.js');

// As createClient and serveVersion do.
root.registerCompiledValidators(v221.compiledPairs());
root.registerCompiledValidators(v211.compiledPairs());

/** `run` with the parse helpers on zod alone: the path as it was before the compiled validators. */
export function zodOnly<T>(run: () => T): T {
  registry.setCompiledPath(false);
  try {
    return run();
  } finally {
    registry.setCompiledPath(true);
  }
}
