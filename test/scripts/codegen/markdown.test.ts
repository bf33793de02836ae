/** The 2.1.1 (markdown) reader on small made-up snippets. */
import { describe, expect, it } from 'vitest';
import { buildModule } from '../../../scripts/codegen/build-module';
import {
  buildMarkdownTable,
  parseMarkdownHeading,
  readMarkdownDocument,
  readMarkdownTypeCell,
  splitMarkdownRow,
} from '../../../scripts/codegen/markdown';

const WIDGETS = [
  '# Widgets module',
  '',
  '## 3. Object description',
  '',
  '### 3.1 _Widget_ Object',
  '',
  '<div><!-- ----------------------------------------- --></div>',
  '',
  '| Property | Type                                      | Card. | Description        |',
  '|----------|-------------------------------------------|-------|--------------------|',
  '| id       | [CiString](types.md#11-cistring-type)(36) | 1     | Made-up id.        |',
  '| parts    | [Part](#41-part-class)                    | *     | Made-up list.      |',
  '| code     | string(8)                                 | ?     | Pattern: a\\|b     |',
  '| size     | int                                       | +     | Made-up sizes.     |',
  '<div><!-- ----------------------------------------- --></div>',
  '',
  '```json',
  '| not | a | table |',
  '### 9.9 Fake *class*',
  '```',
  '',
  '<!--',
  '### 9.8 Hidden *enum*',
  '-->',
  '',
  '## 4. Data types',
  '',
  '### 4.1 Part *class*',
  '',
  '| Field Name           | Field Type            | Card. | Description |',
  '|----------------------|-----------------------|-------|-------------|',
  '| *Choice: one of two* |                       |       |             |',
  '|  > weight            | int(5)                | 1     | Either.     |',
  '|  > label             | [string](#x)(4)       | 1     | Or.         |',
  '| color                | [Color](#41-color-enum) | ?   | After.      |',
  '',
  '### 4.1 Color *enum*',
  '',
  '| Value      | Description |',
  '|------------|-------------|',
  '| RED_1      | Made up.    |',
  '| type_b_16  | Mixed case. |',
  '',
  '#### Example: a Widget object',
  '',
  '| Property | Type | Card. | Description |',
  '|---|---|---|---|',
  '| versions | [Part](#41-part-class) | + | A list. |',
].join('\n');

describe('markdown reader', () => {
  it('splits a file into numbered sections, skipping fenced code and comments', () => {
    const document = readMarkdownDocument(WIDGETS, 'mod_widgets.md');
    expect(document.sections.map((section) => [section.title, section.level, section.line])).toEqual([
      ['', 0, 1],
      ['Widgets module', 1, 1],
      ['3. Object description', 2, 3],
      ['3.1 _Widget_ Object', 3, 5],
      ['4. Data types', 2, 26],
      ['4.1 Part *class*', 3, 28],
      ['4.1 Color *enum*', 3, 37],
      ['Example: a Widget object', 4, 44],
    ]);
    expect(document.sections[3]?.path).toEqual(['Widgets module', 'Object description', '_Widget_ Object']);
  });

  it('reads a pipe table: header, separator skipped, rows with their line numbers', () => {
    const [section] = readMarkdownDocument(WIDGETS, 'mod_widgets.md').sections.filter((s) => s.line === 5);
    const table = section?.tables[0];
    expect(table?.header).toEqual(['Property', 'Type', 'Card.', 'Description']);
    expect(table?.rows.map((row) => [row.line, row.cells[0], row.cells[2]])).toEqual([
      [11, 'id', '1'],
      [12, 'parts', '*'],
      [13, 'code', '?'],
      [14, 'size', '+'],
    ]);
    expect(table?.rows[2]?.cells[3]).toBe('Pattern: a|b');
  });

  it('builds objects, classes, enums and choice groups from the sections', () => {
    const { module, diagnostics } = buildModule(
      readMarkdownDocument(WIDGETS, 'mod_widgets.md'),
      'Widgets',
      readMarkdownTypeCell,
    );
    expect(module.objects.map((object) => [object.name, object.kind, object.source.section])).toEqual([
      ['Widget', 'object', '3.1 _Widget_ Object'],
      ['Part', 'class', '4.1 Part *class*'],
    ]);
    expect(module.objects[0]?.fields.map((field) => [field.name, field.cardinality, field.type])).toEqual([
      [
        'id',
        '1',
        {
          kind: 'primitive',
          name: 'CiString',
          maxLength: 36,
          link: { file: 'types.md', anchor: '11-cistring-type' },
        },
      ],
      ['parts', '*', { kind: 'ref', name: 'Part', link: { anchor: '41-part-class' } }],
      ['code', '?', { kind: 'primitive', name: 'string', maxLength: 8 }],
      ['size', '+', { kind: 'primitive', name: 'int' }],
    ]);
    expect(module.objects[1]?.fields.map((field) => [field.name, field.choiceGroup])).toEqual([
      ['weight', 1],
      ['label', 1],
      ['color', undefined],
    ]);
    expect(module.enums).toEqual([
      {
        name: 'Color',
        values: [
          { value: 'RED_1', line: 41 },
          { value: 'type_b_16', line: 42 },
        ],
        source: { file: 'mod_widgets.md', section: '4.1 Color *enum*', line: 37 },
      },
    ]);
    expect(module.unnamed).toEqual([]);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['skipped-table']);
  });

  it('parses headings only with a space after the hashes', () => {
    expect(parseMarkdownHeading('### 4.2 Capability *enum*')).toEqual({
      level: 3,
      title: '4.2 Capability *enum*',
    });
    expect(parseMarkdownHeading('#hashtag')).toBeUndefined();
    expect(parseMarkdownHeading('####### too deep')).toBeUndefined();
  });

  it('splits rows with or without outer pipes', () => {
    expect(splitMarkdownRow('| a | b |')).toEqual(['a', 'b']);
    expect(splitMarkdownRow('a | b')).toEqual(['a', 'b']);
    expect(splitMarkdownRow('| a \\| b | c |')).toEqual(['a | b', 'c']);
  });

  it('drops separator rows wherever they are', () => {
    const table = buildMarkdownTable([
      { text: '| Value | Description |', line: 1 },
      { text: '| :---- | ----------: |', line: 2 },
      { text: '| A     | x           |', line: 3 },
    ]);
    expect(table).toEqual({
      line: 1,
      header: ['Value', 'Description'],
      rows: [{ line: 3, cells: ['A', 'x'] }],
    });
  });

  it('replaces links in type cells by their label', () => {
    expect(readMarkdownTypeCell('[string](types.md#15-string-type)(255)')).toEqual({
      text: 'string(255)',
      links: [{ label: 'string', target: { file: 'types.md', anchor: '15-string-type' } }],
    });
    expect(readMarkdownTypeCell('decimal')).toEqual({ text: 'decimal', links: [] });
    expect(readMarkdownTypeCell('[broken](no-close')).toEqual({ text: '[broken](no-close', links: [] });
  });
});
