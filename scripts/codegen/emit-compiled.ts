/**
 * Emits one version's compiled validators from the model: `src/v2xx/generated/compiled.ts`.
 *
 * Each object and class becomes `validate<Name>(value)`, plain JavaScript that answers what strict parsing
 * (`parsePayload(<Name>Schema, value, { mode: 'strict' })`, unknown fields stripped) answers: the data as
 * zod returns it (unknown fields left out, a `null` in an optional field read as absent, every object and
 * list a new one), or `FAIL`. Each enum becomes `is<Name>(value)`. The checks are those of the zod schemas,
 * called rather than written again: the primitives' predicates (src/common/schema/primitives/), the
 * choice count, the ISO lists and the prose rules of the version's rules table. No zod at run time, and
 * one function per definition, so that a bundle keeps only the validators it calls.
 */

import { banner, choiceGroups, collectDefinitions, type EmitOptions } from './emit-schemas';
import { effectiveCardinality } from './emit-types';
import { ISO_HELPERS, type IsoList, isoFieldsFor, type VersionIsoFields } from './iso-fields';
import type {
  EnumModel,
  FieldModel,
  ObjectModel,
  PrimitiveTypeRef,
  SpecVersion,
  VersionModel,
} from './model';
import { type FieldOverride, overridesFor, type VersionOverrides } from './overrides';
import { NO_RULES, RULES_MODULE } from './rule-tables';
import { specLink } from './spec-links';

const PRIMITIVES = '../../common/schema/primitives';
const RUNTIME = '../../common/schema/compiled/runtime';
const REGISTRY = '../../common/schema/compiled/registry';
const TOLERANCE = '../../common/schema/compiled/tolerance';

/** The message of each ISO list's check (src/common/schema/primitives/iso-code-lists.ts). */
const ISO_MESSAGES: Readonly<Record<IsoList, string>> = {
  'country-alpha-3': 'COUNTRY_ALPHA_3_MESSAGE',
  'country-alpha-2': 'COUNTRY_ALPHA_2_MESSAGE',
  currency: 'CURRENCY_MESSAGE',
  language: 'LANGUAGE_MESSAGE',
};

/** The predicate of each ISO list (src/common/schema/primitives/iso-code-lists.ts). */
const ISO_PREDICATES: Readonly<Record<IsoList, string>> = {
  'country-alpha-3': 'isCountryAlpha3',
  'country-alpha-2': 'isCountryAlpha2',
  currency: 'isCurrency',
  language: 'isLanguage',
};

interface Context {
  version: SpecVersion;
  ruled: (name: string) => boolean;
  overrides: VersionOverrides;
  isoFields: VersionIsoFields;
  /** The predicates the file calls, by module. */
  imports: Map<string, Set<string>>;
}

/** The whole compiled file of one version. */
export function emitCompiled(version: VersionModel, options: EmitOptions): string {
  const table = (options.rules ?? NO_RULES).versions[version.version];
  const context: Context = {
    version: version.version,
    ruled: (name) => name in table,
    overrides: overridesFor(version.version, options.overrides ?? []),
    isoFields: isoFieldsFor(version.version, options.isoFields ?? []),
    imports: new Map(),
  };
  const definitions = collectDefinitions(version);
  const body = definitions.flatMap((definition) => [
    '',
    ...(definition.kind === 'enum'
      ? [`/** ${describe(version.version, 'enum', definition.model.name)} */`]
      : [
          `/** ${describe(version.version, definition.model.kind, definition.model.name)}`,
          ` * @see ${specLink(options.pin.tag, definition.model.source)}`,
          ' */',
        ]),
    ...(definition.kind === 'enum' ? emitEnum(definition.model) : emitObject(definition.model, context)),
  ]);
  const names = definitions.map(({ model }) => model.name).sort();
  const ruled = definitions.some(({ kind, model }) => kind === 'object' && context.ruled(model.name));
  const runtime = [
    'FAIL',
    'type Checked',
    'isRecord',
    'listOf',
    'listWhere',
    'noteUnkept',
    ...(ruled ? ['ruleHolds'] : []),
  ];
  return [
    ...banner(
      `the OCPI ${version.version} spec (${options.pin.tag} @ ${options.pin.commit.slice(0, 8)}`,
      options,
    ),
    '//',
    '// The compiled validators, one per definition: strict answers, and lenient ones with a Tolerance (the parse',
    '// helpers); validators.ts is what the version entry exports. See scripts/codegen/emit-compiled.ts.',
    '',
    `import { ${runtime.join(', ')} } from '${RUNTIME}';`,
    `import type { Tolerance } from '${TOLERANCE}';`,
    ...[...context.imports]
      .filter(([module]) => module !== './schemas')
      .sort()
      .map(([module, used]) => `import { ${[...used].sort().join(', ')} } from '${module}';`),
    ...(ruled ? [`import * as rules from '${RULES_MODULE}';`] : []),
    `import type { ${names.join(', ')} } from './schemas';`,
    `import { ${[...(context.imports.get('./schemas') ?? [])].sort().join(', ')} } from './schemas';`,
    ...body,
    '',
  ].join('\n');
}

