import { defineConfig, type Options } from 'tsup';

// One entry per subpath of the package's `exports` map.
const shared: Options = {
  entry: {
    index: 'src/index.ts',
    'v211/index': 'src/v211/index.ts',
    'v221/index': 'src/v221/index.ts',
    'node/index': 'src/node/index.ts',
  },
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // Shared chunks, so that every entry of one format throws the same error classes.
  splitting: true,
};

// The two formats build in parallel, so neither cleans dist/ (the build script does).
export default defineConfig([
  { ...shared, format: ['esm'] },
  // ky and @noble/hashes ship ES modules only: the CommonJS build carries its own copies, so that
  // require() works where require(esm) does not (Node before 20.19, Jest) and calls reach ky's real
  // default export.
  { ...shared, format: ['cjs'], noExternal: ['ky', '@noble/hashes'] },
]);
