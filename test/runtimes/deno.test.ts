// The SDK in Deno, started from the npm package's binary: the shared suite in support/run-in-runtime.ts.
import { join } from 'node:path';
import { describeInRuntime, runBinary } from './support/run-in-runtime';

describeInRuntime({
  name: 'deno',
  run: runBinary({
    binary: 'node_modules/.bin/deno',
    // Network to the partner only; no config or lock file looked up, nothing remote or from npm resolved.
    args: (fixture, { port }) => [
      'run',
      '--no-config',
      '--no-lock',
      '--no-remote',
      '--no-npm',
      '--no-prompt',
      `--allow-net=127.0.0.1:${port}`,
      fixture,
    ],
    // Its cache in the temp dir, and no daily check for a newer release.
    env: (dir) => ({ DENO_DIR: join(dir, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1' }),
  }),
});
