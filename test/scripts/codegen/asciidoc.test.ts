/** The 2.2.1 (asciidoc) reader on small made-up snippets. */
import { describe, expect, it } from 'vitest';
import {
  buildAsciidocTable,
  parseAsciidocHeading,
  parseBlockAnchor,
  parseColumnCount,
  readAsciidocDocument,
  readAsciidocTypeCell,
} from '../../../scripts/codegen/asciidoc';
import { buildModule } from '../../../scripts/codegen/build-module';

const GADGETS = [
  '[[gadgets_module]]',
  '== Gadgets module',
  '',
  '[[gadgets_gadget_object]]',
  '==== _Gadget_ Object',
  '',
  '[cols="3,2,1,10",options="header"]',
  '|===',
  '|Property |Type |Card. |Description',
  '',
  '|id |<<types.asciidoc#types_cistring_type,CiString>>(36) |1 |First line of a made-up text. +',
  '       It goes on here, with a regex a\\|b.',
  '|parts |<<gadgets_part_class,Part>> |+ |Made up.',
  '|enabled',
  '|boolean',
  '|?',
  '|One cell per line.',
  '|===',
  '',
  '[source,json]',
  '----',
  '==== Fake _class_',
  '|===',
  '----',
  '',
  '[[gadgets_part_class]]',
  '==== Part _class_',
  '',
  '[cols="3,2,1,10",options="header"]',
  '|===',
  '|Property |Type |Card. |Description',
  '|label |<<types.asciidoc#types_string_type,string>>(255) |? |Made up.',
  '|===',
  '',
  '[[gadgets_mode_enum]]',
  '==== Mode _enum_',
  '',
  '[cols="7,3,24",options="header"]',
  '|===',
  '|Value |Only +',
  '        Sometimes| Description',
  '',
  '|FAST_1     |Y| Made up.',
  '|slow_mode  | | Made up.',
  '|===',
].join('\n');

describe('asciidoc reader', () => {
  it('attaches the [[anchor]] to the heading after it and skips listing blocks', () => {
    const document = readAsciidocDocument(GADGETS, 'mod_gadgets.asciidoc');
    expect(
      document.sections.map((section) => [section.title, section.level, section.anchor, section.line]),
    ).toEqual([
      ['', 0, undefined, 1],
      ['Gadgets module', 2, 'gadgets_module', 2],
      ['_Gadget_ Object', 4, 'gadgets_gadget_object', 5],
      ['Part _class_', 4, 'gadgets_part_class', 27],
      ['Mode _enum_', 4, 'gadgets_mode_enum', 36],
    ]);
  });

  it('reads multi-line cells and one-cell-per-line rows, grouped by the cols count', () => {
    const table = readAsciidocDocument(GADGETS, 'mod_gadgets.asciidoc').sections[2]?.tables[0];
    expect(table?.header).toEqual(['Property', 'Type', 'Card.', 'Description']);
    expect(table?.rows.map((row) => [row.line, ...row.cells.slice(0, 3)])).toEqual([
      [11, 'id', '<<types.asciidoc#types_cistring_type,CiString>>(36)', '1'],
      [13, 'parts', '<<gadgets_part_class,Part>>', '+'],
      [14, 'enabled', 'boolean', '?'],
    ]);
    expect(table?.rows[0]?.cells[3]).toBe(
      'First line of a made-up text. +\n       It goes on here, with a regex a|b.',
    );
  });

  it('reads a header cell that spans two lines', () => {
    const table = readAsciidocDocument(GADGETS, 'mod_gadgets.asciidoc').sections[4]?.tables[0];
    expect(table?.header).toEqual(['Value', 'Only +\n        Sometimes', 'Description']);
    expect(table?.rows.map((row) => row.cells[0])).toEqual(['FAST_1', 'slow_mode']);
  });

  it('builds the module: fields with lengths and refs, enum values as written', () => {
    const { module, diagnostics } = buildModule(
      readAsciidocDocument(GADGETS, 'mod_gadgets.asciidoc'),
      'Gadgets',
      readAsciidocTypeCell,
    );
    expect(module.objects.map((object) => [object.name, object.kind, object.source.anchor])).toEqual([
      ['Gadget', 'object', 'gadgets_gadget_object'],
      ['Part', 'class', 'gadgets_part_class'],
    ]);
    expect(module.objects[0]?.fields).toEqual([
      {
        name: 'id',
        type: {
          kind: 'primitive',
          name: 'CiString',
          maxLength: 36,
          link: { file: 'types.asciidoc', anchor: 'types_cistring_type' },
        },
        cardinality: '1',
        line: 11,
      },
      {
        name: 'parts',
        type: { kind: 'ref', name: 'Part', link: { anchor: 'gadgets_part_class' } },
        cardinality: '+',
        line: 13,
      },
      { name: 'enabled', type: { kind: 'primitive', name: 'boolean' }, cardinality: '?', line: 14 },
    ]);
    expect(module.enums[0]?.values.map((value) => value.value)).toEqual(['FAST_1', 'slow_mode']);
    expect(diagnostics).toEqual([]);
  });

  it('uses the first line as the width when there is no cols attribute', () => {
    const table = buildAsciidocTable(
      [
        { text: '|Value |Description', line: 2 },
        { text: '|A |x', line: 3 },
        { text: '|B', line: 4 },
        { text: '|y', line: 5 },
      ],
      1,
    );
    expect(table.rows).toEqual([
      { line: 3, cells: ['A', 'x'] },
      { line: 4, cells: ['B', 'y'] },
    ]);
  });

  it('parses headings, anchors and cols attributes', () => {
    expect(parseAsciidocHeading('=== CiString _type_')).toEqual({ level: 3, title: 'CiString _type_' });
    expect(parseAsciidocHeading('====')).toBeUndefined();
    expect(parseAsciidocHeading('|===')).toBeUndefined();
    expect(parseBlockAnchor('[[types_role_enum]]')).toBe('types_role_enum');
    expect(parseBlockAnchor('[[an_id,Some text]]')).toBe('an_id');
    expect(parseBlockAnchor('[source,json]')).toBeUndefined();
    expect(parseColumnCount('[cols="7,3,24",options="header"]')).toBe(3);
    expect(parseColumnCount('[source,json]')).toBeUndefined();
  });

  it('replaces cross references in type cells by their label', () => {
    expect(readAsciidocTypeCell('<<types.asciidoc#types_string_type,string>>(255)')).toEqual({
      text: 'string(255)',
      links: [{ label: 'string', target: { file: 'types.asciidoc', anchor: 'types_string_type' } }],
    });
    expect(readAsciidocTypeCell('<<mod_locations_evse_object,EVSE>>')).toEqual({
      text: 'EVSE',
      links: [{ label: 'EVSE', target: { anchor: 'mod_locations_evse_object' } }],
    });
    expect(readAsciidocTypeCell('int')).toEqual({ text: 'int', links: [] });
  });
});
