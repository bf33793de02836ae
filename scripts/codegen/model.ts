/**
 * In-memory model of the OCPI spec, built by the spec readers and consumed by the emitters.
 *
 * Everything here is plain JSON-serialisable data (no classes, no Maps, no functions) so that a
 * later step can patch it (errata) and dump it for inspection. Only structure is kept: names,
 * types, lengths, cardinalities, enum values and where they come from. Descriptions are not
 * copied: the spec text is CC BY-ND.
 */

/** OCPI versions the generator reads. */
export type SpecVersion = '2.1.1' | '2.2.1';

export const SPEC_VERSIONS: readonly SpecVersion[] = ['2.1.1', '2.2.1'];

/** The whole spec input: one model per version. */
export interface SpecModel {
  versions: Record<SpecVersion, VersionModel>;
}

/** Source syntax of one version's spec files. */
export type SpecFormat = 'markdown' | 'asciidoc';

/** Everything read for one OCPI version. */
export interface VersionModel {
  version: SpecVersion;
  source: {
    /** Folder of this version, relative to the spec root (so the model does not depend on the machine). */
    dir: string;
    format: SpecFormat;
  };
  /** One entry per spec file that defines at least one object, class, enum, primitive or unnamed structure. */
  modules: ModuleModel[];
  /** `ref` types that name nothing defined in this version. Empty when the spec is consistent. */
  unresolved: UnresolvedRef[];
  /** Things the reader noticed and handled on purpose (skipped tables, label/link mismatches, ...). */
  diagnostics: Diagnostic[];
}

/** The definitions found in one spec file. */
export interface ModuleModel {
  /** Module name as used by the inventory, e.g. `Locations`, `Types`, `Versions`. */
  name: string;
  /** File name inside the version folder, e.g. `mod_locations.md`. */
  file: string;
  /** Objects and classes, in spec order. */
  objects: ObjectModel[];
  enums: EnumModel[];
  /** Sections titled "X type" (string, CiString, DateTime, ...): no table, not counted as objects. */
  primitives: PrimitiveModel[];
  /** Property tables outside any named definition (response envelope, version-details data). */
  unnamed: UnnamedStructureModel[];
}

/** "X Object" sections are objects, "X class" sections are classes; both have a property table. */
export type ObjectKind = 'object' | 'class';

export interface ObjectModel {
  name: string;
  kind: ObjectKind;
  fields: FieldModel[];
  source: SourceRef;
}

/** Spec cardinality: `1` required single, `?` optional, `*` zero or more, `+` one or more. */
export type Cardinality = '1' | '?' | '*' | '+';

export interface FieldModel {
  name: string;
  type: TypeRef;
  cardinality: Cardinality;
  /**
   * Set when the spec groups this field with others in a "Choice: one of N" block: fields sharing
   * the same number are alternatives. The cardinality is kept as written in the table.
   */
  choiceGroup?: number;
  /** Line of the table row in the spec file. */
  line: number;
}

/** Names the spec uses for its primitive types, plus the bare JSON types written in type cells. */
export type PrimitiveName =
  | 'string'
  | 'CiString'
  | 'DateTime'
  | 'URL'
  | 'number'
  | 'int'
  | 'decimal'
  | 'boolean';

/** A field's type as written in the spec's "Type" cell. */
export type TypeRef = PrimitiveTypeRef | NamedTypeRef | UnparsedTypeRef;

export interface PrimitiveTypeRef {
  kind: 'primitive';
  name: PrimitiveName;
  /** The `(n)` suffix: maximum characters for strings, maximum digits for `int(n)`. */
  maxLength?: number;
  /** The link target as written in the spec, if the type cell is a link. */
  link?: LinkTarget;
}

/** A reference to an object, class or enum of the same version, by its spec name. */
export interface NamedTypeRef {
  kind: 'ref';
  name: string;
  /** The link target as written in the spec (file and/or anchor), kept for traceability. */
  link?: LinkTarget;
  /** Filled by the resolver when `name` is defined in this version. */
  resolved?: { module: string; kind: ObjectKind | 'enum' };
}

/** A type cell the reader could not map (e.g. "Array or Object or String"); always listed in diagnostics. */
export interface UnparsedTypeRef {
  kind: 'unparsed';
  text: string;
}

export interface LinkTarget {
  file?: string;
  anchor?: string;
}

export interface EnumModel {
  name: string;
  values: EnumValueModel[];
  source: SourceRef;
}

export interface EnumValueModel {
  /** Exactly as in the spec, case kept (e.g. `IEC_60309_2_single_16`, `cdrs`, `2.1.1`). */
  value: string;
  line: number;
}

export interface PrimitiveModel {
  name: string;
  source: SourceRef;
}

export interface UnnamedStructureModel {
  /** Heading path from the file's top to the table's section, e.g. `['Version details endpoint', 'Data']`. */
  path: string[];
  fields: FieldModel[];
  source: SourceRef;
}

/** Where a definition comes from. */
export interface SourceRef {
  /** File name inside the version folder. */
  file: string;
  /** Heading text as written (section number kept for markdown, e.g. `3.1 _Location_ Object`). */
  section: string;
  /** The asciidoc `[[anchor]]` right before the heading, if any (markdown has none). */
  anchor?: string;
  /** 1-based line of the heading. */
  line: number;
}

/** A `ref` type whose name is not defined in the version. */
export interface UnresolvedRef {
  /** `Owner.field`, e.g. `Location.evses`. */
  from: string;
  name: string;
  file: string;
  line: number;
}

export type DiagnosticCode =
  | 'label-link-mismatch'
  | 'cardinality-alternatives'
  | 'unparsed-type'
  | 'unknown-anchor'
  | 'skipped-row'
  | 'skipped-table'
  | 'missing-table'
  | 'duplicate-definition';

export interface Diagnostic {
  code: DiagnosticCode;
  /** Short note written by the reader (never spec text). */
  message: string;
  file: string;
  line: number;
}