// An enum's guard is public as it is (validators.ts re-exports it): one line, in every declaration file.
function describe(version: SpecVersion, what: string, name: string): string {
  return what === 'enum'
    ? `Whether a value is a {@link ${name}} (as {@link ${name}Schema} checks).`
    : `The OCPI ${version} \`${name}\` ${what} as strict parsing of \`${name}Schema\` returns it, or FAIL.`;
}

function emitEnum(model: EnumModel): string[] {
  return [
    `export function is${model.name}(value: unknown): value is ${model.name} {`,
    '  switch (value) {',
    ...model.values.map(({ value }) => `    case '${value}':`),
    '      return true;',
    '    default:',
    '      return false;',
    '  }',
    '}',
  ];
}

function emitObject(model: ObjectModel, context: Context): string[] {
  const lines = [
    `export function validate${model.name}(value: unknown, t?: Tolerance): Checked<${model.name}> {`,
    '  if (!isRecord(value)) return FAIL;',
    '  const out: Record<string, unknown> = {};',
  ];
  // How many keys of the value the result holds: fewer than the value has means something was left out.
  // With a Tolerance, a `null` read as absent is counted too, so that only unknown fields are left over.
  const required = model.fields.filter((field) => isRequired(field)).length;
  const optional = model.fields.length > required;
  lines.push(`  ${optional ? 'let' : 'const'} kept = ${required};`);
  model.fields.forEach((field, index) => {
    lines.push(...emitField(model, field, `f${index}`, context).map((line) => `  ${line}`));
  });
  // zod reports an object's unknown fields after its fields and before its own checks.
  const fields = model.fields.map(({ name }) => `'${name}'`).join(', ');
  lines.push(
    '  if (t === undefined) noteUnkept(value, kept);',
    `  else if (!t.fieldsKnown(value, out, kept, [${fields}])) return FAIL;`,
  );
  const groups = choiceGroups(model);
  if (groups.length > 0) {
    use(context, `${PRIMITIVES}/choice-count`, 'countChosen');
    for (const group of groups) {
      lines.push(
        `  if (countChosen(out, [${group.map((name) => `'${name}'`).join(', ')}]) !== 1) return FAIL;`,
      );
    }
  }
  const typed = `out as unknown as ${model.name}`;
  if (context.ruled(model.name)) {
    lines.push(
      `  if (t === undefined ? !ruleHolds(rules.${model.name}, ${typed}) : !t.rule(rules.${model.name}, ${typed})) return FAIL;`,
    );
  }
  lines.push(`  return ${typed};`, '}');
  return lines;
}

function isRequired(field: FieldModel): boolean {
  const cardinality = effectiveCardinality(field);
  return cardinality === '1' || cardinality === '+';
}

