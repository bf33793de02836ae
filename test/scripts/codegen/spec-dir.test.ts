/**
 * Locating the spec folder: argument, then OCPI_SPEC_DIR, then ../shared/ocpi-spec next to the repository,
 * then the cache `npm run spec:fetch` fills.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultSpecDir,
  repositoryRoot,
  resolveSpecDir,
  SPEC_DIR_ENV,
  SpecDirError,
  specCacheDir,
} from '../../../scripts/codegen/spec-dir';

const scratch = mkdtempSync(path.join(tmpdir(), 'ocpi-spec-dir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function fakeSpecDir(name: string, versions: readonly string[] = ['2.1.1', '2.2.1']): string {
  const dir = path.join(scratch, name);
  for (const version of versions) mkdirSync(path.join(dir, version), { recursive: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('resolveSpecDir', () => {
  it('finds the repository root from its own location', () => {
    const fromTest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    expect(repositoryRoot()).toBe(fromTest);
    expect(JSON.parse(readFileSync(path.join(repositoryRoot(), 'package.json'), 'utf8')).name).toBe(
      '@org/ocpi',
    );
    expect(defaultSpecDir()).toBe(path.resolve(fromTest, '..', 'shared', 'ocpi-spec'));
  });

  it('honours OCPI_SPEC_DIR', () => {
    const dir = fakeSpecDir('from-env');
    expect(resolveSpecDir({ env: { [SPEC_DIR_ENV]: dir } })).toBe(dir);
  });

  it('resolves a relative OCPI_SPEC_DIR against the working directory', () => {
    const dir = fakeSpecDir('relative');
    expect(resolveSpecDir({ env: { [SPEC_DIR_ENV]: 'relative' }, cwd: scratch })).toBe(dir);
  });

  it('prefers the command-line argument over OCPI_SPEC_DIR', () => {
    const fromArgument = fakeSpecDir('from-argument');
    const fromEnv = fakeSpecDir('ignored-env');
    expect(resolveSpecDir({ argument: fromArgument, env: { [SPEC_DIR_ENV]: fromEnv } })).toBe(fromArgument);
  });

  it('uses the default next to the repository whatever the working directory', () => {
    const outcome = (cwd: string) => {
      try {
        // No cache: the default is then either found or named in the error.
        return resolveSpecDir({ env: {}, cwd, cacheDir: path.join(scratch, 'no-cache') });
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(outcome(scratch)).toBe(outcome(repositoryRoot()));
    expect(outcome(scratch)).toContain(defaultSpecDir());
  });

  it('fails with a clear error when the folder is missing', () => {
    const missing = path.join(scratch, 'does-not-exist');
    const error = errorOf(() => resolveSpecDir({ env: { [SPEC_DIR_ENV]: missing } }));
    expect(error).toBeInstanceOf(SpecDirError);
    expect((error as Error).message).toBe(
      `OCPI spec folder not found: ${missing} (from OCPI_SPEC_DIR). Pass the spec folder as the first argument or set OCPI_SPEC_DIR.`,
    );
  });

  it('looks in the cache when nothing is beside the checkout, and prefers the folder beside it', () => {
    const beside = fakeSpecDir('beside');
    const cache = fakeSpecDir('cache');
    const gone = path.join(scratch, 'not-beside');
    expect(resolveSpecDir({ env: {}, defaultDir: beside, cacheDir: cache })).toBe(beside);
    expect(resolveSpecDir({ env: {}, defaultDir: gone, cacheDir: cache })).toBe(cache);
    expect(resolveSpecDir({ env: { [SPEC_DIR_ENV]: beside }, defaultDir: gone, cacheDir: cache })).toBe(
      beside,
    );
  });

  it('takes a named folder as the only place: a missing OCPI_SPEC_DIR is not replaced by the cache', () => {
    const cache = fakeSpecDir('cache-not-used');
    const missing = path.join(scratch, 'typo');
    expect(() =>
      resolveSpecDir({ env: { [SPEC_DIR_ENV]: missing }, defaultDir: cache, cacheDir: cache }),
    ).toThrow(`OCPI spec folder not found: ${missing} (from OCPI_SPEC_DIR)`);
  });

  it('says where it looked and how to fetch the spec when it is nowhere', () => {
    const gone = path.join(scratch, 'nowhere');
    const error = errorOf(() => resolveSpecDir({ env: {}, defaultDir: gone, cacheDir: `${gone}-cache` }));
    expect(error).toBeInstanceOf(SpecDirError);
    expect((error as SpecDirError).problem).toBe(
      `OCPI spec folder not found: not at ${gone} (default location) nor in the cache ${gone}-cache`,
    );
    expect((error as Error).message).toContain(
      'Run `npm run spec:fetch` to download the pinned spec into the cache',
    );
  });

  it('keeps the cache inside node_modules, in a folder named after the pinned digests', () => {
    const dir = specCacheDir();
    expect(path.dirname(dir)).toBe(path.join(repositoryRoot(), 'node_modules', '.cache', 'ocpi-spec'));
    expect(path.basename(dir)).toMatch(/^[0-9a-f]{12}$/);
    expect(specCacheDir()).toBe(dir);
  });

  it('names the version folders that are missing', () => {
    const partial = fakeSpecDir('partial', ['2.1.1']);
    expect(() => resolveSpecDir({ argument: partial })).toThrow(/has no 2\.2\.1\//);
  });
});
