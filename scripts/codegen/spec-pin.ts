/**
 * The spec input the generator is written against (SPEC_VERSION, next to this file), and a check
 * that the spec folder in use is that one: its files have the digests scripts/spec/spec-files.json
 * pins for those commits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareSpecDir, readManifest, type SpecManifest } from '../spec/manifest';
import { SPEC_VERSIONS, type SpecVersion } from './model';

export interface SpecPin {
  version: SpecVersion;
  tag: string;
  commit: string;
}

export function specPinFile(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'SPEC_VERSION');
}

/** Reads SPEC_VERSION: one `<version> <tag> <commit>` line per version, `#` starts a comment. */
export function readSpecPin(file: string = specPinFile()): SpecPin[] {
  return parseSpecPin(readFileSync(file, 'utf8'));
}

export function parseSpecPin(text: string): SpecPin[] {
  const pins: SpecPin[] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.trim();
    if (content === '' || content.startsWith('#')) continue;
    const [version, tag, commit, ...extra] = content.split(/\s+/);
    if (!isSpecVersion(version) || !tag || !commit || !/^[0-9a-f]{40}$/.test(commit) || extra.length > 0) {
      throw new Error(`SPEC_VERSION: expected "<version> <tag> <40-hex commit>", got "${content}"`);
    }
    pins.push({ version, tag, commit });
  }
  return pins;
}

/**
 * Differences between the pin and the spec folder, as readable lines (empty when they agree): the
 * digests of spec-files.json must be those of the pinned commits, and each pinned file of the folder
 * must have its digest.
 */
export function comparePinWithSpecDir(
  pins: readonly SpecPin[],
  specDir: string,
  manifest: SpecManifest = readManifest(),
): string[] {
  const stale = pins.flatMap((pin) => {
    const pinned = manifest.versions[pin.version];
    if (pinned.tag === pin.tag && pinned.commit === pin.commit) return [];
    return [
      `${pin.version}: SPEC_VERSION pins ${pin.tag} ${pin.commit}, spec-files.json has the digests of ${pinned.tag} ${pinned.commit}`,
    ];
  });
  return [...stale, ...compareSpecDir(manifest, specDir)];
}

function isSpecVersion(text: string | undefined): text is SpecVersion {
  return (SPEC_VERSIONS as readonly (string | undefined)[]).includes(text);
}
