/** Shared interpretation: definition titles, type cells, cardinalities, link checks. */
import { describe, expect, it } from 'vitest';
import { parseDefinitionTitle, stripSectionNumber } from '../../../scripts/codegen/headings';
import type { ModuleModel } from '../../../scripts/codegen/model';
import { moduleNameForFile } from '../../../scripts/codegen/module-names';
import { checkTypeLinks, markdownSlugName } from '../../../scripts/codegen/resolve';
import { interpretTypeCell, parseCardinality, splitLengthSuffix } from '../../../scripts/codegen/type-ref';

describe('definition titles', () => {
  it.each([
    ['_Location_ Object', { name: 'Location', kind: 'object' }],
    ['Credentials object', { name: 'Credentials', kind: 'object' }],
    ['AdditionalGeoLocation *class*', { name: 'AdditionalGeoLocation', kind: 'class' }],
    ['CredentialsRole _class_', { name: 'CredentialsRole', kind: 'class' }],
    ['Capability *enum*', { name: 'Capability', kind: 'enum' }],
    ['DateTime _type_', { name: 'DateTime', kind: 'type' }],
  ])('reads "%s"', (title, expected) => {
    expect(parseDefinitionTitle(title)).toEqual(expected);
  });

  it.each(['Example: put a new ClientInfo object', 'Data', 'Object description', 'Data types', 'GET Object'])(
    'does not take "%s" for a definition',
    (title) => {
      expect(parseDefinitionTitle(title)).toBeUndefined();
    },
  );

  it('strips hand-written section numbers, duplicated or not', () => {
    expect(stripSectionNumber('4.10 ExceptionalPeriod *class*')).toBe('ExceptionalPeriod *class*');
    expect(stripSectionNumber('2. Object description')).toBe('Object description');
    expect(stripSectionNumber('4.1 BusinessDetails *class* ')).toBe('BusinessDetails *class*');
    expect(stripSectionNumber('2.1.1 GET')).toBe('GET');
    expect(stripSectionNumber('Version *class*')).toBe('Version *class*');
  });
});

describe('type cells', () => {
  it('reads primitives with and without a length', () => {
    expect(interpretTypeCell({ text: 'string(255)', links: [] })).toEqual({
      kind: 'primitive',
      name: 'string',
      maxLength: 255,
    });
    expect(interpretTypeCell({ text: 'decimal', links: [] })).toEqual({ kind: 'primitive', name: 'decimal' });
  });

  it('keeps the link of a linked type', () => {
    const link = { file: 'types.asciidoc', anchor: 'types_cistring_type' };
    expect(interpretTypeCell({ text: 'CiString(36)', links: [{ label: 'CiString', target: link }] })).toEqual(
      {
        kind: 'primitive',
        name: 'CiString',
        maxLength: 36,
        link,
      },
    );
    expect(interpretTypeCell({ text: 'EVSE', links: [{ label: 'EVSE', target: { anchor: 'a' } }] })).toEqual({
      kind: 'ref',
      name: 'EVSE',
      link: { anchor: 'a' },
    });
  });

  it('keeps alternatives and odd cells as unparsed text', () => {
    expect(interpretTypeCell({ text: 'Array or Object or String', links: [] })).toEqual({
      kind: 'unparsed',
      text: 'Array or Object or String',
    });
    expect(interpretTypeCell({ text: 'EVSE(3)', links: [] })).toEqual({ kind: 'unparsed', text: 'EVSE(3)' });
    expect(interpretTypeCell({ text: 'string(n)', links: [] })).toEqual({
      kind: 'unparsed',
      text: 'string(n)',
    });
  });

  it('splits a length suffix', () => {
    expect(splitLengthSuffix('int(5)')).toEqual({ base: 'int', length: 5 });
    expect(splitLengthSuffix('URL')).toEqual({ base: 'URL' });
    expect(splitLengthSuffix('string(255) x')).toBeUndefined();
  });
});

describe('cardinality cells', () => {
  it.each(['1', '?', '*', '+'])('reads %s', (cell) => {
    expect(parseCardinality(` ${cell} `)).toEqual({ cardinality: cell });
  });

  it('reads "* or ?" as optional and returns the alternatives', () => {
    expect(parseCardinality('* or ?')).toEqual({ cardinality: '?', alternatives: ['*', '?'] });
  });

  it('rejects anything else', () => {
    expect(parseCardinality('')).toBeUndefined();
    expect(parseCardinality('yes')).toBeUndefined();
    expect(parseCardinality('1 or many')).toBeUndefined();
  });
});

describe('type link checks', () => {
  const module: ModuleModel = {
    name: 'Types',
    file: 'types.asciidoc',
    objects: [
      {
        name: 'Thing',
        kind: 'class',
        fields: [
          {
            name: 'a',
            cardinality: '1',
            line: 10,
            type: { kind: 'primitive', name: 'string', link: { anchor: 't_ci' } },
          },
          {
            name: 'b',
            cardinality: '1',
            line: 11,
            type: { kind: 'primitive', name: 'CiString', link: { anchor: 't_ci' } },
          },
          {
            name: 'c',
            cardinality: '1',
            line: 12,
            type: { kind: 'ref', name: 'Thing', link: { anchor: 'nowhere' } },
          },
        ],
        source: { file: 'types.asciidoc', section: 'Thing _class_', line: 1 },
      },
    ],
    enums: [],
    primitives: [
      {
        name: 'CiString',
        source: { file: 'types.asciidoc', section: 'CiString _type_', anchor: 't_ci', line: 5 },
      },
    ],
    unnamed: [],
  };

  it('reports asciidoc labels that disagree with their anchor, and unknown anchors', () => {
    expect(checkTypeLinks([module], 'asciidoc').map((d) => [d.code, d.line])).toEqual([
      ['label-link-mismatch', 10],
      ['unknown-anchor', 12],
    ]);
  });

  it('compares only the name part of markdown slugs', () => {
    expect(markdownSlugName('12-cistring-type')).toBe('cistring');
    expect(markdownSlugName('version-class')).toBe('version');
    expect(markdownSlugName('410-exceptionalperiod-class')).toBe('exceptionalperiod');
  });
});

describe('module names', () => {
  it('uses the inventory names and derives unknown ones', () => {
    expect(moduleNameForFile('mod_cdrs.md')).toBe('CDRs');
    expect(moduleNameForFile('version_information_endpoint.asciidoc')).toBe('Versions');
    expect(moduleNameForFile('mod_new_thing.asciidoc')).toBe('NewThing');
  });
});
