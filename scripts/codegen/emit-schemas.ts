/**
 * Emits one version's zod/mini schemas from the model: `src/v2xx/generated/schemas.ts`.
 *
 * Every object, class and enum becomes `<Name>Schema` plus the type `<Name>`; enums also get
 * `<Name>Values`, a readonly list for UIs. Definitions come in dependency order (a `const` cannot be
 * used before it is declared), grouped by module. An object named in the rules table carries its prose
 * rule (`.check(specRule(rules.<Name>))`), and a field in the overrides table is written as the table
 * says. The output is already formatted, so a test can compare it with the file on disk byte for byte.
 */
import { commandBodies, emitCommandBodies } from './command-bodies';
import type { CuratedModule } from './curated-exports';
import {
  COMMON_SPEC_OBJECT_MODULE,
  effectiveCardinality,
  emitEnumType,
  emitObjectTypes,
  enumSchemaAnnotation,
  SPEC_OBJECT_MODULE,
  schemaAnnotation,
  specObjectImport,
} from './emit-types';
import { ISO_HELPERS, ISO_NAMES, type IsoField, isoFieldsFor, type VersionIsoFields } from './iso-fields';
import type { EnumModel, FieldModel, ObjectModel, PrimitiveName, TypeRef, VersionModel } from './model';
import { type FieldOverride, overridesFor, type VersionOverrides } from './overrides';
import {
  COMMON_RULES_MODULE,
  NO_RULES,
  RULES_MODULE,
  type RuleTables,
  rulesAllowSharing,
} from './rule-tables';
import { specLink } from './spec-links';
import type { SpecPin } from './spec-pin';

const LINE_WIDTH = 110;

/** Where a version's generated file finds its primitive schemas (the version's own primitives). */
const PRIMITIVES_MODULE = '../primitives';
/** Where the common generated file finds the primitive schemas (the schema toolkit). */
const COMMON_PRIMITIVES_MODULE = '../schema/primitives';
/** Where a version's generated file finds the helpers that are no spec type (and not public). */
const TOOLKIT_MODULE = '../../common/schema/primitives';
const TOOLKIT_HELPERS: ReadonlySet<string> = new Set([
  'openEnum',
  'withChoices',
  ...Object.values(ISO_HELPERS),
]);
/** Where a version's generated file finds the shared definitions. */
const SHARED_MODULE = '../../common/generated/schemas';
/** Where a version's generated file finds `specRule`, and where the common one does. */
const SPEC_RULE_MODULE = '../../common/schema/spec-rule';
const COMMON_SPEC_RULE_MODULE = '../schema/spec-rule';

export type Definition =
  | { kind: 'object'; module: string; model: ObjectModel }
  | { kind: 'enum'; module: string; model: EnumModel };

export interface EmitOptions {
  pin: SpecPin;
  /** True when the published errata were applied to the model; said in the banner. */
  errataApplied: boolean;
  /** Definitions identical in both versions, emitted once in the common file (see sharedDefinitions). */
  shared?: ReadonlySet<string>;
  /** The rules tables; a definition named in the version's table carries its rule. None by default. */
  rules?: RuleTables;
  /** The overrides table; none by default. */
  overrides?: readonly FieldOverride[];
  /** The fields checked against an ISO code list; none by default. */
  isoFields?: readonly IsoField[];
}

/** What decides which definitions both versions share, besides their shape. */
export interface ShareOptions {
  rules?: RuleTables;
  overrides?: readonly FieldOverride[];
  isoFields?: readonly IsoField[];
}

/** Options of {@link emitSharedSchemas}: the pins of the older and the newer version. */
export interface SharedEmitOptions extends ShareOptions {
  pins: readonly [SpecPin, SpecPin];
  errataApplied: boolean;
}

/** What the emitter needs to know of a definition besides the model: its rule and field overrides. */
interface DefinitionContext {
  /** Whether the definition carries the rule of its rules table. */
  ruled(name: string): boolean;
  /** Whether an object without a rule of its own holds ruled objects, at any depth. */
  holdsRules(name: string): boolean;
  overrides: VersionOverrides;
  isoFields: VersionIsoFields;
}

