// What a front end pays to validate a 2.2.1 object alone, measured on the built package: esbuild bundles
// (minified, tree-shaken, for the browser) of one import from dist, gzip -9. test/treeshake measures the
// same on the package as npm installs it and asserts the ceilings.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const repository = fileURLToPath(new URL('../..', import.meta.url));

/** The gzip size in bytes of a browser bundle of `source`, a module importing from the package's dist. */
export async function gzipBytesOf(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: repository, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild gave no bundle');
  return gzipSync(code, { level: 9 }).length;
}

/** A 2.2.1 object validated by its compiled validator and by its schema, each in a bundle of its own. */
export interface SizeRow {
  object: string;
  compiled: number;
  schema: number;
}

/** Sizes of `validate<Object>` against `<Object>Schema.safeParse` for each object. */
export async function measureSizes(objects: readonly string[]): Promise<SizeRow[]> {
  return Promise.all(
    objects.map(async (object) => ({
      object,
      compiled: await gzipBytesOf(
        `import { validate${object} } from './dist/v221/index.js';\nexport const check = (value) => validate${object}(value);`,
      ),
      schema: await gzipBytesOf(
        `import { ${object}Schema } from './dist/v221/index.js';\nexport const check = (value) => ${object}Schema.safeParse(value);`,
      ),
    })),
  );
}
