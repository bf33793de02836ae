/**
 * The declared types of a generated spec object, written out so that users read names, not zod's
 * inference:
 *
 * - `X`, the object itself, one documented field per spec row, nested objects and enums by name
 *   (`evses?: EVSE[] | undefined`);
 * - `XShape`, the schema's fields as zod/mini types, nested schemas by `typeof` (module-internal: the
 *   version entries do not export it);
 * - the schema's annotation `SpecObjectSchema<XShape, X>`, so that declarations name the shape instead
 *   of spelling out every nested schema, and a parsed value is typed `X`.
 *
 * The checker keeps these honest: the schema expression must fit its annotation, `X` must fit what zod
 * infers from the shape (the annotation's constraint), and test/types/public-api/schema-outputs.ts checks the
 * other direction for every object.
 */
import type {
  Cardinality,
  EnumModel,
  FieldModel,
  ObjectModel,
  PrimitiveName,
  PrimitiveTypeRef,
} from './model';
import type { FieldOverride } from './overrides';

/** Where a generated file finds `SpecObjectSchema`, seen from a version's and from the common folder. */
export const SPEC_OBJECT_MODULE = '../../common/schema/spec-object';
export const COMMON_SPEC_OBJECT_MODULE = '../schema/spec-object';

/** The import of the annotation types, for a generated file with objects and/or enums. */
export function specObjectImport(module: string, names: { objects: boolean; enums: boolean }): string[] {
  const imported = [...(names.enums ? ['EnumObject'] : []), ...(names.objects ? ['SpecObjectSchema'] : [])];
  return imported.length > 0 ? [`import type { ${imported.join(', ')} } from '${module}';`] : [];
}

/**
 * An enum's type and schema head: the type spells the values as a union, so that it has a name of its
 * own that the schema's annotation and every declaration mentioning it print.
 */
export function emitEnumType(model: EnumModel, lineWidth: number): string[] {
  const values = model.values.map((value) => `'${value.value}'`);
  const inline = `export type ${model.name} = ${values.join(' | ')};`;
  return inline.length <= lineWidth
    ? [inline]
    : [
        `export type ${model.name} =`,
        ...values.map((value, index) => `  | ${value}${index === values.length - 1 ? ';' : ''}`),
      ];
}

/** The type a generated enum schema is declared with. */
export function enumSchemaAnnotation(model: EnumModel): string {
  return `z.ZodMiniEnum<EnumObject<${model.name}>>`;
}

/** The type a generated object schema is declared with. */
export function schemaAnnotation(model: ObjectModel): string {
  return `SpecObjectSchema<${model.name}Shape, ${model.name}>`;
}

/**
 * The spec's cardinality as the schema applies it: a field of a "Choice: one of N" group is one of
 * several alternatives, so it is optional on its own (withChoices checks the group).
 */
export function effectiveCardinality(field: FieldModel): Cardinality {
  return field.choiceGroup !== undefined && field.cardinality === '1' ? '?' : field.cardinality;
}

/**
 * The object's type and its schema's shape type. `links` are the spec sections of the object (one per
 * version for a shared object); each field's doc ends with them. `override` gives a field's entry in
 * the overrides table, which changes how the field is written (overrides.ts).
 */
export function emitObjectTypes(
  model: ObjectModel,
  header: string,
  links: readonly string[],
  override: (field: FieldModel) => FieldOverride | undefined = () => undefined,
): string[] {
  const see = links.map((link) => ` @see ${link}`).join('');
  const choices = choiceGroups(model);
  const items = new Map(model.fields.map((field) => [field, itemTypes(field, override(field))]));
  const item = (field: FieldModel): ItemTypes => items.get(field) ?? itemTypes(field, undefined);
  return [
    '/**',
    ` * ${header}`,
    ...links.map((link) => ` * @see ${link}`),
    ' */',
    `export type ${model.name} = {`,
    ...model.fields.flatMap((field) => [
      `  /** ${fieldDoc(field, item(field), choices.get(field.choiceGroup ?? -1))}${see} */`,
      `  ${field.name}${optional(field) ? '?' : ''}: ${valueType(field, item(field))};`,
    ]),
    '};',
    `/** The zod/mini fields of \`${model.name}Schema\`. */`,
    `export type ${model.name}Shape = {`,
    ...model.fields.map((field) => `  ${field.name}: ${shapeType(field, item(field))};`),
    '};',
  ];
}

/** One item of a field (the field itself, or one entry of a list field) in each of the three places. */
interface ItemTypes {
  /** The TypeScript type of a parsed value. */
  value: string;
  /** The zod/mini type of its schema. */
  schema: string;
  /** What it is, for the field's doc. */
  doc: string;
}

