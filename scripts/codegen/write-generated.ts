/** Writes (or, with `check`, compares) each version's generated schemas file. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emitSchemas, emitSharedSchemas, sharedDefinitions } from './emit-schemas';
import { SPEC_VERSIONS, type SpecModel, type SpecVersion } from './model';
import { repositoryRoot } from './spec-dir';
import type { SpecPin } from './spec-pin';

/** `src/v221/generated/schemas.ts` for 2.2.1, relative to the repository root. */
export function generatedFile(version: SpecVersion): string {
  return path.join('src', `v${version.replaceAll('.', '')}`, 'generated', 'schemas.ts');
}

/** The definitions both versions share, emitted once. */
export const SHARED_FILE = path.join('src', 'common', 'generated', 'schemas.ts');

/** The generated files' contents, by repository-relative path. */
export function renderGenerated(
  model: SpecModel,
  pins: readonly SpecPin[],
  errataApplied: boolean,
): Map<string, string> {
  const files = new Map<string, string>();
  const pinOf = (version: SpecVersion) => {
    const pin = pins.find((candidate) => candidate.version === version);
    if (!pin) throw new Error(`SPEC_VERSION has no line for ${version}`);
    return pin;
  };
  const [older, newer] = [model.versions['2.1.1'], model.versions['2.2.1']];
  const shared = sharedDefinitions(older, newer);
  files.set(
    SHARED_FILE,
    emitSharedSchemas(older, newer, { pins: [pinOf('2.1.1'), pinOf('2.2.1')], errataApplied }),
  );
  for (const version of SPEC_VERSIONS) {
    files.set(
      generatedFile(version),
      emitSchemas(model.versions[version], { pin: pinOf(version), errataApplied, shared }),
    );
  }
  return files;
}

/** Writes the files; with `check`, writes nothing and returns the paths that are out of date. */
export function writeGenerated(files: ReadonlyMap<string, string>, check: boolean): string[] {
  const stale: string[] = [];
  for (const [relative, content] of files) {
    const absolute = path.join(repositoryRoot(), relative);
    const current = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(relative);
    if (check) continue;
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  }
  return stale;
}
