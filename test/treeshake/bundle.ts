import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What a fixture costs a front-end user, and which files it pulled in. */
export interface BundleReport {
  code: string;
  gzipBytes: number;
  /** Input files that left code in the bundle, relative to the repository root. */
  inputs: string[];
}

/**
 * Bundles a fixture as a user's bundler would: esbuild, minified, tree-shaken, for the browser, with
 * `@org/ocpi` resolved to the sources through tsconfig paths (so no build is needed first).
 */
export async function bundleFixture(path: string): Promise<BundleReport> {
  const result = await build({
    entryPoints: [path],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const [output] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, usage]) => usage.bytesInOutput > 0)
    .map(([input]) => input);
  return { code, gzipBytes: gzipSync(code, { level: 9 }).length, inputs };
}
