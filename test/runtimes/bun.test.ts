// The SDK in Bun, started from the npm package's binary: the shared suite in support/run-in-runtime.ts.
import { describeInRuntime, runBinary } from './support/run-in-runtime';

describeInRuntime({
  name: 'bun',
  run: runBinary({
    binary: 'node_modules/.bin/bun',
    // Bun has no permissions to narrow; --no-install keeps it from fetching a missing import from npm.
    args: (fixture) => ['run', '--no-install', fixture],
    // No transpiler cache written outside the temp dir.
    env: () => ({ BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0' }),
  }),
});
