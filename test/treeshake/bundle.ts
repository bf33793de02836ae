import { basename } from 'node:path';
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
 * Bundles each fixture as a user's bundler would: esbuild, minified, tree-shaken, for the browser, with
 * `@org/ocpi` resolved to the sources through tsconfig paths (so no build is needed first).
 *
 * One build for all of them: without code splitting esbuild bundles and tree-shakes each entry point on
 * its own (the same code as a build per fixture, byte for byte), and reads the shared sources once
 * instead of once per fixture (a third of the time).
 */
export async function bundleFixtures(paths: readonly string[]): Promise<Map<string, BundleReport>> {
  const result = await build({
    entryPoints: [...paths],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    // Where the outputs would go; nothing is written.
    outdir: 'treeshake-out',
  });
  const reports = new Map<string, BundleReport>();
  for (const path of paths) {
    const name = `${basename(path).replace(/\.[cm]?[jt]s$/, '')}.js`;
    const [outputPath, output] =
      Object.entries(result.metafile.outputs).find(([file]) => basename(file) === name) ?? [];
    const code = result.outputFiles.find((file) => file.path.endsWith(`/${outputPath}`))?.text;
    if (output === undefined || code === undefined) throw new Error(`esbuild gave no bundle of ${path}`);
    const inputs = Object.entries(output.inputs)
      .filter(([, usage]) => usage.bytesInOutput > 0)
      .map(([input]) => input);
    reports.set(path, { code, gzipBytes: gzipSync(code, { level: 9 }).length, inputs });
  }
  return reports;
}