/** The context of definitions whose rules `table` gives, in a file that may reference all of `scope`. */
function definitionContext(
  scope: readonly Definition[],
  table: Readonly<Record<string, unknown>>,
  overrides: VersionOverrides,
  isoFields: VersionIsoFields,
): DefinitionContext {
  const ruled = (name: string) => name in table;
  const byName = new Map(scope.map((definition) => [definition.model.name, definition]));
  const holding = new Map<string, boolean>();
  // No reference cycles (sortByDependencies refuses them), so the recursion ends.
  const holds = (name: string): boolean => {
    const known = holding.get(name);
    if (known !== undefined) return known;
    const definition = byName.get(name);
    const answer =
      definition !== undefined && referencedNames(definition).some((ref) => ruled(ref) || holds(ref));
    holding.set(name, answer);
    return answer;
  };
  return { ruled, holdsRules: (name) => !ruled(name) && holds(name), overrides, isoFields };
}

/** The whole generated file for one version; `shared` definitions are imported from the common file. */
export function emitSchemas(version: VersionModel, options: EmitOptions): string {
  const shared = options.shared ?? new Set<string>();
  const table = (options.rules ?? NO_RULES).versions[version.version];
  const all = collectDefinitions(version);
  const context = definitionContext(
    all,
    table,
    overridesFor(version.version, options.overrides ?? []),
    isoFieldsFor(version.version, options.isoFields ?? []),
  );
  const own = sortByDependencies(all, shared).filter((definition) => !shared.has(definition.model.name));
  const sharedHere = all.filter((definition) => shared.has(definition.model.name));
  const commands = commandBodies(version).map(({ body }) => body);
  const usedShared = [...new Set([...own.flatMap(referencedNames), ...commands])]
    .filter((name) => shared.has(name))
    .sort();
  // The object types name the shared definitions their fields hold (the commands table needs none).
  const typedShared = new Set(own.flatMap(referencedNames));
  return [
    ...banner(
      `the OCPI ${version.version} spec (${options.pin.tag} @ ${options.pin.commit.slice(0, 8)}`,
      options,
    ),
    '',
    "import * as z from 'zod/mini';",
    ...(usedShared.length > 0
      ? [
          `import { ${usedShared.flatMap((name) => [...(typedShared.has(name) ? [`type ${name}`] : []), `${name}Schema`]).join(', ')} } from '${SHARED_MODULE}';`,
        ]
      : []),
    ...ruleImports(own, context, SPEC_RULE_MODULE, RULES_MODULE),
    ...primitiveImports(usedPrimitives(own, context)),
    ...specObjectImport(SPEC_OBJECT_MODULE, kindsIn(own)),
    '',
    ...(sharedHere.length > 0 ? [...reExport(sharedHere), ''] : []),
    ...emitBody(
      own,
      (definition) => [specLink(options.pin.tag, definition.model.source)],
      version.version,
      context,
    ),
    ...emitCommandBodies(version, options.pin.tag),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

/**
 * The schema names of one version's entry (`src/v2xx/generated/exports.ts`), explicitly, for the entry
 * to re-export: every name the generated schemas give a spec definition (shared ones included), then
 * the public names of the curated modules (`curated`, see curated-exports.ts).
 */
export function emitExportList(
  version: VersionModel,
  options: EmitOptions,
  curated: readonly CuratedModule[] = [],
): string {
  const entry = `@org/ocpi/v${version.version.replaceAll('.', '')}`;
  return [
    ...banner(
      `the OCPI ${version.version} spec (${options.pin.tag} @ ${options.pin.commit.slice(0, 8)}`,
      options,
    ),
    `// The schema names ${entry} exports: every object, class and enum of OCPI ${version.version},`,
    '// then what the curated layer (../schemas/) adds.',
    '',
    ...exportNames(
      [
        ...definitionNames(collectDefinitions(version)),
        ...(commandBodies(version).length > 0 ? ['CommandRequestSchemas'] : []),
      ],
      './schemas',
    ),
    ...curated.flatMap(({ specifier, names }) => exportNames(names, specifier)),
    '',
  ].join('\n');
}

// The `import`s of specRule and the rules table, and of rulesInside, for the checks of the definitions.
function ruleImports(
  definitions: readonly Definition[],
  context: DefinitionContext,
  specRuleModule: string,
  rulesModule: string,
): string[] {
  const objects = definitions.filter(({ kind }) => kind === 'object').map(({ model }) => model.name);
  const ruled = objects.some((name) => context.ruled(name));
  const checks = [...(objects.some((name) => context.holdsRules(name)) ? ['rulesInside'] : [])];
  if (ruled) checks.push('specRule');
  return [
    ...(checks.length > 0 ? [`import { ${checks.join(', ')} } from '${specRuleModule}';`] : []),
    ...(ruled ? [`import * as rules from '${rulesModule}';`] : []),
  ];
}

/**
 * The definitions that are the same in both versions: enums with the same values, and objects with the
 * same fields, none of them a `string` (printable ASCII in 2.1.1, UTF-8 in 2.2.1) and every reference
 * itself shared. They are emitted once, into `src/common/generated/schemas.ts`.
 */
export function sharedDefinitions(
  older: VersionModel,
  newer: VersionModel,
  options: ShareOptions = {},
): Set<string> {
  const newerByName = new Map(
    collectDefinitions(newer).map((definition) => [definition.model.name, definition]),
  );
  const [olderOverrides, newerOverrides] = [older, newer].map(({ version }) =>
    overridesFor(version, options.overrides ?? []),
  ) as [VersionOverrides, VersionOverrides];
  const [olderIso, newerIso] = [older, newer].map(({ version }) =>
    isoFieldsFor(version, options.isoFields ?? []),
  ) as [VersionIsoFields, VersionIsoFields];
  const candidates = new Map<string, Definition>();
  for (const definition of collectDefinitions(older)) {
    const { name } = definition.model;
    const twin = newerByName.get(name);
    if (!twin || !sameShape(definition, twin)) continue;
    // A shared schema is one schema: the same fields written the same way, and one rule.
    if (!sameOverrides(olderOverrides.ofObject(name), newerOverrides.ofObject(name))) continue;
    if (!sameIsoFields(olderIso.ofObject(name), newerIso.ofObject(name))) continue;
    if (!rulesAllowSharing(name, options.rules ?? NO_RULES)) continue;
    candidates.set(name, definition);
  }
  // Drop objects that reference something not shared, until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, definition] of candidates) {
      if (referencedNames(definition).every((ref) => candidates.has(ref))) continue;
      candidates.delete(name);
      changed = true;
    }
  }
  return new Set(candidates.keys());
}