// One field: read, checked, and put on the result; a `null` or nothing in an optional field is left out
// (and an optional field kept is counted). With a Tolerance `t`, a value that fails its checks is handed
// to it when its kind of deviation can be tolerated, and a nested object or list is checked with it.
function emitField(model: ObjectModel, field: FieldModel, local: string, context: Context): string[] {
  const key = field.name;
  const read = `value.${key}`;
  const cardinality = effectiveCardinality(field);
  const refObject = field.type.kind === 'ref' && field.type.resolved?.kind !== 'enum';
  const override = context.overrides.of(model.name, key);
  const iso = context.isoFields.of(model.name, key);
  // zod's issue for a `null` here: an enum reports a value outside its list, the rest (lists of enum
  // values included) a wrong type.
  const list = cardinality === '*' || cardinality === '+';
  const enumValue = field.type.kind === 'ref' && !refObject && !override;
  const nullCode = enumValue && !list ? 'invalid_value' : 'invalid_type';
  const absent = [
    `} else if (${local} === null && t !== undefined) {`,
    `  t.absent('${key}', '${nullCode}');`,
    '  kept++;',
  ];
  if (list) {
    const min = cardinality === '+' ? 1 : 0;
    let checkList: string;
    if (refObject) checkList = `listOf(${local}, validate${refName(field)}, ${min}, t, '${key}')`;
    else {
      const keep = tolerate(field, 'x', 'i', context, override, iso);
      const keeper = keep === undefined ? '' : `, (t: Tolerance, x: unknown, i: number) => ${keep}`;
      checkList = `listWhere(${local}, (item: unknown) => ${test(field, 'item', context, override, iso)}, ${min}, t, '${key}'${keeper})`;
    }
    const checked = [
      `const ${local}c = ${checkList};`,
      `if (${local}c === FAIL) return FAIL;`,
      `out.${key} = ${local}c;`,
    ];
    return cardinality === '+'
      ? [`const ${local} = ${read};`, ...checked]
      : [
          `const ${local} = ${read};`,
          `if (${local} !== undefined && ${local} !== null) {`,
          ...indent(checked),
          '  kept++;',
          ...absent,
          '}',
        ];
  }
  let declare = 'const';
  let checked: string[];
  if (refObject) {
    checked = [
      `if (t !== undefined) t.enter('${key}');`,
      `const ${local}c = validate${refName(field)}(${local}, t);`,
      `if (${local}c === FAIL) return FAIL;`,
      'if (t !== undefined) t.leave();',
      `out.${key} = ${local}c;`,
    ];
  } else {
    const condition = test(field, local, context, override, iso);
    const keep = tolerate(field, local, `'${key}'`, context, override, iso);
    if (keep !== undefined) declare = 'let';
    checked = [
      ...(keep === undefined
        ? [`if (!(${condition})) return FAIL;`]
        : [
            `if (!(${condition})) {`,
            '  if (t === undefined) return FAIL;',
            `  ${local} = ${keep};`,
            `  if (${local} === FAIL) return FAIL;`,
            '}',
          ]),
      `out.${key} = ${local};`,
    ];
  }
  return cardinality === '1'
    ? [`${declare} ${local} = ${read};`, ...checked]
    : [
        `${declare} ${local} = ${read};`,
        `if (${local} !== undefined && ${local} !== null) {`,
        ...indent(checked),
        '  kept++;',
        ...absent,
        '}',
      ];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

function refName(field: FieldModel): string {
  if (field.type.kind !== 'ref') throw new Error(`${field.name}: not a reference`);
  return field.type.name;
}

// The condition a single value `x` (not a list, not an object) must meet, as the zod schema checks it.
function test(
  field: FieldModel,
  x: string,
  context: Context,
  override: FieldOverride | undefined,
  iso: { list: IsoList } | undefined,
): string {
  const type = field.type;
  let condition: string;
  if (override) {
    if (override.kind !== 'open-enum')
      throw new Error(`${field.name}: cannot compile a ${override.kind} override`);
    condition = `typeof ${x} === 'string'`;
  } else if (type.kind === 'ref') condition = `is${type.name}(${x})`;
  else if (type.kind === 'unparsed')
    throw new Error(`${field.name}: cannot compile the unparsed type "${type.text}"`);
  else condition = primitiveTest(type, x, context);
  if (!iso) return condition;
  if (!(iso.list in ISO_HELPERS)) throw new Error(`${field.name}: unknown ISO list ${iso.list}`);
  const predicate = ISO_PREDICATES[iso.list];
  use(context, `${PRIMITIVES}/iso-code-lists`, predicate);
  return `${condition} && ${predicate}(${x})`;
}

// The call that hands a single value `x` at `at` that failed its checks to the Tolerance `t`, for the
// kinds of deviation lenient parsing keeps or repairs; undefined for the others (a wrong type, a number
// out of range, a bad URL), which only zod can drop around or report.
function tolerate(
  field: FieldModel,
  x: string,
  at: string,
  context: Context,
  override: FieldOverride | undefined,
  iso: { list: IsoList } | undefined,
): string | undefined {
  const type = field.type;
  if (override) return undefined;
  if (type.kind === 'ref') {
    if (iso) throw new Error(`${field.name}: an ISO list on an enum`);
    use(context, './schemas', `${type.name}Values`);
    return `t.enumValue(${x}, ${at}, ${type.name}Values)`;
  }
  if (type.kind !== 'primitive') return undefined;
  const isoArguments = iso
    ? (() => {
        use(context, `${PRIMITIVES}/iso-code-lists`, ISO_MESSAGES[iso.list]);
        return `, ${ISO_PREDICATES[iso.list]}, ${ISO_MESSAGES[iso.list]}`;
      })()
    : '';
  const max = type.maxLength === undefined ? 'undefined' : String(type.maxLength);
  switch (type.name) {
    case 'string':
      return `t.text(${x}, ${at}, ${max}, ${context.version === '2.2.1'}${isoArguments})`;
    case 'CiString':
      return `t.text(${x}, ${at}, ${max}, false${isoArguments})`;
    case 'DateTime':
      if (iso) throw new Error(`${field.name}: an ISO list on a DateTime`);
      return `t.dateTime(${x}, ${at})`;
    default:
      if (iso) throw new Error(`${field.name}: an ISO list on a ${type.name}`);
      return undefined;
  }
}

function primitiveTest(type: PrimitiveTypeRef, x: string, context: Context): string {
  const max = type.maxLength;
  switch (type.name) {
    case 'string':
      if (context.version === '2.2.1') {
        use(context, `${PRIMITIVES}/printable`, 'isPrintableUnicode');
        if (max !== undefined) use(context, `${PRIMITIVES}/printable`, 'hasAtMostCodePoints');
        return `typeof ${x} === 'string' && ${max !== undefined ? `hasAtMostCodePoints(${x}, ${max}) && ` : ''}isPrintableUnicode(${x})`;
      }
      return asciiTest(x, max, context);
    case 'CiString':
      return asciiTest(x, max, context);
    case 'DateTime':
      use(context, `${PRIMITIVES}/utc-date-time-format`, 'isUtcDateTime');
      return `typeof ${x} === 'string' && isUtcDateTime(${x})`;
    case 'URL':
      use(context, `${PRIMITIVES}/absolute-url`, 'isOcpiUrl');
      return `typeof ${x} === 'string' && isOcpiUrl(${x})`;
    case 'number':
    case 'decimal':
      return `typeof ${x} === 'number' && Number.isFinite(${x})`;
    case 'int': {
      // As the int(n) primitive: a safe integer, and at most n digits when n is given.
      if (max === undefined) return `typeof ${x} === 'number' && Number.isSafeInteger(${x})`;
      const limit = 10 ** max - 1;
      return `typeof ${x} === 'number' && Number.isSafeInteger(${x}) && ${x} >= -${limit} && ${x} <= ${limit}`;
    }
    case 'boolean':
      return `typeof ${x} === 'boolean'`;
  }
}

function asciiTest(x: string, max: number | undefined, context: Context): string {
  use(context, `${PRIMITIVES}/printable`, 'isPrintableAscii');
  return `typeof ${x} === 'string' && ${max !== undefined ? `${x}.length <= ${max} && ` : ''}isPrintableAscii(${x})`;
}

function use(context: Context, module: string, name: string): void {
  const names = context.imports.get(module) ?? new Set<string>();
  names.add(name);
  context.imports.set(module, names);
}

/** `src/v221/generated/compiled.ts` for 2.2.1, relative to the repository root. */
export function compiledFile(version: SpecVersion): string {
  return `src/v${version.replaceAll('.', '')}/generated/compiled.ts`;
}

/** `src/v221/generated/compiled-pairs.ts` for 2.2.1, relative to the repository root. */
export function compiledPairsFile(version: SpecVersion): string {
  return `src/v${version.replaceAll('.', '')}/generated/compiled-pairs.ts`;
}

/**
 * The file that lists each object schema of one version with its compiled validator, in one function:
 * nothing is paired until the SDK (createClient, serveVersion) or the user calls it and hands the list to
 * `registerCompiledValidators`, so that a bundle importing only schemas keeps no validator.
 */
export function emitCompiledPairs(version: VersionModel, options: EmitOptions): string {
  const names = collectDefinitions(version)
    .filter(({ kind }) => kind === 'object')
    .map(({ model }) => model.name)
    .sort();
  return [
    ...banner(
      `the OCPI ${version.version} spec (${options.pin.tag} @ ${options.pin.commit.slice(0, 8)}`,
      options,
    ),
    '//',
    '// Each object schema with its compiled validator: see scripts/codegen/emit-compiled.ts.',
    '',
    "import type * as z from 'zod/mini';",
    `import type { CompiledValidator } from '${REGISTRY}';`,
    "import * as compiled from './compiled';",
    "import * as schemas from './schemas';",
    '',
    '/**',
    ` * Every OCPI ${version.version} object schema paired with the compiled validator that answers a clean payload`,
    ' * as the schema does, for `registerCompiledValidators`. A function, so that importing it pairs nothing.',
    ' */',
    'export function compiledPairs(): readonly (readonly [z.ZodMiniType, CompiledValidator])[] {',
    '  return [',
    ...names.map((name) => `    [schemas.${name}Schema, compiled.validate${name}],`),
    '  ];',
    '}',
    '',
  ].join('\n');
}
