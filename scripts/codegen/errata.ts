/**
 * Applies the spec's published errata to the model, mechanically, from the `git diff` files in the
 * spec folder's `errata/` (fixes made on the bugfix branches after each tagged release).
 *
 * The diffs are read at run time and never copied (the spec text is CC BY-ND). Each file's hunks
 * are applied to the tagged text (unified-diff.ts); both texts are read with the generator's own
 * readers, and the table rows a hunk touches are compared in model terms (name, type, length, link,
 * cardinality, enum value). The model keeps the tagged release's line numbers. After patching, each file's
 * module must equal the one read from the corrected text, so an erratum the row logic does not
 * understand (a renamed heading, a new table) throws instead of being silently dropped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readAsciidocDocument, readAsciidocTypeCell } from './asciidoc';
import { buildModule, isEmptyModule } from './build-module';
import type { SpecDocument, TypeCellReader } from './document';
import { readMarkdownDocument, readMarkdownTypeCell } from './markdown';
import type {
  Diagnostic,
  DiagnosticCode,
  EnumValueModel,
  FieldModel,
  LinkTarget,
  ModuleModel,
  SpecFormat,
  SpecModel,
  SpecVersion,
  TypeRef,
  VersionModel,
} from './model';
import { SPEC_VERSIONS } from './model';
import { moduleNameForFile } from './module-names';
import { checkTypeLinks, findDuplicateDefinitions, resolveReferences } from './resolve';
import {
  changeRuns,
  type DiffFile,
  type DiffHunk,
  type DiffLine,
  type PatchedText,
  parseUnifiedDiff,
  patchText,
  UnifiedDiffError,
} from './unified-diff';

/** Errata diff per version, inside `<specDir>/errata/` (tag..bugfix-branch, as the spec folder's README says). */
export const ERRATA_FILES: Readonly<Record<SpecVersion, string>> = {
  '2.1.1': '2.1.1-d2..release-2.1.1-bugfixes.diff',
  '2.2.1': 'v2.2.1-d2..release-2.2.1-bugfixes.diff',
};

/** The errata cannot be read, do not fit the spec text or the model, or change it in a way not applied here. */
export class ErrataError extends Error {
  override name = 'ErrataError';
}

// ---------------------------------------------------------------------------------------------
// Reading errata from the spec folder

