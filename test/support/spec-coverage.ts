// Compares a version's exported schemas with the spec model that the generator reads (errata applied),
// field by field and both ways. Shape is read from the schemas; primitive types are checked by behaviour
// (what a value of length n and n + 1 does), since that is what a user gets.
import type * as z from 'zod/mini';
import { applyErrata } from '../../scripts/codegen/errata';
import type { IsoList } from '../../scripts/codegen/iso-fields';
import type { FieldModel, SpecVersion, TypeRef, VersionModel } from '../../scripts/codegen/model';
import { FIELD_OVERRIDES } from '../../scripts/codegen/overrides';
import { readSpec } from '../../scripts/codegen/read-spec';
import { ISO_SAMPLES, isoListOf } from './iso-samples';
import { specDir } from './spec';

type Api = Record<string, unknown>;
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  entries?: object;
};
type Schema = z.ZodMiniType & { _zod: { def: Def } };

/** The spec model of `version` with the published errata applied, as the generator uses it. */
export function specModel(version: SpecVersion): VersionModel {
  return applyErrata(readSpec(specDir()), specDir()).model.versions[version];
}

/** Every mismatch between the spec's definitions and the exported schemas, as readable lines. */
export function coverageMismatches(model: VersionModel, api: Api, primitives: PrimitiveChecks): string[] {
  const problems: string[] = [];
  for (const module of model.modules) {
    for (const object of module.objects) {
      const schema = api[`${object.name}Schema`] as Schema | undefined;
      if (!schema) {
        problems.push(`${object.name}: no ${object.name}Schema exported`);
        continue;
      }
      const shape = schema._zod.def.shape ?? {};
      const expected = object.fields.map((field) => field.name);
      const invented = Object.keys(shape).filter((key) => !expected.includes(key));
      if (invented.length > 0)
        problems.push(`${object.name}: fields not in the spec: ${invented.join(', ')}`);
      for (const field of object.fields) {
        const fieldSchema = shape[field.name];
        if (!fieldSchema) problems.push(`${object.name}.${field.name}: missing`);
        else
          problems.push(
            ...fieldMismatches(`${object.name}.${field.name}`, field, fieldSchema, api, {
              ...primitives,
              iso: isoListOf(model.version, object.name, field.name),
            }),
          );
      }
    }
    for (const enumeration of module.enums) {
      const values = enumeration.values.map((value) => value.value);
      const list = api[`${enumeration.name}Values`];
      const schema = api[`${enumeration.name}Schema`] as Schema | undefined;
      if (!Array.isArray(list) || JSON.stringify(list) !== JSON.stringify(values)) {
        problems.push(
          `${enumeration.name}Values: ${JSON.stringify(list)} instead of ${JSON.stringify(values)}`,
        );
      }
      const entries = Object.keys(schema?._zod.def.entries ?? {});
      if (JSON.stringify(entries) !== JSON.stringify(values)) {
        problems.push(
          `${enumeration.name}Schema: accepts ${JSON.stringify(entries)} instead of ${JSON.stringify(values)}`,
        );
      }
    }
  }
  return problems;
}

/**
 * The mismatches {@link coverageMismatches} finds by design: each field of the overrides table is not
 * the schema of the enum its table names.
 */
export function overrideMismatches(model: VersionModel): string[] {
  const objects = model.modules.flatMap((module) => module.objects);
  return FIELD_OVERRIDES.filter(({ versions }) => versions.includes(model.version)).map(
    ({ object, field }) => {
      const type = objects
        .find(({ name }) => name === object)
        ?.fields.find(({ name }) => name === field)?.type;
      return `${object}.${field}: not ${type?.kind === 'ref' ? type.name : '?'}Schema`;
    },
  );
}

/**
 * Where a public schema differs from the generated one other than by added checks: a curated schema
 * may refine (prose rules) but must keep exactly the generated fields, each the generated field schema.
 */
export function refinementMismatches(model: VersionModel, api: Api, generated: Api): string[] {
  const problems: string[] = [];
  for (const module of model.modules) {
    for (const { name } of [...module.objects, ...module.enums]) {
      const exported = api[`${name}Schema`] as Schema | undefined;
      const original = generated[`${name}Schema`] as Schema | undefined;
      if (exported === original) continue;
      const exportedShape = exported?._zod.def.shape;
      const originalShape = original?._zod.def.shape;
      if (!exportedShape || !originalShape) {
        problems.push(`${name}Schema: neither the generated schema nor an object refining it`);
        continue;
      }
      const keys = Object.keys(originalShape);
      if (JSON.stringify(Object.keys(exportedShape)) !== JSON.stringify(keys)) {
        problems.push(`${name}Schema: fields differ from the generated ones`);
      }
      for (const key of keys) {
        if (exportedShape[key] !== originalShape[key])
          problems.push(`${name}Schema.${key}: not the generated field schema`);
      }
    }
  }
  return problems;
}

/** The names a version exports for spec definitions, to check nothing is invented. */
export function definitionExports(api: Api): string[] {
  return Object.keys(api).filter((name) => name.endsWith('Schema') || name.endsWith('Values'));
}

