/**
 * The rules tables of the curated layer, as the generator reads them. Each table is a module of src/
 * whose export names are spec names and whose values are the checks of those objects: importing them
 * gives the generator the names to attach a rule to, and the very functions, so that it can tell
 * whether both versions check a shared definition alike.
 */
import * as common from '../../src/common/schema/spec-rules';
import * as v211 from '../../src/v211/schemas/spec-rules';
import * as v221 from '../../src/v221/schemas/spec-rules';
import type { SpecVersion, VersionModel } from './model';

/** One rules table: spec name to the check of that object. */
export type RuleTable = Readonly<Record<string, unknown>>;

export interface RuleTables {
  /** The rules of the definitions both versions share (src/common/schema/spec-rules.ts). */
  common: RuleTable;
  /** Each version's table (src/v2xx/schemas/spec-rules.ts). */
  versions: Readonly<Record<SpecVersion, RuleTable>>;
}

/** The tables in src/. */
export const RULE_TABLES: RuleTables = { common, versions: { '2.1.1': v211, '2.2.1': v221 } };

/** No rules at all: what the emitter assumes when it is given no tables. */
export const NO_RULES: RuleTables = { common: {}, versions: { '2.1.1': {}, '2.2.1': {} } };

/** Where the generated files import each table from, relative to themselves. */
export const RULES_MODULE = '../schemas/spec-rules';
export const COMMON_RULES_MODULE = '../schema/spec-rules';

/**
 * Whether a definition found identical in both versions can still be shared, as far as its rules go:
 * yes when neither version checks it, or both with the check the common table gives it; no when the
 * versions check it differently and the common table leaves it out. Anything else is a table to fix.
 */
export function rulesAllowSharing(name: string, tables: RuleTables): boolean {
  const older = tables.versions['2.1.1'][name];
  const newer = tables.versions['2.2.1'][name];
  const shared = tables.common[name];
  if (older === newer && newer === shared) return true;
  if (older !== newer && shared === undefined) return false;
  throw new Error(
    shared === undefined
      ? `Both versions check ${name} alike: add it to src/common/schema/spec-rules.ts, which their tables re-export`
      : `src/common/schema/spec-rules.ts checks ${name}, but the versions' tables do not both give it that check`,
  );
}

/**
 * Why the tables do not fit the model, one line a problem: every name of a version's table must be an
 * object or class of that version, and every name of the common table a definition the versions share.
 */
export function ruleTableProblems(
  versions: readonly VersionModel[],
  shared: ReadonlySet<string>,
  tables: RuleTables,
): string[] {
  const problems: string[] = [];
  for (const version of versions) {
    const objects = new Set(version.modules.flatMap((module) => module.objects.map(({ name }) => name)));
    for (const name of Object.keys(tables.versions[version.version])) {
      if (!objects.has(name)) problems.push(`${version.version} rules table: ${name} is no object or class`);
    }
  }
  for (const name of Object.keys(tables.common)) {
    if (!shared.has(name)) problems.push(`common rules table: ${name} is not shared by both versions`);
  }
  return problems;
}
