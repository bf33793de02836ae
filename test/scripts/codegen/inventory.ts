/**
 * Test helper: reads the inventory (test/fixtures/spec-inventory.md, the project's hand-checked index
 * of the spec) into plain data, independently of the generator's own readers, so the two can be compared.
 */
import type { VersionTotals } from '../../../scripts/codegen/totals';

export type InventoryKind = 'object' | 'class' | 'enum' | 'primitive type';

export interface InventoryEntry {
  /** Module heading, e.g. `Locations` (`Types (shared)` is read as `Types`). */
  module: string;
  file: string;
  name: string;
  kind: InventoryKind;
  /** The "# fields / values" column (undefined for `-`). */
  count: number | undefined;
  /** Field names with their cardinality suffix (`name?`, `evses*`), or enum values. */
  items: string[];
  section: string;
  anchor: string | undefined;
  line: number;
}

export interface InventoryUnnamed {
  file: string;
  /** Section text after the file name, e.g. `Version details endpoint / Data`. */
  section: string;
  count: number;
  items: string[];
}

/** The inventory's totals, in the generator's own terms so the two compare field by field. */
export type InventoryTotals = VersionTotals;

export interface InventoryVersion {
  entries: InventoryEntry[];
  unnamed: InventoryUnnamed[];
  totals: InventoryTotals;
}

type Block = 'none' | 'module' | 'unnamed' | 'totals';

/** Parses the per-version "Objects, classes and enums per module" parts of the inventory. */
export function parseInventory(markdown: string): Record<string, InventoryVersion> {
  const versions: Record<string, InventoryVersion> = {};
  const totalsLines: Record<string, string[]> = {};
  let version: string | undefined;
  let inObjectsPart = false;
  let block: Block = 'none';
  let module = { name: '', file: '' };

  for (const line of markdown.split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      version = versionOfHeading(line);
      if (version) versions[version] = { entries: [], unnamed: [], totals: emptyTotals() };
      inObjectsPart = false;
      continue;
    }
    if (line.startsWith('### ')) {
      inObjectsPart = line.trim() === '### Objects, classes and enums per module';
      block = 'none';
      continue;
    }
    const current = version === undefined ? undefined : versions[version];
    if (!current || version === undefined || !inObjectsPart) continue;
    if (line.startsWith('#### ')) {
      const title = line.slice(5).trim();
      block = title.startsWith('Unnamed structures')
        ? 'unnamed'
        : title.startsWith('Totals for')
          ? 'totals'
          : 'module';
      if (block === 'module') module = parseModuleHeading(title);
      continue;
    }
    if (block === 'totals' && line.startsWith('- '))
      totalsLines[version] = [...(totalsLines[version] ?? []), line];
    if (!isBodyRow(line)) continue;
    if (block === 'module') current.entries.push(parseEntryRow(line, module));
    if (block === 'unnamed') current.unnamed.push(parseUnnamedRow(line));
  }
  for (const [name, lines] of Object.entries(totalsLines)) {
    const target = versions[name];
    if (target) target.totals = parseTotals(lines);
  }
  return versions;
}

/** `## OCPI 2.1.1  (tag ...)` gives `2.1.1`. */
function versionOfHeading(line: string): string | undefined {
  const words = line.slice(3).trim().split(/\s+/);
  return words[0] === 'OCPI' ? words[1] : undefined;
}

/** `Types (shared)  (\`types.md\`)` gives module `Types`, file `types.md`. */
function parseModuleHeading(title: string): { name: string; file: string } {
  const open = title.indexOf('`');
  const close = title.indexOf('`', open + 1);
  const file = open >= 0 && close > open ? title.slice(open + 1, close) : '';
  const beforeFile = (open >= 0 ? title.slice(0, open) : title).trim();
  const name = (beforeFile.endsWith('(') ? beforeFile.slice(0, -1) : beforeFile)
    .replace('(shared)', '')
    .trim();
  return { name, file };
}

function isBodyRow(line: string): boolean {
  if (!line.startsWith('|')) return false;
  const cells = splitRow(line);
  const first = cells[0] ?? '';
  return !/^-+$/.test(first) && first !== 'name' && first !== 'structure';
}

function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

function parseEntryRow(line: string, module: { name: string; file: string }): InventoryEntry {
  const [name = '', kind = '', count = '', items = '', spec = ''] = splitRow(line);
  const lineMatch = /\(line (\d+)\)$/.exec(spec);
  const anchorStart = spec.indexOf('`[[');
  const anchorEnd = spec.indexOf(']]`');
  const anchor =
    anchorStart >= 0 && anchorEnd > anchorStart ? spec.slice(anchorStart + 3, anchorEnd) : undefined;
  const sectionEnd = anchorStart >= 0 ? anchorStart : (lineMatch?.index ?? spec.length);
  return {
    module: module.name,
    file: module.file,
    name,
    kind: kind as InventoryKind,
    count: count === '-' ? undefined : Number(count),
    items: splitItems(items),
    section: spec.slice(0, sectionEnd).trim(),
    anchor,
    line: Number(lineMatch?.[1] ?? Number.NaN),
  };
}

function parseUnnamedRow(line: string): InventoryUnnamed {
  const [, fileSection = '', count = '', items = ''] = splitRow(line);
  const open = fileSection.indexOf('`');
  const close = fileSection.indexOf('`', open + 1);
  return {
    file: fileSection.slice(open + 1, close),
    section: fileSection.slice(close + 1).trim(),
    count: Number(count),
    items: splitItems(items),
  };
}

function splitItems(cell: string): string[] {
  return cell === '-' || cell === '' ? [] : cell.split(',').map((item) => item.trim());
}

/** Reads the bold numbers of the "Totals for X" bullet lines. */
function parseTotals(lines: readonly string[]): InventoryTotals {
  const totals = emptyTotals();
  for (const line of lines) {
    const numbers = [...line.matchAll(/(\d+)/g)].map((match) => Number(match[1]));
    if (line.startsWith('- Objects')) {
      [totals.objects = Number.NaN, totals.classes = Number.NaN, totals.objectsAndClasses = Number.NaN] =
        numbers;
    } else if (line.startsWith('- Fields')) {
      [totals.fields = Number.NaN] = numbers;
    } else if (line.startsWith('- Enums')) {
      [totals.enums = Number.NaN, totals.enumValues = Number.NaN] = numbers;
    } else if (line.startsWith('- Primitive types')) {
      [totals.primitives = Number.NaN] = numbers;
    } else if (line.startsWith('- Plus')) {
      [totals.unnamedStructures = Number.NaN, totals.unnamedFields = Number.NaN] = numbers;
    }
  }
  return totals;
}

function emptyTotals(): InventoryTotals {
  return {
    objects: Number.NaN,
    classes: Number.NaN,
    objectsAndClasses: Number.NaN,
    fields: Number.NaN,
    enums: Number.NaN,
    enumValues: Number.NaN,
    primitives: Number.NaN,
    unnamedStructures: Number.NaN,
    unnamedFields: Number.NaN,
  };
}
