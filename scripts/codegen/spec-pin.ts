/**
 * The spec input the generator is written against (SPEC_VERSION, next to this file), and a check
 * that the spec folder in use is that one (its inventory.json lists the tag and commit it was
 * taken from).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
 * Differences between the pin and the spec folder's inventory.json `sources`, as readable lines
 * (empty when they agree, or when the folder has no inventory.json to compare with).
 */
export function comparePinWithSpecDir(pins: readonly SpecPin[], specDir: string): string[] {
  const inventoryFile = path.join(specDir, 'inventory.json');
  if (!existsSync(inventoryFile)) return [];
  const sources = readInventorySources(inventoryFile);
  return pins.flatMap((pin) => {
    const found = sources[pin.version];
    if (found?.tag === pin.tag && found.commit === pin.commit) return [];
    const actual = found ? `${found.tag} ${found.commit}` : 'nothing';
    return [`${pin.version}: SPEC_VERSION pins ${pin.tag} ${pin.commit}, spec folder has ${actual}`];
  });
}

function readInventorySources(file: string): Partial<Record<string, { tag?: unknown; commit?: unknown }>> {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || !('sources' in parsed)) return {};
  const sources = parsed.sources;
  return typeof sources === 'object' && sources !== null ? sources : {};
}

function isSpecVersion(text: string | undefined): text is SpecVersion {
  return (SPEC_VERSIONS as readonly (string | undefined)[]).includes(text);
}
