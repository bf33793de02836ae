/** Collects the sections of a document while its lines are read in order, tracking the heading path. */
import type { RawTable, Section } from './document';
import { stripSectionNumber } from './headings';

export interface SectionList {
  /** Starts a new section; closes the open ones at the same or a deeper level. */
  open(level: number, title: string, line: number, anchor?: string): void;
  /** Adds a table to the section being read (a root section holds tables before any heading). */
  addTable(table: RawTable): void;
  readonly sections: Section[];
}

export function createSectionList(): SectionList {
  const sections: Section[] = [{ title: '', level: 0, path: [], line: 1, tables: [] }];
  const stack: { level: number; title: string }[] = [];
  return {
    sections,
    open(level, title, line, anchor) {
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
      stack.push({ level, title: stripSectionNumber(title) });
      const section: Section = { title, level, path: stack.map((entry) => entry.title), line, tables: [] };
      if (anchor !== undefined) section.anchor = anchor;
      sections.push(section);
    },
    addTable(table) {
      sections[sections.length - 1]?.tables.push(table);
    },
  };
}