/** The names the model defines, as exports. */
export function modelExports(model: VersionModel): string[] {
  return model.modules.flatMap((module) => [
    ...module.objects.map((object) => `${object.name}Schema`),
    ...module.enums.flatMap((enumeration) => [`${enumeration.name}Schema`, `${enumeration.name}Values`]),
  ]);
}

function fieldMismatches(
  where: string,
  field: FieldModel,
  schema: Schema,
  api: Api,
  primitives: PrimitiveChecks & { iso?: IsoList | undefined },
) {
  const problems: string[] = [];
  let inner = schema;
  const optional = inner._zod.def.type === 'optional';
  if (optional) inner = inner._zod.def.innerType as Schema;
  // A field of a "Choice: one of N" group is optional on its own; the object checks that one is given.
  const shouldBeOptional =
    field.cardinality === '?' || field.cardinality === '*' || field.choiceGroup !== undefined;
  if (optional !== shouldBeOptional)
    problems.push(`${where}: ${optional ? 'optional' : 'required'}, spec says ${field.cardinality}`);
  const isArray = inner._zod.def.type === 'array';
  const shouldBeArray = field.cardinality === '*' || field.cardinality === '+';
  if (isArray !== shouldBeArray)
    problems.push(`${where}: ${isArray ? 'a list' : 'not a list'}, spec says ${field.cardinality}`);
  if (isArray) {
    const element = inner._zod.def.element as Schema;
    const sample = primitives.sample(field.type, api);
    if (sample !== undefined && inner.safeParse([]).success === (field.cardinality === '+')) {
      problems.push(`${where}: an empty list is ${field.cardinality === '+' ? 'accepted' : 'refused'}`);
    }
    inner = element;
  }
  problems.push(...primitives.check(where, field.type, inner, api, primitives.iso));
  return problems;
}

/** How a version's primitive types behave, for the coverage check. */
export interface PrimitiveChecks {
  /** A valid value of the type, or undefined for references. */
  sample: (type: TypeRef, api: Api) => unknown;
  /** Mismatches between the schema of a value and the spec type. */
  check: (where: string, type: TypeRef, schema: Schema, api: Api, iso?: IsoList) => string[];
}

/**
 * The checks for a version: `string` takes printable ASCII (2.1.1) or printable UTF-8 (2.2.1) up to n
 * characters, `CiString` printable ASCII, `int(n)` n digits; the other primitives and every reference
 * must be the very schema the version exports under that name.
 */
export function primitiveChecks(stringAllowsUnicode: boolean): PrimitiveChecks {
  const sameAs = (where: string, schema: Schema, expected: unknown, name: string) =>
    schema === expected ? [] : [`${where}: not ${name}`];
  return {
    sample: (type) => (type.kind === 'primitive' ? 'x' : undefined),
    check(where, type, schema, api, iso) {
      if (type.kind === 'ref') return sameAs(where, schema, api[`${type.name}Schema`], `${type.name}Schema`);
      if (type.kind === 'unparsed') return [`${where}: unparsed type ${type.text}`];
      const n = type.maxLength;
      const accepts = (value: unknown) => schema.safeParse(value).success;
      switch (type.name) {
        case 'string':
        case 'CiString': {
          const problems: string[] = [];
          if (iso !== undefined) {
            // A field tied to an ISO list: its codes are exactly as long as the type allows.
            const { valid, unassigned } = ISO_SAMPLES[iso];
            if (valid.length !== n || !accepts(valid) || accepts(`${valid}x`))
              problems.push(`${where}: does not take ${iso} codes of length ${n}`);
            if (unassigned !== undefined && accepts(unassigned))
              problems.push(`${where}: takes an unassigned ${iso} code`);
            if (accepts('a\nb'.slice(0, n))) problems.push(`${where}: accepts a line break`);
            return problems;
          }
          if (n === undefined) {
            if (!accepts('x'.repeat(1000)))
              problems.push(`${where}: refuses a long string, spec gives no limit`);
          } else if (!accepts('x'.repeat(n)) || accepts('x'.repeat(n + 1))) {
            problems.push(`${where}: length limit is not ${n}`);
          }
          const unicode = type.name === 'string' && stringAllowsUnicode;
          if (accepts('é') !== unicode)
            problems.push(`${where}: ${unicode ? 'refuses' : 'accepts'} non-ASCII`);
          if (accepts('a\nb')) problems.push(`${where}: accepts a line break`);
          return problems;
        }
        case 'int':
          if (!accepts(1) || accepts(1.5)) return [`${where}: not an integer`];
          if (n !== undefined && (!accepts(10 ** n - 1) || accepts(10 ** n)))
            return [`${where}: not int(${n})`];
          return [];
        case 'DateTime':
          return sameAs(where, schema, api.DateTimeSchema, 'DateTimeSchema');
        case 'URL':
          return sameAs(where, schema, api.URLSchema, 'URLSchema');
        case 'number':
        case 'decimal':
          return sameAs(where, schema, api.NumberSchema, 'NumberSchema');
        case 'boolean':
          return sameAs(where, schema, api.BooleanSchema, 'BooleanSchema');
      }
    },
  };
}
