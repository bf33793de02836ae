/**
 * `npm run spec:fetch`: downloads the OCPI spec at the pinned commits into a cache, for machines where
 * it is not beside the checkout (OCPI_SPEC_DIR, ../shared/ocpi-spec). The tests and the generator look
 * there third (see scripts/codegen/spec-dir.ts).
 *
 * For each version it downloads two GitHub archives: the tagged commit of scripts/codegen/SPEC_VERSION
 * and the bugfix branch commit of spec-files.json. Every file is checked against its pinned SHA-256,
 * the errata diff is rebuilt from the two (git-diff.ts) and checked against its digest too, and only
 * then is the folder written, in the layout of ../shared/ocpi-spec: `<version>/...` and `errata/`.
 * Anything that does not match is refused with the files named, and nothing is written.
 *
 * Usage: `npm run spec:fetch [-- --force]`. When the spec is already found (OCPI_SPEC_DIR, beside the
 * checkout, or fetched before) it only checks that folder against the digests; `--force` downloads into
 * the cache anyway, replacing an earlier download.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { ERRATA_FILES } from '../codegen/errata';
import { SPEC_VERSIONS } from '../codegen/model';
import {
  resolveSpecDir,
  SPEC_DIR_ENV,
  SpecDirError,
  type SpecDirOptions,
  specCacheDir,
} from '../codegen/spec-dir';
import { readSpecPin, type SpecPin } from '../codegen/spec-pin';
import { gitDiffFile } from './git-diff';
import { compareSpecDir, readManifest, type SpecManifest, sha256 } from './manifest';
import { readTar } from './tar';

/**
 * A bound on one archive, compressed and unpacked, so that a wrong answer cannot fill the memory. The
 * spec repository's archives (its PDFs, images and plantuml.jar included) are well below it.
 */
export const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;

export interface FetchSpecOptions {
  manifest?: SpecManifest;
  pins?: readonly SpecPin[];
  /** Where the verified folder goes (specCacheDir() when omitted). */
  cacheDir?: string;
  /** The archive URL of a commit (githubArchiveUrl when omitted). */
  archiveUrl?: (repository: string, commit: string) => string;
  fetch?: typeof globalThis.fetch;
  /** Download again even when the cache folder exists. */
  force?: boolean;
  /** The most bytes one archive may have, compressed or not (MAX_ARCHIVE_BYTES when omitted). */
  maxArchiveBytes?: number;
  log?: (line: string) => void;
}

export class SpecFetchError extends Error {
  override name = 'SpecFetchError';
}

/** The `.tar.gz` archive GitHub serves for a commit of a repository. */
export function githubArchiveUrl(repository: string, commit: string): string {
  return `https://github.com/${repository}/archive/${commit}.tar.gz`;
}

/** Downloads, verifies and stores the pinned spec; resolves to the cache folder. */
export async function fetchSpec(options: FetchSpecOptions = {}): Promise<string> {
  const manifest = options.manifest ?? readManifest();
  const pins = options.pins ?? readSpecPin();
  const cacheDir = options.cacheDir ?? specCacheDir();
  const log = options.log ?? (() => {});
  if (existsSync(cacheDir) && !options.force) {
    log(`OCPI spec already fetched: ${cacheDir}`);
    return cacheDir;
  }
  const download = (commit: string) =>
    downloadArchive((options.archiveUrl ?? githubArchiveUrl)(manifest.repository, commit), commit, {
      fetch: options.fetch ?? globalThis.fetch,
      limit: options.maxArchiveBytes ?? MAX_ARCHIVE_BYTES,
      log,
    });

  const output = new Map<string, Uint8Array>();
  const problems: string[] = [];
  for (const version of SPEC_VERSIONS) {
    const pinned = manifest.versions[version];
    const pin = pins.find((candidate) => candidate.version === version);
    if (pin?.commit !== pinned.commit) {
      throw new SpecFetchError(
        `${version}: SPEC_VERSION pins ${pin?.commit ?? 'nothing'}, the digests in spec-files.json are for ${pinned.commit}; record them again (scripts/spec/record-digests.ts)`,
      );
    }
    const tagged = await download(pinned.commit);
    const branch = await download(pinned.errata.commit);
    for (const [name, digest] of Object.entries(pinned.files)) {
      const bytes = tagged.get(name);
      if (!bytes) problems.push(`${version}/${name}: not in the archive of ${pinned.commit}`);
      else if (sha256(bytes) !== digest) problems.push(`${version}/${name}: differs from its pinned digest`);
      else output.set(`${version}/${name}`, bytes);
    }
    const diffs: Buffer[] = [];
    for (const [name, digest] of Object.entries(pinned.errata.files).sort(([a], [b]) => compare(a, b))) {
      const bytes = branch.get(name);
      const where = `${version}/${name} on ${pinned.errata.branch}`;
      if (!bytes) problems.push(`${where}: not in the archive of ${pinned.errata.commit}`);
      else if (sha256(bytes) !== digest) problems.push(`${where}: differs from its pinned digest`);
      else {
        // Diffed only once both sides are the pinned bytes: nothing unverified reaches the diff.
        const before = output.get(`${version}/${name}`);
        if (before) diffs.push(gitDiffFile(name, before, bytes));
      }
    }
    const diff = Buffer.concat(diffs);
    const diffName = `errata/${ERRATA_FILES[version]}`;
    if (problems.length === 0 && sha256(diff) !== pinned.errata.diff) {
      problems.push(`${diffName}: the rebuilt diff differs from its pinned digest`);
    }
    output.set(diffName, diff);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 10).join('; ');
    const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
    throw new SpecFetchError(
      `The downloaded spec does not match spec-files.json, nothing written: ${shown}${more}`,
    );
  }
  writeAtomically(cacheDir, output);
  log(`OCPI spec fetched and verified: ${cacheDir}`);
  return cacheDir;
}

