import { defineConfig, type Options } from 'tsup';
import { lazyDependency } from './scripts/build/lazy-dependency';
import { preserveModules } from './scripts/build/preserve-modules';

// One entry per subpath of the package's `exports` map.
const entry = {
  index: 'src/index.ts',
  'v211/index': 'src/v211/index.ts',
  'v221/index': 'src/v221/index.ts',
  'node/index': 'src/node/index.ts',
  'testing/index': 'src/testing/index.ts',
};

const shared: Options = {
  entry,
  dts: true,
  // No source maps in the package. The output is not minified, so stack traces and debuggers already
  // show readable code. Maps holding the sources (sourcesContent) were 2.3 MB of the 4 MB unpacked;
  // maps without them point at src/ files we do not ship, which bundlers such as Vite and webpack's
  // source-map-loader warn about in every user's build.
  sourcemap: false,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Shared chunks, so that every entry of one format throws the same error classes.
  splitting: true,
};

// ky's named exports, read from the installed ky, for the CommonJS build's lazy stand-in.
const kyExports = Object.keys(await import('ky'));

// The two formats build in parallel, so neither cleans dist/ (the build script does).
export default defineConfig([
  // Every source module a module of its own, as we wrote them (see preserve-modules.ts): a front end that
  // imports one function pays for the modules it reaches, under any bundler, as the budgets in
  // test/treeshake/ measure. Nothing is merged, so there is nothing for tsup's Rollup pass to shake, and
  // one copy of each module means every entry throws the same error classes. The declarations stay
  // bundled by entry.
  {
    ...shared,
    format: ['esm'],
    entry: ['src/**/*.ts'],
    dts: { entry },
    splitting: false,
    treeshake: false,
    esbuildPlugins: [preserveModules()],
  },
  // ky and @noble/hashes ship ES modules only: the CommonJS build carries its own copies, so that
  // require() works where require(esm) does not (Node before 20.19, Jest) and calls reach ky's real
  // default export. ky is reached through a lazy stand-in, so that requiring an entry for its schemas
  // never runs ky's code (scripts/check-dist-require.cjs proves both).
  {
    ...shared,
    format: ['cjs'],
    noExternal: ['ky', '@noble/hashes'],
    esbuildPlugins: [lazyDependency('ky', kyExports)],
  },
]);
