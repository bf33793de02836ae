/** Counts in the same terms as INVENTORY.md's "Totals for X" lines. */
import type { VersionModel } from './model';

export interface VersionTotals {
  objects: number;
  classes: number;
  /** Objects plus classes. */
  objectsAndClasses: number;
  /** Fields of all objects and classes (unnamed structures not included). */
  fields: number;
  enums: number;
  enumValues: number;
  primitives: number;
  unnamedStructures: number;
  unnamedFields: number;
}

export function countTotals(version: VersionModel): VersionTotals {
  const objects = version.modules.flatMap((module) => module.objects);
  const enums = version.modules.flatMap((module) => module.enums);
  const unnamed = version.modules.flatMap((module) => module.unnamed);
  const objectCount = objects.filter((object) => object.kind === 'object').length;
  return {
    objects: objectCount,
    classes: objects.length - objectCount,
    objectsAndClasses: objects.length,
    fields: sum(objects.map((object) => object.fields.length)),
    enums: enums.length,
    enumValues: sum(enums.map((enumModel) => enumModel.values.length)),
    primitives: sum(version.modules.map((module) => module.primitives.length)),
    unnamedStructures: unnamed.length,
    unnamedFields: sum(unnamed.map((structure) => structure.fields.length)),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
