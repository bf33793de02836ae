/**
 * Records the digests of spec-files.json from a local spec folder that is known to be the official one
 * (a checkout of github.com/ocpi/ocpi at the pinned commits, with the errata diffs): run by a maintainer
 * when SPEC_VERSION or a bugfix branch commit changes, then review the diff of spec-files.json.
 *
 * Usage: `npx tsx scripts/spec/record-digests.ts [specDir]`. The repository, tags, branches and branch
 * commits are kept from the current spec-files.json (edit them there first); the tagged commits come
 * from SPEC_VERSION. As a cross-check, the blob ids in each errata diff's `index` lines must be those of
 * the tagged file and of the corrected one: git wrote them, so they confirm both texts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { correctedSpecFile, ERRATA_FILES, readErrata } from '../codegen/errata';
import { SPEC_VERSIONS } from '../codegen/model';
import { resolveSpecDir } from '../codegen/spec-dir';
import { readSpecPin } from '../codegen/spec-pin';
import { blobId } from './git-diff';
import { manifestFile, pinnedFileNames, readManifest, type SpecManifest, sha256 } from './manifest';

/** The manifest with every digest taken from `specDir`; throws when an errata blob id disagrees. */
export function recordDigests(specDir: string, current: SpecManifest = readManifest()): SpecManifest {
  const pins = readSpecPin();
  const versions = { ...current.versions };
  for (const version of SPEC_VERSIONS) {
    const pin = pins.find((candidate) => candidate.version === version);
    if (!pin) throw new Error(`SPEC_VERSION pins no ${version}`);
    const versionDir = path.join(specDir, version);
    const files: Record<string, string> = {};
    for (const name of pinnedFileNames(versionDir)) {
      files[name] = sha256(readFileSync(path.join(versionDir, name)));
    }
    const diffText = readFileSync(path.join(specDir, 'errata', ERRATA_FILES[version]), 'utf8');
    const corrected: Record<string, string> = {};
    for (const { file } of readErrata(specDir, version)) {
      const tagged = readFileSync(path.join(versionDir, file));
      const fixed = Buffer.from(correctedSpecFile(specDir, version, file));
      const index = `diff --git a/${file} b/${file}\nindex ${blobId(tagged)}..${blobId(fixed)} `;
      if (!diffText.includes(index)) throw new Error(`${version}/${file}: blob ids differ from the diff's`);
      corrected[file] = sha256(fixed);
    }
    versions[version] = {
      ...current.versions[version],
      tag: pin.tag,
      commit: pin.commit,
      files,
      errata: { ...current.versions[version].errata, diff: sha256(diffText), files: corrected },
    };
  }
  return { ...current, versions };
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  const specDir = resolveSpecDir({ argument: process.argv[2] });
  writeFileSync(manifestFile(), `${JSON.stringify(recordDigests(specDir), null, 2)}\n`);
  console.log(`recorded the digests of ${specDir} in ${manifestFile()}`);
}
