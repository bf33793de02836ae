/**
 * Locates the read-only OCPI spec folder (a checkout of github.com/ocpi/ocpi at two tags, kept
 * outside the repository: the spec is CC BY-ND, so nothing of it is copied in).
 *
 * Order: CLI path argument, then the OCPI_SPEC_DIR environment variable, then `../shared/ocpi-spec`
 * next to the repository root. The default is found from this file's own location, so it does not
 * depend on the directory the script is started from.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEC_VERSIONS } from './model';

export const SPEC_DIR_ENV = 'OCPI_SPEC_DIR';

/** Where the folder was named; used in error messages. */
export type SpecDirOrigin = 'argument' | 'environment' | 'default';

export class SpecDirError extends Error {
  override name = 'SpecDirError';
}

export interface SpecDirOptions {
  /** Path given on the command line, if any. */
  argument?: string | undefined;
  /** Environment to read OCPI_SPEC_DIR from (process.env when omitted). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Base for relative argument/environment paths (process.cwd() when omitted). */
  cwd?: string | undefined;
}

/** Repository root: two folders up from scripts/codegen/. */
export function repositoryRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultSpecDir(): string {
  return path.resolve(repositoryRoot(), '..', 'shared', 'ocpi-spec');
}

/**
 * Returns the absolute spec folder, or throws SpecDirError naming the path, where it came from
 * and how to point elsewhere, when it is missing or lacks a version folder.
 */
export function resolveSpecDir(options: SpecDirOptions = {}): string {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const fromEnvironment = env[SPEC_DIR_ENV];
  const [origin, dir]: [SpecDirOrigin, string] =
    options.argument !== undefined && options.argument !== ''
      ? ['argument', path.resolve(cwd, options.argument)]
      : fromEnvironment !== undefined && fromEnvironment !== ''
        ? ['environment', path.resolve(cwd, fromEnvironment)]
        : ['default', defaultSpecDir()];
  assertSpecDir(dir, origin);
  return dir;
}

function assertSpecDir(dir: string, origin: SpecDirOrigin): void {
  const hint = `Pass the spec folder as the first argument or set ${SPEC_DIR_ENV}.`;
  if (!isDirectory(dir)) {
    throw new SpecDirError(`OCPI spec folder not found: ${dir} (${describeOrigin(origin)}). ${hint}`);
  }
  const missing = SPEC_VERSIONS.filter((version) => !isDirectory(path.join(dir, version)));
  if (missing.length > 0) {
    const folders = missing.map((version) => `${version}/`).join(', ');
    throw new SpecDirError(`OCPI spec folder ${dir} (${describeOrigin(origin)}) has no ${folders}. ${hint}`);
  }
}

function describeOrigin(origin: SpecDirOrigin): string {
  if (origin === 'argument') return 'from the command line';
  if (origin === 'environment') return `from ${SPEC_DIR_ENV}`;
  return 'default location';
}

function isDirectory(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory();
}
