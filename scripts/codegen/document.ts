/**
 * Syntax-neutral view of one spec file: its sections (headings) and the raw tables under each.
 * The markdown and asciidoc readers both produce this, so that deciding what a table *means*
 * (see build-module.ts) is written once for both versions.
 */
import type { LinkTarget, SpecFormat } from './model';

export interface SpecDocument {
  /** File name inside the version folder. */
  file: string;
  format: SpecFormat;
  sections: Section[];
}

export interface Section {
  /** Heading text as written, without the markup (`###`, `===`). */
  title: string;
  /** Heading depth: 1 for `#` / `=`. */
  level: number;
  /** Titles (section numbers removed) of the enclosing headings and this one, outermost first. */
  path: string[];
  /** asciidoc `[[anchor]]` written right before the heading. */
  anchor?: string;
  /** 1-based line of the heading. */
  line: number;
  tables: RawTable[];
}

/** A table as text cells: the header row, then body rows. Cells are trimmed, markup kept. */
export interface RawTable {
  line: number;
  header: string[];
  rows: RawRow[];
}

export interface RawRow {
  /** Line where the row's first cell starts. */
  line: number;
  cells: string[];
}

/**
 * A type cell with its links replaced by their labels, e.g. `[CiString](types.md#x)(36)` and
 * `<<types.asciidoc#x,CiString>>(36)` both give text `CiString(36)` and one link.
 */
export interface TypeCell {
  text: string;
  links: { label: string; target: LinkTarget }[];
}

/** Reads a type cell of one syntax into the neutral form. */
export type TypeCellReader = (cell: string) => TypeCell;
