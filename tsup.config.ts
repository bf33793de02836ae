import { defineConfig } from 'tsup';

// One entry per subpath of the package's `exports` map.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'v211/index': 'src/v211/index.ts',
    'v221/index': 'src/v221/index.ts',
    'node/index': 'src/node/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  splitting: true,
});
