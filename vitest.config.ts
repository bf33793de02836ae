import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests, examples and README snippets import the package by its public name, as users do.
    alias: [
      { find: /^@org\/ocpi$/, replacement: src('index.ts') },
      { find: /^@org\/ocpi\/(v211|v221|node)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Fetches the pinned spec when it is nowhere to be found (see the file).
    globalSetup: ['test/setup/fetch-spec.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // Two cores on the CI machine: more workers only contend.
    maxWorkers: 2,
    // Files share one module graph per worker: no test relies on a fresh one, and re-importing the
    // sources for every file was two thirds of the run (43 s, now about 25 s on two cores).
    isolate: false,
    experimental: {
      // Transformed sources are kept on disk between runs (keyed by content and configuration), so a run
      // transforms only what changed since the last (transforming was a fifth of the CPU time of a run).
      fsModuleCache: true,
      fsModuleCachePath: '.vitest-cache/modules',
    },
  },
});
