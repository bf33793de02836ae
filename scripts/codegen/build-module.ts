/**
 * Decides what each section of a spec file defines and reads its table into the model:
 * "X Object" / "X class" sections give objects with fields, "X enum" sections give enums,
 * "X type" sections give primitives, and property tables under any other heading give unnamed
 * structures (response envelope, version-details data). Other tables (interfaces, request
 * parameters, worked examples) are not definitions and are left out.
 */
import type { RawRow, RawTable, Section, SpecDocument, TypeCellReader } from './document';
import {
  type DefinitionTitle,
  isIdentifier,
  parseDefinitionTitle,
  stripEmphasis,
  stripSectionNumber,
} from './headings';
import type {
  Diagnostic,
  DiagnosticCode,
  EnumModel,
  EnumValueModel,
  FieldModel,
  ModuleModel,
  ObjectModel,
  SourceRef,
} from './model';
import { interpretTypeCell, parseCardinality } from './type-ref';

/** Collects diagnostics for one file. */
interface ReadContext {
  file: string;
  readTypeCell: TypeCellReader;
  diagnostics: Diagnostic[];
}

/** Column positions of a property table (`Property | Type | Card. | Description`). */
interface PropertyColumns {
  name: number;
  type: number;
  cardinality: number;
}

const NAME_HEADERS = ['property', 'field name'];
const TYPE_HEADERS = ['type', 'field type'];
const CARDINALITY_HEADERS = ['card.', 'card'];

/** Reads one spec file into a module; returns the diagnostics found on the way. */
export function buildModule(
  document: SpecDocument,
  moduleName: string,
  readTypeCell: TypeCellReader,
): { module: ModuleModel; diagnostics: Diagnostic[] } {
  const module: ModuleModel = {
    name: moduleName,
    file: document.file,
    objects: [],
    enums: [],
    primitives: [],
    unnamed: [],
  };
  const context: ReadContext = { file: document.file, readTypeCell, diagnostics: [] };
  for (const section of document.sections) readSection(section, module, context);
  return { module, diagnostics: context.diagnostics };
}

/** True when the module defines nothing (most prose-only files). */
export function isEmptyModule(module: ModuleModel): boolean {
  return (
    module.objects.length === 0 &&
    module.enums.length === 0 &&
    module.primitives.length === 0 &&
    module.unnamed.length === 0
  );
}

function readSection(section: Section, module: ModuleModel, context: ReadContext): void {
  const definition = parseDefinitionTitle(stripSectionNumber(section.title));
  if (!definition) {
    readUnnamedStructures(section, module, context);
    return;
  }
  const source = sourceOf(section, context.file);
  if (definition.kind === 'type') module.primitives.push({ name: definition.name, source });
  else if (definition.kind === 'enum') module.enums.push(readEnum(section, definition.name, source, context));
  else module.objects.push(readObject(section, definition, source, context));
}

function readObject(
  section: Section,
  definition: DefinitionTitle,
  source: SourceRef,
  context: ReadContext,
): ObjectModel {
  const kind = definition.kind === 'object' ? 'object' : 'class';
  // Only property tables count: 2.2.1 SignedData also has a table of known encoding methods.
  const [table, ...others] = section.tables.filter((candidate) => propertyColumns(candidate.header));
  for (const other of others) {
    report(context, 'skipped-table', `${definition.name}: extra property table`, other.line);
  }
  if (!table) {
    report(context, 'missing-table', `${definition.name}: no property table`, section.line);
    return { name: definition.name, kind, fields: [], source };
  }
  return { name: definition.name, kind, fields: readFields(table, definition.name, context), source };
}

function readEnum(section: Section, name: string, source: SourceRef, context: ReadContext): EnumModel {
  const [table] = section.tables;
  if (!table) {
    report(context, 'missing-table', `${name}: no value table`, section.line);
    return { name, values: [], source };
  }
  const column = enumValueColumn(table.header, name);
  const values: EnumValueModel[] = [];
  for (const row of table.rows) {
    const value = stripEmphasis((row.cells[column] ?? '').trim());
    if (value === '') continue;
    if (/\s/.test(value))
      report(context, 'skipped-row', `${name}: value cell is not a single token`, row.line);
    else values.push({ value, line: row.line });
  }
  return { name, values, source };
}

/**
 * The value column is headed `Value`, except in ModuleID, whose first column is the module's
 * display name and whose values sit under `ModuleID`. 2.1.1 SessionStatus heads it `Property`:
 * without a better header, the first column holds the values.
 */