/** Reads and parses one version's errata diff. */
export function readErrata(specDir: string, version: SpecVersion): DiffFile[] {
  const file = path.join(specDir, 'errata', ERRATA_FILES[version]);
  if (!existsSync(file)) throw new ErrataError(`No errata for ${version}: ${file} is missing`);
  try {
    return parseUnifiedDiff(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof UnifiedDiffError)
      throw new ErrataError(`${file}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Applies one file's errata to its tagged text; a hunk that does not fit means the errata were made for another text. */
function patchSpecText(oldText: string, diff: DiffFile, label: string): PatchedText {
  try {
    return patchText(oldText, diff, label);
  } catch (error) {
    if (error instanceof UnifiedDiffError) {
      throw new ErrataError(`${error.message} (the errata do not fit this spec text)`, { cause: error });
    }
    throw error;
  }
}

/**
 * The text of a spec file with the version's errata applied (the tagged text when the errata do
 * not touch it). Throws ErrataError when a hunk does not fit the tagged text.
 */
export function correctedSpecFile(specDir: string, version: SpecVersion, file: string): string {
  const oldText = readFileSync(path.join(specDir, version, file), 'utf8');
  const diff = readErrata(specDir, version).find((entry) => entry.file === file);
  return diff ? patchSpecText(oldText, diff, `${version}/${file}`).text : oldText;
}

// ---------------------------------------------------------------------------------------------
// Applying errata to the model

/** What one applied change altered, in model terms. */
export type ErrataChangeKind =
  | 'type'
  | 'link'
  | 'cardinality'
  | 'name'
  | 'choice-group'
  | 'field-added'
  | 'field-removed'
  | 'value-renamed'
  | 'value-added'
  | 'value-removed';

export interface ErrataChange {
  version: SpecVersion;
  file: string;
  /** Tagged-release line of the row; for an added row, the tagged line it was inserted before. */
  line: number;
  /** `Location.address` for fields, the enum's name for enum values. */
  owner: string;
  what: ErrataChangeKind;
  /** In model terms, e.g. `string(45)`, `?`, `#48-image-class`, an enum value; absent for additions. */
  before?: string;
  /** Absent for removals. */
  after?: string;
}

/** A definition row whose text the errata changed without changing its model (a description). */
export interface ErrataRowNote {
  version: SpecVersion;
  file: string;
  line: number;
  /** `CdrLocation.evse_id`, `CdrDimensionType.PARKING_TIME`. */
  owner: string;
}

/** Where a changed line sits: a model row, a JSON example, another table, or prose. */
export type ErrataLineKind = 'definition' | 'example' | 'table' | 'prose';

/** One hunk and what came of it; every hunk of the diff gets one. */
export interface ErrataHunkReport {
  version: SpecVersion;
  file: string;
  /** First tagged-release line of the hunk (`@@ -line,lines`). */
  line: number;
  lines: number;
  outcome: 'model-change' | 'description-only' | 'non-definition';
  /**
   * Where its changed lines sit (removed lines in the tagged file, added lines in the corrected
   * one), sorted.
   */
  touches: ErrataLineKind[];
  /** Every changed line is inside a JSON example (markdown code fence, asciidoc `----` listing, `.json` file). */
  example: boolean;
  /** The model has a module for the file (false for files the generator skips or that define nothing). */
  fileInModel: boolean;
}

export interface ErrataResult {
  /** A patched copy; the input model is left as it was. */
  model: SpecModel;
  /** Applied changes, per version in diff order, then by line. */
  changes: ErrataChange[];
  /** Definition rows changed in their description only. */
  descriptionOnly: ErrataRowNote[];
  /** Hunks that touch no definition row: prose, examples, other tables, files the model does not read. */
  nonDefinition: ErrataHunkReport[];
  /** Every hunk of every version, in diff order. */
  hunks: ErrataHunkReport[];
}

interface FormatReader {
  extension: string;
  readDocument: (text: string, file: string) => SpecDocument;
  readTypeCell: TypeCellReader;
}

const READERS: Readonly<Record<SpecFormat, FormatReader>> = {
  markdown: { extension: '.md', readDocument: readMarkdownDocument, readTypeCell: readMarkdownTypeCell },
  asciidoc: {
    extension: '.asciidoc',
    readDocument: readAsciidocDocument,
    readTypeCell: readAsciidocTypeCell,
  },
};

/** Diagnostics about one file's text; the others are cross-checks over the whole version. */
const FILE_DIAGNOSTICS = new Set<DiagnosticCode>([
  'cardinality-alternatives',
  'unparsed-type',
  'skipped-row',
  'skipped-table',
  'missing-table',
]);

/**
 * Applies both versions' errata to a copy of the model read from `specDir` (see readSpec).
 * Throws ErrataError when a hunk does not fit the spec text, when the model was not read from
 * these files (or already has the errata), or when an erratum changes the model in a way this
 * code does not apply.
 */
export function applyErrata(model: SpecModel, specDir: string): ErrataResult {
  const copy = structuredClone(model);
  const result: ErrataResult = {
    model: copy,
    changes: [],
    descriptionOnly: [],
    nonDefinition: [],
    hunks: [],
  };
  for (const version of SPEC_VERSIONS) {
    applyVersionErrata(copy.versions[version], specDir, readErrata(specDir, version), result);
  }
  result.nonDefinition = result.hunks.filter((hunk) => hunk.outcome === 'non-definition');
  return result;
}

/** Markdown list lines for a README, e.g. `- 2.2.1 Location.address: string(45) → string(255) (mod_locations.asciidoc, line 472)`. */
export function renderErrataChanges(changes: readonly ErrataChange[]): string[] {
  return changes.map((change) => {
    const where = `(${change.file}, line ${change.line})`;
    return `- ${change.version} ${change.owner}: ${describeChange(change)} ${where}`;
  });
}

function describeChange(change: ErrataChange): string {
  const before = change.before ?? '';
  const after = change.after ?? '';
  switch (change.what) {
    case 'type':
      return `${before} → ${after}`;
    case 'field-added':
      return `field added: ${after}`;
    case 'field-removed':
      return `field removed (was ${before})`;
    case 'value-added':
      return `value ${after} added`;
    case 'value-removed':
      return `value ${before} removed`;
    case 'value-renamed':
      return `value ${before} → ${after}`;
    default:
      return `${change.what} ${before} → ${after}`;
  }
}

function applyVersionErrata(
  version: VersionModel,
  specDir: string,
  diffs: readonly DiffFile[],
  result: ErrataResult,
): void {
  const reader = READERS[version.source.format];
  const fileDiagnostics = new Map<string, Diagnostic[]>();
  for (const diff of diffs) {
    const label = `${version.version}/${diff.file}`;
    const file = path.join(specDir, version.source.dir, diff.file);
    if (!existsSync(file)) throw new ErrataError(`${label}: the errata edit a file the spec folder lacks`);
    const oldText = readFileSync(file, 'utf8');
    const patched = patchSpecText(oldText, diff, label);
    const outcome = applyFileErrata({ version, reader, diff, label, oldText, patched });
    result.changes.push(...outcome.changes);
    result.descriptionOnly.push(...outcome.descriptionOnly);
    result.hunks.push(...outcome.hunks);
    if (outcome.diagnostics) fileDiagnostics.set(diff.file, outcome.diagnostics);
  }
  version.modules = version.modules.filter((module) => !isEmptyModule(module));
  version.unresolved = resolveReferences(version.modules);
  version.diagnostics = [
    ...replaceFileDiagnostics(version.diagnostics, fileDiagnostics),
    ...findDuplicateDefinitions(version.modules),
    ...checkTypeLinks(version.modules, version.source.format),
  ];
}

/** Keeps the per-file diagnostics in their order, swapping those of patched files for the corrected text's. */
function replaceFileDiagnostics(
  diagnostics: readonly Diagnostic[],
  replacements: ReadonlyMap<string, Diagnostic[]>,
): Diagnostic[] {
  const output: Diagnostic[] = [];
  const done = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (!FILE_DIAGNOSTICS.has(diagnostic.code)) continue;
    const replacement = replacements.get(diagnostic.file);
    if (!replacement) output.push(diagnostic);
    else if (!done.has(diagnostic.file)) {
      output.push(...replacement);
      done.add(diagnostic.file);
    }
  }
  for (const [file, replacement] of replacements) if (!done.has(file)) output.push(...replacement);
  return output;
}

// ---------------------------------------------------------------------------------------------
// One file

interface FileInput {
  version: VersionModel;
  reader: FormatReader;
  diff: DiffFile;
  label: string;
  oldText: string;
  patched: PatchedText;
}

interface FileOutcome {
  changes: ErrataChange[];
  descriptionOnly: ErrataRowNote[];
  hunks: ErrataHunkReport[];
  /** The corrected text's per-file diagnostics (tagged lines), when the file has a module. */
  diagnostics?: Diagnostic[];
}

const RESOLVED = ['resolved'];
const LINE_AND_RESOLVED = ['line', 'resolved'];

/** A field or enum value, with the list that holds it. */
type Slot =
  | { kind: 'field'; ownerKey: string; owner: string; item: FieldModel; list: FieldModel[] }
  | { kind: 'value'; ownerKey: string; owner: string; item: EnumValueModel; list: EnumValueModel[] };

/** Where each line of one text sits. */
interface Regions {
  /** Per line (index line - 1): the line its table body row starts on. */
  rowStart: (number | undefined)[];
  inTable: boolean[];
  inExample: boolean[];
}

/** One side (tagged or corrected) of a file. */
interface Side {
  regions: Regions;
  /** Model rows by line. */
  slots: Map<number, Slot>;
}

type Pair = [Slot | undefined, Slot | undefined];

function applyFileErrata(input: FileInput): FileOutcome {
  const { version, reader, diff, label, patched } = input;
  const isSpecText = diff.file.endsWith(reader.extension);
  const outcome: FileOutcome = { changes: [], descriptionOnly: [], hunks: [] };
  const module = version.modules.find((candidate) => candidate.file === diff.file);
  const oldDocument = isSpecText ? reader.readDocument(input.oldText, diff.file) : undefined;
  const newDocument = isSpecText ? reader.readDocument(patched.text, diff.file) : undefined;
  const oldBuilt = oldDocument && buildModule(oldDocument, moduleNameForFile(diff.file), reader.readTypeCell);
  const newBuilt = newDocument && buildModule(newDocument, moduleNameForFile(diff.file), reader.readTypeCell);
  // The model has no module for files it does not read (README.md, templates) or that define nothing.
  const modelFile = oldBuilt !== undefined && (module !== undefined || isEmptyModule(oldBuilt.module));
  // Rows are located by tagged line, so the lines must match too.
  if (
    module &&
    oldBuilt &&
    !isDeepStrictEqual(withoutKeys(module, RESOLVED), withoutKeys(oldBuilt.module, RESOLVED))
  ) {
    throw new ErrataError(
      `${label}: the model does not match this file (read from another spec folder, or errata applied already?)`,
    );
  }
  const oldSide: Side = {
    regions: regionsOf(input.oldText, oldDocument, reader, diff.file),
    slots: module && modelFile ? slotsByLine(module) : new Map(),
  };
  const newSide: Side = {
    regions: regionsOf(patched.text, newDocument, reader, diff.file),
    slots: newBuilt && modelFile ? slotsByLine(newBuilt.module) : new Map(),
  };
  const pairs: Pair[] = [];
  for (const hunk of diff.hunks) {
    const hunkPairs = pairHunkRows(hunk, oldSide, newSide, patched);
    pairs.push(...hunkPairs);
    outcome.hunks.push(reportHunk(hunk, hunkPairs, oldSide, newSide, version.version, diff.file, module));
  }
  if (!modelFile || !newBuilt) return outcome;
  if (!module) {
    if (!isEmptyModule(newBuilt.module)) {
      throw new ErrataError(`${label}: the errata add definitions to a file that had none; not supported`);
    }
    return outcome;
  }
  applyPairs(pairs, module, newBuilt.module, patched, version.version, diff.file, outcome);
  // Lines differ on purpose (tagged vs corrected numbering); everything else must agree.
  if (
    !isDeepStrictEqual(
      withoutKeys(module, LINE_AND_RESOLVED),
      withoutKeys(newBuilt.module, LINE_AND_RESOLVED),
    )
  ) {
    throw new ErrataError(
      `${label}: after applying the row changes, the model still differs from the corrected file ` +
        '(the errata change something other than table rows, e.g. a heading or a table header)',
    );
  }
  outcome.diagnostics = newBuilt.diagnostics.map((diagnostic) => ({
    ...diagnostic,
    line: patched.origin[diagnostic.line - 1] ?? diagnostic.line,
  }));
  return outcome;
}

/**
 * Pairs the model rows each run of `-`/`+` lines touches. A row whose first line the run keeps is
 * the same row edited (e.g. an asciidoc description continued on later lines); the other removed
 * rows and added rows are paired in order, leftovers are removals or additions.
 */
function pairHunkRows(hunk: DiffHunk, oldSide: Side, newSide: Side, patched: PatchedText): Pair[] {
  const pairs: Pair[] = [];
  for (const run of changeRuns(hunk)) {
    const oldTouched = touchedRows(run, '-', oldSide);
    const newTouched = touchedRows(run, '+', newSide);
    const pairedOld = new Set<number>();
    const pairedNew = new Set<number>();
    const pair = (oldStart: number | undefined, newStart: number | undefined): void => {
      pairs.push([
        oldStart === undefined ? undefined : oldSide.slots.get(oldStart),
        newStart === undefined ? undefined : newSide.slots.get(newStart),
      ]);
      if (oldStart !== undefined) pairedOld.add(oldStart);
      if (newStart !== undefined) pairedNew.add(newStart);
    };
    for (const start of oldTouched) {
      const kept = patched.oldToNew[start - 1];
      if (kept !== undefined) pair(start, newSide.slots.has(kept) ? kept : undefined);
    }
    for (const start of newTouched) {
      if (pairedNew.has(start) || patched.added[start - 1]) continue;
      const origin = patched.origin[start - 1];
      pair(
        origin !== undefined && oldSide.slots.has(origin) && !pairedOld.has(origin) ? origin : undefined,
        start,
      );
    }
    const removed = oldTouched.filter((start) => !pairedOld.has(start));
    const added = newTouched.filter((start) => !pairedNew.has(start));
    for (let index = 0; index < Math.max(removed.length, added.length); index++) {
      const oldStart = removed[index];
      const newStart = added[index];
      const oldSlot = oldStart === undefined ? undefined : oldSide.slots.get(oldStart);
      const newSlot = newStart === undefined ? undefined : newSide.slots.get(newStart);
      if (oldSlot && newSlot && (oldSlot.kind !== newSlot.kind || oldSlot.ownerKey !== newSlot.ownerKey)) {
        pair(oldStart, undefined);
        pair(undefined, newStart);
      } else {
        pair(oldStart, newStart);
      }
    }
  }
  return pairs;
}

/** First lines of the model rows that a run's removed (`-`) or added (`+`) lines fall in, in order. */
function touchedRows(run: readonly DiffLine[], kind: '-' | '+', side: Side): number[] {
  const starts: number[] = [];
  for (const line of run) {
    if (line.kind !== kind) continue;
    const start = side.regions.rowStart[(kind === '-' ? line.oldLine : line.newLine) - 1];
    if (start !== undefined && side.slots.has(start) && !starts.includes(start)) starts.push(start);
  }
  return starts;
}

function reportHunk(
  hunk: DiffHunk,
  pairs: readonly Pair[],
  oldSide: Side,
  newSide: Side,
  version: SpecVersion,
  file: string,
  module: ModuleModel | undefined,
): ErrataHunkReport {
  const kinds: ErrataLineKind[] = hunk.lines
    .filter((line) => line.kind !== ' ')
    .map((line) => (line.kind === '-' ? lineKind(oldSide, line.oldLine) : lineKind(newSide, line.newLine)));
  const touches = [...new Set(kinds)].sort();
  const changesModel = pairs.some(
    ([before, after]) => !before || !after || slotChanges(before, after).length > 0,
  );
  return {
    version,
    file,
    line: hunk.oldStart,
    lines: hunk.oldCount,
    outcome: changesModel
      ? 'model-change'
      : touches.includes('definition')
        ? 'description-only'
        : 'non-definition',
    touches,
    example: kinds.length > 0 && kinds.every((kind) => kind === 'example'),
    fileInModel: module !== undefined,
  };
}

function lineKind(side: Side, line: number): ErrataLineKind {
  const start = side.regions.rowStart[line - 1];
  if (start !== undefined && side.slots.has(start)) return 'definition';
  if (side.regions.inExample[line - 1]) return 'example';
  if (side.regions.inTable[line - 1]) return 'table';
  return 'prose';
}

function applyPairs(
  pairs: readonly Pair[],
  module: ModuleModel,
  corrected: ModuleModel,
  patched: PatchedText,
  version: SpecVersion,
  file: string,
  outcome: FileOutcome,
): void {
  // The model's (copied) items, found from the corrected file's items, so additions land after
  // the right neighbour.
  const current = new Map<FieldModel | EnumValueModel, FieldModel | EnumValueModel>();
  const modelSlots = slotsByLine(module);
  for (const slot of slotsByLine(corrected).values()) {
    if (patched.added[slot.item.line - 1]) continue;
    const kept = modelSlots.get(patched.origin[slot.item.line - 1] ?? 0);
    if (kept && kept.kind === slot.kind) current.set(slot.item, kept.item);
  }
  const additions: Slot[] = [];
  for (const [target, after] of pairs) {
    if (target && after) {
      const changes = slotChanges(target, after);
      const note = { version, file, line: target.item.line, owner: slotLabel(target) };
      if (changes.length === 0) outcome.descriptionOnly.push(note);
      for (const change of changes)
        outcome.changes.push({ version, file, line: target.item.line, ...change });
      const replacement = { ...structuredClone(after.item), line: target.item.line };
      replaceItem(target, replacement);
      current.set(after.item, replacement);
    } else if (target) {
      removeItem(target);
      outcome.changes.push({
        version,
        file,
        line: target.item.line,
        owner: target.kind === 'field' ? slotLabel(target) : target.owner,
        what: target.kind === 'field' ? 'field-removed' : 'value-removed',
        before: itemText(target),
      });
    } else if (after) {
      additions.push(after);
    }
  }
  for (const addition of additions.sort((a, b) => a.item.line - b.item.line)) {
    const line = patched.origin[addition.item.line - 1] ?? addition.item.line;
    const inserted = insertItem(module, addition, line, current);
    if (!inserted) {
      throw new ErrataError(
        `${version}/${file}: the errata add a row to ${addition.owner}, which the model lacks`,
      );
    }
    current.set(addition.item, inserted);
    outcome.changes.push({
      version,
      file,
      line,
      owner: addition.kind === 'field' ? slotLabel(addition) : addition.owner,
      what: addition.kind === 'field' ? 'field-added' : 'value-added',
      after: itemText(addition),
    });
  }
  outcome.changes.sort((a, b) => a.line - b.line);
}

/** What differs between a row and its corrected version, one entry per aspect. */
function slotChanges(before: Slot, after: Slot): Omit<ErrataChange, 'version' | 'file' | 'line'>[] {
  const owner = slotLabel(before);
  if (before.kind === 'value' || after.kind === 'value') {
    const from = itemName(before);
    const to = itemName(after);
    return from === to ? [] : [{ owner: before.owner, what: 'value-renamed', before: from, after: to }];
  }
  const changes: Omit<ErrataChange, 'version' | 'file' | 'line'>[] = [];
  const add = (what: ErrataChangeKind, from: string, to: string): void => {
    if (from !== to) changes.push({ owner, what, before: from, after: to });
  };
  add('name', before.item.name, after.item.name);
  add('type', typeText(before.item.type), typeText(after.item.type));
  add('link', linkText(before.item.type), linkText(after.item.type));
  add('cardinality', before.item.cardinality, after.item.cardinality);
  add('choice-group', String(before.item.choiceGroup ?? '-'), String(after.item.choiceGroup ?? '-'));
  return changes;
}

function replaceItem(slot: Slot, replacement: FieldModel | EnumValueModel): void {
  const list: (FieldModel | EnumValueModel)[] = slot.list;
  list[list.indexOf(slot.item)] = replacement;
}

function removeItem(slot: Slot): void {
  const list: (FieldModel | EnumValueModel)[] = slot.list;
  list.splice(list.indexOf(slot.item), 1);
}

/** Inserts after the nearest preceding row the model already has; returns the inserted item. */
function insertItem(
  module: ModuleModel,
  addition: Slot,
  line: number,
  current: ReadonlyMap<FieldModel | EnumValueModel, FieldModel | EnumValueModel>,
): FieldModel | EnumValueModel | undefined {
  const list: (FieldModel | EnumValueModel)[] | undefined = listsOf(module).get(addition.ownerKey);
  if (!list) return undefined;
  const correctedList: (FieldModel | EnumValueModel)[] = addition.list;
  let position = 0;
  for (let index = correctedList.indexOf(addition.item) - 1; index >= 0; index--) {
    const neighbour = current.get(correctedList[index] as FieldModel | EnumValueModel);
    if (neighbour && list.includes(neighbour)) {
      position = list.indexOf(neighbour) + 1;
      break;
    }
  }
  const inserted = { ...structuredClone(addition.item), line };
  list.splice(position, 0, inserted);
  return inserted;
}

// ---------------------------------------------------------------------------------------------
// Model helpers

function slotsByLine(module: ModuleModel): Map<number, Slot> {
  const slots = new Map<number, Slot>();
  const add = (slot: Slot): void => {
    if (!slots.has(slot.item.line)) slots.set(slot.item.line, slot);
  };
  for (const object of module.objects) {
    for (const item of object.fields) {
      add({
        kind: 'field',
        ownerKey: `object ${object.name}`,
        owner: object.name,
        item,
        list: object.fields,
      });
    }
  }
  for (const structure of module.unnamed) {
    const owner = structure.path.join(' / ');
    for (const item of structure.fields) {
      add({ kind: 'field', ownerKey: `unnamed ${owner}`, owner, item, list: structure.fields });
    }
  }
  for (const enumModel of module.enums) {
    for (const item of enumModel.values) {
      add({
        kind: 'value',
        ownerKey: `enum ${enumModel.name}`,
        owner: enumModel.name,
        item,
        list: enumModel.values,
      });
    }
  }
  return slots;
}

function listsOf(module: ModuleModel): Map<string, (FieldModel | EnumValueModel)[]> {
  return new Map<string, (FieldModel | EnumValueModel)[]>([
    ...module.objects.map((object): [string, FieldModel[]] => [`object ${object.name}`, object.fields]),
    ...module.unnamed.map((structure): [string, FieldModel[]] => [
      `unnamed ${structure.path.join(' / ')}`,
      structure.fields,
    ]),
    ...module.enums.map((enumModel): [string, EnumValueModel[]] => [
      `enum ${enumModel.name}`,
      enumModel.values,
    ]),
  ]);
}

function itemName(slot: Slot): string {
  return slot.kind === 'field' ? slot.item.name : slot.item.value;
}

function slotLabel(slot: Slot): string {
  return `${slot.owner}.${itemName(slot)}`;
}

/** `string(36) ?` for a field, the value for an enum value. */
function itemText(slot: Slot): string {
  return slot.kind === 'field' ? `${typeText(slot.item.type)} ${slot.item.cardinality}` : slot.item.value;
}

/** `string(45)`, `CiString(36)`, `EVSE`, or the unparsed text. */
export function typeText(type: TypeRef): string {
  if (type.kind === 'unparsed') return type.text;
  if (type.kind === 'ref') return type.name;
  return type.maxLength === undefined ? type.name : `${type.name}(${type.maxLength})`;
}

/** `types.md#12-cistring-type`, `#48-image-class`, or `-` without a link. */
function linkText(type: TypeRef): string {
  const link: LinkTarget | undefined = type.kind === 'unparsed' ? undefined : type.link;
  if (!link) return '-';
  return `${link.file ?? ''}${link.anchor === undefined ? '' : `#${link.anchor}`}`;
}

/** The module as plain data without the given keys (`resolved` is set by the resolver, not the reader). */
function withoutKeys(module: ModuleModel, keys: readonly string[]): unknown {
  return JSON.parse(
    JSON.stringify(module, (key, value: unknown) => (keys.includes(key) ? undefined : value)),
  );
}

// ---------------------------------------------------------------------------------------------
// Text regions

/**
 * Table rows (from the generator's readers), table extents and example blocks of one text.
 * Example blocks are found the way the readers skip them: markdown fences toggle on "```";
 * asciidoc `----` listings outside tables. A `.json` file is an example throughout.
 */
function regionsOf(
  text: string,
  document: SpecDocument | undefined,
  reader: FormatReader,
  file: string,
): Regions {
  const lines = text.split('\n');
  const regions: Regions = {
    rowStart: [],
    inTable: lines.map(() => false),
    inExample: lines.map(() => file.endsWith('.json')),
  };
  if (!document) return regions;
  const markdown = reader.extension === '.md';
  for (const table of document.sections.flatMap((section) => section.tables)) {
    const end = markdown ? markdownTableEnd(lines, table.line) : asciidocTableEnd(lines, table.line);
    for (let line = table.line; line <= end; line++) regions.inTable[line - 1] = true;
    table.rows.forEach((row, index) => {
      // Markdown rows are one line; an asciidoc row runs until the next row or the closing `|===`.
      const next = table.rows[index + 1]?.line ?? end;
      const last = markdown ? row.line : Math.max(row.line, next - 1);
      for (let line = row.line; line <= last; line++) regions.rowStart[line - 1] = row.line;
    });
  }
  if (markdown) markMarkdownFences(lines, regions.inExample);
  else markAsciidocListings(lines, regions.inExample);
  return regions;
}

/** Last line of the run of `|` lines that starts at the header. */
function markdownTableEnd(lines: readonly string[], header: number): number {
  let line = header;
  while ((lines[line] ?? '').trim().startsWith('|')) line++;
  return line;
}

/** Line of the `|===` that closes the table opened at `open`. */
function asciidocTableEnd(lines: readonly string[], open: number): number {
  let line = open + 1;
  while (line <= lines.length && (lines[line - 1] ?? '').trim() !== '|===') line++;
  return line;
}

function markMarkdownFences(lines: readonly string[], inExample: boolean[]): void {
  let inFence = false;
  lines.forEach((line, index) => {
    if (line.trim().startsWith('```')) inFence = !inFence;
    else if (inFence) inExample[index] = true;
  });
}

function markAsciidocListings(lines: readonly string[], inExample: boolean[]): void {
  let inTable = false;
  let delimiter: string | undefined;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (inTable) inTable = trimmed !== '|===';
    else if (delimiter !== undefined) {
      if (trimmed === delimiter) delimiter = undefined;
      else if (delimiter === '----') inExample[index] = true;
    } else if (trimmed === '----' || trimmed === '....' || trimmed === '////') delimiter = trimmed;
    else if (trimmed === '|===') inTable = true;
  });
}
