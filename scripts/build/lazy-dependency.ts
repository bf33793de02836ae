import type { Plugin } from 'esbuild';

/**
 * An esbuild plugin for the CommonJS build: our modules import `name` through a stand-in whose every
 * export loads the bundled dependency on first use. esbuild wraps a bundled module that is reached
 * through `require()` in a lazy initialiser, so the dependency's top-level code (ky probes `Request`
 * and `ReadableStream` there) runs only when a client first calls it, and a `require()` of an entry
 * for its schemas never runs it. Each export of the stand-in is callable, constructible and answers
 * `instanceof` and property reads as the real one does (`ky.create`, `error instanceof HTTPError`).
 *
 * `exportNames` are the dependency's named exports; an import of any other name fails the build.
 */
export function lazyDependency(name: string, exportNames: readonly string[]): Plugin {
  const namespace = `lazy-${name}`;
  return {
    name: namespace,
    setup(build) {
      // Ours go to the stand-in; the stand-in's own require() goes on to the real package.
      build.onResolve({ filter: new RegExp(`^${name}$`) }, (args) =>
        args.namespace === namespace ? undefined : { path: name, namespace },
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: standIn(name, exportNames),
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

function standIn(name: string, exportNames: readonly string[]): string {
  const named = exportNames.filter((exportName) => exportName !== 'default');
  return `
let loaded;
const load = () => (loaded ??= require(${JSON.stringify(name)}));
const lazy = (exportName) =>
  new Proxy(function () {}, {
    apply: (_, self, args) => Reflect.apply(load()[exportName], self, args),
    construct: (_, args) => Reflect.construct(load()[exportName], args),
    get: (_, key) => load()[exportName][key],
  });
export default /* @__PURE__ */ lazy('default');
${named.map((exportName) => `export const ${exportName} = /* @__PURE__ */ lazy(${JSON.stringify(exportName)});`).join('\n')}
`;
}
