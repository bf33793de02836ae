// The CommonJS build's stand-in for ky: a bundle that imports ky loads without running ky's code, and
// each stand-in export then behaves as ky's own (called, its properties read, `instanceof`).
import { createRequire } from 'node:module';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lazyDependency } from '../../../scripts/build/lazy-dependency';

const KY_EXPORTS = Object.keys(await import('ky'));
const KY_PROBE_URL = 'https://empty.invalid';

// A module that uses ky as our transport does, bundled to CommonJS with ky inside.
const USER = `
import ky, { HTTPError, TimeoutError } from 'ky';
export const schemaOnly = 'no ky needed';
export const instance = () => ky.create({ retry: 0 });
export const isHttpError = (error) => error instanceof HTTPError;
export const timeoutError = (request) => new TimeoutError(request);
export const httpError = (response, request) => new HTTPError(response, request, {});
export const stop = () => ky.stop;
`;

async function bundle(plugins: Plugin[]): Promise<string> {
  const result = await build({
    stdin: { contents: USER, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
    plugins,
  });
  return result.outputFiles?.[0]?.text ?? '';
}

// Runs a CommonJS bundle and counts ky's load-time probe (a Request built for https://empty.invalid).
function load(code: string) {
  const probes = { count: 0 };
  const TrappedRequest = new Proxy(Request, {
    construct(target, args, newTarget) {
      if (String(args[0]) === KY_PROBE_URL) probes.count += 1;
      return Reflect.construct(target, args, newTarget);
    },
  });
  const module = { exports: {} as Record<string, (...args: unknown[]) => unknown> };
  const run = new Function('module', 'exports', 'require', 'globalThis', 'Request', code);
  const sandboxGlobal = new Proxy(globalThis, {
    get: (target, key) => (key === 'Request' ? TrappedRequest : Reflect.get(target, key)),
  });
  run(module, module.exports, createRequire(import.meta.url), sandboxGlobal, TrappedRequest);
  return { exports: module.exports, probes };
}

describe('lazyDependency', () => {
  it('keeps ky from running when the bundle loads, and runs it once on first use', async () => {
    const { exports, probes } = load(await bundle([lazyDependency('ky', KY_EXPORTS)]));

    expect(exports.schemaOnly).toBe('no ky needed');
    expect(probes.count).toBe(0);
    const api = exports.instance?.() as { get: unknown };
    expect(typeof api.get).toBe('function');
    expect(probes.count).toBe(1);
    exports.instance?.();
    expect(probes.count).toBe(1);
  });

  it("gives ky's own classes and values: new, instanceof, properties", async () => {
    const { exports } = load(await bundle([lazyDependency('ky', KY_EXPORTS)]));
    const timeout = exports.timeoutError?.(new Request('https://x.example/')) as Error;

    expect(timeout.name).toBe('TimeoutError');
    const http = exports.httpError?.(new Response(null, { status: 500 }), new Request('https://x.example/'));
    expect(exports.isHttpError?.(timeout)).toBe(false);
    expect(exports.isHttpError?.(http)).toBe(true);
    expect(typeof exports.stop?.()).toBe('symbol');
  });

  it('is needed: without it the bundle runs ky as it loads', async () => {
    const { probes } = load(await bundle([]));

    expect(probes.count).toBe(1);
  });

  it('fails the build when our code imports a name ky does not export', async () => {
    await expect(bundle([lazyDependency('ky', ['default'])])).rejects.toThrow(/HTTPError/);
  });
});
