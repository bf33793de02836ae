/**
 * Cross-checks inside one version: resolves `ref` types to the definitions they name, reports
 * names defined twice, and reports type links whose target disagrees with their label.
 */
import type {
  Diagnostic,
  FieldModel,
  ModuleModel,
  ObjectKind,
  SpecFormat,
  TypeRef,
  UnresolvedRef,
} from './model';

interface DefinitionEntry {
  name: string;
  module: string;
  kind: ObjectKind | 'enum' | 'primitive';
  file: string;
  line: number;
}

/** A field with its owner's name (`Location`, or the heading path of an unnamed structure). */
interface OwnedField {
  owner: string;
  file: string;
  field: FieldModel;
}

/**
 * Sets `resolved` on every `ref` type and returns the refs that name nothing. Resolution is by
 * name (the label), never by link: 2.1.1 links carry stale section numbers. Safe to run again
 * after the model has been patched.
 */
export function resolveReferences(modules: readonly ModuleModel[]): UnresolvedRef[] {
  const definitions = indexByName(modules);
  const unresolved: UnresolvedRef[] = [];
  for (const { owner, file, field } of ownedFields(modules)) {
    const type = field.type;
    if (type.kind !== 'ref') continue;
    delete type.resolved;
    const target = definitions.get(type.name);
    if (target && target.kind !== 'primitive') type.resolved = { module: target.module, kind: target.kind };
    else unresolved.push({ from: `${owner}.${field.name}`, name: type.name, file, line: field.line });
  }
  return unresolved;
}

/** Names defined more than once in the version (the generator needs unique names). */
export function findDuplicateDefinitions(modules: readonly ModuleModel[]): Diagnostic[] {
  const seen = new Map<string, DefinitionEntry>();
  const duplicates: Diagnostic[] = [];
  for (const entry of definitionEntries(modules)) {
    const first = seen.get(entry.name);
    if (first) {
      const message = `${entry.name} also defined in ${first.file}:${first.line}`;
      duplicates.push({ code: 'duplicate-definition', message, file: entry.file, line: entry.line });
    } else {
      seen.set(entry.name, entry);
    }
  }
  return duplicates;
}

/**
 * Compares each type's label with what its link points to. asciidoc anchors are looked up among
 * the definitions' `[[anchor]]`s (e.g. 2.2.1 SignedData.url: labelled string, linked to CiString).
 * markdown anchors are heading slugs such as `12-cistring-type`, whose numbers are often stale, so
 * only the name part of the slug is compared.
 */
export function checkTypeLinks(modules: readonly ModuleModel[], format: SpecFormat): Diagnostic[] {
  const anchors = indexByAnchor(modules);
  const diagnostics: Diagnostic[] = [];
  for (const { owner, file, field } of ownedFields(modules)) {
    const anchor = linkAnchor(field.type);
    if (anchor === undefined) continue;
    const where = `${owner}.${field.name}`;
    const linked = format === 'asciidoc' ? anchors.get(anchor) : markdownSlugName(anchor);
    const label = typeName(field.type);
    if (linked === undefined) {
      diagnostics.push({ code: 'unknown-anchor', message: `${where}: #${anchor}`, file, line: field.line });
    } else if (linked.toLowerCase() !== label.toLowerCase()) {
      const message = `${where}: labelled ${label}, linked to ${linked}; label kept`;
      diagnostics.push({ code: 'label-link-mismatch', message, file, line: field.line });
    }
  }
  return diagnostics;
}

/** `41-authmethod-enum` gives `authmethod`; `version-class` gives `version`. */
export function markdownSlugName(anchor: string): string {
  const words = anchor.split('-').filter((word) => word !== '');
  if (words.length > 0 && /^[0-9]+$/.test(words[0] ?? '')) words.shift();
  const last = words[words.length - 1];
  if (last === 'type' || last === 'class' || last === 'enum' || last === 'object') words.pop();
  return words.join('');
}

function ownedFields(modules: readonly ModuleModel[]): OwnedField[] {
  return modules.flatMap((module) => [
    ...module.objects.flatMap((object) =>
      object.fields.map((field) => ({ owner: object.name, file: module.file, field })),
    ),
    ...module.unnamed.flatMap((structure) =>
      structure.fields.map((field) => ({ owner: structure.path.join(' / '), file: module.file, field })),
    ),
  ]);
}

function definitionEntries(modules: readonly ModuleModel[]): DefinitionEntry[] {
  return modules.flatMap((module) => {
    const entry = (name: string, kind: DefinitionEntry['kind'], line: number): DefinitionEntry => ({
      name,
      kind,
      module: module.name,
      file: module.file,
      line,
    });
    return [
      ...module.objects.map((object) => entry(object.name, object.kind, object.source.line)),
      ...module.enums.map((enumModel) => entry(enumModel.name, 'enum', enumModel.source.line)),
      ...module.primitives.map((primitive) => entry(primitive.name, 'primitive', primitive.source.line)),
    ];
  });
}

function indexByName(modules: readonly ModuleModel[]): Map<string, DefinitionEntry> {
  const index = new Map<string, DefinitionEntry>();
  for (const entry of definitionEntries(modules)) if (!index.has(entry.name)) index.set(entry.name, entry);
  return index;
}

function indexByAnchor(modules: readonly ModuleModel[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const module of modules) {
    for (const definition of [...module.objects, ...module.enums, ...module.primitives]) {
      if (definition.source.anchor !== undefined) index.set(definition.source.anchor, definition.name);
    }
  }
  return index;
}

function linkAnchor(type: TypeRef): string | undefined {
  return type.kind === 'unparsed' ? undefined : type.link?.anchor;
}

function typeName(type: TypeRef): string {
  return type.kind === 'unparsed' ? type.text : type.name;
}
