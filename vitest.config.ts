import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const MODULE_CACHE = './.vitest-cache/modules';
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** The test files that take seconds, longest first (measured on the 2-core CI machine). */
const HEAVY_TEST_FILES = [
  'test/security/registration-fuzz-strict.test.ts',
  'test/security/registration-fuzz-lenient.test.ts',
  'test/server/platform/fuzz.test.ts',
  'test/types/public-api.test.ts',
  'test/security/lenient-memory.test.ts',
  // Builds the package and bundles every fixture under esbuild and under Rollup + terser.
  'test/treeshake/treeshake.test.ts',
];

/**
 * Vitest's order with the heavy files moved to the front, so that the two workers finish together.
 * Vitest runs the files that took longest in the last run first; on a fresh clone (CI) it has no record
 * and runs the largest first, which put the registration fuzz (two small files that send 10,000 requests
 * each) last, and the run waited four seconds on one worker at the end.
 */
class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // A renamed heavy file would silently run last again on a fresh clone: the list must name files.
    const missing = HEAVY_TEST_FILES.filter((file) => !existsSync(resolve(this.ctx.config.root, file)));
    if (missing.length > 0)
      throw new Error(`vitest.config.ts names heavy test files that do not exist: ${missing}`);
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = HEAVY_TEST_FILES.indexOf(relative(this.ctx.config.root, file.moduleId));
      return index === -1 ? HEAVY_TEST_FILES.length : index;
    };
    // Array sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  // On a fresh clone there is no module cache yet: the server then transforms every file while the
  // workers start, instead of one import at a time as they ask for it (a second of a first run). With the
  // cache it would only repeat what the cache holds.
  server: existsSync(fileURLToPath(new URL(MODULE_CACHE, import.meta.url)))
    ? {}
    : { warmup: { ssrFiles: ['src/**/*.ts', 'test/**/*.ts'] } },
  resolve: {
    // Tests, examples and README snippets import the package by its public name, as users do.
    alias: [
      { find: /^@org\/ocpi$/, replacement: src('index.ts') },
      { find: /^@org\/ocpi\/(v211|v221|node|testing)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    // examples/*.test.ts are examples of a user's own tests: vitest runs them as such (test/examples.test.ts
    // runs the other examples as scripts and checks that the README shows every one of them).
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Fetches the pinned spec when it is nowhere to be found (see the file).
    globalSetup: ['test/setup/fetch-spec.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // Two cores on the CI machine: more workers only contend.
    maxWorkers: 2,
    // The files that take seconds first, also on a fresh clone.
    sequence: { sequencer: HeavyFirstSequencer },
    // Files share one module graph per worker: no test relies on a fresh one, and re-importing the
    // sources for every file was two thirds of the run.
    isolate: false,
    experimental: {
      // Transformed sources are kept on disk between runs (keyed by content and configuration), so a run
      // transforms only what changed since the last (transforming was a fifth of the CPU time of a run).
      fsModuleCache: true,
      fsModuleCachePath: MODULE_CACHE,
    },
  },
});
