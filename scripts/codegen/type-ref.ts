/** Turns a type cell (links already replaced by labels) into a TypeRef, and parses cardinality cells. */
import type { TypeCell } from './document';
import { isIdentifier } from './headings';
import type { Cardinality, LinkTarget, PrimitiveName, TypeRef } from './model';

const PRIMITIVES_BY_LOWER_NAME = new Map<string, PrimitiveName>(
  (['string', 'CiString', 'DateTime', 'URL', 'number', 'int', 'decimal', 'boolean'] as const).map((name) => [
    name.toLowerCase(),
    name,
  ]),
);

const CARDINALITIES: readonly Cardinality[] = ['1', '?', '*', '+'];

/**
 * `CiString(36)` with a link gives a primitive with maxLength 36; `EVSE` with a link gives a
 * ref. When a label and its link disagree (e.g. labelled `string`, linked to CiString) the
 * label wins, as in INVENTORY.md; the resolver reports the mismatch. Anything else, such as
 * `Array or Object or String`, is kept as `unparsed` text.
 */
export function interpretTypeCell(cell: TypeCell): TypeRef {
  const parts = splitLengthSuffix(cell.text);
  if (!parts || !isIdentifier(parts.base) || cell.links.length > 1)
    return { kind: 'unparsed', text: cell.text };
  const link = linkFor(cell, parts.base);
  const primitive = PRIMITIVES_BY_LOWER_NAME.get(parts.base.toLowerCase());
  if (primitive) {
    const type: TypeRef = { kind: 'primitive', name: primitive };
    if (parts.length !== undefined) type.maxLength = parts.length;
    if (link) type.link = link;
    return type;
  }
  if (parts.length !== undefined) return { kind: 'unparsed', text: cell.text };
  return link ? { kind: 'ref', name: parts.base, link } : { kind: 'ref', name: parts.base };
}

/** `string(255)` gives base `string` and length 255; `int` gives no length; `x(abc)` is not a type. */
export function splitLengthSuffix(text: string): { base: string; length?: number } | undefined {
  const trimmed = text.trim();
  const open = trimmed.indexOf('(');
  if (open < 0) return { base: trimmed };
  if (!trimmed.endsWith(')')) return undefined;
  const digits = trimmed.slice(open + 1, -1).trim();
  if (!/^[0-9]+$/.test(digits)) return undefined;
  return { base: trimmed.slice(0, open).trim(), length: Number(digits) };
}

export interface ParsedCardinality {
  cardinality: Cardinality;
  /** Set when the cell lists several, e.g. `* or ?` for the response envelope's `data`. */
  alternatives?: Cardinality[];
}

/**
 * Reads a `Card.` cell. For alternatives (`* or ?`) the field may be absent, so the result is
 * `?` (as in INVENTORY.md) and the alternatives are returned for the caller to report.
 */
export function parseCardinality(cell: string): ParsedCardinality | undefined {
  const tokens = cell.split(/[\s,]+/).filter((token) => token !== '' && token !== 'or');
  const cardinalities = tokens.filter(isCardinality);
  if (cardinalities.length === 0 || cardinalities.length !== tokens.length) return undefined;
  const [single] = cardinalities;
  if (cardinalities.length === 1 && single) return { cardinality: single };
  const optional = cardinalities.includes('?') || cardinalities.includes('*');
  return { cardinality: optional ? '?' : (single ?? '1'), alternatives: cardinalities };
}

function isCardinality(token: string): token is Cardinality {
  return (CARDINALITIES as readonly string[]).includes(token);
}

function linkFor(cell: TypeCell, base: string): LinkTarget | undefined {
  const [link] = cell.links;
  return link && link.label === base ? link.target : undefined;
}
