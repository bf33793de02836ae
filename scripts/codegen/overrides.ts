/**
 * The one table of hand corrections to the spec tables: fields the emitter writes otherwise than their
 * type cell says, in the versions listed. Everything else comes from the spec (with its errata).
 */
import type { FieldModel, SpecVersion, VersionModel } from './model';

/**
 * How an overridden field is written. `open-enum`: any string, typed as the enum's values or any other,
 * so that editors still suggest the known ones (for enums a party may legitimately go beyond).
 */
export type OverrideKind = 'open-enum';

export interface FieldOverride {
  /** The object or class that has the field. */
  object: string;
  field: string;
  kind: OverrideKind;
  versions: readonly SpecVersion[];
  /** Why, in our own words: the emitter adds it to the definition's doc. */
  note: string;
}

export const FIELD_OVERRIDES: readonly FieldOverride[] = [
  {
    object: 'Version',
    field: 'version',
    kind: 'open-enum',
    versions: ['2.1.1', '2.2.1'],
    note:
      'A party lists every version it offers, so the list may name versions that this VersionNumber ' +
      'enum does not know (a later one, or 3.0): any version is taken, and callers pick those they speak.',
  },
  {
    object: 'Endpoint',
    field: 'identifier',
    kind: 'open-enum',
    versions: ['2.1.1', '2.2.1'],
    note:
      'Parties may add custom modules to the ModuleID enum by agreement (version information ' +
      'endpoint, Custom Modules), so any identifier is taken; the known modules stay suggested by the type.',
  },
];

/** The overrides of one version, looked up by object and field. */
export interface VersionOverrides {
  of(object: string, field: string): FieldOverride | undefined;
  /** The overrides of an object's fields, in table order. */
  ofObject(object: string): readonly FieldOverride[];
}

/** The overrides that apply to `version`; none when `table` is empty. */
export function overridesFor(
  version: SpecVersion,
  table: readonly FieldOverride[] = FIELD_OVERRIDES,
): VersionOverrides {
  const here = table.filter((override) => override.versions.includes(version));
  return {
    of: (object, field) => here.find((override) => override.object === object && override.field === field),
    ofObject: (object) => here.filter((override) => override.object === object),
  };
}

/**
 * Why the table does not fit the model of `version`, one line a problem: an override must name a field
 * the version has, and an `open-enum` one a field whose type is an enum.
 */
export function overrideProblems(
  version: VersionModel,
  table: readonly FieldOverride[] = FIELD_OVERRIDES,
): string[] {
  const objects = new Map(version.modules.flatMap((module) => module.objects).map((o) => [o.name, o]));
  const enums = new Set(version.modules.flatMap((module) => module.enums).map((e) => e.name));
  const problems: string[] = [];
  for (const override of table.filter(({ versions }) => versions.includes(version.version))) {
    const where = `${version.version} ${override.object}.${override.field}`;
    const field: FieldModel | undefined = objects
      .get(override.object)
      ?.fields.find(({ name }) => name === override.field);
    if (!field) problems.push(`${where}: no such field to override`);
    else if (override.kind === 'open-enum' && !(field.type.kind === 'ref' && enums.has(field.type.name))) {
      problems.push(`${where}: an open-enum override needs a field whose type is an enum`);
    }
  }
  return problems;
}
