/**
 * Writes (or, with `check`, compares) the generated files: each version's schemas, compiled validators
 * and export list.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { curatedExports } from './curated-exports';
import { compiledFile, compiledPairsFile, emitCompiled, emitCompiledPairs } from './emit-compiled';
import { emitExportList, emitSchemas, emitSharedSchemas, sharedDefinitions } from './emit-schemas';
import { emitValidators, validatorsFile } from './emit-validators';
import { emitIsoCodes, ISO_CODES_FILE } from './iso-codes';
import { ISO_FIELDS, isoFieldProblems } from './iso-fields';
import { SPEC_VERSIONS, type SpecModel, type SpecVersion } from './model';
import { FIELD_OVERRIDES, overrideProblems } from './overrides';
import { RULE_TABLES, type RuleTables, ruleTableProblems } from './rule-tables';
import { repositoryRoot } from './spec-dir';
import type { SpecPin } from './spec-pin';

/** `src/v221/generated/schemas.ts` for 2.2.1, relative to the repository root. */
export function generatedFile(version: SpecVersion): string {
  return path.join('src', `v${version.replaceAll('.', '')}`, 'generated', 'schemas.ts');
}

/** `src/v221/generated/exports.ts` for 2.2.1: the names the version's entry exports for the spec. */
export function exportListFile(version: SpecVersion): string {
  return path.join('src', `v${version.replaceAll('.', '')}`, 'generated', 'exports.ts');
}

/** The definitions both versions share, emitted once. */
export const SHARED_FILE = path.join('src', 'common', 'generated', 'schemas.ts');

/**
 * The generated files' contents, by repository-relative path. The rules tables (src/) and the overrides
 * table (overrides.ts) must fit the model: a name that is no definition of its version stops the run.
 */
export function renderGenerated(
  model: SpecModel,
  pins: readonly SpecPin[],
  errataApplied: boolean,
  rules: RuleTables = RULE_TABLES,
): Map<string, string> {
  const files = new Map<string, string>();
  const pinOf = (version: SpecVersion) => {
    const pin = pins.find((candidate) => candidate.version === version);
    if (!pin) throw new Error(`SPEC_VERSION has no line for ${version}`);
    return pin;
  };
  const [older, newer] = [model.versions['2.1.1'], model.versions['2.2.1']];
  const tables = { rules, overrides: FIELD_OVERRIDES, isoFields: ISO_FIELDS };
  const shared = sharedDefinitions(older, newer, tables);
  const problems = [
    ...ruleTableProblems([older, newer], shared, rules),
    ...[older, newer].flatMap((version) => overrideProblems(version, FIELD_OVERRIDES)),
    ...[older, newer].flatMap((version) => isoFieldProblems(version, ISO_FIELDS)),
  ];
  if (problems.length > 0) throw new Error(`The tables do not fit the spec:\n${problems.join('\n')}`);
  files.set(ISO_CODES_FILE, emitIsoCodes());
  files.set(
    SHARED_FILE,
    emitSharedSchemas(older, newer, { pins: [pinOf('2.1.1'), pinOf('2.2.1')], errataApplied, ...tables }),
  );
  for (const version of SPEC_VERSIONS) {
    const options = { pin: pinOf(version), errataApplied, shared, ...tables };
    files.set(generatedFile(version), emitSchemas(model.versions[version], options));
    files.set(compiledFile(version), emitCompiled(model.versions[version], options));
    files.set(compiledPairsFile(version), emitCompiledPairs(model.versions[version], options));
    files.set(validatorsFile(version), emitValidators(model.versions[version], options));
    files.set(
      exportListFile(version),
      emitExportList(model.versions[version], options, curatedExports(version)),
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