/**
 * Downloads one archive and returns its files by path below the archive's top folder. The archive must
 * say (pax comment, as `git archive` writes it) that it is the tree of `commit`.
 */
async function downloadArchive(
  url: string,
  commit: string,
  { fetch, limit, log }: { fetch: typeof globalThis.fetch; limit: number; log: (line: string) => void },
): Promise<Map<string, Uint8Array>> {
  log(`downloading ${url}`);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow' });
  } catch (error) {
    throw new SpecFetchError(`Could not download ${url}: ${error instanceof Error ? error.message : error}`);
  }
  if (!response.ok) throw new SpecFetchError(`Could not download ${url}: HTTP ${response.status}`);
  const compressed = await readUpTo(response, limit, url);
  let archive: ReturnType<typeof readTar>;
  try {
    archive = readTar(gunzipSync(compressed, { maxOutputLength: limit }));
  } catch (error) {
    throw new SpecFetchError(`${url} is not a readable .tar.gz archive: ${(error as Error).message}`);
  }
  if (!archive.comment?.startsWith(commit)) {
    throw new SpecFetchError(`${url} is not the archive of commit ${commit} (it says ${archive.comment})`);
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of archive.entries) {
    if (entry.type !== 'file') continue;
    const slash = entry.path.indexOf('/');
    if (slash !== -1) files.set(entry.path.slice(slash + 1), entry.data);
  }
  return files;
}

async function readUpTo(response: Response, limit: number, url: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new SpecFetchError(`${url} is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Writes every file into a fresh folder beside `dir`, then renames it into place. */
function writeAtomically(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    for (const [name, bytes] of files) {
      const file = path.join(partial, ...name.split('/'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** Byte order of paths, as git sorts the files of a diff. */
function compare(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left), Buffer.from(right));
}

export interface FetchCliOptions extends Omit<FetchSpecOptions, 'force' | 'log' | 'cacheDir'> {
  /** Where to look first and where the cache is (resolveSpecDir's defaults when omitted). */
  lookup?: Pick<SpecDirOptions, 'env' | 'defaultDir' | 'cacheDir'>;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/**
 * The command: finds the spec as the tests do and checks it against the digests, or downloads it into
 * the cache when it is nowhere (or with `--force`). Resolves to the exit code.
 */
export async function fetchSpecCli(argv: readonly string[], options: FetchCliOptions = {}): Promise<number> {
  const { lookup = {}, out = console.log, err = console.error, ...fetchOptions } = options;
  const manifest = fetchOptions.manifest ?? readManifest();
  const force = argv.includes('--force');
  if (!force) {
    let found: string | undefined;
    try {
      found = resolveSpecDir(lookup);
    } catch (error) {
      if (!(error instanceof SpecDirError)) throw error;
      const named = (lookup.env ?? process.env)[SPEC_DIR_ENV];
      if (named !== undefined && named !== '') {
        // A named folder is the only place the tests read: fetching elsewhere would not help.
        err(
          `${error.problem}. Correct ${SPEC_DIR_ENV}, or unset it to use the spec beside the checkout or the cache.`,
        );
        return 1;
      }
    }
    if (found !== undefined) {
      const problems = compareSpecDir(manifest, found);
      if (problems.length === 0) {
        out(`OCPI spec found at ${found}, as pinned; nothing to fetch.`);
        return 0;
      }
      err(`OCPI spec found at ${found}, but it is not the pinned one:`);
      for (const problem of problems) err(`  ${problem}`);
      return 1;
    }
  }
  try {
    await fetchSpec({
      ...fetchOptions,
      manifest,
      cacheDir: lookup.cacheDir ?? specCacheDir(),
      force,
      log: out,
    });
    return 0;
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  fetchSpecCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