/** The common file of the definitions both versions share. */
export function emitSharedSchemas(
  older: VersionModel,
  newer: VersionModel,
  options: SharedEmitOptions,
): string {
  const shared = sharedDefinitions(older, newer, options);
  const table = (options.rules ?? NO_RULES).common;
  const definitions = sortByDependencies(collectDefinitions(older)).filter((definition) =>
    shared.has(definition.model.name),
  );
  const context = definitionContext(
    definitions,
    table,
    overridesFor(older.version, options.overrides ?? []),
    isoFieldsFor(older.version, options.isoFields ?? []),
  );
  const newerSources = new Map(
    collectDefinitions(newer).map((definition) => [definition.model.name, definition.model.source]),
  );
  const [olderPin, newerPin] = options.pins;
  const links = (definition: Definition) => {
    const newerSource = newerSources.get(definition.model.name);
    return [
      specLink(olderPin.tag, definition.model.source),
      ...(newerSource ? [specLink(newerPin.tag, newerSource)] : []),
    ];
  };
  return [
    ...banner(
      `the OCPI ${older.version} and ${newer.version} specs (${olderPin.tag} @ ${olderPin.commit.slice(0, 8)}, ${newerPin.tag} @ ${newerPin.commit.slice(0, 8)}`,
      options,
    ),
    '// The definitions that are identical in both versions; each version re-exports them.',
    '',
    "import * as z from 'zod/mini';",
    ...ruleImports(definitions, context, COMMON_SPEC_RULE_MODULE, COMMON_RULES_MODULE),
    `import { ${[...usedPrimitives(definitions, context)].sort().join(', ')} } from '${COMMON_PRIMITIVES_MODULE}';`,
    ...specObjectImport(COMMON_SPEC_OBJECT_MODULE, kindsIn(definitions)),
    '',
    ...emitBody(definitions, links, `${older.version} and ${newer.version}`, context),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

function emitBody(
  definitions: readonly Definition[],
  links: (definition: Definition) => string[],
  versionLabel: string,
  context: DefinitionContext,
): string[] {
  const body: string[] = [];
  let module = '';
  for (const definition of definitions) {
    if (definition.module !== module) {
      module = definition.module;
      body.push(`// ${module}`, '');
    }
    body.push(...emitDefinition(definition, versionLabel, links(definition), context), '');
  }
  return body;
}

function reExport(definitions: readonly Definition[]): string[] {
  return exportStatement(definitions, SHARED_MODULE);
}

// `export { ... } from '<module>'` of every name of the definitions, in Biome's order.
function exportStatement(definitions: readonly Definition[], module: string): string[] {
  return exportNames(definitionNames(definitions), module);
}

function definitionNames(definitions: readonly Definition[]): string[] {
  return definitions.flatMap(({ kind, model }) => [
    `${model.name}Schema`,
    ...(kind === 'enum' ? [`${model.name}Values`] : []),
    `type ${model.name}`,
  ]);
}

function exportNames(names: readonly string[], module: string): string[] {
  return [
    'export {',
    ...[...names].sort((a, b) => bare(a).localeCompare(bare(b))).map((name) => `  ${name},`),
    `} from '${module}';`,
  ];
}

function sameOverrides(a: readonly FieldOverride[], b: readonly FieldOverride[]): boolean {
  const key = (overrides: readonly FieldOverride[]) =>
    JSON.stringify(overrides.map(({ field, kind }) => [field, kind]));
  return key(a) === key(b);
}

function sameIsoFields(a: readonly IsoField[], b: readonly IsoField[]): boolean {
  const key = (fields: readonly IsoField[]) => JSON.stringify(fields.map(({ field, list }) => [field, list]));
  return key(a) === key(b);
}

function bare(name: string): string {
  return name.replace(/^type /, '');
}

function referencedNames(definition: Definition): string[] {
  if (definition.kind === 'enum') return [];
  return definition.model.fields.flatMap((field) => (field.type.kind === 'ref' ? [field.type.name] : []));
}

function sameShape(a: Definition, b: Definition): boolean {
  if (a.kind === 'enum' && b.kind === 'enum') {
    return (
      JSON.stringify(a.model.values.map((v) => v.value)) ===
      JSON.stringify(b.model.values.map((v) => v.value))
    );
  }
  if (a.kind !== 'object' || b.kind !== 'object' || a.model.kind !== b.model.kind) return false;
  const shape = (model: ObjectModel) =>
    JSON.stringify(
      model.fields.map((field) => [
        field.name,
        field.cardinality,
        field.choiceGroup ?? null,
        typeKey(field.type),
      ]),
    );
  const stringFree = a.model.fields.every(
    (field) => !(field.type.kind === 'primitive' && field.type.name === 'string'),
  );
  return stringFree && shape(a.model) === shape(b.model);
}

function typeKey(type: TypeRef): string {
  if (type.kind === 'ref') return `ref:${type.name}`;
  if (type.kind === 'unparsed') return `unparsed:${type.text}`;
  return `${PRIMITIVES[type.name].name}(${type.maxLength ?? ''})`;
}

export function banner(source: string, { errataApplied }: { errataApplied: boolean }): string[] {
  const errata = errataApplied ? ', with the published errata applied' : '';
  return [
    `// Generated by scripts/codegen from ${source}${errata}).`,
    '// Do not edit: change the generator or the curated schemas in ../schemas/, then run `npm run codegen`.',
  ];
}

export function collectDefinitions(version: VersionModel): Definition[] {
  return version.modules.flatMap((module) => [
    ...module.enums.map((model): Definition => ({ kind: 'enum', module: module.name, model })),
    ...module.objects.map((model): Definition => ({ kind: 'object', module: module.name, model })),
  ]);
}

// Depth-first, in spec order: each definition after everything it references, and otherwise where
// the spec has it.
function sortByDependencies(
  definitions: readonly Definition[],
  imported: ReadonlySet<string> = new Set(),
): Definition[] {
  const byName = new Map(definitions.map((definition) => [definition.model.name, definition]));
  const sorted: Definition[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (definition: Definition, trail: readonly string[]): void => {
    const name = definition.model.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`Reference cycle: ${[...trail, name].join(' -> ')}`);
    state.set(name, 'visiting');
    if (definition.kind === 'object') {
      for (const field of definition.model.fields) {
        if (field.type.kind !== 'ref' || imported.has(field.type.name)) continue;
        const target = byName.get(field.type.name);
        if (!target) throw new Error(`${name}.${field.name}: unknown type ${field.type.name}`);
        visit(target, [...trail, name]);
      }
    }
    state.set(name, 'done');
    sorted.push(definition);
  };
  for (const definition of definitions) visit(definition, []);
  return sorted;
}

function emitDefinition(
  definition: Definition,
  versionLabel: string,
  links: readonly string[],
  context: DefinitionContext,
): string[] {
  const { name } = definition.model;
  const what = definition.kind === 'enum' ? 'enum' : definition.model.kind;
  const header = `OCPI ${versionLabel} \`${name}\` ${what}.`;
  const doc = [
    '/**',
    ` * ${header}`,
    ...(definition.kind === 'object' ? objectNotes(definition.model, context) : []),
    ...links.map((link) => ` * @see ${link}`),
    ' */',
  ];
  if (definition.kind === 'enum') return [...doc, ...emitEnum(definition.model)];
  return [
    ...doc,
    ...emitObject(definition.model, context),
    ...emitObjectTypes(definition.model, header, links, (field) =>
      context.overrides.of(definition.model.name, field.name),
    ),
  ];
}

function kindsIn(definitions: readonly Definition[]): { objects: boolean; enums: boolean } {
  return {
    objects: definitions.some((definition) => definition.kind === 'object'),
    enums: definitions.some((definition) => definition.kind === 'enum'),
  };
}

// The doc lines that say where an object differs from its bare table: its rule, its overridden fields.
function objectNotes(model: ObjectModel, context: DefinitionContext): string[] {
  return [
    ...(context.ruled(model.name)
      ? [` * Also checked against the rules the spec states in prose: {@link rules.${model.name}}.`]
      : []),
    ...context.overrides
      .ofObject(model.name)
      .flatMap(({ field, note }) =>
        docLines(`\`${field}\` takes any string, unlike its table (scripts/codegen/overrides.ts). ${note}`),
      ),
    ...context.isoFields
      .ofObject(model.name)
      .flatMap(({ field, list }) =>
        docLines(`\`${field}\` must also be ${ISO_NAMES[list]} (scripts/codegen/iso-fields.ts).`),
      ),
  ];
}

// A doc comment's text as ` * ` lines of at most LINE_WIDTH characters, broken between words.
function docLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && ` * ${line} ${word}`.length > LINE_WIDTH) {
      lines.push(` * ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, ` * ${line}`];
}

function emitEnum(model: EnumModel): string[] {
  const values = model.values.map((value) => `'${value.value}'`);
  const inline = `export const ${model.name}Values = [${values.join(', ')}] as const;`;
  const list =
    inline.length <= LINE_WIDTH
      ? [inline]
      : [`export const ${model.name}Values = [`, ...values.map((value) => `  ${value},`), '] as const;'];
  return [
    ...emitEnumType(model, LINE_WIDTH),
    ...list,
    `export const ${model.name}Schema: ${enumSchemaAnnotation(model)} = /*@__PURE__*/ z.enum(${model.name}Values);`,
  ];
}

function emitObject(model: ObjectModel, context: DefinitionContext): string[] {
  const fields = model.fields.map(
    (field) =>
      `  ${field.name}: ${fieldExpression(field, context.overrides.of(model.name, field.name), context.isoFields.of(model.name, field.name))},`,
  );
  const groups = choiceGroups(model);
  // Declared with its named type (emit-types.ts): declarations name the shape and the object.
  const head = `export const ${model.name}Schema: ${schemaAnnotation(model)} =`;
  const end = `)${ruleCheck(model, context)};`;
  if (groups.length === 0) {
    return [`${head} /*@__PURE__*/ z.strictObject({`, ...fields, `}${end}`];
  }
  // "Choice: one of N" rows: each field optional, and a check that exactly one is given.
  const choices = groups.map((group) => `[${group.map((name) => `'${name}'`).join(', ')}]`).join(', ');
  return [
    `${head} /*@__PURE__*/ withChoices(`,
    '  /*@__PURE__*/ z.strictObject({',
    ...fields.map((line) => `  ${line}`),
    '  }),',
    `  ${choices},`,
    end,
  ];
}

// The object's prose rule from the rules table, attached where the object is defined so that it holds
// wherever the object is nested; an object that holds ruled ones takes their issues back while one of its
// fields has the wrong type (rulesInside), so that rules are judged once every field has its type.
function ruleCheck(model: ObjectModel, context: DefinitionContext): string {
  if (context.ruled(model.name)) return `.check(${PURE}specRule(rules.${model.name}))`;
  return context.holdsRules(model.name) ? `.check(${PURE}rulesInside())` : '';
}

export function choiceGroups(model: ObjectModel): string[][] {
  const groups = new Map<number, string[]>();
  for (const field of model.fields) {
    if (field.choiceGroup === undefined) continue;
    groups.set(field.choiceGroup, [...(groups.get(field.choiceGroup) ?? []), field.name]);
  }
  return [...groups.values()];
}

// Every nested call is marked pure: esbuild honours a function's own no-side-effects annotation only
// inside the file that declares it, and an unmarked call keeps every schema it mentions in a bundle.
const PURE = '/*@__PURE__*/ ';

/**
 * The schema of a field, cardinality included: `?` optional, `*` optional list, `+` non-empty list; an
 * `override` from the overrides table replaces the type its cell gives, and an `iso` field's type is
 * wrapped in the check of its code list.
 */
export function fieldExpression(field: FieldModel, override?: FieldOverride, iso?: IsoField): string {
  const cell = override ? overriddenType(field.type, override) : typeExpression(field.type, field.name);
  const type = iso ? `${PURE}${ISO_HELPERS[iso.list]}(${cell})` : cell;
  switch (effectiveCardinality(field)) {
    case '1':
      return type;
    case '?':
      return `${PURE}z.optional(${type})`;
    case '*':
      return `${PURE}z.optional(${PURE}z.array(${type}))`;
    case '+':
      return `${PURE}nonEmptyArray(${type})`;
  }
}

function overriddenType(type: TypeRef, override: FieldOverride): string {
  if (override.kind === 'open-enum' && type.kind === 'ref') return `${PURE}openEnum(${type.name}Values)`;
  throw new Error(`${override.object}.${override.field}: cannot write a ${override.kind} override`);
}

function typeExpression(type: TypeRef, field: string): string {
  if (type.kind === 'ref') return `${type.name}Schema`;
  if (type.kind === 'unparsed') throw new Error(`${field}: cannot emit the unparsed type "${type.text}"`);
  const { name, call } = PRIMITIVES[type.name];
  if (!call) return name;
  return `${PURE}${name}(${type.maxLength ?? ''})`;
}

/**
 * How each spec primitive is written: the export of the version's primitives module and whether it
 * is called with the `(n)` length. `int(n)` limits digits; a bare `int` is any safe integer.
 */
const PRIMITIVES: Readonly<Record<PrimitiveName, { name: string; call: boolean }>> = {
  string: { name: 'string', call: true },
  CiString: { name: 'CiString', call: true },
  int: { name: 'int', call: true },
  DateTime: { name: 'DateTimeSchema', call: false },
  URL: { name: 'URLSchema', call: false },
  number: { name: 'NumberSchema', call: false },
  decimal: { name: 'NumberSchema', call: false },
  boolean: { name: 'BooleanSchema', call: false },
};

// A version's file takes the spec's primitive types from the version (its public primitives module), and
// the helpers the generated code alone uses from the schema toolkit.
function primitiveImports(used: ReadonlySet<string>): string[] {
  const helpers = [...used].filter((name) => TOOLKIT_HELPERS.has(name)).sort();
  const types = [...used].filter((name) => !TOOLKIT_HELPERS.has(name)).sort();
  return [
    ...(helpers.length > 0 ? [`import { ${helpers.join(', ')} } from '${TOOLKIT_MODULE}';`] : []),
    `import { ${types.join(', ')} } from '${PRIMITIVES_MODULE}';`,
  ];
}

function usedPrimitives(definitions: readonly Definition[], context: DefinitionContext): Set<string> {
  const used = new Set<string>();
  for (const definition of definitions) {
    if (definition.kind !== 'object') continue;
    for (const { name, type, cardinality } of definition.model.fields) {
      if (context.overrides.of(definition.model.name, name)) used.add('openEnum');
      else if (type.kind === 'primitive') used.add(PRIMITIVES[type.name].name);
      const iso = context.isoFields.of(definition.model.name, name);
      if (iso) used.add(ISO_HELPERS[iso.list]);
      if (cardinality === '+') used.add('nonEmptyArray');
    }
    if (choiceGroups(definition.model).length > 0) used.add('withChoices');
  }
  return used;
}
