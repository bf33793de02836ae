import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { build as esbuild, transform } from 'esbuild';
import { type Plugin, type RollupCache, rollup } from 'rollup';
import { type Options, build as tsup } from 'tsup';
import tsupConfig from '../../tsup.config';

/** The two bundlers the budgets hold under, each as a front-end user would set it up. */
export type Bundler = 'esbuild' | 'rollup';

/** What a fixture costs a front-end user, and which files it pulled in. */
export interface BundleReport {
  code: string;
  gzipBytes: number;
  /**
   * What left code in the bundle: our sources as `src/…` (read back through the package's source maps),
   * the package's own files as `dist/…`, and other packages' files as `node_modules/<package>/…`.
   */
  inputs: string[];
}

/** A temporary project with the package installed in its node_modules, as a user's project holds it. */
export interface Installation {
  root: string;
  /** The fixtures, compiled to JavaScript, by their file name (`root-ocpi-error.ts` → its .js path). */
  fixtures: Map<string, string>;
  remove(): void;
}

const repository = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE_NAME = '@org/ocpi';

/**
 * Installs the package as users get it: `node_modules/@org/ocpi` with our package.json and its `dist`,
 * reached only through the `exports` map, next to its dependencies. The ES module build is built here
 * with the tsup configuration `npm run build` uses, without declarations (≈2 s instead of a minute; the
 * JavaScript is byte for byte the same as `npm run build` writes, only chunk file names differ), so the
 * test needs no build first and never measures a stale one. The CommonJS half is left out: no bundler
 * with the `import` condition reaches it.
 */