function enumValueColumn(header: readonly string[], enumName: string): number {
  const byHeader = header.findIndex((cell) => {
    const text = cell.trim().toLowerCase();
    return text === 'value' || text === enumName.toLowerCase();
  });
  return Math.max(byHeader, 0);
}

function readUnnamedStructures(section: Section, module: ModuleModel, context: ReadContext): void {
  for (const table of section.tables) {
    if (!propertyColumns(table.header)) continue;
    const owner = section.path.join(' / ') || context.file;
    const fields = readFields(table, owner, context);
    if (describesBareList(fields)) {
      // 2.1.1 "Version information endpoint / Data" lists one `versions` row, yet the body is a
      // bare Version[] array (see its example); INVENTORY.md does not count it as a structure.
      report(
        context,
        'skipped-table',
        `${owner}: single list-valued row, describes a bare JSON array`,
        table.line,
      );
      continue;
    }
    module.unnamed.push({ path: section.path, fields, source: sourceOf(section, context.file) });
  }
}

function describesBareList(fields: readonly FieldModel[]): boolean {
  const [only] = fields;
  return fields.length === 1 && only !== undefined && (only.cardinality === '*' || only.cardinality === '+');
}

function readFields(table: RawTable, owner: string, context: ReadContext): FieldModel[] {
  const columns = propertyColumns(table.header);
  if (!columns) return [];
  const fields: FieldModel[] = [];
  const choice = { group: 0, open: false };
  for (const row of table.rows) {
    const field = readFieldRow(row, columns, owner, choice, context);
    if (field) fields.push(field);
  }
  return fields;
}

/**
 * One property row. 2.1.1 Hours starts a "*Choice: one of two*" row followed by `> name` rows:
 * those fields get a shared `choiceGroup`; the group ends at the first row without `>`.
 */
function readFieldRow(
  row: RawRow,
  columns: PropertyColumns,
  owner: string,
  choice: { group: number; open: boolean },
  context: ReadContext,
): FieldModel | undefined {
  const rawName = (row.cells[columns.name] ?? '').trim();
  const typeCell = (row.cells[columns.type] ?? '').trim();
  const cardinalityCell = (row.cells[columns.cardinality] ?? '').trim();
  const inChoice = rawName.startsWith('>');
  const name = stripEmphasis((inChoice ? rawName.slice(1) : rawName).trim());
  if (!inChoice) choice.open = false;
  if (typeCell === '' && cardinalityCell === '' && name.toLowerCase().startsWith('choice')) {
    choice.group++;
    choice.open = true;
    return undefined;
  }
  if (!isIdentifier(name)) {
    if (rawName !== '') report(context, 'skipped-row', `${owner}: row without a field name`, row.line);
    return undefined;
  }
  const parsedCardinality = parseCardinality(cardinalityCell);
  if (!parsedCardinality) {
    report(context, 'skipped-row', `${owner}.${name}: unreadable cardinality`, row.line);
    return undefined;
  }
  if (parsedCardinality.alternatives) {
    const listed = parsedCardinality.alternatives.join(' or ');
    report(context, 'cardinality-alternatives', `${owner}.${name}: ${listed}, read as ?`, row.line);
  }
  const type = interpretTypeCell(context.readTypeCell(typeCell));
  if (type.kind === 'unparsed')
    report(context, 'unparsed-type', `${owner}.${name}: type kept as text`, row.line);
  const field: FieldModel = { name, type, cardinality: parsedCardinality.cardinality, line: row.line };
  if (inChoice && choice.open) field.choiceGroup = choice.group;
  return field;
}

/** Finds the name/type/cardinality columns; undefined when the table is not a property table. */
export function propertyColumns(header: readonly string[]): PropertyColumns | undefined {
  const normalised = header.map((cell) => cell.trim().toLowerCase());
  const name = normalised.findIndex((cell) => NAME_HEADERS.includes(cell));
  const type = normalised.findIndex((cell) => TYPE_HEADERS.includes(cell));
  const cardinality = normalised.findIndex((cell) => CARDINALITY_HEADERS.includes(cell));
  if (name < 0 || type < 0 || cardinality < 0) return undefined;
  return { name, type, cardinality };
}

function sourceOf(section: Section, file: string): SourceRef {
  const source: SourceRef = { file, section: section.title, line: section.line };
  if (section.anchor !== undefined) source.anchor = section.anchor;
  return source;
}

function report(context: ReadContext, code: DiagnosticCode, message: string, line: number): void {
  context.diagnostics.push({ code, message, file: context.file, line });
}
