/** Writes (or, with `check`, compares) each version's generated schemas file. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emitSchemas } from './emit-schemas';
import { SPEC_VERSIONS, type SpecModel, type SpecVersion } from './model';
import { repositoryRoot } from './spec-dir';
import type { SpecPin } from './spec-pin';

/** `src/v221/generated/schemas.ts` for 2.2.1, relative to the repository root. */
export function generatedFile(version: SpecVersion): string {
  return path.join('src', `v${version.replaceAll('.', '')}`, 'generated', 'schemas.ts');
}

/** The generated files' contents, by repository-relative path. */
export function renderGenerated(
  model: SpecModel,
  pins: readonly SpecPin[],
  errataApplied: boolean,
): Map<string, string> {
  const files = new Map<string, string>();
  for (const version of SPEC_VERSIONS) {
    const pin = pins.find((candidate) => candidate.version === version);
    if (!pin) throw new Error(`SPEC_VERSION has no line for ${version}`);
    files.set(generatedFile(version), emitSchemas(model.versions[version], { pin, errataApplied }));
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
