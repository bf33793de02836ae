/**
 * The spec files the generator and the tests read, pinned by SHA-256 (spec-files.json, next to this
 * file). The digests stand for the official repository (github.com/ocpi/ocpi) at the commits of
 * scripts/codegen/SPEC_VERSION, and for the files its bugfix branches change: whatever folder the spec
 * is read from (OCPI_SPEC_DIR, ../shared/ocpi-spec or the fetched cache) can be checked against them,
 * and a download is accepted only when every file matches.
 *
 * Only digests are stored: the spec text is CC BY-ND and is never copied into this repository.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERRATA_FILES } from '../codegen/errata';
import { SPEC_VERSIONS, type SpecVersion } from '../codegen/model';

/** What is pinned of one version: the tagged files, and the bugfix branch's changes to them. */
export interface VersionManifest {
  tag: string;
  /** The tagged commit the `files` digests were taken from; must be the one SPEC_VERSION pins. */
  commit: string;
  /** Path inside the version folder (the repository root at the tag) -> SHA-256 of its bytes. */
  files: Record<string, string>;
  errata: ErrataManifest;
}

/** The published corrections: a bugfix branch, and the `git diff` from the tag to it. */
export interface ErrataManifest {
  branch: string;
  /** The branch commit the digests were taken from (abbreviated: only its prefix is known offline). */
  commit: string;
  /** SHA-256 of the diff file `errata/<ERRATA_FILES[version]>`. */
  diff: string;
  /** Each file the diff changes -> SHA-256 of its bytes on the branch. */
  files: Record<string, string>;
}

export interface SpecManifest {
  /** `owner/name` on GitHub. */
  repository: string;
  versions: Record<SpecVersion, VersionManifest>;
}

const HEX_DIGEST = /^[0-9a-f]{64}$/;
const COMMIT = /^[0-9a-f]{7,40}$/;

export class SpecManifestError extends Error {
  override name = 'SpecManifestError';
}

export function manifestFile(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'spec-files.json');
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Reads and checks spec-files.json; throws SpecManifestError naming the first thing out of shape. */
export function readManifest(file: string = manifestFile()): SpecManifest {
  return parseManifest(readFileSync(file, 'utf8'));
}

export function parseManifest(text: string): SpecManifest {
  const manifest = JSON.parse(text) as SpecManifest;
  const fail = (what: string) => {
    throw new SpecManifestError(`spec-files.json: ${what}`);
  };
  if (typeof manifest.repository !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(manifest.repository))
    fail('repository must be "owner/name"');
  for (const version of SPEC_VERSIONS) {
    const entry = manifest.versions?.[version];
    if (!entry) fail(`no entry for ${version}`);
    else {
      if (!/^[0-9a-f]{40}$/.test(entry.commit)) fail(`${version}.commit must be 40 hex digits`);
      if (!COMMIT.test(entry.errata?.commit ?? '')) fail(`${version}.errata.commit must be hex`);
      if (!HEX_DIGEST.test(entry.errata?.diff ?? '')) fail(`${version}.errata.diff must be a SHA-256`);
      for (const [where, files] of [
        ['files', entry.files],
        ['errata.files', entry.errata?.files],
      ] as const) {
        if (typeof files !== 'object' || files === null) fail(`${version}.${where} must be an object`);
        for (const [name, digest] of Object.entries(files ?? {})) {
          if (!isSafeRelativePath(name)) fail(`${version}.${where}: unsafe path ${JSON.stringify(name)}`);
          if (!HEX_DIGEST.test(digest)) fail(`${version}.${where}["${name}"] must be a SHA-256`);
        }
      }
      for (const name of Object.keys(entry.errata.files)) {
        if (!(name in entry.files)) fail(`${version}.errata.files: ${name} is not a pinned file`);
      }
    }
  }
  return manifest;
}

/** A relative path with `/` separators that stays inside its folder (no `..`, no absolute path). */
export function isSafeRelativePath(name: string): boolean {
  return (
    name !== '' &&
    !name.startsWith('/') &&
    !name.includes('\\') &&
    !name.includes('\0') &&
    name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/**
 * The files of a version folder that are pinned: every file at its top level and in `examples/`. The
 * diagram sources (`data/`, `plantuml/`) are left out: nothing reads them.
 */
export function pinnedFileNames(versionDir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(versionDir, { withFileTypes: true })) {
    if (entry.isFile()) names.push(entry.name);
    else if (entry.isDirectory() && entry.name === 'examples') {
      for (const example of readdirSync(path.join(versionDir, 'examples'), { withFileTypes: true })) {
        if (example.isFile()) names.push(`examples/${example.name}`);
      }
    }
  }
  return names.sort();
}

/** Every way a spec folder differs from the manifest, as readable lines; empty when it matches. */
export function compareSpecDir(manifest: SpecManifest, specDir: string): string[] {
  const problems: string[] = [];
  for (const version of SPEC_VERSIONS) {
    const pinned = manifest.versions[version];
    for (const [name, digest] of Object.entries(pinned.files)) {
      const file = path.join(specDir, version, name);
      if (!existsSync(file)) problems.push(`${version}/${name}: missing`);
      else if (sha256(readFileSync(file)) !== digest)
        problems.push(`${version}/${name}: not the pinned file`);
    }
    const diff = path.join(specDir, 'errata', ERRATA_FILES[version]);
    if (!existsSync(diff)) problems.push(`errata/${ERRATA_FILES[version]}: missing`);
    else if (sha256(readFileSync(diff)) !== pinned.errata.diff)
      problems.push(`errata/${ERRATA_FILES[version]}: not the pinned diff`);
  }
  return problems;
}
