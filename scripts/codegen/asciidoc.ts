/**
 * Reader for the 2.2.1 spec (asciidoc): `[[anchor]]` + `=== Title` headings and `|===` tables.
 * Listing blocks (`----`, JSON examples), literal blocks (`....`) and comments are skipped.
 */

import { splitOnUnescapedPipes } from './cells';
import type { RawRow, RawTable, SpecDocument, TypeCell } from './document';
import { parseLinkTarget } from './links';
import { createSectionList, type SectionList } from './sections';

const TABLE_DELIMITER = '|===';
/** Blocks whose content is not asciidoc markup (examples, comments), so no heading or table inside. */
const VERBATIM_DELIMITERS = new Set(['----', '....', '////']);

interface TableInProgress {
  line: number;
  columns: number | undefined;
  lines: { text: string; line: number }[];
}

/** What the line-by-line reader carries from one line to the next. */
interface ReaderState {
  sections: SectionList;
  /** Set inside a listing/literal/comment block: the delimiter that closes it. */
  verbatimDelimiter: string | undefined;
  /** `[[anchor]]` waiting for the heading it names. */
  pendingAnchor: string | undefined;
  /** Column count from a `[cols=...]` line waiting for its `|===`. */
  pendingColumns: number | undefined;
  table: TableInProgress | undefined;
}

/** Splits an asciidoc file into sections and their tables. */
export function readAsciidocDocument(text: string, file: string): SpecDocument {
  const state: ReaderState = {
    sections: createSectionList(),
    verbatimDelimiter: undefined,
    pendingAnchor: undefined,
    pendingColumns: undefined,
    table: undefined,
  };
  text.split(/\r?\n/).forEach((line, index) => {
    readLine(state, line, index + 1);
  });
  if (state.table) closeTable(state, state.table);
  return { file, format: 'asciidoc', sections: state.sections.sections };
}

function readLine(state: ReaderState, line: string, lineNumber: number): void {
  const trimmed = line.trim();
  if (state.table) {
    if (trimmed === TABLE_DELIMITER) closeTable(state, state.table);
    else state.table.lines.push({ text: line, line: lineNumber });
  } else if (state.verbatimDelimiter !== undefined) {
    if (trimmed === state.verbatimDelimiter) state.verbatimDelimiter = undefined;
  } else {
    readMarkupLine(state, line, lineNumber);
  }
}

function readMarkupLine(state: ReaderState, line: string, lineNumber: number): void {
  const trimmed = line.trim();
  if (VERBATIM_DELIMITERS.has(trimmed)) {
    state.verbatimDelimiter = trimmed;
  } else if (trimmed === '' || trimmed.startsWith('//')) {
    // Blank lines and comments keep a pending anchor: it still names the next heading.
  } else if (trimmed === TABLE_DELIMITER) {
    state.table = { line: lineNumber, columns: state.pendingColumns, lines: [] };
    state.pendingColumns = undefined;
    state.pendingAnchor = undefined;
  } else if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    readBlockAttributeLine(state, trimmed);
  } else {
    const heading = parseAsciidocHeading(line);
    if (heading) state.sections.open(heading.level, heading.title, lineNumber, state.pendingAnchor);
    state.pendingAnchor = undefined;
    state.pendingColumns = undefined;
  }
}

/** `[[anchor]]`, `[cols=...]`, `[source,json]`, ... */
function readBlockAttributeLine(state: ReaderState, trimmed: string): void {
  const anchor = parseBlockAnchor(trimmed);
  if (anchor !== undefined) state.pendingAnchor = anchor;
  else state.pendingColumns = parseColumnCount(trimmed) ?? state.pendingColumns;
}

function closeTable(state: ReaderState, table: TableInProgress): void {
  state.sections.addTable(buildAsciidocTable(table.lines, table.line, table.columns));
  state.table = undefined;
}

