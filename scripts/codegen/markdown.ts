/**
 * Reader for the 2.1.1 spec (GitHub markdown): headings `#`..`######` and pipe tables.
 * Fenced code blocks (inline JSON examples) and HTML comments are skipped.
 */

import { splitOnUnescapedPipes } from './cells';
import type { RawRow, RawTable, SpecDocument, TypeCell } from './document';
import { parseLinkTarget } from './links';
import { createSectionList, type SectionList } from './sections';

/** What the line-by-line reader carries from one line to the next. */
interface ReaderState {
  sections: SectionList;
  inFence: boolean;
  inComment: boolean;
  /** Consecutive `|` lines of the table being read. */
  tableLines: { text: string; line: number }[];
}

/** Splits a markdown file into sections and their tables. */
export function readMarkdownDocument(text: string, file: string): SpecDocument {
  const state: ReaderState = {
    sections: createSectionList(),
    inFence: false,
    inComment: false,
    tableLines: [],
  };
  text.split(/\r?\n/).forEach((line, index) => {
    readLine(state, line, index + 1);
  });
  flushTable(state);
  return { file, format: 'markdown', sections: state.sections.sections };
}

function readLine(state: ReaderState, line: string, lineNumber: number): void {
  const trimmed = line.trim();
  if (trimmed.startsWith('```')) {
    flushTable(state);
    state.inFence = !state.inFence;
  } else if (state.inFence) {
    // Inline JSON examples: no headings or tables in there.
  } else if (state.inComment) {
    state.inComment = !trimmed.includes('-->');
  } else if (opensUnclosedComment(trimmed)) {
    flushTable(state);
    state.inComment = true;
  } else if (trimmed.startsWith('|')) {
    state.tableLines.push({ text: trimmed, line: lineNumber });
  } else {
    flushTable(state);
    const heading = parseMarkdownHeading(line);
    if (heading) state.sections.open(heading.level, heading.title, lineNumber);
  }
}

/** A table ends at the first line that does not start with `|`. */
function flushTable(state: ReaderState): void {
  if (state.tableLines.length > 0) state.sections.addTable(buildMarkdownTable(state.tableLines));
  state.tableLines = [];
}

/** `### 3.1 _Location_ Object` gives level 3 and title `3.1 _Location_ Object`. */
export function parseMarkdownHeading(line: string): { level: number; title: string } | undefined {
  let level = 0;
  while (line.charAt(level) === '#') level++;
  if (level === 0 || level > 6 || line.charAt(level) !== ' ') return undefined;
  const title = line.slice(level).trim();
  return title === '' ? undefined : { level, title };
}

/** Cells of one table line; the outer pipes are optional, `\|` is a literal pipe. */
export function splitMarkdownRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return splitOnUnescapedPipes(body).map((cell) => cell.trim());
}

/** Builds a table from consecutive `|` lines: header, `|---|` separator, body rows. */
export function buildMarkdownTable(lines: readonly { text: string; line: number }[]): RawTable {
  const [headerLine, ...rest] = lines;
  const rows: RawRow[] = rest
    .map((entry) => ({ line: entry.line, cells: splitMarkdownRow(entry.text) }))
    .filter((row) => !isSeparatorRow(row.cells));
  return { line: headerLine?.line ?? 0, header: headerLine ? splitMarkdownRow(headerLine.text) : [], rows };
}

/** Replaces `[label](target)` links by their label and lists them. */
export function readMarkdownTypeCell(cell: string): TypeCell {
  const links: TypeCell['links'] = [];
  let text = '';
  let position = 0;
  while (position < cell.length) {
    const link = findMarkdownLink(cell, position);
    if (!link) {
      text += cell.slice(position);
      break;
    }
    text += cell.slice(position, link.start) + link.label;
    links.push({ label: link.label, target: parseLinkTarget(link.target) });
    position = link.end;
  }
  return { text: text.trim(), links };
}

function findMarkdownLink(
  cell: string,
  from: number,
): { start: number; end: number; label: string; target: string } | undefined {
  const start = cell.indexOf('[', from);
  if (start < 0) return undefined;
  const labelEnd = cell.indexOf('](', start);
  if (labelEnd < 0) return undefined;
  const targetEnd = cell.indexOf(')', labelEnd + 2);
  if (targetEnd < 0) return undefined;
  return {
    start,
    end: targetEnd + 1,
    label: cell.slice(start + 1, labelEnd).trim(),
    target: cell.slice(labelEnd + 2, targetEnd).trim(),
  };
}

function isSeparatorRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell));
}

/** `<div><!-- ---- --></div>` wraps every table and closes on the same line; real comments span lines. */
function opensUnclosedComment(trimmed: string): boolean {
  const open = trimmed.indexOf('<!--');
  return open >= 0 && !trimmed.includes('-->', open + 4);
}
