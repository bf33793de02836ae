/**
 * Locates the read-only OCPI spec folder (the official github.com/ocpi/ocpi at the pinned commits, kept
 * outside the repository: the spec is CC BY-ND, so nothing of it is copied in).
 *
 * Order: CLI path argument, then the OCPI_SPEC_DIR environment variable, then `../shared/ocpi-spec`
 * next to the repository root, then the cache `npm run spec:fetch` fills
 * (`node_modules/.cache/ocpi-spec/<key>`). A path that is named (argument, OCPI_SPEC_DIR) is the only
 * place looked at, so a typo is reported rather than silently replaced by another copy. The default
 * is found from this file's own location, so it does not depend on the directory the script is
 * started from.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readManifest, sha256 } from '../spec/manifest';
import { SPEC_VERSIONS } from './model';

export const SPEC_DIR_ENV = 'OCPI_SPEC_DIR';

/** Where the folder was named or found; used in error messages. */
export type SpecDirOrigin = 'argument' | 'environment' | 'default' | 'cache';

/** The command that fills the cache, for messages. */
export const SPEC_FETCH_COMMAND = 'npm run spec:fetch';

export class SpecDirError extends Error {
  override name = 'SpecDirError';

  /** What is wrong, without the advice for the command line that ends `message`. */
  readonly problem: string;

  constructor(problem: string, hint: string) {
    super(`${problem}. ${hint}`);
    this.problem = problem;
  }
}

export interface SpecDirOptions {
  /** Path given on the command line, if any. */
  argument?: string | undefined;
  /** Environment to read OCPI_SPEC_DIR from (process.env when omitted). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Base for relative argument/environment paths (process.cwd() when omitted). */
  cwd?: string | undefined;
  /** The folder beside the checkout (defaultSpecDir() when omitted); for tests. */
  defaultDir?: string | undefined;
  /** The fetched copy (specCacheDir() when omitted); for tests. */
  cacheDir?: string | undefined;
}

/** Repository root: two folders up from scripts/codegen/. */
export function repositoryRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultSpecDir(): string {
  return path.resolve(repositoryRoot(), '..', 'shared', 'ocpi-spec');
}

/**
 * Where `npm run spec:fetch` puts the verified spec: a folder named after the pinned digests
 * (scripts/spec/spec-files.json), so a new pin is never served from an older download.
 */
export function specCacheDir(): string {
  const key = sha256(JSON.stringify(readManifest())).slice(0, 12);
  return path.join(repositoryRoot(), 'node_modules', '.cache', 'ocpi-spec', key);
}

/**
 * Returns the absolute spec folder, or throws SpecDirError naming the path, where it came from
 * and how to point elsewhere, when it is missing or lacks a version folder.
 */
export function resolveSpecDir(options: SpecDirOptions = {}): string {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromEnvironment = env[SPEC_DIR_ENV];
  if (options.argument !== undefined && options.argument !== '') {
    return assertSpecDir(path.resolve(cwd, options.argument), 'argument');
  }
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    return assertSpecDir(path.resolve(cwd, fromEnvironment), 'environment');
  }
  const beside = options.defaultDir ?? defaultSpecDir();
  if (isDirectory(beside)) return assertSpecDir(beside, 'default');
  const cache = options.cacheDir ?? specCacheDir();
  if (isDirectory(cache)) return assertSpecDir(cache, 'cache');
  throw new SpecDirError(
    `OCPI spec folder not found: not at ${beside} (default location) nor in the cache ${cache}`,
    `Run \`${SPEC_FETCH_COMMAND}\` to download the pinned spec into the cache, pass the spec folder as the first argument or set ${SPEC_DIR_ENV}.`,
  );
}

function assertSpecDir(dir: string, origin: SpecDirOrigin): string {
  const hint = `Pass the spec folder as the first argument or set ${SPEC_DIR_ENV}.`;
  if (!isDirectory(dir)) {
    throw new SpecDirError(`OCPI spec folder not found: ${dir} (${describeOrigin(origin)})`, hint);
  }
  const missing = SPEC_VERSIONS.filter((version) => !isDirectory(path.join(dir, version)));
  if (missing.length > 0) {
    const folders = missing.map((version) => `${version}/`).join(', ');
    throw new SpecDirError(`OCPI spec folder ${dir} (${describeOrigin(origin)}) has no ${folders}`, hint);
  }
  return dir;
}

function describeOrigin(origin: SpecDirOrigin): string {
  if (origin === 'argument') return 'from the command line';
  if (origin === 'environment') return `from ${SPEC_DIR_ENV}`;
  if (origin === 'cache') return `fetched by ${SPEC_FETCH_COMMAND}`;
  return 'default location';
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