export async function installPackage(fixturePaths: readonly string[]): Promise<Installation> {
  const root = mkdtempSync(join(tmpdir(), 'ocpi-treeshake-'));
  try {
    const packageRoot = join(root, 'node_modules', PACKAGE_NAME);
    mkdirSync(packageRoot, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(repository, 'package.json'), 'utf8'));
    copyFileSync(join(repository, 'package.json'), join(packageRoot, 'package.json'));
    const outDir = join(packageRoot, 'dist');
    // With source maps, which the package does not ship: they only serve to trace the bundles back to
    // the sources (`mustNotInclude`), and leave the JavaScript as it is.
    await tsup({ ...esmBuildOptions(), dts: false, sourcemap: true, outDir, silent: true, config: false });
    // The dependencies as npm would place them, linked to the repository's copies.
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      const target = join(root, 'node_modules', dependency);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(join(repository, 'node_modules', dependency), target, 'dir');
    }
    // Fixtures as plain JavaScript in the user's project: Rollup reads no TypeScript, and no tsconfig
    // path can send `@org/ocpi` to the sources from there.
    const fixtures = new Map<string, string>();
    mkdirSync(join(root, 'app'));
    for (const path of fixturePaths) {
      const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm' });
      const output = join(root, 'app', basename(path).replace(/\.ts$/, '.js'));
      writeFileSync(output, code);
      fixtures.set(basename(path), output);
    }
    return { root, fixtures, remove: () => rmSync(root, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function esmBuildOptions(): Options {
  const configs = Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig];
  const esm = configs.find(
    (config): config is Options => typeof config === 'object' && config.format?.[0] === 'esm',
  );
  if (esm === undefined) throw new Error('tsup.config.ts has no ES module build');
  return esm;
}

/**
 * Bundles each fixture with esbuild, minified, tree-shaken, for the browser. One build for all of them:
 * without code splitting esbuild bundles and tree-shakes each entry point on its own (the same code as a
 * build per fixture, byte for byte), and reads the package once instead of once per fixture.
 */
export async function bundleWithEsbuild(installation: Installation): Promise<Map<string, BundleReport>> {
  const result = await esbuild({
    entryPoints: [...installation.fixtures.values()],
    absWorkingDir: installation.root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    // esbuild follows the package's own source maps, so the bundle's map names our sources.
    sourcemap: 'external',
    logLevel: 'silent',
    outdir: 'esbuild-out',
  });
  const reports = new Map<string, BundleReport>();
  for (const [fixture, entry] of installation.fixtures) {
    const name = basename(entry);
    const [outputPath, output] =
      Object.entries(result.metafile.outputs).find(([file]) => basename(file) === name) ?? [];
    const file = (suffix: string) =>
      result.outputFiles.find((out) => out.path === join(installation.root, `${outputPath}${suffix}`));
    const code = file('')?.text;
    const map = file('.map')?.text;
    if (output === undefined || code === undefined || map === undefined)
      throw new Error(`esbuild gave no bundle of ${fixture}`);
    const modules = Object.entries(output.inputs)
      .filter(([, usage]) => usage.bytesInOutput > 0)
      .map(([input]) => input);
    reports.set(fixture, report(code, modules, JSON.parse(map)));
  }
  return reports;
}

/**
 * Bundles each fixture with Rollup as a browser project sets it up: node-resolve with the browser's
 * export conditions (which also honours the package's `sideEffects`), terser. A build per fixture, as
 * Rollup with several inputs would share chunks between them. The first build parses the package and
 * the others start from its cache, all at once, so that terser's workers minify one fixture while Rollup
 * tree-shakes the next.
 */
export async function bundleWithRollup(installation: Installation): Promise<Map<string, BundleReport>> {
  const minify = terser();
  const bundleOne = async (fixture: string, entry: string, cache?: RollupCache) => {
    const bundle = await rollup({
      input: entry,
      cache,
      plugins: [packageSourceMaps(), nodeResolve({ exportConditions: ['import', 'browser', 'default'] })],
      onwarn: () => {},
    });
    try {
      const { output } = await bundle.generate({ format: 'es', sourcemap: 'hidden', plugins: [minify] });
      const [chunk, ...others] = output;
      if (chunk.type !== 'chunk' || others.some((other) => other.type === 'chunk') || chunk.map === null)
        throw new Error(`Rollup gave no single bundle of ${fixture}`);
      const modules = Object.entries(chunk.modules)
        .filter(([, module]) => module.renderedLength > 0)
        .map(([id]) => id);
      return { report: report(chunk.code, modules, chunk.map), cache: bundle.cache };
    } finally {
      await bundle.close();
    }
  };
  const [first, ...rest] = installation.fixtures;
  if (first === undefined) return new Map();
  const { report: firstReport, cache } = await bundleOne(...first);
  const reports = await Promise.all(
    rest.map(async ([fixture, entry]) => [fixture, (await bundleOne(fixture, entry, cache)).report] as const),
  );
  return new Map([[first[0], firstReport], ...reports]);
}

/** Rollup reads no `sourceMappingURL` comment itself: hands it the package's own maps. */
function packageSourceMaps(): Plugin {
  return {
    name: 'package-source-maps',
    load(id) {
      if (!id.includes(`/node_modules/${PACKAGE_NAME}/dist/`) || !id.endsWith('.js')) return null;
      return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
    },
  };
}

function report(code: string, modules: string[], map: SourceMap): BundleReport {
  const inputs = new Set([...modules, ...mappedSources(map)].map(inputName));
  return { code, gzipBytes: gzipSync(code, { level: 9 }).length, inputs: [...inputs].sort() };
}

/**
 * `src/…` for our sources, `dist/…` for our package's files, `node_modules/<package>/…` for others. The
 * package's maps name our sources relative to where the test built it, so by their place in the repository.
 */
function inputName(path: string): string {
  const ours = path.split(`node_modules/${PACKAGE_NAME}/`);
  if (ours.length > 1) return ours.at(-1) as string;
  const dependency = path.split('node_modules/');
  if (dependency.length > 1) return `node_modules/${dependency.at(-1)}`;
  const source = /(?:^|\/)(src\/.*)$/.exec(path);
  return source?.[1] ?? path;
}

interface SourceMap {
  sources: (string | null)[];
  mappings: string;
}

/** The sources a source map's segments point into: those that left code in the output. */
function mappedSources({ sources, mappings }: SourceMap): string[] {
  const used = new Set<string>();
  // The source index is relative to the previous segment's, across lines.
  let source = 0;
  for (const line of mappings.split(';')) {
    for (const segment of line.split(',')) {
      const fields = decodeVlq(segment);
      if (fields.length < 4) continue;
      source += fields[1] as number;
      const path = sources[source];
      if (path) used.add(path);
    }
  }
  return [...used];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