function itemTypes(field: FieldModel, override: FieldOverride | undefined): ItemTypes {
  const { type } = field;
  if (type.kind === 'unparsed')
    throw new Error(`${field.name}: cannot type the unparsed type "${type.text}"`);
  if (type.kind === 'ref') {
    if (override?.kind === 'open-enum') {
      // What openEnum returns: any string, typed so that editors still suggest the known values.
      const value = `${type.name} | (string & {})`;
      return { value, schema: `z.ZodMiniType<${value}>`, doc: `{@link ${type.name}} or any other string` };
    }
    return { value: type.name, schema: `typeof ${type.name}Schema`, doc: `{@link ${type.name}}` };
  }
  const facts = PRIMITIVE_FACTS[type.name](type.maxLength);
  return { value: facts.value, schema: facts.schema, doc: `\`${primitiveLabel(type)}\`, ${facts.fact}` };
}

function optional(field: FieldModel): boolean {
  const cardinality = effectiveCardinality(field);
  return cardinality === '?' || cardinality === '*';
}

/** The field's type in the object type, as zod's output has it: an optional field may be `undefined`. */
function valueType(field: FieldModel, item: ItemTypes): string {
  const list = (value: string) => (value.includes(' ') ? `(${value})[]` : `${value}[]`);
  switch (effectiveCardinality(field)) {
    case '1':
      return item.value;
    case '?':
      return `${item.value} | undefined`;
    case '*':
      return `${list(item.value)} | undefined`;
    case '+':
      return list(item.value);
  }
}

/** The field's zod/mini type in the shape, matching what fieldExpression builds. */
function shapeType(field: FieldModel, item: ItemTypes): string {
  switch (effectiveCardinality(field)) {
    case '1':
      return item.schema;
    case '?':
      return `z.ZodMiniOptional<${item.schema}>`;
    case '*':
      return `z.ZodMiniOptional<z.ZodMiniArray<${item.schema}>>`;
    case '+':
      return `z.ZodMiniArray<${item.schema}>`;
  }
}

/**
 * One line about a field, from the model only (never the spec's descriptions): whether it must be
 * given, whether it is a list, and what its type allows.
 */
function fieldDoc(field: FieldModel, item: ItemTypes, group: readonly string[] | undefined): string {
  const list = field.cardinality === '*' || field.cardinality === '+';
  const lead = group
    ? `One of ${group.map((name) => `\`${name}\``).join(', ')}, exactly one given:${list ? ' a list of' : ''}`
    : LEAD[field.cardinality];
  return `${lead} ${item.doc}.`;
}

const LEAD: Readonly<Record<Cardinality, string>> = {
  '1': 'Required:',
  '?': 'Optional:',
  '*': 'Optional list (may be empty) of',
  '+': 'Required list (at least one) of',
};

function primitiveLabel(type: PrimitiveTypeRef): string {
  return type.maxLength === undefined ? type.name : `${type.name}(${type.maxLength})`;
}

interface PrimitiveFacts {
  /** The zod/mini type the primitive builder returns. */
  schema: string;
  /** The TypeScript type of a parsed value. */
  value: string;
  /** What the type allows, in our words. */
  fact: string;
}

const TEXT = 'z.ZodMiniString<string>';
const PRIMITIVE_FACTS: Readonly<Record<PrimitiveName, (max: number | undefined) => PrimitiveFacts>> = {
  string: (max) => ({
    schema: TEXT,
    value: 'string',
    fact: max === undefined ? 'printable text' : `printable text, at most ${max} characters`,
  }),
  CiString: (max) => ({
    schema: TEXT,
    value: 'string',
    fact: `ASCII text${max === undefined ? '' : ` of at most ${max} characters`}, case-insensitive`,
  }),
  int: (max) => ({
    schema: 'z.ZodMiniInt',
    value: 'number',
    fact: max === undefined ? 'a whole number' : `a whole number of at most ${max} digits`,
  }),
  DateTime: () => ({ schema: TEXT, value: 'string', fact: 'a UTC timestamp' }),
  URL: () => ({ schema: TEXT, value: 'string', fact: 'an absolute URL, at most 255 characters' }),
  number: () => ({ schema: 'z.ZodMiniNumber<number>', value: 'number', fact: 'a JSON number' }),
  decimal: () => ({ schema: 'z.ZodMiniNumber<number>', value: 'number', fact: 'a JSON number' }),
  boolean: () => ({ schema: 'z.ZodMiniBoolean<boolean>', value: 'boolean', fact: 'true or false' }),
};

/** Each choice group's fields, by group number. */
function choiceGroups(model: ObjectModel): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const field of model.fields) {
    if (field.choiceGroup === undefined) continue;
    groups.set(field.choiceGroup, [...(groups.get(field.choiceGroup) ?? []), field.name]);
  }
  return groups;
}