/** `=== X _class_` gives level 3 and title `X _class_`; a bare `====` block delimiter is no heading. */
export function parseAsciidocHeading(line: string): { level: number; title: string } | undefined {
  let level = 0;
  while (line.charAt(level) === '=') level++;
  if (level === 0 || level > 6 || line.charAt(level) !== ' ') return undefined;
  const title = line.slice(level).trim();
  return title === '' ? undefined : { level, title };
}

/** `[[mod_locations_evse_object]]` gives the id; `[[id,reftext]]` keeps only the id. */
export function parseBlockAnchor(trimmed: string): string | undefined {
  if (!trimmed.startsWith('[[') || !trimmed.endsWith(']]')) return undefined;
  const inner = trimmed.slice(2, -2);
  const comma = inner.indexOf(',');
  const id = (comma >= 0 ? inner.slice(0, comma) : inner).trim();
  return id === '' ? undefined : id;
}

/** Number of columns in a `[cols="3,2,1,10",options="header"]` block attribute line (no `n*` multipliers in the spec). */
export function parseColumnCount(attributeLine: string): number | undefined {
  const start = attributeLine.indexOf('cols="');
  if (start < 0) return undefined;
  const end = attributeLine.indexOf('"', start + 6);
  if (end < 0) return undefined;
  const spec = attributeLine.slice(start + 6, end).trim();
  return spec === '' ? undefined : spec.split(',').length;
}

/**
 * Builds a table from the lines between the `|===` delimiters. Every unescaped `|` starts a
 * cell and a cell runs on until the next one, across lines (multi-line descriptions, and even a
 * two-line header cell in CdrDimensionType). Cells are then grouped into rows of `columns` cells;
 * without a `cols` attribute, the first line's cell count is the width (asciidoc's own rule).
 * The first row is the header (every spec table has `options="header"`).
 */
export function buildAsciidocTable(
  lines: readonly { text: string; line: number }[],
  tableLine: number,
  columns?: number,
): RawTable {
  const cells = splitAsciidocCells(lines);
  const width = columns ?? firstLineCellCount(lines);
  const rows: RawRow[] = [];
  for (let start = 0; width > 0 && start < cells.length; start += width) {
    const rowCells = cells.slice(start, start + width);
    rows.push({ line: rowCells[0]?.line ?? tableLine, cells: rowCells.map((cell) => cell.text.trim()) });
  }
  const [header, ...body] = rows;
  return { line: tableLine, header: header?.cells ?? [], rows: body };
}

/** Replaces `<<target,label>>` cross references by their label and lists them. */
export function readAsciidocTypeCell(cell: string): TypeCell {
  const links: TypeCell['links'] = [];
  let text = '';
  let position = 0;
  while (position < cell.length) {
    const start = cell.indexOf('<<', position);
    const end = start < 0 ? -1 : cell.indexOf('>>', start + 2);
    if (start < 0 || end < 0) {
      text += cell.slice(position);
      break;
    }
    const inner = cell.slice(start + 2, end);
    const comma = inner.indexOf(',');
    const target = (comma >= 0 ? inner.slice(0, comma) : inner).trim();
    const label = (comma >= 0 ? inner.slice(comma + 1) : inner).trim();
    text += cell.slice(position, start) + label;
    links.push({ label, target: parseLinkTarget(target) });
    position = end + 2;
  }
  return { text: text.trim(), links };
}

interface CellText {
  text: string;
  line: number;
}

function splitAsciidocCells(lines: readonly { text: string; line: number }[]): CellText[] {
  const cells: CellText[] = [];
  for (const { text, line } of lines) {
    const [continuation, ...starts] = splitOnUnescapedPipes(text);
    const previous = cells[cells.length - 1];
    if (previous && continuation !== undefined && continuation.trim() !== '') {
      previous.text += `\n${continuation}`;
    }
    for (const start of starts) cells.push({ text: start, line });
  }
  return cells;
}

function firstLineCellCount(lines: readonly { text: string; line: number }[]): number {
  const first = lines.find((entry) => entry.text.trim() !== '');
  return first ? splitOnUnescapedPipes(first.text).length - 1 : 0;
}
